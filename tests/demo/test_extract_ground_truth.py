"""The lead's extractor against the portal's ground truth, field by field (no crawl).

Every live article of small portals is fetched in-process (all its pages, in the form the
site links them) and run through `extract_article` / `merge_pages`; each record must equal
the ground truth in every field but `fetched_at`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from citynews_scraper.demo.app import PortalApp
from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.content import ground_truth
from citynews_scraper.demo.urls import article_href, pager_href
from citynews_scraper.extract import extract_article, merge_pages
from tests.demo.conftest import BASE

# Real time, years after the portal's clock: relative dates must come from span[title].
FETCHED_AT = datetime.now(UTC)

CONFIGS = {
    "gbk": DemoConfig(),
    "utf8-rewrite-folders": DemoConfig(encoding="utf-8", rewrite=True, folders=True),
    "big5": DemoConfig(encoding="big5", articles=40),
    "charset-lies": DemoConfig(articles=30, faults=1.0, fault_kinds=("charset",)),
    "static": DemoConfig(static=True),
}


def _extract(app: PortalApp, aid: int, pages: int) -> dict:
    config = app.config
    url = BASE + article_href(config, aid)
    fetched = []
    for number in range(1, pages + 1):
        target = article_href(config, aid) if number == 1 else pager_href(config, aid, number)
        reply = app.respond("GET", "/" + target)
        assert reply.status == 200, target
        fetched.append((reply.body, dict(reply.headers)))
    if pages == 1:
        article = extract_article(fetched[0][0], url, fetched[0][1], fetched_at=FETCHED_AT)
    else:
        article = merge_pages(fetched, url, fetched_at=FETCHED_AT)
    return article.to_dict()


@pytest.mark.parametrize("name", list(CONFIGS))
def test_every_field_of_every_article_matches(name: str) -> None:
    config = CONFIGS[name]
    app = PortalApp(config, BASE)
    mismatches = []
    for expected in ground_truth(config, BASE):
        got = _extract(app, int(expected["article_id"]), expected["pages"])
        for field, value in expected.items():
            if field != "fetched_at" and got[field] != value:
                mismatches.append(f"aid {expected['article_id']} {field}: expected {value!r}, got {got[field]!r}")
    assert mismatches == []
