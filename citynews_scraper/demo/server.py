"""`DemoPortal`: the demo portal as a real HTTP server on 127.0.0.1 (asyncio, free port).

    with DemoPortal(DemoConfig(articles=200, rewrite=True)) as portal:
        base = portal.base_url             # "http://127.0.0.1:PORT/"
        expected = list(portal.ground_truth())
        ...crawl base...
        portal.request_log                 # [(method, path, status), ...]

The server is the crawler's test harness, and on a benchmark machine it shares the cores
with the crawl it serves, so it is kept lean: one asyncio event loop in a background thread
(no thread per connection, no GIL hand-offs between them), a minimal HTTP/1.1 parser with
keep-alive, and every response written in one call (asyncio sets TCP_NODELAY: without it,
Nagle plus the client's delayed ACK would stall keep-alive connections ~40 ms per
response).  Delays (latency, slow responses, timeouts) are timers on the loop, not
sleeping threads.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http import HTTPStatus
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
SERVER_HEADER = "Apache/2.4"
MAX_HEAD_BYTES = 65536  # a request head longer than this is answered 431 and the connection closed
LISTEN_BACKLOG = 256

_PHRASES = {status.value: status.phrase for status in HTTPStatus}


class _Connection(asyncio.Protocol):
    """One client connection: parses requests off the byte stream and answers them in order.

    Requests are answered as they complete (no task per request); a response that must wait
    (latency, a slow or hanging fault) marks the connection busy, and requests pipelined
    behind it wait in the buffer until the timer has sent it.
    """

    def __init__(self, portal: DemoPortal, loop: asyncio.AbstractEventLoop) -> None:
        self.portal, self.loop = portal, loop
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.busy = False
        self.closing = False
        self.last_active = loop.time()
        self.timers: dict[str, asyncio.TimerHandle] = {}

    # -- asyncio callbacks ---------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.portal._connections.add(self)
        self.timers["idle"] = self.loop.call_later(IDLE_CONNECTION_TIMEOUT, self._watch_idle)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closing = True
        self.portal._connections.discard(self)
        for timer in self.timers.values():
            timer.cancel()
        self.timers.clear()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self.last_active = self.loop.time()
        self._serve_buffered()

    # -- requests ------------------------------------------------------------------------

    def _serve_buffered(self) -> None:
        while not self.busy and not self.closing:
            request = self._next_request()
            if request is None:
                return
            self._respond(*request)

    def _next_request(self) -> tuple[str, str, dict[str, str], bool] | None:
        """The next complete request in the buffer (method, target, headers, keep-alive), or None."""
        while self.buffer[:2] == b"\r\n":  # stray CRLFs between requests are allowed (RFC 9112 §2.2)
            del self.buffer[:2]
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(self.buffer) > MAX_HEAD_BYTES:
                self._reject(431)
            return None
        lines = self.buffer[:end].decode("latin-1").split("\r\n")
        parts = lines[0].split()
        headers = {}
        for line in lines[1:]:
            name, colon, value = line.partition(":")
            if not colon:
                self._reject(400)
                return None
            headers[name.strip().lower()] = value.strip()
        length = headers.get("content-length", "0")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1.") or not length.isdigit():
            self._reject(400)
            return None
        total = end + 4 + int(length)
        if len(self.buffer) < total:
            return None
        del self.buffer[:total]
        method, target, version = parts
        connection = headers.get("connection", "").lower()
        keep = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
        return method, target, headers, keep

    def _respond(self, method: str, target: str, headers: dict[str, str], keep: bool) -> None:
        portal = self.portal
        if method not in ("GET", "HEAD", "POST"):
            self._send(method, target, Reply(501, b"", [("Content-Type", "text/html")]), keep=False)
            return
        reply = portal.running_app.respond(method, target)
        config = portal.config
        delay = config.latency_ms / 1000
        if reply.fault in ("timeout", "reset"):
            self._after(delay, self._drop, method, target, reply.fault)
            return
        if reply.fault == "slow":
            delay += config.slow_ms / 1000
        if config.gzip and reply.body and "gzip" in headers.get("accept-encoding", ""):
            reply = _gzipped(reply)
        self._after(delay, self._send, method, target, reply, keep)

    def _after(self, delay: float, action: Any, *args: Any) -> None:
        """Run `action` now, or after `delay` seconds with later requests held back meanwhile."""
        if delay <= 0:
            action(*args)
            return
        self.busy = True
        self.timers["reply"] = self.loop.call_later(delay, self._resume, action, args)

    def _resume(self, action: Any, args: tuple[Any, ...]) -> None:
        self.timers.pop("reply", None)
        self.busy = False
        action(*args)
        self._serve_buffered()

    # -- responses -----------------------------------------------------------------------

    def _send(self, method: str, target: str, reply: Reply, keep: bool) -> None:
        self.portal._log(method, target, reply.status)
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        close = not keep or reply.fault == "truncate"
        transport.write(_wire(reply, method, close))
        if close:
            self.closing = True
            transport.close()

    def _reject(self, status: int) -> None:
        """A request we cannot read: answer `status` and close, as http.server does."""
        self.buffer.clear()
        self.closing = True
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(_wire(Reply(status, b"", [("Content-Type", "text/html")]), "GET", close=True))
            self.transport.close()

    def _drop(self, method: str, target: str, fault: str) -> None:
        """Act out a timeout (silence, then a close) or a connection reset (RST)."""
        self.portal._log(method, target, NO_RESPONSE)
        self.closing = True
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        if fault == "timeout":
            self.busy = True
            self.timers["reply"] = self.loop.call_later(self.portal.config.hang_seconds, transport.close)
            return
        # SO_LINGER 0 makes close() send RST instead of FIN.
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()

    def _watch_idle(self) -> None:
        """Close a connection idle for IDLE_CONNECTION_TIMEOUT (one timer per period, not per request)."""
        idle = self.loop.time() - self.last_active
        if idle >= IDLE_CONNECTION_TIMEOUT and not self.busy:
            if self.transport is not None:
                self.transport.close()
            return
        self.timers["idle"] = self.loop.call_later(max(IDLE_CONNECTION_TIMEOUT - idle, 1.0), self._watch_idle)

    def abort(self) -> None:
        for timer in self.timers.values():
            timer.cancel()
        self.timers.clear()
        if self.transport is not None:
            self.transport.abort()


def _wire(reply: Reply, method: str, close: bool) -> bytes:
    """Status line, headers and body as one buffer, written in one call."""
    # A truncated body promises every byte in Content-Length and delivers half of them.
    body = reply.body[: len(reply.body) // 2] if reply.fault == "truncate" else reply.body
    lines = [f"HTTP/1.1 {reply.status} {_PHRASES.get(reply.status, '')}", f"Server: {SERVER_HEADER}",
             f"Date: {_http_date()}", *(f"{name}: {value}" for name, value in reply.headers),
             f"Content-Length: {len(reply.body)}"]
    if close:
        lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if method == "HEAD" else head + body


_date_cache: tuple[int, str] = (0, "")


def _http_date() -> str:
    """The Date header, formatted once per second."""
    global _date_cache
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache = (now, formatdate(now, usegmt=True))
    return _date_cache[1]


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
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[_Connection] = set()
        self.request_log: list[tuple[str, str, int]] = []
        self.app: PortalApp | None = None

    # -- life cycle --------------------------------------------------------------------

    def start(self) -> str:
        """Bind (port 0 → a free port), serve in a background thread, return the base URL."""
        if self._loop is not None:
            return self.base_url
        # Bound here, in the caller's thread, so a busy port raises OSError to the caller.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self._host, self._port))
            sock.listen(LISTEN_BACKLOG)
        except OSError:
            sock.close()
            raise
        self.app = PortalApp(self._initial, f"http://{self._host}:{sock.getsockname()[1]}/", count_attempts=self._keep)
        if self._log_path:
            self._log_file = self._log_path.open("a", encoding="utf-8")
        loop = asyncio.new_event_loop()
        ready = threading.Event()
        self._loop = loop
        self._thread = threading.Thread(target=self._serve, args=(loop, sock, ready), name="demo-portal", daemon=True)
        self._thread.start()
        ready.wait()
        return self.base_url

    def _serve(self, loop: asyncio.AbstractEventLoop, sock: socket.socket, ready: threading.Event) -> None:
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(
            loop.create_server(lambda: _Connection(self, loop), sock=sock, backlog=LISTEN_BACKLOG))
        ready.set()
        try:
            loop.run_forever()
        finally:
            server.close()
            for connection in list(self._connections):
                connection.abort()
            loop.run_until_complete(asyncio.sleep(0))  # let the transports close their sockets
            loop.close()

    def stop(self) -> None:
        """Stop serving and release the port; hanging fault responses are cut short."""
        loop = self._loop
        if loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        if self._thread:
            self._thread.join(timeout=5)
        self._loop = self._thread = None
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

