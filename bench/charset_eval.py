"""Charset detectors compared on ../shared/corpora: chardet vs charset-normalizer.

Each detector sees only the page bytes (no header, no meta trust), sampled as the decoder
samples them (head and tail of large pages).  A guess is right when it maps to the true
codec family (GB family → gb18030, UTF-8 → utf-8) and the page then decodes with no more
U+FFFD than under the true codec.  Prints accuracy and median time per page per detector,
plus the same for `citynews_scraper.text.decode` as a whole (with the page's own meta and
no header).  Usage: python bench/charset_eval.py [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import chardet
import charset_normalizer
import opencc

# Run from a checkout: this repository's package, and bench/ for text_corpora.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import text_corpora as corpora

from citynews_scraper.text import decode
from citynews_scraper.text.decode import DETECT_SAMPLE, codec_for, sample


def _sample(body: bytes) -> bytes:
    return sample(body, DETECT_SAMPLE)


def with_chardet(body: bytes) -> str | None:
    return codec_for(chardet.detect(_sample(body)).get("encoding"))


def with_charset_normalizer(body: bytes) -> str | None:
    best = charset_normalizer.from_bytes(_sample(body)).best()
    return codec_for(best.encoding) if best else None


def with_decode(body: bytes) -> str | None:
    return decode(body).encoding


DETECTORS: dict[str, Callable[[bytes], str | None]] = {
    "chardet": with_chardet,
    "charset-normalizer": with_charset_normalizer,
    "text.decode (meta + rules + detector)": with_decode,
}


def _right(body: bytes, guess: str | None, truth: str) -> bool:
    if guess is None:
        return False
    if guess == truth:
        return True
    try:
        guessed, true_text = body.decode(guess, errors="replace"), body.decode(truth, errors="replace")
    except LookupError:
        return False
    return guessed.count("\ufffd") <= true_text.count("\ufffd") and guessed == true_text


def transcoded(pages: list[tuple[str, bytes, str]]) -> list[tuple[str, bytes, str]]:
    """The UTF-8 pages re-encoded as GB18030 and (converted to Traditional) as Big5-HKSCS:
    real text in the two double-byte charsets the corpora have few or no pages in."""
    t2 = opencc.OpenCC("s2t")
    out = []
    for page_id, body, truth in pages:
        if truth != "utf-8":
            continue
        text = body.decode("utf-8", errors="replace")
        out.append((f"{page_id} as gb18030", text.encode("gb18030", errors="replace"), "gb18030"))
        out.append((f"{page_id} as big5", t2.convert(text).encode("big5hkscs", errors="replace"), "big5hkscs"))
    return out


def evaluate() -> dict[str, object]:
    sources = (corpora.cwced_pages(), corpora.gne_pages(), corpora.netease_pages(), corpora.other_zh_pages())
    real = [p for source in sources for p in source]
    report: dict[str, object] = {}
    for label, pages in (("real pages", real), ("transcoded pages", transcoded(real))):
        report[label] = _evaluate_set(pages)
    return report


def _evaluate_set(pages: list[tuple[str, bytes, str]]) -> dict[str, object]:
    report: dict[str, object] = {"pages": len(pages)}
    for name, detect in DETECTORS.items():
        right, times, wrong = 0, [], []
        for page_id, body, truth in pages:
            start = time.perf_counter()
            guess = detect(body)
            times.append(time.perf_counter() - start)
            if _right(body, guess, truth):
                right += 1
            else:
                wrong.append(f"{page_id}: {guess} ≠ {truth}")
        report[name] = {"right": right, "accuracy": round(right / len(pages), 4),
                        "median_ms": round(1000 * statistics.median(times), 2),
                        "total_s": round(sum(times), 2), "wrong": wrong[:20]}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not corpora.available():
        print(f"skipped: {corpora.CORPORA} not found")
        return 0
    report = evaluate()
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
