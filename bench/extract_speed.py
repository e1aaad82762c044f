"""Extraction speed over the Discuz! fixtures, as ratios measured in one run.

(a) decode + lxml parse only (the lower bound), (b) `extract_article`, (c) trafilatura's
`bare_extraction` on the same pages.  Prints the median per-page time of each and the
ratios b/a (target ≤ 3) and c/b (target ≥ 10).  Usage: python bench/extract_speed.py [-n 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from parsel import Selector

# Run from a checkout: this repository's package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from citynews_scraper.extract import ExtractionError, extract_article
from citynews_scraper.text import decode

ROOT = Path(__file__).resolve().parents[1]

NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def load_pages() -> list[tuple[str, bytes, dict[str, str]]]:
    """(url, body, headers) of every article page in fixtures/discuz (error cases skipped)."""
    pages = []
    for request in sorted((ROOT / "fixtures" / "discuz").glob("*/request.json")):
        if (request.parent / "expected_error.json").exists():
            continue
        spec = json.loads(request.read_text("utf-8"))
        for page in spec["pages"]:
            pages.append((spec["url"], (request.parent / page["file"]).read_bytes(), page.get("headers", {})))
    return pages


def median_time(func: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def parse_only(body: bytes, headers: dict[str, str]) -> object:
    return Selector(text=decode(body, headers).text).xpath("//title")


def ours(url: str, body: bytes, headers: dict[str, str]) -> object:
    try:
        return extract_article(body, url, headers, fetched_at=NOW)
    except ExtractionError:
        return None


def trafilatura_only(body: bytes, headers: dict[str, str]) -> object:
    import trafilatura

    return trafilatura.bare_extraction(decode(body, headers).text, with_metadata=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repeat", type=int, default=15, help="timed runs per page and method")
    args = parser.parse_args()
    pages = load_pages()
    if not pages:
        sys.exit("no fixtures under fixtures/discuz")
    for url, body, headers in pages:  # warm-up: imports, caches, lazy tables
        parse_only(body, headers), ours(url, body, headers), trafilatura_only(body, headers)
    rows = []
    for url, body, headers in pages:
        rows.append((
            median_time(lambda b=body, h=headers: parse_only(b, h), args.repeat),
            median_time(lambda u=url, b=body, h=headers: ours(u, b, h), args.repeat),
            median_time(lambda b=body, h=headers: trafilatura_only(b, h), args.repeat),
        ))
    a, b, c = (statistics.median(column) for column in zip(*rows, strict=True))
    print(f"pages: {len(pages)} (median of {args.repeat} runs per page, then median over pages)")
    print(f"(a) decode + lxml parse : {a * 1000:8.3f} ms")
    print(f"(b) extract_article     : {b * 1000:8.3f} ms")
    print(f"(c) trafilatura         : {c * 1000:8.3f} ms")
    print(f"b/a = {b / a:.2f}  (target <= 3)")
    print(f"c/b = {c / b:.2f}  (target >= 10)")


if __name__ == "__main__":
    main()
