"""Helpers for the crawl tests: demo portals in this process, `citynews crawl` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from citynews_scraper.demo import DemoPortal

ROOT = Path(__file__).resolve().parents[2]
# Politeness lifted for our own server on 127.0.0.1 (the defaults are tested by reading settings).
FAST = ["--delay", "0", "--no-autothrottle", "--concurrency", "8", "--backoff", "0", "--timeout", "2", "--no-state"]
CRAWL_TIMEOUT = 180


def citynews(*args: str, cwd: Path, timeout: float = CRAWL_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess (Scrapy's reactor runs once per process)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "citynews_scraper.cli", *args], cwd=cwd, env=env, check=False,
                          capture_output=True, text=True, timeout=timeout)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def crawl(portal: DemoPortal, tmp: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]], dict[str, Any]]:
    """Crawl `portal` from its home page only; (process, records, manifest)."""
    out = tmp / "out.jsonl"
    proc = citynews("crawl", "--start-url", portal.base_url, *FAST, "-o", str(out), "--log-file", str(tmp / "log.txt"),
                    *extra, cwd=tmp)
    records = read_jsonl(out) if out.exists() else []
    manifest_path = tmp / "out.manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    return proc, records, manifest
