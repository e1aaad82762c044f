"""The distributed switch and its one-line errors (`citynews crawl --redis`, `citynews enqueue`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.distributed.conftest import _free_port, citynews, env


def test_without_redis_nothing_changes_and_redis_is_not_imported(tmp_path: Path) -> None:
    code = (
        "import sys; from citynews_scraper.cli import build_parser; "
        "from citynews_scraper.runner import CrawlOptions, crawl_settings; "
        "build_parser(); s = crawl_settings(CrawlOptions()); "
        "print(s.get('SCHEDULER'), any(m.split('.')[0] in ('redis', 'scrapy_redis') for m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env(), capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert proc.stdout.split() == ["scrapy.core.scheduler.Scheduler", "False"]


def test_unreachable_redis_is_one_line_and_status_2(tmp_path: Path) -> None:
    url = f"redis://127.0.0.1:{_free_port()}/0"
    proc = citynews("crawl", "--redis", url, "--start-url", "http://127.0.0.1:9/", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"citynews: error: cannot reach Redis at {url}:") and proc.stderr.count("\n") == 1
    proc = citynews("enqueue", "--redis", url, "--start-url", "http://127.0.0.1:9/", cwd=tmp_path)
    assert proc.returncode == 2 and "cannot reach Redis" in proc.stderr


def test_a_worker_with_nothing_queued_says_so(redis_url: str, site: str, tmp_path: Path) -> None:
    proc = citynews("crawl", "--redis", redis_url, "--site", site, cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        proc.stderr
        == f"citynews: error: no crawl of site {site!r} is under way in Redis: queue one with `citynews enqueue`\n"
    )


def test_bad_redis_url_and_missing_redis(tmp_path: Path) -> None:
    proc = citynews("crawl", "--redis", "http://localhost/", "--start-url", "http://127.0.0.1:9/", cwd=tmp_path)
    assert proc.returncode == 2 and "expected redis://HOST:PORT/DB" in proc.stderr
    proc = citynews("enqueue", "--start-url", "http://127.0.0.1:9/", cwd=tmp_path)
    assert proc.returncode == 2 and "no Redis: give --redis" in proc.stderr


def test_state_folder_is_refused_with_redis(redis_url: str, tmp_path: Path) -> None:
    proc = citynews("crawl", "--redis", redis_url, "--start-url", "http://127.0.0.1:9/", "--state", "s", cwd=tmp_path)
    assert proc.returncode == 2 and "with --redis the crawl state lives in Redis" in proc.stderr


def test_enqueue_twice_joins_the_run_under_way(redis_url: str, site: str, tmp_path: Path) -> None:
    args = ("enqueue", "--redis", redis_url, "--start-url", "http://127.0.0.1:9/", "--site", site)
    first, second = citynews(*args, cwd=tmp_path), citynews(*args, cwd=tmp_path)
    assert first.returncode == second.returncode == 0, second.stderr
    assert f"site {site}: 1 requests queued (new run 1;" in first.stdout
    assert f"site {site}: 0 requests queued (run 1, already under way; 1 already queued in it)" in second.stdout


def test_a_worker_id_in_use_is_refused(redis_url: str, server, site: str, tmp_path: Path) -> None:
    from citynews_scraper.distributed.keys import SiteKeys

    assert (
        citynews(
            "enqueue", "--redis", redis_url, "--start-url", "http://127.0.0.1:9/", "--site", site, cwd=tmp_path
        ).returncode
        == 0
    )
    server.set(SiteKeys(site).heartbeat("busy"), "other", px=60_000)
    proc = citynews("crawl", "--redis", redis_url, "--site", site, "--worker-id", "busy", cwd=tmp_path)
    assert proc.returncode == 2
    assert "worker id 'busy' is in use by a live worker" in proc.stderr


def test_redis_url_precedence(monkeypatch) -> None:
    from citynews_scraper.distributed.config import ENV_URL, redis_url

    monkeypatch.delenv(ENV_URL, raising=False)
    assert redis_url(None, None) is None
    assert redis_url(None, "redis://profile:6379/0") == "redis://profile:6379/0"
    monkeypatch.setenv(ENV_URL, "redis://env:6379/0")
    assert redis_url(None, "redis://profile:6379/0") == "redis://env:6379/0"
    assert redis_url("redis://flag:6379/1", "redis://profile:6379/0") == "redis://flag:6379/1"


def test_a_profile_with_redis_makes_a_worker(redis_url: str, tmp_path: Path) -> None:
    profile = tmp_path / "site.toml"
    url = f"redis://127.0.0.1:{_free_port()}/0"  # nobody listens: the worker must try it
    profile.write_text(f'name = "p"\nstart_urls = ["http://127.0.0.1:9/"]\nredis = "{url}"\n', "utf-8")
    proc = citynews("crawl", "--profile", str(profile), cwd=tmp_path)
    assert proc.returncode == 2 and f"cannot reach Redis at {url}" in proc.stderr
