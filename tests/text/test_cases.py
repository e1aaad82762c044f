"""The ftfy-shaped cases in tests/cases/*.json, run through `clean_text`.

Each case: ``original`` → ``fixed``; optional ``repairs`` / ``flags`` (the exact
``name:count`` lists the record would carry); ``expect: fail`` marks a known failure,
run as ``xfail(strict=True)`` so that fixing it turns the suite red until it is moved.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citynews_scraper.text import RepairLog, clean_text

CASES = Path(__file__).resolve().parent.parent / "cases"


def _load() -> list[pytest.param]:
    params = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text("utf-8")):
            marks = [pytest.mark.xfail(strict=True, reason=case.get("comment", ""))] if case["expect"] == "fail" else []
            params.append(pytest.param(case, id=f"{path.stem}: {case['label']}", marks=marks))
    return params


@pytest.mark.parametrize("case", _load())
def test_case(case: dict[str, object]) -> None:
    log = RepairLog()
    assert clean_text(case["original"], log) == case["fixed"]  # type: ignore[arg-type]
    if "repairs" in case:
        assert log.repairs_list() == case["repairs"]
    if "flags" in case:
        assert log.flags_list() == case["flags"]


def test_every_file_has_cases() -> None:
    names = {path.stem for path in CASES.glob("*.json")}
    assert {"in-the-wild", "synthetic", "negative", "known-failures"} <= names
    for path in CASES.glob("*.json"):
        assert json.loads(path.read_text("utf-8")), path.name


def test_negative_cases_are_unchanged_text() -> None:
    for case in json.loads((CASES / "negative.json").read_text("utf-8")):
        assert case["original"] == case["fixed"], case["label"]
