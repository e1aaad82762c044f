"""Incremental harvest benchmark (issue 5): a re-run over an unchanged portal.

A demo portal of 5,000 articles runs in its own process with a request log.  Three real
``citynews crawl`` subprocesses, politeness lifted for the local server:

1. ``--no-state``: the plain full crawl (baseline for the cost of keeping state);
2. the first harvest with state (fresh state folder): everything, plus the SQLite state,
   Scrapy's disk queue (JOBDIR) and the ``.part`` output;
3. the same command again over the unchanged portal: the incremental re-run.

Reported: wall time of each, the re-run's time as a share of the first harvest's, and from
the portal's request log the re-run's requests: list requests per channel (target: at most
one), start pages, robots.txt, article requests (target: none).

    python bench/incremental.py                  # 5,000 articles
    python bench/incremental.py --articles 1000  # quicker
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FAST = ["--delay", "0", "--no-autothrottle", "--concurrency", "16", "--backoff", "0", "--quiet"]
LIST = re.compile(r"mod=list&catid=(\d+)")
VIEW = re.compile(r"mod=view&aid=(\d+)")


@contextmanager
def portal(articles: int, log: Path) -> Iterator[str]:
    """A demo portal in a subprocess writing a request log; yields its base URL."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "citynews_scraper.demo", "--port", "0", "--articles", str(articles),
            "--request-log", str(log)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert proc.stdout is not None
        yield proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def crawl(base_url: str, workdir: Path, name: str, *extra: str) -> tuple[float, dict[str, Any]]:
    """One `citynews crawl` subprocess: (wall seconds, manifest)."""
    out = workdir / f"{name}.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "citynews_scraper.cli", "crawl", "--start-url", base_url, *FAST, "-o", str(out),
            *extra]
    started = time.perf_counter()
    proc = subprocess.run(args, env=env, cwd=workdir, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"crawl {name} failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds, json.loads(out.with_name(f"{name}.manifest.json").read_text("utf-8"))


def log_lines(log: Path) -> int:
    return len(log.read_text("utf-8").splitlines()) if log.exists() else 0


def requests_after(log: Path, mark: int) -> list[str]:
    return [json.loads(line)[1] for line in log.read_text("utf-8").splitlines()[mark:]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cn-incr-") as tmp:
        work = Path(tmp)
        log = work / "requests.jsonl"
        with portal(args.articles, log) as base:
            plain, _ = crawl(base, work, "plain", "--no-state")
            first, first_manifest = crawl(base, work, "first", "--state", str(work / "state"))
            mark = log_lines(log)
            again, manifest = crawl(base, work, "again", "--state", str(work / "state"))
            paths = requests_after(log, mark)
    per_channel = Counter(LIST.search(p).group(1) for p in paths if LIST.search(p))  # type: ignore[union-attr]
    articles = [p for p in paths if VIEW.search(p)]
    other = sorted(p for p in paths if not LIST.search(p) and not VIEW.search(p))
    written = first_manifest["counts"]["articles_written"]
    print(f"portal: {args.articles} articles ({written} live), politeness lifted, concurrency 16")
    print(f"full crawl, no state         {plain:7.2f} s")
    print(f"first harvest (state, queue) {first:7.2f} s   ({first / plain:.2f}x the stateless crawl)")
    print(f"re-run, unchanged portal     {again:7.2f} s   ({again / first:.1%} of the first harvest)")
    print(f"re-run requests: {len(paths)} = {sum(per_channel.values())} list pages over {len(per_channel)} channels "
          f"(max {max(per_channel.values(), default=0)} per channel) + {len(articles)} articles + {other}")
    print(f"re-run wrote {manifest['counts']['articles_written']} records; "
          f"skipped {manifest['harvest'].get('skipped_known', 0)} known article links, "
          f"stopped {manifest['harvest'].get('lists_stopped', 0)} channels")
    ok = max(per_channel.values(), default=0) <= 1 and not articles and other == ["/", "/robots.txt"]
    print("target (≤ 1 list request per channel + start page + robots.txt, no article): " + ("met" if ok else "MISSED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
