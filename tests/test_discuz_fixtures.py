"""Discuz! X fixtures (fixtures/discuz/<case>/): every case, every field.

Each case folder holds raw page bytes, the response headers and the frozen fetch clock
(request.json), and either the full expected record (expected.json) or the expected
error (expected_error.json).  Tests are generated per case and per record field, with ids
like ``x34-gbk-stock::title``, so a failure names the fixture and the field.
Multi-page cases list several pages and go through `merge_pages`; single pages through
`extract_article`.  The fixtures are written by fixtures/discuz/build_fixtures.py from the
references, independently of the parser.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from citynews_scraper.extract import ExtractionError, extract_article, merge_pages
from citynews_scraper.record import content_hash, schema_errors

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "discuz"
RECORD_KEYS = (
    "schema_version", "url", "site", "cms", "article_id", "title", "publisher", "author", "source",
    "source_url", "published_at", "published_at_raw", "category", "summary", "paragraphs", "images",
    "reactions", "views", "comments", "pages", "lang", "encoding", "encoding_source", "repairs",
    "quality_flags", "fetched_at", "content_hash",
)


def _cases(kind: str) -> list[str]:
    return sorted(p.parent.name for p in ROOT.glob(f"*/{kind}"))


ARTICLE_CASES = _cases("expected.json")
ERROR_CASES = _cases("expected_error.json")


def _json(path: Path) -> Any:
    return json.loads(path.read_bytes().decode("utf-8"))


def _clock(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def run_case(name: str) -> dict[str, Any]:
    """Extract the case's page(s) as a user would (bytes + headers + frozen clock) → record dict."""
    folder = ROOT / name
    request = _json(folder / "request.json")
    pages = [((folder / p["file"]).read_bytes(), p.get("headers")) for p in request["pages"]]
    options = {
        "encoding": request.get("encoding"),
        "cms": request.get("cms"),
        "fetched_at": _clock(request["fetched_at"]),
    }
    if len(pages) > 1:
        return merge_pages(pages, request["url"], **options).to_dict()
    body, headers = pages[0]
    return extract_article(body, request["url"], headers, **options).to_dict()


@cache
def _outcome(name: str) -> tuple[dict[str, Any] | None, BaseException | None]:
    """One extraction per case, shared by all of its field tests."""
    try:
        return run_case(name), None
    except Exception as error:  # reported by every field test of the case
        return None, error


def produced(name: str) -> dict[str, Any]:
    record, error = _outcome(name)
    if error is not None:
        pytest.fail(f"{name}: extraction raised {type(error).__name__}: {error}")
    assert record is not None
    return record


def _field_params() -> list[Any]:
    params = []
    for name in ARTICLE_CASES:
        for key in RECORD_KEYS:
            params.append(pytest.param(name, key, id=f"{name}::{key}"))
    return params


def _ordered(value: Any) -> Any:
    """Dicts as item lists, so key order counts (reactions are in page order)."""
    if isinstance(value, dict):
        return [(k, _ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


@pytest.mark.parametrize(("name", "key"), _field_params())
def test_field(name: str, key: str) -> None:
    expected = _json(ROOT / name / "expected.json")[key]
    record = produced(name)
    assert key in record, f"{name}: record has no {key!r}"
    if key == "paragraphs" and record[key] != expected:
        _explain_paragraphs(record[key], expected)
    assert _ordered(record[key]) == _ordered(expected), f"{name}::{key}"


def _explain_paragraphs(got: list[str], want: list[str]) -> None:
    """Point at the first differing paragraph (lists of long strings diff badly)."""
    for index, (g, w) in enumerate(zip(got, want, strict=False)):  # the counts may differ: reported below
        if g != w:
            pytest.fail(f"paragraph {index} differs:\n got: {g!r}\nwant: {w!r}\n"
                        f"({len(got)} paragraphs produced, {len(want)} expected)")
    pytest.fail(f"{len(got)} paragraphs produced, {len(want)} expected; first extra: "
                f"{(got[len(want):] or want[len(got):])[0]!r}")


@pytest.mark.parametrize("name", ARTICLE_CASES)
def test_record_validates_and_keeps_key_order(name: str) -> None:
    record = produced(name)
    assert schema_errors(record) == []
    assert tuple(record) == RECORD_KEYS


@pytest.mark.parametrize("name", ARTICLE_CASES)
def test_expected_file_is_consistent(name: str) -> None:
    """The fixture itself: a valid record whose hash is the title+paragraphs hash."""
    expected = _json(ROOT / name / "expected.json")
    request = _json(ROOT / name / "request.json")
    assert tuple(expected) == RECORD_KEYS
    assert schema_errors(expected) == []
    assert expected["content_hash"] == content_hash(expected["title"], expected["paragraphs"])
    assert expected["fetched_at"] == request["fetched_at"]


@pytest.mark.parametrize("name", ERROR_CASES)
def test_error_case(name: str) -> None:
    want = _json(ROOT / name / "expected_error.json")
    kinds = want["kind"] if isinstance(want["kind"], list) else [want["kind"]]
    classes = want["error"] if isinstance(want["error"], list) else [want["error"]]
    with pytest.raises(ExtractionError) as caught:
        run_case(name)
    assert type(caught.value).__name__ in classes
    assert caught.value.kind in kinds
    if want.get("message_contains"):
        assert want["message_contains"] in str(caught.value)


def test_there_are_enough_fixtures() -> None:
    assert len(ARTICLE_CASES) >= 30
    assert len(ERROR_CASES) >= 5


def test_fixture_pages_are_raw_bytes_not_text() -> None:
    """Every GBK/Big5 page must stay undecodable as UTF-8 (a text-mode rewrite would break that)."""
    for name in ARTICLE_CASES:
        request = _json(ROOT / name / "request.json")
        expected = _json(ROOT / name / "expected.json")
        if expected["encoding"] == "utf-8":
            continue
        for page in request["pages"]:
            with pytest.raises(UnicodeDecodeError):
                (ROOT / name / page["file"]).read_bytes().decode("utf-8")
