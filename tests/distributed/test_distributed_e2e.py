"""Real workers (`citynews crawl --redis`) sharing one crawl of the demo portal through a real Redis."""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from citynews_scraper.output.compare import compare_records
from tests.distributed.conftest import (
    citynews,
    finish,
    manifest,
    read_jsonl,
    start_worker,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def enqueue(redis_url: str, base_url: str, site: str, cwd: Path) -> None:
    proc = citynews("enqueue", "--redis", redis_url, "--start-url", base_url, "--site", site, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert "1 requests queued (new run" in proc.stdout


def merged(tmp_path: Path, *files: Path) -> list[dict]:
    out = tmp_path / "merged.jsonl"
    proc = citynews("merge", "-o", str(out), *map(str, files), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return read_jsonl(out)


def test_two_workers_crawl_one_portal_once(redis_url: str, site: str, demo, tmp_path: Path) -> None:
    portal = demo(articles=2000)
    enqueue(redis_url, portal.base_url, site, tmp_path)
    workers = [start_worker(redis_url, site, name, tmp_path) for name in ("w1", "w2")]
    for proc in workers:
        status, err = finish(proc)
        assert status == 0, err[-2000:]
    files = [tmp_path / "out-w1.jsonl", tmp_path / "out-w2.jsonl"]
    per_worker = [read_jsonl(path) for path in files]
    assert all(len(records) > 100 for records in per_worker), "both workers took a share of the crawl"
    ids = Counter(r["article_id"] for records in per_worker for r in records)
    assert [aid for aid, n in ids.items() if n > 1] == [], "no article written by two workers"
    result = compare_records(merged(tmp_path, *files), portal.ground_truth(), expected_values={"site": site})
    assert result.ok, result.first_problems()
    pages = Counter(path for method, path, status in portal.request_log if "mod=view" in path)
    assert max(pages.values()) == 1, "every article page fetched once across the workers"
    for path in files:
        stats = manifest(path)["stats"]
        assert not stats.get("citynews/distributed/unacknowledged"), "every taken request was acknowledged"


def test_a_killed_worker_loses_no_article(redis_url: str, server, site: str, demo, tmp_path: Path) -> None:
    from citynews_scraper.distributed.keys import SiteKeys

    portal = demo(articles=400, latency_ms=20)  # requests stay in flight long enough to be held at the kill
    enqueue(redis_url, portal.base_url, site, tmp_path)
    victim = start_worker(redis_url, site, "victim", tmp_path)
    survivor = start_worker(redis_url, site, "survivor", tmp_path)
    part = tmp_path / "out-victim.jsonl.part"
    deadline = time.monotonic() + 60
    held = SiteKeys(site).processing("victim")
    while not (part.exists() and part.read_bytes().count(b"\n") >= 40 and server.hlen(held)):  # killed holding work
        assert victim.poll() is None, victim.communicate()[1][-2000:]
        assert time.monotonic() < deadline, "the victim never got going"
        time.sleep(0.02)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(10)
    status, err = finish(survivor)
    assert status == 0, err[-2000:]
    stats = manifest(tmp_path / "out-survivor.jsonl")["stats"]
    assert stats.get("citynews/distributed/recovered", 0) >= 1, "the victim's taken requests were put back"
    records = merged(tmp_path, part, tmp_path / "out-survivor.jsonl")
    result = compare_records(records, portal.ground_truth(), expected_values={"site": site})
    assert result.ok, result.first_problems()


def test_incremental_runs_share_their_state_in_redis(redis_url: str, site: str, demo, tmp_path: Path) -> None:
    from datetime import timedelta

    from citynews_scraper.demo.config import DemoConfig
    from citynews_scraper.demo.site import dateline

    portal = demo(articles=150, now=dateline(DemoConfig.seed, 170) + timedelta(hours=3))
    first = {r["article_id"] for r in portal.ground_truth()}
    runs = []
    for articles in (150, 170):
        portal.update(articles=articles)
        folder = tmp_path / f"run{articles}"
        folder.mkdir()
        enqueue(redis_url, portal.base_url, site, folder)
        before = len(portal.request_log)
        workers = [start_worker(redis_url, site, name, folder) for name in ("w1", "w2")]
        for proc in workers:
            status, err = finish(proc)
            assert status == 0, err[-2000:]
        runs.append((merged(folder, folder / "out-w1.jsonl", folder / "out-w2.jsonl"), portal.request_log[before:]))
    result = compare_records(
        runs[0][0], [r for r in portal.ground_truth() if r["article_id"] in first], expected_values={"site": site}
    )
    assert result.ok, result.first_problems()
    new = [r for r in portal.ground_truth() if r["article_id"] not in first]
    assert len(new) >= 15
    result = compare_records(runs[1][0], new, expected_values={"site": site})
    assert result.ok, result.first_problems()
    fetched = {path for _, path, _ in runs[1][1] if "mod=view" in path}
    assert len(fetched) <= len(new) + 5, "the second run fetched only new articles (and a few stale links)"


def test_a_stopped_worker_gives_its_requests_back(redis_url: str, server, site: str, demo, tmp_path: Path) -> None:
    from citynews_scraper.distributed.keys import SiteKeys

    portal = demo(articles=250, latency_ms=20)
    enqueue(redis_url, portal.base_url, site, tmp_path)
    stopped = start_worker(redis_url, site, "stopped", tmp_path)
    other = start_worker(redis_url, site, "other", tmp_path)
    part = tmp_path / "out-stopped.jsonl.part"
    held = SiteKeys(site).processing("stopped")
    deadline = time.monotonic() + 60
    while not (part.exists() and part.read_bytes().count(b"\n") >= 20 and server.hlen(held)):
        assert stopped.poll() is None and time.monotonic() < deadline, "the worker never got going"
        time.sleep(0.02)
    stopped.send_signal(signal.SIGTERM)
    assert finish(stopped)[0] == 130, "a stopped run says so"
    assert server.hlen(held) == 0, "nothing left in its processing list"
    status, err = finish(other)
    assert status == 0, err[-2000:]
    done = part if part.exists() else tmp_path / "out-stopped.jsonl"
    result = compare_records(
        merged(tmp_path, done, tmp_path / "out-other.jsonl"), portal.ground_truth(), expected_values={"site": site}
    )
    assert result.ok, result.first_problems()
