"""The HTTP server: free port, start/stop, request log, latency, and faults that recover."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citynews_scraper.demo import DemoConfig, DemoPortal


def fetch(base: str, path: str, timeout: float = 5.0) -> tuple[int, dict[str, str], bytes]:
    host, port = base[len("http://"):].rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.request("GET", "/" + path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_start_on_a_free_port_and_stop() -> None:
    portal = DemoPortal(DemoConfig(articles=10))
    base = portal.start()
    assert base.startswith("http://127.0.0.1:") and portal.port > 0
    status, headers, body = fetch(base, "portal.php")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=gbk" and b"portal_block_1" in body
    portal.stop()
    with pytest.raises(OSError):
        fetch(base, "portal.php", timeout=1)
    with socket.socket() as again:  # the port is released
        again.bind(("127.0.0.1", portal.port))


def test_request_log_ground_truth_and_urls(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    with DemoPortal(DemoConfig(articles=20), request_log_path=log) as portal:
        live, deleted = portal.live_article_urls(), portal.deleted_article_urls()
        assert [r["url"] for r in portal.ground_truth()] == live
        assert fetch(portal.base_url, live[0][len(portal.base_url):])[0] == 200
        for url in deleted:
            assert fetch(portal.base_url, url[len(portal.base_url):])[0] == 404
        assert fetch(portal.base_url, "no/such/page")[0] == 404
        assert portal.write_ground_truth(tmp_path / "truth.jsonl") == len(live)
    assert portal.request_log[0] == ("GET", "/" + live[0][len(portal.base_url):], 200)
    assert [entry[2] for entry in portal.request_log[1:]] == [404] * (len(deleted) + 1)
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert [tuple(line[:3]) for line in lines] == portal.request_log
    assert len((tmp_path / "truth.jsonl").read_text().splitlines()) == len(live)


def test_records_can_be_switched_off() -> None:
    with DemoPortal(DemoConfig(articles=5), keep_records=False) as portal:
        assert fetch(portal.base_url, "portal.php?mod=view&aid=1")[0] == 200
        assert portal.request_log == [] and portal.attempts == {}
    with DemoPortal(DemoConfig(articles=5, faults=1.0, fault_kinds=("5xx",)), keep_records=False) as portal:
        assert fetch(portal.base_url, "portal.php?mod=view&aid=1")[0] >= 500
        assert fetch(portal.base_url, "portal.php?mod=view&aid=1")[0] == 200  # faults still recover


def test_gzip_for_clients_that_accept_it() -> None:
    import gzip

    with DemoPortal(DemoConfig(articles=5, gzip=True)) as portal:
        host, port = "127.0.0.1", portal.port
        conn = http.client.HTTPConnection(host, port, timeout=5)
        conn.request("GET", "/portal.php?mod=view&aid=1", headers={"Accept-Encoding": "gzip, deflate"})
        response = conn.getresponse()
        packed = response.read()
        conn.close()
        assert response.getheader("Content-Encoding") == "gzip" and int(response.getheader("Content-Length")) == len(packed)
        _, headers, plain = fetch(portal.base_url, "portal.php?mod=view&aid=1")
        assert "Content-Encoding" not in headers and gzip.decompress(packed) == plain


def test_folder_category_redirects_with_301() -> None:
    with DemoPortal(DemoConfig(articles=20, folders=True)) as portal:
        status, headers, _ = fetch(portal.base_url, "portal.php?mod=list&catid=1")
        assert status == 301 and headers["Location"] == portal.base_url + "news/"
        assert portal.category_urls()[15] == portal.base_url + "news/fenghuang/liziyuan/"
        assert len(portal.category_urls()) == 15
        assert fetch(portal.base_url, "news/")[0] == 200


@pytest.mark.parametrize("attempts", [1, 2])
@pytest.mark.parametrize("kind", ["5xx", "timeout", "reset", "truncate", "charset", "slow"])
def test_faults_recover_after_k_attempts(kind: str, attempts: int) -> None:
    config = DemoConfig(articles=5, faults=1.0, fault_kinds=(kind,), fault_attempts=attempts,
                        hang_seconds=0.5, slow_ms=400)
    path = "portal.php?mod=view&aid=1"
    with DemoPortal(config) as portal:
        for _ in range(attempts):
            started = time.monotonic()
            if kind == "5xx":
                assert fetch(portal.base_url, path)[0] in (500, 502, 503)
            elif kind == "timeout":
                with pytest.raises(TimeoutError):
                    fetch(portal.base_url, path, timeout=0.2)
            elif kind == "reset":
                with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected)):
                    fetch(portal.base_url, path)
            elif kind == "truncate":
                with pytest.raises(http.client.IncompleteRead):
                    fetch(portal.base_url, path)
            elif kind == "charset":
                status, headers, _ = fetch(portal.base_url, path)
                assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
            else:
                assert fetch(portal.base_url, path)[0] == 200 and time.monotonic() - started >= 0.4
        started = time.monotonic()
        status, headers, body = fetch(portal.base_url, path)
        assert (status, headers["Content-Type"]) == (200, "text/html; charset=gbk")
        assert b'id="article_content"' in body
        assert kind != "slow" or time.monotonic() - started < 0.4
        assert fetch(portal.base_url, "robots.txt")[0] == 200  # never faulted
        assert portal.attempts[path] == attempts + 1


def test_faults_hit_the_configured_share_of_urls() -> None:
    from citynews_scraper.demo.faults import fault_kind

    config = DemoConfig(articles=400, faults=0.2)
    kinds = [fault_kind(config, f"portal.php?mod=view&aid={aid}") for aid in range(1, 401)]
    assert 50 < sum(k is not None for k in kinds) < 110
    assert {k for k in kinds if k} == set(config.fault_kinds)
    assert fault_kind(config, "robots.txt") is None


def test_latency_delays_every_response() -> None:
    with DemoPortal(DemoConfig(articles=5, latency_ms=100)) as portal:
        started = time.monotonic()
        fetch(portal.base_url, "robots.txt")
        assert time.monotonic() - started >= 0.1


def test_the_portal_grows_while_running() -> None:
    with DemoPortal(DemoConfig(articles=30)) as portal:
        before = list(portal.ground_truth())
        last = int(before[-1]["article_id"])
        assert fetch(portal.base_url, f"portal.php?mod=view&aid={last + 3}")[0] == 404
        portal.update(articles=40)
        assert fetch(portal.base_url, f"portal.php?mod=view&aid={last + 3}")[0] in (200, 404)
        assert fetch(portal.base_url, "_demo/grow?articles=50")[2] == b"articles=50\nedited=\n"
        after = list(portal.ground_truth())
        assert portal.config.articles == 50 and len(after) > len(before)
        assert [r["content_hash"] for r in after[: len(before)]] == [r["content_hash"] for r in before]
        assert fetch(portal.base_url, "_demo/edit?aids=1,3")[2] == b"articles=50\nedited=1,3\n"
        edited = list(portal.ground_truth())
        assert edited[0]["content_hash"] != after[0]["content_hash"] and edited[1] == after[1]


def test_many_requests_in_parallel() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with DemoPortal(DemoConfig(articles=200)) as portal:
        paths = [f"portal.php?mod=view&aid={aid}" for aid in range(1, 201)]
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(lambda p: fetch(portal.base_url, p)[0], paths))
    assert set(statuses) <= {200, 404} and statuses.count(200) == len(list(portal.ground_truth()))


def test_module_entry_prints_the_url_and_stops_on_sigterm(tmp_path: Path) -> None:
    truth = tmp_path / "truth.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "citynews_scraper.demo", "--port", "0", "--articles", "30", "--encoding", "utf-8",
         "--rewrite", "--folders", "--request-log", str(tmp_path / "log.jsonl"), "--ground-truth", str(truth)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = process.stdout.readline().strip()
        assert base.startswith("http://127.0.0.1:") and base.endswith("/")
        status, headers, _ = fetch(base, "news/")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        first = json.loads(truth.read_text(encoding="utf-8").splitlines()[0])
        assert first["url"] == base + "article-1-1.html" and first["encoding"] == "utf-8"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    assert json.loads((tmp_path / "log.jsonl").read_text().splitlines()[0])[:3] == ["GET", "/news/", 200]


def test_module_entry_rejects_a_bad_option() -> None:
    result = subprocess.run([sys.executable, "-m", "citynews_scraper.demo", "--faults", "2"],
                            check=False, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "faults is a share between 0 and 1" in result.stderr
    assert "Traceback" not in result.stderr


def raw_exchange(portal: DemoPortal, data: bytes, timeout: float = 5.0) -> bytes:
    """Send raw bytes on one connection and read until the server closes it (it must)."""
    with socket.create_connection(("127.0.0.1", portal.port), timeout=timeout) as conn:
        conn.sendall(data)
        chunks = []
        while chunk := conn.recv(65536):  # a TimeoutError here: the server kept the connection open
            chunks.append(chunk)
    return b"".join(chunks)


def test_keep_alive_pipelining_head_and_post_on_one_connection() -> None:
    with DemoPortal(DemoConfig(articles=5)) as portal:
        requests = (b"GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                    b"HEAD /portal.php?mod=view&aid=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    b"POST /robots.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    b"GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = raw_exchange(portal, requests)
    assert answer.count(b"HTTP/1.1 200 OK\r\n") == 4
    head_reply = answer.split(b"HTTP/1.1 200 OK\r\n")[2]
    length = int(head_reply.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    assert length > 1000 and head_reply.endswith(b"\r\n\r\n")  # HEAD: the length, no body
    assert b"Connection: close\r\n" in answer.split(b"HTTP/1.1 200 OK\r\n")[4]  # asked for, and done
    assert [m for m, _, _ in portal.request_log] == ["GET", "HEAD", "POST", "GET"]


def test_http_1_0_and_bad_requests_close_the_connection() -> None:
    with DemoPortal(DemoConfig(articles=5)) as portal:
        old = raw_exchange(portal, b"GET /robots.txt HTTP/1.0\r\n\r\n")
        assert old.startswith(b"HTTP/1.1 200 OK\r\n") and b"Connection: close\r\n" in old
        assert raw_exchange(portal, b"NONSENSE\r\n\r\n").startswith(b"HTTP/1.1 400 Bad Request\r\n")
        assert raw_exchange(portal, b"GET / HTTP/1.1\r\nno colon here\r\n\r\n").startswith(b"HTTP/1.1 400 ")
        assert raw_exchange(portal, b"DELETE / HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.1 501 ")
        assert raw_exchange(portal, b"GET /" + b"a" * 70000).startswith(b"HTTP/1.1 431 ")
        assert fetch(portal.base_url, "robots.txt")[0] == 200  # the server is fine afterwards
