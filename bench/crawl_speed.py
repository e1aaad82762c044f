"""Crawl speed and memory on the bundled demo portal (issue 4's benchmark).

1. Speed: a full crawl of a 5,000-article portal (parse, merge, validate, dedupe, write)
   against the same crawl with a do-nothing article callback (``--bare``: article pages
   fetched, not read), same server, politeness limits lifted for both.  Reported: articles
   per second of each and the pipeline's rate as a share of the bare rate (target ≥ 70 %).
2. Memory: peak RSS of full crawls of 10,000 and 100,000 articles (targets ≤ 300 MB at
   100,000 and ≤ 1.3× the 10,000 figure), read from the kernel's rusage of the crawl process.

The portal runs in its own process (``python -m citynews_scraper.demo``) so its CPU is not
charged to the crawler; every crawl is a real ``citynews crawl`` subprocess.

    python bench/crawl_speed.py                       # 5,000 speed + RSS at 10,000 and 100,000
    python bench/crawl_speed.py --rss 10000,30000     # a shorter memory run
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Politeness lifted for our own local server (robots.txt still fetched and obeyed).
FAST = ["--delay", "0", "--no-autothrottle", "--concurrency", "16", "--backoff", "0", "--quiet", "--no-state"]
SPEED_TARGET = 0.70
RSS_CAP_MB = 300.0
RSS_GROWTH_CAP = 1.3


@dataclass
class Run:
    articles: int
    article_pages: int
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float = 0.0
    peak_tree_mb: float = 0.0
    loop_cpu_seconds: float = 0.0
    portal_cpu_seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Live articles per second (a bare run counts the article pages that did not answer 404)."""
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def page_rate(self) -> float:
        return self.article_pages / self.seconds if self.seconds else 0.0


@dataclass
class Portal:
    base_url: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time the portal process has used so far (user + system, from /proc)."""
        try:
            with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def portal(articles: int) -> Iterator[Portal]:
    """A demo portal in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "citynews_scraper.demo", "--port", "0", "--articles", str(articles)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert proc.stdout is not None
        yield Portal(proc.stdout.readline().strip(), proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def crawl(site: Portal, workdir: Path, *extra: str) -> Run:
    """One `citynews crawl` subprocess; wall time and its own peak RSS (os.wait4's rusage)."""
    base_url = site.base_url
    portal_cpu = site.cpu_seconds()
    out = workdir / f"crawl-{time.monotonic_ns()}.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "citynews_scraper.cli", "crawl", "--start-url", base_url, *FAST,
            "-o", str(out), *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=workdir)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"crawl failed with status {proc.returncode}: {' '.join(args)}")
    manifest = json.loads(out.with_name(out.stem + ".manifest.json").read_text("utf-8"))
    counts = manifest["counts"]
    articles = counts["articles_written"] or counts["article_pages"] - counts["deleted"]
    return Run(articles, counts["article_pages"], seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime,
               sampler.peak_kb / 1024, manifest["stats"].get("citynews/process/cpu_seconds", 0.0),
               site.cpu_seconds() - portal_cpu)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry))
    return kids


class TreeSampler(threading.Thread):
    """Peak of the summed RSS of a process and its children (the extraction workers), sampled."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            total = _rss_kb(self.pid) + sum(_rss_kb(kid) for kid in _children(self.pid))
            self.peak_kb = max(self.peak_kb, total)

    def stop(self) -> None:
        self._done.set()
        self.join()


def speed(articles: int, workdir: Path, repeats: int) -> tuple[Run, Run]:
    """Best-of-`repeats` full and bare crawls of the same portal (interleaved)."""
    fulls, bares = [], []
    with portal(articles) as site:
        for _ in range(repeats):
            bares.append(crawl(site, workdir, "--bare"))
            fulls.append(crawl(site, workdir))
    return min(fulls, key=lambda r: r.seconds), min(bares, key=lambda r: r.seconds)


def memory(sizes: Sequence[int], workdir: Path) -> dict[int, Run]:
    runs = {}
    for size in sizes:
        with portal(size) as site:
            runs[size] = crawl(site, workdir)
        print(f"  {size:>7,} articles: {runs[size].articles:,} written in {runs[size].seconds:.0f} s, "
              f"peak RSS {runs[size].peak_rss_mb:.0f} MB (largest process), "
              f"{runs[size].peak_tree_mb:.0f} MB (crawl + extraction workers, sampled)", flush=True)
    return runs


def report_speed(articles: int, workdir: Path, repeats: int) -> bool:
    full, bare = speed(articles, workdir, repeats)
    share = full.rate / bare.rate if bare.rate else 0.0
    print(f"speed, {articles:,}-article portal (best of {repeats}):")
    for name, run in (("bare crawl (article pages fetched, not read)", bare), ("full pipeline", full)):
        print(f"  {name}: {run.articles:,} articles ({run.article_pages:,} article pages) in {run.seconds:.1f} s "
              f"= {run.rate:.0f} articles/s; CPU per article {run.cpu_seconds / max(run.articles, 1) * 1000:.1f} ms "
              f"(crawl loop {run.loop_cpu_seconds / max(run.articles, 1) * 1000:.1f} ms), "
              f"portal {run.portal_cpu_seconds / max(run.articles, 1) * 1000:.2f} ms")
    print(f"  load average after the runs: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    verdict = "OK" if share >= SPEED_TARGET else "MISSED"
    print(f"  pipeline / bare = {share:.0%} (target ≥ {SPEED_TARGET:.0%}) {verdict}")
    return share >= SPEED_TARGET


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="portal size for the speed run (default 5000)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="speed runs of each kind; the best counts (default 3; 0 skips the speed runs)")
    parser.add_argument("--rss", default="10000,100000", help="portal sizes for peak RSS, comma-separated ('' skips)")
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="citynews-bench-") as tmp:
        workdir = Path(tmp)
        if args.repeats > 0:
            ok &= report_speed(args.articles, workdir, args.repeats)
        sizes = [int(s) for s in args.rss.split(",") if s.strip()]
        if sizes:
            print("peak RSS of full crawls:")
            runs = memory(sizes, workdir)
            small, large = runs[min(sizes)], runs[max(sizes)]
            growth = large.peak_tree_mb / small.peak_tree_mb
            print(f"  {max(sizes):,} vs {min(sizes):,}: {growth:.2f}× (target ≤ {RSS_GROWTH_CAP}×) "
                  f"{'OK' if growth <= RSS_GROWTH_CAP else 'MISSED'}")
            print(f"  peak at {max(sizes):,}: {large.peak_tree_mb:.0f} MB all processes (target ≤ {RSS_CAP_MB:.0f} MB) "
                  f"{'OK' if large.peak_tree_mb <= RSS_CAP_MB else 'MISSED'}")
            ok &= growth <= RSS_GROWTH_CAP and large.peak_tree_mb <= RSS_CAP_MB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
