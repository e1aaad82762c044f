"""Decoding of the real pages in ../shared/corpora (skipped when the corpora are absent).

The truth: cwced-zh's manifest.tsv, and for the GNE pages UTF-8 whatever they declare
(browser saves; people/1, qq/2 and 163/9 still say gb2312).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from citynews_scraper.text import decode

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora not present")


def _cwced() -> list[tuple[str, str]]:
    manifest = CORPORA / "cwced-zh" / "manifest.tsv"
    if not manifest.exists():
        return []
    rows = [line.split("\t") for line in manifest.read_text("utf-8").splitlines()[1:]]
    return [(row[0], "utf-8" if row[3] == "utf-8" else "gb18030") for row in rows]


@pytest.mark.parametrize(("page_id", "truth"), _cwced())
def test_cwced_page_decodes_with_true_codec(page_id: str, truth: str) -> None:
    body = (CORPORA / "cwced-zh" / "original" / f"{page_id}.html").read_bytes()
    decoded = decode(body)
    assert decoded.encoding == truth
    # No U+FFFD beyond the broken pairs the page itself carries.
    assert decoded.replacements == body.decode(truth, errors="replace").count("\ufffd")


def test_gne_pages_are_utf8_even_when_they_declare_gb() -> None:
    paths = sorted((CORPORA / "zh-fixtures" / "gne").rglob("*.html.gz"))
    assert paths
    declared_gb = 0
    for path in paths:
        body = gzip.decompress(path.read_bytes())
        declared_gb += b"gb2312" in body[:4096].lower() or b"gbk" in body[:4096].lower()
        decoded = decode(body, {"Content-Type": "text/html; charset=gbk"})
        assert decoded.encoding == "utf-8", path
        assert decoded.replacements == body.decode("utf-8").count("\ufffd"), path
    assert declared_gb >= 3
