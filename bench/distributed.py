"""Distributed crawling speed (issue 6's benchmark): articles/s of 1, 2 and 4 workers.

The demo portal answers every request after 100 ms (``--latency-ms 100``): a latency-bound
crawl, as against real remote portals.  Every worker has the same per-host concurrency (2,
the polite default) and no delay, so one worker is bound by latency, not CPU; N workers
should come close to N times its rate.  Targets: 2 workers ≥ 1.8×, 4 workers ≥ 3.2×.

Each configuration: a fresh site in Redis with an empty run, N ``citynews crawl --redis``
workers started and waiting (their start-up, a few seconds on a loaded machine, is reported
apart), then the start page queued as ``citynews enqueue`` does; the time runs until the shared
crawl is drained (queue and processing lists empty, every record written), read from Redis
every 20 ms.  The workers are then stopped with SIGTERM (they would wait ``--idle-exit``).

    python bench/distributed.py                          # 2,000 articles, a Redis of its own
    python bench/distributed.py --redis redis://127.0.0.1:6390/0 --articles 1000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# bench/ holds scripts named like packages (bench/incremental.py would hide Twisted's `incremental`).
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

WORKER_FLAGS = [
    "--delay",
    "0",
    "--no-autothrottle",
    "--concurrency",
    "2",
    "--backoff",
    "0",
    "--timeout",
    "10",
    "--extract-workers",
    "0",
    "--quiet",
    "--idle-exit",
    "600",
    "--no-state",
]
TARGETS = {2: 1.8, 4: 3.2}


def env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "CITYNEWS_REDIS_URL"}, "PYTHONPATH": str(ROOT)}


@contextmanager
def portal(articles: int, latency_ms: int) -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "citynews_scraper.demo", "--articles", str(articles), "--latency-ms", str(latency_ms)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env(),
    )
    try:
        assert proc.stdout is not None
        yield proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def redis_server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tempfile.mkdtemp()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def crawl(redis_url: str, base_url: str, workers: int, workdir: Path) -> Result:
    """Start `workers` workers, wait until all are up, queue the start page, time the crawl."""
    import redis

    from citynews_scraper.distributed import run as shared_run
    from citynews_scraper.distributed import sites
    from citynews_scraper.distributed.enqueue import enqueue
    from citynews_scraper.distributed.keys import SiteKeys
    from citynews_scraper.runner import CrawlOptions, build_profile

    site = f"bench{uuid.uuid4().hex[:8]}"
    server, keys = redis.Redis.from_url(redis_url), SiteKeys(site)
    profile = build_profile(CrawlOptions(start_urls=[base_url], site=site))
    sites.publish(server, site, profile)
    shared_run.begin(server, keys)  # an empty run: the workers join it and wait
    out = workdir / f"{site}.jsonl"
    launched = time.perf_counter()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "citynews_scraper.cli",
                "crawl",
                "--redis",
                redis_url,
                "--site",
                site,
                "--worker-id",
                f"w{n}",
                "-o",
                str(out),
                *WORKER_FLAGS,
            ],
            env=env(),
            stderr=subprocess.DEVNULL,
        )  # SIGTERM makes them say "interrupted"
        for n in range(workers)
    ]
    while server.scard(keys.workers) < workers:
        _check(procs)
        time.sleep(0.02)
    started = time.perf_counter()
    enqueue(server, redis_url, site, profile, state=False)
    while not drained(server, keys):
        _check(procs)
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    cpu = 0.0
    for proc in procs:
        proc.send_signal(signal.SIGTERM)  # they would wait --idle-exit; the crawl is over
    for proc in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        if os.waitstatus_to_exitcode(status) not in (0, 130):
            raise SystemExit(f"a worker failed with status {os.waitstatus_to_exitcode(status)}")
    written = sum(
        json.loads((workdir / f"{site}-w{n}.manifest.json").read_text("utf-8"))["counts"]["articles_written"]
        for n in range(workers)
    )
    return Result(workers, written, seconds, started - launched, cpu)


def _check(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is not None:
            raise SystemExit(f"a worker ended early with status {proc.returncode}")


@dataclass
class Result:
    workers: int
    articles: int
    seconds: float
    startup: float
    cpu: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    def line(self) -> str:
        return (
            f"{self.workers} worker(s): {self.articles} articles in {self.seconds:.1f} s = {self.rate:.1f} articles/s "
            f"(start-up {self.startup:.1f} s; workers' CPU {self.cpu:.1f} s, "
            f"{1000 * self.cpu / max(self.articles, 1):.1f} ms/article)"
        )


def drained(server: Any, keys: Any) -> bool:
    from citynews_scraper.distributed.run import drained as shared_drained

    return shared_drained(server, keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--repeats", type=int, default=1, help="runs per worker count (the best is kept)")
    parser.add_argument("--redis", help="an existing Redis (default: start redis-server on a free port)")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    rates: dict[int, float] = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        redis_server(args.redis) as url,
        portal(args.articles, args.latency_ms) as base,
    ):
        for workers in counts:
            runs = [crawl(url, base, workers, Path(tmp)) for _ in range(args.repeats)]
            best = max(runs, key=lambda r: r.rate)
            rates[workers] = best.rate
            print(best.line(), flush=True)
    base_rate = rates.get(1)
    failed = False
    for workers, target in TARGETS.items():
        if base_rate and workers in rates:
            ratio = rates[workers] / base_rate
            ok = ratio >= target
            failed |= not ok
            print(f"{workers} workers / 1 worker: {ratio:.2f}x (target >= {target}x) {'ok' if ok else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
