"""Fuzzing `extract_article` with mutated article pages (hypothesis).

≥ 10,000 pages built from the Discuz! fixtures (or the unit-test page when the fixtures are
absent) by truncation, byte flips, charset lies, deep nesting and huge attributes.  The only
exceptions allowed are the documented `ExtractionError`s, and no page may take over 1 s.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citynews_scraper.extract import ExtractionError, extract_article
from citynews_scraper.record import schema_errors
from tests.pages import stock_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "discuz"
NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
URL = "http://www.pxcs.cn/portal.php?mod=view&aid=67"
EXAMPLES = 10_000
CHARSETS = ("gbk", "gb2312", "utf-8", "big5", "iso-8859-1", "shift_jis", "utf-16", "bogus-charset", "")


def seed_pages() -> list[bytes]:
    pages = [stock_page("<p>第一段。</p><p>第二段。</p>")]
    for request in sorted(FIXTURES.glob("*/request.json")):
        spec = json.loads(request.read_text("utf-8"))
        pages.extend((request.parent / page["file"]).read_bytes() for page in spec["pages"])
    return pages


SEEDS = seed_pages()


@st.composite
def mutated_page(draw: st.DrawFn) -> tuple[bytes, dict[str, str]]:
    page = bytearray(draw(st.sampled_from(SEEDS)))
    kind = draw(st.sampled_from(("truncate", "flip", "nest", "attribute", "splice", "none")))
    if kind == "truncate":
        del page[draw(st.integers(0, len(page))):]
    elif kind == "flip" and page:
        for _ in range(draw(st.integers(1, 64))):
            page[draw(st.integers(0, len(page) - 1))] = draw(st.integers(0, 255))
    elif kind == "nest":
        at = draw(st.integers(0, len(page)))
        depth = draw(st.integers(100, 5000))
        page[at:at] = b"<div><font>" * depth
    elif kind == "attribute":
        at = page.find(b"<p")
        if at >= 0:
            page[at + 2:at + 2] = b' title="' + b"x" * draw(st.integers(1000, 2_000_000)) + b'"'
    elif kind == "splice":
        at = draw(st.integers(0, len(page)))
        page[at:at] = draw(st.binary(min_size=1, max_size=512))
    charset = draw(st.sampled_from(CHARSETS))
    headers = {"Content-Type": f"text/html; charset={charset}"} if charset else {}
    return bytes(page), headers


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None,
          derandomize=True)
@given(mutated_page())
def test_mutated_pages_give_a_valid_record_or_a_documented_error(case: tuple[bytes, dict[str, str]]) -> None:
    body, headers = case
    start = time.perf_counter()
    try:
        article = extract_article(body, URL, headers, fetched_at=NOW)
    except ExtractionError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert schema_errors(article.to_dict()) == []
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, f"{elapsed:.2f} s for a {len(body)}-byte page"
