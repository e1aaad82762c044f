"""Real pages and clean paragraphs from ../shared/corpora for the text-layer benchmarks.

Read-only: nothing is copied into the repository.  Every loader returns an empty result
when the corpora are absent, and the benchmark scripts then skip.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from lxml import html as lxml_html

from citynews_scraper.text import decode, normalize_space

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
MIN_PARAGRAPH = 8


def available() -> bool:
    return CORPORA.is_dir()


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def cwced_pages() -> Iterator[tuple[str, bytes, str]]:
    """(id, bytes, true codec) for every cwced-zh page; truth from manifest.tsv."""
    manifest = CORPORA / "cwced-zh" / "manifest.tsv"
    if not manifest.exists():
        return
    for line in manifest.read_text("utf-8").splitlines()[1:]:
        cols = line.split("\t")
        truth = "utf-8" if cols[3] == "utf-8" else "gb18030"
        yield cols[0], (CORPORA / "cwced-zh" / "original" / f"{cols[0]}.html").read_bytes(), truth


def gne_pages() -> Iterator[tuple[str, bytes, str]]:
    """(name, bytes, "utf-8") for the GNE pages (browser saves, always UTF-8)."""
    for path in sorted((CORPORA / "zh-fixtures" / "gne").rglob("*.html.gz")):
        yield str(path.relative_to(CORPORA)), read_bytes(path), "utf-8"


def netease_pages() -> Iterator[tuple[str, bytes, str]]:
    """(name, bytes, "gb18030") for the cx-extractor NetEase pages (raw GBK)."""
    for path in sorted((CORPORA / "zh-fixtures" / "cx-netease-gbk" / "RawHtml").glob("*.html.gz")):
        yield str(path.relative_to(CORPORA)), read_bytes(path), "gb18030"


def other_zh_pages() -> Iterator[tuple[str, bytes, str]]:
    """trafilatura, readability and newspaper4k Chinese pages (UTF-8 except one GB2312)."""
    root = CORPORA / "zh-fixtures"
    paths = sorted((root / "trafilatura").glob("*.html")) + sorted((root / "readability").rglob("source.html"))
    paths += sorted((root / "newspaper4k" / "html").glob("*.html"))
    for path in paths:
        body = path.read_bytes()
        truth = "gb18030" if "archive.org" in path.name else "utf-8"
        yield str(path.relative_to(CORPORA)), body, truth


def aeb_pages() -> Iterator[tuple[str, bytes, str]]:
    """The Article Extraction Benchmark pages (UTF-8, mostly English)."""
    for path in sorted((CORPORA / "aeb-scrapinghub" / "html").glob("*.html.gz")):
        yield str(path.relative_to(CORPORA)), read_bytes(path), "utf-8"


def page_paragraphs(body: bytes) -> list[str]:
    """Normalised text of the <p>, <li>, <td> and heading elements of a page."""
    text = decode(body).text
    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    for junk in list(tree.iter("script", "style", "noscript")):
        junk.drop_tree()
    out = []
    for node in tree.iter("p", "li", "td", "h1", "h2", "h3", "title"):
        para = normalize_space(node.text_content())
        if len(para) >= MIN_PARAGRAPH and len(para) <= 2000:
            out.append(para)
    return out


def text_file_paragraphs() -> Iterator[str]:
    """Lines of the hand-cleaned cwced texts and the NetEase / newspaper4k body texts."""
    for path in sorted((CORPORA / "cwced-zh" / "cleaned").glob("*.txt")):
        yield from path.read_text("utf-8", errors="replace").splitlines()
    for path in sorted((CORPORA / "zh-fixtures" / "cx-netease-gbk" / "Text").glob("*.txt")):
        yield from path.read_bytes().decode("gb18030", errors="replace").splitlines()
    for path in sorted((CORPORA / "zh-fixtures" / "newspaper4k" / "txt").glob("*.txt")):
        yield from path.read_text("utf-8", errors="replace").splitlines()


def clean_paragraphs(include_english: bool = True) -> list[str]:
    """Distinct clean paragraphs (Chinese pages first, then the AEB pages), normalised.

    Paragraphs containing U+FFFD are left out: they are damaged, not clean.
    """
    seen: dict[str, None] = {}
    sources = [text_file_paragraphs()]
    pages = [cwced_pages(), gne_pages(), netease_pages(), other_zh_pages()]
    if include_english:
        pages.append(aeb_pages())
    for source in pages:
        sources.append(p for _, body, _ in source for p in page_paragraphs(body))
    for source in sources:
        for raw in source:
            para = normalize_space(raw)
            if len(para) >= MIN_PARAGRAPH and "\ufffd" not in para:
                seen.setdefault(para, None)
    return list(seen)
