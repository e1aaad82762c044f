"""Generic-parser fixtures (fixtures/generic/<case>/): raw bytes + headers + expected fields.

The pages were written by hand for this project (never copied from a corpus).  One test
per case and field, ids like ``gbk-table-portal::author``, so a failure names both.
The whole record goes through `extract_article(cms="generic")` as a user's offline
extract would, with the frozen fetch clock of the case.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from citynews_scraper.extract import extract_article
from citynews_scraper.record import schema_errors

ROOT = Path(__file__).resolve().parent.parent.parent / "fixtures" / "generic"
CASES = sorted(p.name for p in ROOT.iterdir() if (p / "expected.json").exists())
SCALARS = ("title", "published_at", "published_at_raw", "author", "source", "publisher", "summary")


def _json(path: Path) -> Any:
    return json.loads(path.read_bytes().decode("utf-8"))


@cache
def record(case: str) -> dict[str, Any]:
    folder = ROOT / case
    expected = _json(folder / "expected.json")
    fetched_at = datetime.fromisoformat(expected["fetched_at"])
    article = extract_article(
        (folder / "page.html").read_bytes(), expected["url"], _json(folder / "headers.json"),
        cms="generic", fetched_at=fetched_at,
    )
    return article.to_dict()


def expected(case: str) -> dict[str, Any]:
    return _json(ROOT / case / "expected.json")


@pytest.mark.parametrize("case,field", [(c, f) for c in CASES for f in SCALARS], ids=lambda v: str(v))
def test_field(case: str, field: str) -> None:
    assert record(case)[field] == expected(case)[field]


@pytest.mark.parametrize("case", CASES)
def test_paragraphs(case: str) -> None:
    want = expected(case)["paragraphs"]
    got = record(case)["paragraphs"]
    assert got, "no body paragraphs"
    if want is not None:
        assert got == want


@pytest.mark.parametrize("case", CASES)
def test_boilerplate_left_out(case: str) -> None:
    body = "\n".join(record(case)["paragraphs"])
    for snippet in expected(case)["not_in_body"]:
        assert snippet not in body, snippet


@pytest.mark.parametrize("case", CASES)
def test_images(case: str) -> None:
    assert record(case)["images"] == expected(case)["images"]


@pytest.mark.parametrize("case", CASES)
def test_record_is_valid_and_generic(case: str) -> None:
    data = record(case)
    assert data["cms"] == "generic"
    assert schema_errors(data) == []
