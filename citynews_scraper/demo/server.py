"""`DemoPortal`: the demo portal as a real HTTP server on 127.0.0.1 (threaded, free port).

    with DemoPortal(DemoConfig(articles=200, rewrite=True)) as portal:
        base = portal.base_url             # "http://127.0.0.1:PORT/"
        expected = list(portal.ground_truth())
        ...crawl base...
        portal.request_log                 # [(method, path, status), ...]
"""

from __future__ import annotations

import gzip
import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any, Self

from citynews_scraper.demo.app import PortalApp, Reply
from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.content import deleted_ids, ground_truth, live_ids
from citynews_scraper.demo.urls import article_href, caturl
from citynews_scraper.demo.vocab import CATEGORIES

# Status recorded in the request log for requests that got no HTTP response at all.
NO_RESPONSE = 0
IDLE_CONNECTION_TIMEOUT = 30.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    portal: DemoPortal


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Apache/2.4"
    sys_version = ""
    timeout = IDLE_CONNECTION_TIMEOUT
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in one write; without NODELAY, Nagle plus the client's
        # delayed ACK would still stall keep-alive connections ~40 ms per response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._serve("POST")

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _serve(self, method: str) -> None:
        portal = self.server.portal
        reply = portal.running_app.respond(method, self.path)
        portal._pause(portal.config.latency_ms / 1000)
        if reply.fault in ("timeout", "reset"):
            portal._log(method, self.path, NO_RESPONSE)
            self._drop(reply.fault, portal)
            return
        if reply.fault == "slow":
            portal._pause(portal.config.slow_ms / 1000)
        portal._log(method, self.path, reply.status)
        if portal.config.gzip and "gzip" in (self.headers.get("Accept-Encoding") or "") and reply.body:
            reply = _gzipped(reply)
        self._send(reply, method)

    def _send(self, reply: Reply, method: str) -> None:
        """Status line, headers and body in one write (see `setup`)."""
        # A truncated body promises every byte in Content-Length and delivers half of them.
        body = reply.body[: len(reply.body) // 2] if reply.fault == "truncate" else reply.body
        phrase = self.responses.get(reply.status, ("",))[0]
        lines = [f"{self.protocol_version} {reply.status} {phrase}", f"Server: {self.version_string()}",
                 f"Date: {self.date_time_string()}", *(f"{name}: {value}" for name, value in reply.headers),
                 f"Content-Length: {len(reply.body)}"]
        if reply.fault == "truncate":
            lines.append("Connection: close")
            self.close_connection = True
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            self.wfile.write(head + (b"" if method == "HEAD" else body))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _drop(self, fault: str, portal: DemoPortal) -> None:
        """Act out a timeout (silence, then a close) or a connection reset (RST)."""
        self.close_connection = True
        if fault == "timeout":
            portal._pause(portal.config.hang_seconds)
        else:
            # SO_LINGER 0 makes close() send RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        try:
            self.connection.close()
        except OSError:
            pass


def _gzipped(reply: Reply) -> Reply:
    """Discuz!'s ``output.gzip``: the body compressed, `Content-Length` counting compressed bytes."""
    headers = [*reply.headers, ("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
    return Reply(reply.status, gzip.compress(reply.body, compresslevel=6, mtime=0), headers, reply.fault)


class DemoPortal:
    """A running demo portal. `start()` → base URL; `stop()`; also a context manager.

    `request_log` lists ``(method, path, status)`` for every request (status 0: no response,
    i.e. a timeout or reset fault); with `request_log_path` each entry is also appended to that
    file as a JSON line, flushed.  `attempts` counts requests per canonical URL.
    """

    def __init__(self, config: DemoConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 request_log_path: str | Path | None = None, keep_records: bool = True) -> None:
        self._initial = config or DemoConfig()
        # keep_records=False: no in-memory request log and no attempt counts unless faults or
        # anti-scraping need them, so a 100,000-article crawl in the same process does not
        # see the portal's bookkeeping grow (the log file, if any, is still written).
        self._keep = keep_records
        self._host, self._port = host, port
        self._log_path = Path(request_log_path) if request_log_path else None
        self._log_file: IO[str] | None = None
        self._log_lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.request_log: list[tuple[str, str, int]] = []
        self.app: PortalApp | None = None

    # -- life cycle --------------------------------------------------------------------

    def start(self) -> str:
        """Bind (port 0 → a free port), serve in a background thread, return the base URL."""
        if self._server is not None:
            return self.base_url
        server = _Server((self._host, self._port), _Handler)
        server.portal = self
        self._server = server
        self.app = PortalApp(self._initial, f"http://{self._host}:{server.server_address[1]}/", count_attempts=self._keep)
        if self._log_path:
            self._log_file = self._log_path.open("a", encoding="utf-8")
        self._stopping.clear()
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="demo-portal", daemon=True)
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        """Stop serving and release the port; hanging fault responses are cut short."""
        if self._server is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)
        self._server = None
        with self._log_lock:
            if self._log_file:
                self._log_file.close()
                self._log_file = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what it serves ------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self.app is None:
            raise RuntimeError("the demo portal is not started")
        return self.app.base_url

    @property
    def running_app(self) -> PortalApp:
        if self.app is None:
            raise RuntimeError("the demo portal is not started")
        return self.app

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1].strip("/"))

    @property
    def config(self) -> DemoConfig:
        return self.app.config if self.app else self._initial

    def update(self, **changes: Any) -> DemoConfig:
        """Change the portal while it runs, e.g. ``update(articles=90)`` to publish 18 more."""
        config = self.config.with_changes(**changes)
        if self.app:
            self.app.update(config)
        else:
            self._initial = config
        return config

    def ground_truth(self) -> Iterator[dict[str, Any]]:
        """The record-v1 dict of every live article (fetched_at None), in id order, lazily."""
        return ground_truth(self.config, self.base_url)

    def write_ground_truth(self, path: str | Path) -> int:
        """Write the ground truth as JSON Lines; returns the number of records."""
        count = 0
        with Path(path).open("w", encoding="utf-8") as out:
            for record in self.ground_truth():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        return count

    def live_article_urls(self) -> list[str]:
        """Canonical URL (page 1, the form the site links) of every live article."""
        return [self.base_url + article_href(self.config, aid) for aid in live_ids(self.config)]

    def deleted_article_urls(self) -> list[str]:
        """URLs of deleted articles: linked from the home page or 相关阅读, answered with 404."""
        return [self.base_url + article_href(self.config, aid) for aid in deleted_ids(self.config)]

    def category_urls(self) -> dict[int, str]:
        """Every category's URL (page 1) by catid, in the form the site links it."""
        return {c.catid: caturl(self.base_url, self.config, c.catid) for c in CATEGORIES}

    @property
    def attempts(self) -> dict[str, int]:
        """Requests per canonical URL path (e.g. ``portal.php?mod=view&aid=5``)."""
        return self.app.attempts.snapshot() if self.app else {}

    # -- used by the handler --------------------------------------------------------------

    def _log(self, method: str, path: str, status: int) -> None:
        with self._log_lock:
            if self._keep:
                self.request_log.append((method, path, status))
            if self._log_file:
                self._log_file.write(json.dumps([method, path, status, round(time.time(), 3)]) + "\n")
                self._log_file.flush()

    def _pause(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)
