"""Helpers for the harvest tests: demo portals with a frozen clock, `citynews crawl` as real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from citynews_scraper.demo import DemoConfig, DemoPortal
from citynews_scraper.demo.site import dateline

ROOT = Path(__file__).resolve().parents[2]
# Politeness lifted for our own server on 127.0.0.1; extraction in the crawl process (small
# portals: spawning workers would cost more than it saves).
FAST = ["--delay", "0", "--no-autothrottle", "--concurrency", "4", "--backoff", "0", "--timeout", "3",
        "--extract-workers", "0", "--quiet"]
TIMEOUT = 90
SEED = DemoConfig.seed


def frozen_now(articles: int) -> Any:
    """A clock after the newest article of a portal grown up to `articles`: relative dates stay put,
    so the ground truth of each stage is comparable across runs."""
    return dateline(SEED, articles) + timedelta(hours=3)


def crawl_args(portal: DemoPortal, *extra: str) -> list[str]:
    return [sys.executable, "-m", "citynews_scraper.cli", "crawl", "--start-url", portal.base_url, *FAST, *extra]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def run(portal: DemoPortal, cwd: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(crawl_args(portal, *extra), cwd=cwd, env=env(), capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)


def start(portal: DemoPortal, cwd: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(crawl_args(portal, *extra), cwd=cwd, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool], timeout: float = 60) -> None:
    """SIGKILL `proc` as soon as `ready()` holds (polled); fails if the run ends first."""
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, f"the run ended before the kill point: {proc.communicate()[1][-2000:]}"
        assert time.monotonic() < deadline, "kill point never reached"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def lines(path: Path) -> list[str]:
    """The complete lines of a file a crawl may be writing (or was killed writing): its end can
    be half a line, even half a UTF-8 character, which is not counted."""
    if not path.exists():
        return []
    *complete, _partial = path.read_bytes().split(b"\n")
    return [line.decode("utf-8") for line in complete]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """A finished file: every line must be valid JSON (json.loads raises on a broken one)."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def manifest(output: Path) -> dict[str, Any]:
    return json.loads(output.with_name(output.name.replace(".jsonl", ".manifest.json")).read_text("utf-8"))
