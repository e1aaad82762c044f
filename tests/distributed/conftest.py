"""Helpers for the distributed tests: a real Redis, demo portals, `citynews` workers as processes.

Redis: ``CITYNEWS_TEST_REDIS`` (.ci/run starts Debian's redis-server and sets it), else a
``redis-server`` started here on a free port; the tests skip, saying why, only when neither
works.  Every test works on its own site name, so tests never see each other's keys.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = "CITYNEWS_TEST_REDIS"
# Politeness lifted for our own server; short idle exit and heartbeat so a test waits little.
FAST = [
    "--delay",
    "0",
    "--no-autothrottle",
    "--concurrency",
    "4",
    "--backoff",
    "0",
    "--timeout",
    "5",
    "--extract-workers",
    "0",
    "--quiet",
    "--idle-exit",
    "1.5",
    "--heartbeat-ttl",
    "2",
]
TIMEOUT = 120


def _ping(url: str) -> str | None:
    """None when Redis at `url` answers, else why not."""
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means "no Redis here"
        return f"{type(exc).__name__}: {exc}"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    url = os.environ.get(ENV)
    if url:
        problem = _ping(url)
        if problem:
            pytest.skip(f"{ENV}={url} does not answer ({problem})")
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            f"no Redis: set {ENV}=redis://HOST:PORT/DB or install redis-server (Debian: apt-get install redis-server)"
        )
    port = _free_port()
    folder = tempfile.mkdtemp(prefix="citynews-redis-")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while _ping(url) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    problem = _ping(url)
    if problem:
        proc.kill()
        pytest.skip(f"redis-server did not start on port {port} ({problem})")
    yield url
    proc.terminate()
    proc.wait(10)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(redis_url: str) -> Any:
    import redis

    return redis.Redis.from_url(redis_url)


@pytest.fixture
def site() -> str:
    """A site name of this test's own (its Redis keys are citynews:<site>:…)."""
    return f"t{uuid.uuid4().hex[:10]}"


def env() -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k != "CITYNEWS_REDIS_URL"}
    return {**values, "PYTHONPATH": str(ROOT)}


def citynews(*args: str, cwd: Path, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citynews_scraper.cli", *args],
        cwd=cwd,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_worker(redis: str, site: str, worker: str, cwd: Path, *extra: str) -> subprocess.Popen[str]:
    """A worker joining the queued crawl of `site` (named: other tests' sites may share the Redis)."""
    args = [
        sys.executable,
        "-m",
        "citynews_scraper.cli",
        "crawl",
        "--redis",
        redis,
        "--site",
        site,
        "--worker-id",
        worker,
        *FAST,
        "-o",
        str(cwd / "out.jsonl"),
        "--log-file",
        str(cwd / f"{worker}.log"),
        *extra,
    ]
    return subprocess.Popen(args, cwd=cwd, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen[str], timeout: float = TIMEOUT) -> tuple[int, str]:
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def manifest(path: Path) -> dict[str, Any]:
    name = path.name.removesuffix(".part").removesuffix(".jsonl")
    return json.loads(path.with_name(f"{name}.manifest.json").read_text("utf-8"))
