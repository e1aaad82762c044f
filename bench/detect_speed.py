"""CMS detection cost per page, against decode + lxml parse of the same page in the same run.

Reads every HTML page under ../shared/corpora (skips when absent); prints the verdicts per
CMS and the per-page times.  Usage: ``.venv/bin/python bench/detect_speed.py``.
"""

from __future__ import annotations

import gzip
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from citynews_scraper.extract.cms.detect import _detect, detect
from citynews_scraper.extract.page import Page
from citynews_scraper.text import decode

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def load() -> list[bytes]:
    bodies = []
    for path in sorted(CORPORA.rglob("*.htm*")):
        raw = path.read_bytes()
        bodies.append(gzip.decompress(raw) if path.suffix == ".gz" else raw)
    return bodies


def main() -> int:
    if not CORPORA.is_dir():
        print(f"skipped: {CORPORA} not found")
        return 0
    bodies = load()
    now = datetime.now(UTC)
    start = time.perf_counter()
    pages = [Page.build("http://example.com/a.html", decode(body, None), now) for body in bodies]
    baseline = time.perf_counter() - start
    _detect.cache_clear()
    start = time.perf_counter()
    verdicts = Counter(detect(page).name for page in pages)
    spent = time.perf_counter() - start
    n = len(pages)
    print(f"pages: {n}; verdicts: {dict(verdicts)}")
    print(f"decode + parse: {baseline / n * 1000:.2f} ms/page; detection: {spent / n * 1000:.2f} ms/page "
          f"(ratio {spent / baseline:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
