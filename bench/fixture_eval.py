"""Field accuracy of the extractor on a folder of fixtures (e.g. pages it was not tuned on).

A fixture folder holds one case per sub-folder in the format of fixtures/discuz/
(request.json + raw page bytes + expected.json).  Prints, per case and overall, the share of
record fields that come out exactly as expected (fetched_at excluded: it is the clock) and
the body's character-4-gram F1.  Targets for unseen Discuz! pages: ≥ 95 % of fields exact,
body F1 ≥ 0.98.  Usage: python bench/fixture_eval.py DIR [DIR …]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

# Run from a checkout: this repository's package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from citynews_scraper.extract import ExtractionError, extract_article, merge_pages

ROOT = Path(__file__).resolve().parents[1]

SKIPPED_FIELDS = ("fetched_at",)


def char_ngrams(text: str, n: int = 4) -> Counter[str]:
    compact = "".join(text.split())
    return Counter(compact[i:i + n] for i in range(max(len(compact) - n + 1, 1)))


def ngram_f1(got: str, want: str) -> float:
    """Character-4-gram F1 of two texts (whitespace ignored); 1.0 when both are empty."""
    a, b = char_ngrams(got), char_ngrams(want)
    overlap = sum((a & b).values())
    if not a and not b:
        return 1.0
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def run_case(folder: Path) -> dict[str, Any]:
    request = json.loads((folder / "request.json").read_text("utf-8"))
    pages = [((folder / p["file"]).read_bytes(), p.get("headers")) for p in request["pages"]]
    options = {
        "encoding": request.get("encoding"),
        "cms": request.get("cms"),
        "fetched_at": datetime.fromisoformat(request["fetched_at"].replace("Z", "+00:00")),
    }
    if len(pages) > 1:
        return merge_pages(pages, request["url"], **options).to_dict()
    return extract_article(pages[0][0], request["url"], pages[0][1], **options).to_dict()


def score(folder: Path) -> tuple[int, int, float, list[str]]:
    """(fields exact, fields compared, body F1, names of wrong fields) for one case."""
    want = json.loads((folder / "expected.json").read_text("utf-8"))
    try:
        got = run_case(folder)
    except ExtractionError as error:
        return 0, len(want) - len(SKIPPED_FIELDS), 0.0, [f"error: {error}"]
    fields = [key for key in want if key not in SKIPPED_FIELDS]
    wrong = [key for key in fields if got.get(key) != want[key]]
    f1 = ngram_f1("\n".join(got["paragraphs"]), "\n".join(want["paragraphs"]))
    return len(fields) - len(wrong), len(fields), f1, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    exact = total = 0
    f1s: list[float] = []
    for base in args.folders:
        for case in sorted(p.parent for p in base.glob("*/expected.json")):
            right, compared, f1, wrong = score(case)
            exact, total = exact + right, total + compared
            f1s.append(f1)
            print(f"{case.name:45s} {right:2d}/{compared:2d} fields  body F1 {f1:.3f}  {' '.join(wrong)}")
    if not f1s:
        sys.exit("no cases found")
    print(f"\n{len(f1s)} cases: {exact}/{total} fields exact ({exact / total:.1%}), "
          f"mean body F1 {sum(f1s) / len(f1s):.4f}, min {min(f1s):.4f}")


if __name__ == "__main__":
    main()
