"""DedeCMS / PHPCMS / EmpireCMS / WordPress / generic-list fixtures: every case, every field.

Cases live in fixtures/<cms>/<case>/ (written by tests/cms/build_fixtures.py from the
CMSs' stock templates, expectations by hand).  Article cases have expected.json (record
fields), listing cases expected_listing.json.  Test ids are ``<cms>/<case>::<field>`` so a
failure names the fixture and the field.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from citynews_scraper.extract import extract_article, merge_pages
from citynews_scraper.extract.listing import Listing, parse_listing
from citynews_scraper.record import schema_errors

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
FAMILIES = ("dedecms", "phpcms", "empirecms", "wordpress", "generic-list")


def _cases(marker: str) -> list[str]:
    return sorted(f"{family}/{p.parent.name}" for family in FAMILIES for p in (ROOT / family).glob(f"*/{marker}"))


ARTICLE_CASES = _cases("expected.json")
LISTING_CASES = _cases("expected_listing.json")


def _json(path: Path) -> Any:
    return json.loads(path.read_bytes().decode("utf-8"))


def _request(case: str) -> tuple[Path, dict[str, Any], datetime]:
    folder = ROOT / case
    request = _json(folder / "request.json")
    return folder, request, datetime.fromisoformat(request["fetched_at"].replace("Z", "+00:00"))


@cache
def _record(case: str) -> dict[str, Any] | BaseException:
    folder, request, clock = _request(case)
    pages = [((folder / p["file"]).read_bytes(), p.get("headers")) for p in request["pages"]]
    try:
        if len(pages) > 1:
            return merge_pages(pages, request["url"], fetched_at=clock).to_dict()
        return extract_article(pages[0][0], request["url"], pages[0][1], fetched_at=clock).to_dict()
    except Exception as error:  # reported by each field test of the case
        return error


@cache
def _listing(case: str) -> Listing | BaseException:
    folder, request, clock = _request(case)
    page = request["pages"][0]
    try:
        return parse_listing((folder / page["file"]).read_bytes(), request["url"], page.get("headers"), fetched_at=clock)
    except Exception as error:
        return error


def _article_fields() -> list[Any]:
    return [
        pytest.param(case, key, id=f"{case}::{key}")
        for case in ARTICLE_CASES
        for key in _json(ROOT / case / "expected.json")
    ]


def _listing_fields() -> list[Any]:
    return [
        pytest.param(case, key, id=f"{case}::{key}")
        for case in LISTING_CASES
        for key in _json(ROOT / case / "expected_listing.json")
    ]


def test_every_family_has_article_and_listing_cases() -> None:
    for family in FAMILIES[:-1]:
        assert sum(c.startswith(family + "/") for c in ARTICLE_CASES) >= 3, family
        assert any(c.startswith(family + "/") for c in LISTING_CASES), family
    assert sum(c.startswith("generic-list/") for c in LISTING_CASES) >= 3


@pytest.mark.parametrize("case,key", _article_fields())
def test_article_field(case: str, key: str) -> None:
    record = _record(case)
    if isinstance(record, BaseException):
        pytest.fail(f"{case}: extraction raised {type(record).__name__}: {record}")
    expected = _json(ROOT / case / "expected.json")[key]
    assert record[key] == expected, f"{case}: field {key!r}"


@pytest.mark.parametrize("case", ARTICLE_CASES)
def test_article_record_is_valid(case: str) -> None:
    record = _record(case)
    if isinstance(record, BaseException):
        pytest.fail(f"{case}: extraction raised {type(record).__name__}: {record}")
    assert schema_errors(record) == [], case


@pytest.mark.parametrize("case,key", _listing_fields())
def test_listing_field(case: str, key: str) -> None:
    listing = _listing(case)
    if isinstance(listing, BaseException):
        pytest.fail(f"{case}: listing raised {type(listing).__name__}: {listing}")
    expected = _json(ROOT / case / "expected_listing.json")[key]
    urls = [entry.url for entry in listing.entries]
    if key == "entries":
        # The channel's own list comes first, in page order (other article links may follow).
        assert urls[: len(expected)] == expected, f"{case}: entries"
    elif key == "absent":
        assert not set(expected) & set(urls), f"{case}: furniture links taken as entries"
    elif key == "first_entry":
        first = listing.entries[0]
        assert {name: getattr(first, name) for name in expected} == expected, f"{case}: first entry"
    elif key == "channels":
        assert set(expected) <= set(listing.channels), f"{case}: channels {listing.channels}"
    else:
        assert getattr(listing, key) == expected, f"{case}: listing field {key!r}"
