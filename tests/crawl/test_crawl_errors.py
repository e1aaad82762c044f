"""Bad input gives one clear stderr line and a non-zero exit status, never a traceback."""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.crawl.conftest import FAST, citynews

pytestmark = pytest.mark.e2e


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    assert lines[0].startswith("citynews: error: ")
    return lines[0]


class _Tiny(BaseHTTPRequestHandler):
    """A small non-Discuz! site, and a gzip bomb at /bomb."""

    PAGE = b"<html><head><title>My homepage</title></head><body><p>Hello.</p><a href='/about'>About</a></body></html>"

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body = b"User-agent: *\nDisallow: /private\n"
            self.send_response(200)
        elif self.path == "/bomb":
            body = gzip.compress(b"<html>" + b" " * (3 * 1024 * 1024) + b"</html>")
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
        else:
            body = self.PAGE
            self.send_response(200 if self.path in ("/", "/about") else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tiny_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Tiny)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("url", ["not-a-url", "ftp://example.com/", "http:///portal.php", "/relative/path"])
def test_bad_start_url(tmp_path: Path, url: str) -> None:
    proc = citynews("crawl", "--start-url", url, cwd=tmp_path)
    assert proc.returncode == 2
    assert "bad start URL" in one_error_line(proc.stderr)


def test_nothing_to_crawl(tmp_path: Path) -> None:
    proc = citynews("crawl", cwd=tmp_path)
    assert proc.returncode == 2
    assert "nothing to crawl" in one_error_line(proc.stderr)


def test_unreachable_host(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    proc = citynews("crawl", "--start-url", url, *FAST, "--retries", "1", cwd=tmp_path)
    assert proc.returncode == 1
    line = one_error_line(proc.stderr)
    assert url in line and "connection refused" in line


def test_not_a_discuz_site(tmp_path: Path, tiny_site: str) -> None:
    proc = citynews("crawl", "--start-url", tiny_site + "/", *FAST, "--quiet", cwd=tmp_path)
    assert proc.returncode == 1
    assert "not a Discuz! X portal" in one_error_line(proc.stderr)


def test_start_page_not_found(tmp_path: Path, tiny_site: str) -> None:
    proc = citynews("crawl", "--start-url", tiny_site + "/missing", *FAST, "--quiet", cwd=tmp_path)
    assert proc.returncode == 1
    assert "404" in one_error_line(proc.stderr)


def test_size_cap_holds_for_compressed_bodies(tmp_path: Path, tiny_site: str) -> None:
    # 3 MB of HTML in a ~3 KB gzip body: refused at 1 MB, after decompression.
    proc = citynews("crawl", "--start-url", tiny_site + "/bomb", *FAST, "--quiet", "--max-size-mb", "1",
                    "-o", "o.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    line = one_error_line(proc.stderr)
    assert "DOWNLOAD_MAXSIZE" in line or "size" in line


def test_robots_txt_is_obeyed(tmp_path: Path, tiny_site: str) -> None:
    proc = citynews("crawl", "--start-url", tiny_site + "/private/portal.php", *FAST, "--quiet", cwd=tmp_path)
    assert proc.returncode == 1
    assert "forbidden by robots.txt" in one_error_line(proc.stderr)


@pytest.mark.parametrize(("text", "expected"), [
    ("name = 'x'\nstart_urls = [", "not valid TOML"),
    ("name = 'x'\nstart_urls = ['http://a.example/']\nspeed = 3\n", "unknown key 'speed'"),
    ("start_urls = 'http://a.example/'\n", "start_urls must be list[str]"),
    ("start_urls = ['http://a.example/']\n[politeness]\nconcurrency = -1\n", "must not be negative"),
    ("start_urls = ['http://a.example/']\ntimezone = 'Mars/Base'\n", "unknown timezone"),
    ("start_urls = ['http://a.example/']\narticle_patterns = ['/a/(\\\\d+).html']\n", "named group"),
    ("start_urls = ['http://a.example/']\ncms = 'nosuchcms'\n", "unknown cms"),
    ("name = 'x'\n", "no start URLs"),
])
def test_bad_profile(tmp_path: Path, text: str, expected: str) -> None:
    profile = tmp_path / "site.toml"
    profile.write_text(text, "utf-8")
    proc = citynews("crawl", "--profile", str(profile), cwd=tmp_path)
    assert proc.returncode == 2
    line = one_error_line(proc.stderr)
    assert expected in line and "site.toml" in line


def test_missing_profile_file(tmp_path: Path) -> None:
    proc = citynews("crawl", "--profile", str(tmp_path / "nope.toml"), cwd=tmp_path)
    assert proc.returncode == 2
    assert "no such file" in one_error_line(proc.stderr)


def test_unknown_shipped_profile_is_a_label_only_with_start_urls(tmp_path: Path) -> None:
    proc = citynews("crawl", "--site", "no-such-site", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--site no-such-site: no shipped profile of that name" in one_error_line(proc.stderr)


def scrapy_crawl(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``scrapy crawl portal ARGS`` from the project root (where scrapy.cfg is), logging only errors."""
    from tests.crawl.conftest import ROOT

    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "portal", "-s", "LOG_LEVEL=ERROR", *args],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60, check=False,
    )


@pytest.mark.parametrize(("args", "expected"), [
    (("-a", "site=no-such-site"), "-a site=no-such-site: no shipped profile of that name"),
    (("-a", "start_url=ftp://x.example/"), "bad start URL 'ftp://x.example/'"),
    (("-a", "profile=/no/such/site.toml"), "no such file"),
])
def test_scrapy_crawl_bad_profile_is_one_line(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    proc = scrapy_crawl(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert expected in one_error_line(proc.stderr)


def test_scrapy_crawl_with_the_site_lock_held_is_one_line_and_exit_3(tmp_path: Path, tiny_site: str) -> None:
    from citynews_scraper.output.lock import acquire
    from citynews_scraper.profile import SiteProfile
    from citynews_scraper.spiders.incremental import lock_path

    state = tmp_path / "state"
    held = acquire(lock_path(state, SiteProfile(name="tiny", start_urls=[tiny_site])))  # this test process has it
    try:
        proc = scrapy_crawl("-a", "site=tiny", "-a", f"start_url={tiny_site}/", "-s", f"CITYNEWS_STATE_DIR={state}",
                            cwd=tmp_path)
    finally:
        held.release()
    assert proc.returncode == 3
    assert "another run of site 'tiny' is active" in one_error_line(proc.stderr)
