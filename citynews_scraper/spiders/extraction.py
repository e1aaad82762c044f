"""Article extraction off the crawl loop: one step per fetched article page, in worker processes.

Reading an article page (decode, parse, repair) costs a few milliseconds of CPU, more than
Scrapy spends fetching it; in the crawl process it would cap a fast crawl at one core.
`Extractor` runs `extract_step` in a few worker processes (spawned; they ignore Ctrl-C:
the crawl process decides when to stop), each linked to the crawl's asyncio loop by a
socket, and falls back to running it in-process when the workers are off
(``CITYNEWS_EXTRACT_WORKERS = 0``), cannot start or break.

`extract_step` is pure (no Scrapy): the page bytes and the pages read so far in, either
"more pages needed" (with the light page results), the merged `Article`, or an error
(kind, message) out.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import struct
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from typing import ClassVar

from citynews_scraper.extract import ExtractionError, PageResult, UnknownLayout, build_article, read_page
from citynews_scraper.extract.listing import ListEntry, fill_from_listing
from citynews_scraper.output.validate import record_errors
from citynews_scraper.record import Article
from citynews_scraper.spiders.gc_tuning import tune_gc

logger = logging.getLogger(__name__)
MAX_AUTO_WORKERS = 4


@dataclass
class PageJob:
    """One fetched article page and how to read it."""

    body: bytes
    url: str
    headers: Mapping[str, str]
    encoding: str | None
    cms: str | None
    fetched_at: datetime
    tz: tzinfo
    site: str | None
    script: str | None
    previous: list[PageResult] = field(default_factory=list)
    cms_inferred: bool = False  # `cms` came from the start page, not the user: detect when it does not fit
    entry: ListEntry | None = None  # the list's summary and date, for fields the article lacks


@dataclass
class Step:
    """The outcome of reading one page: more pages needed, a merged article, or an error."""

    pages: list[PageResult]
    count: int
    article: Article | None = None
    error_kind: str | None = None
    error_message: str | None = None
    filled: list[str] = field(default_factory=list)  # fields filled from the list entry
    schema_errors: list[str] = field(default_factory=list)  # the finished record checked against record-v1

    def error(self) -> ExtractionError | None:
        if self.error_kind is None:
            return None
        exc = ExtractionError(self.error_message or self.error_kind)
        exc.kind = self.error_kind
        return exc


@dataclass
class CheckedArticle(Article):
    """An `Article` whose record was checked against record-v1 where it was built (in a worker):
    `checked_errors` is that verdict, which the ValidatePipeline uses instead of checking again."""

    @classmethod
    def of(cls, article: Article, errors: list[str]) -> CheckedArticle:
        checked = cls(**{f.name: getattr(article, f.name) for f in dataclasses.fields(Article)})
        object.__setattr__(checked, "checked_errors", list(errors))  # per instance; not a record field
        return checked

    checked_errors: ClassVar[list[str] | None] = None  # set per instance by `of`


def light(result: PageResult) -> PageResult:
    """The page result without the page text: only the codec name and source are merged later,
    and the text would keep whole pages alive in request meta."""
    return dataclasses.replace(result, decoded=dataclasses.replace(result.decoded, text=""))


def extract_step(job: PageJob) -> Step:
    """Read one page; merge all pages into an `Article` once the article's pager is complete."""
    try:
        result = _read(job)
        pages = [*job.previous, light(result)]
        count = max(page.draft.page_count for page in pages)
        if len(pages) < count:
            return Step(pages, count)
        article = build_article(pages, site=job.site, fetched_at=job.fetched_at, script=job.script)
        filled = fill_from_listing(article, job.entry, job.fetched_at, job.tz) if job.entry else []
        # Validated here, off the crawl loop; the ValidatePipeline trusts this verdict.
        return Step([], count, article=article, filled=filled, schema_errors=record_errors(article.to_dict()))
    except ExtractionError as exc:
        return Step(list(job.previous), 0, error_kind=exc.kind, error_message=exc.message)


def _read(job: PageJob) -> PageResult:
    try:
        return read_page(job.body, job.url, job.headers, encoding=job.encoding, cms=job.cms,
                         fetched_at=job.fetched_at, tz=job.tz)
    except UnknownLayout:
        if not job.cms_inferred:
            raise
        return read_page(job.body, job.url, job.headers, encoding=job.encoding, cms=None,
                         fetched_at=job.fetched_at, tz=job.tz)


def auto_workers() -> int:
    """Workers for "auto": one per core but one (the crawl loop's), at most MAX_AUTO_WORKERS."""
    return max(0, min((os.cpu_count() or 1) - 1, MAX_AUTO_WORKERS))


class WorkerGone(RuntimeError):
    """An extraction worker closed its end (died, was killed, or could not start)."""


def worker_main(conn: Connection) -> None:
    """An extraction worker: read a pickled `PageJob`, answer a pickled `Step`, until EOF.

    Jobs come in the order the crawl loop sent them and are answered in that order (the
    loop matches answers to jobs first in, first out).
    """
    # Ctrl-C reaches the whole process group; the crawl process handles it (and shuts us down).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_gc()
    while True:
        try:
            payload = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            answer: Step | Exception = extract_step(pickle.loads(payload))
        except Exception as exc:  # noqa: BLE001 - a bug in the extract layer: raised in the crawl process
            answer = exc
        conn.send_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


class _WorkerLink(asyncio.Protocol):
    """The crawl loop's end of one worker's socket: frames jobs out, matches answers to futures.

    Read and written by the asyncio event loop itself, so a hand-off costs one pickle and
    one socket write each way, with no helper threads in the crawl process (a
    ProcessPoolExecutor runs two, whose GIL hand-offs and CPU sat on the crawl loop).
    The framing is `multiprocessing.connection`'s (a 4-byte big-endian length), which
    the worker reads with `Connection.recv_bytes`.
    """

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.pending: deque[asyncio.Future[Step]] = deque()  # sent, answers due in this order
        self.waiting: deque[tuple[PageJob, asyncio.Future[Step]]] = deque()  # not sent yet
        self.buffer = bytearray()
        self.gone: Exception | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    @property
    def load(self) -> int:
        return len(self.pending) + len(self.waiting)

    def submit(self, job: PageJob, future: asyncio.Future[Step]) -> None:
        if self.gone is not None or self.transport is None or self.transport.is_closing():
            raise WorkerGone("extraction worker connection closed")
        self.waiting.append((job, future))
        self._feed()

    def _feed(self) -> None:
        """Keep IN_FLIGHT jobs in the worker's socket (so it never waits for the next one) and
        the rest here, unpickled: a backlog of pages pushed into the socket at once made the
        worker and the loop stall each other on full socket buffers."""
        assert self.transport is not None
        while self.waiting and len(self.pending) < IN_FLIGHT:
            job, future = self.waiting.popleft()
            if future.done():  # cancelled while waiting
                continue
            payload = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
            self.pending.append(future)
            self.transport.writelines((_FRAME.pack(len(payload)), payload))

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        while len(buffer) >= _FRAME.size:
            (size,) = _FRAME.unpack_from(buffer)
            end = _FRAME.size + size
            if len(buffer) < end:
                return
            answer = pickle.loads(buffer[_FRAME.size:end])
            del buffer[:end]
            future = self.pending.popleft()
            if not future.done():
                if isinstance(answer, Exception):
                    future.set_exception(answer)
                else:
                    future.set_result(answer)
        if self.waiting:
            self._feed()

    def connection_lost(self, exc: Exception | None) -> None:
        self.gone = WorkerGone(f"extraction worker connection lost ({exc or 'EOF'})")
        futures = [*self.pending, *(future for _, future in self.waiting)]
        self.pending.clear()
        self.waiting.clear()
        for future in futures:
            if not future.done():
                future.set_exception(self.gone)


_FRAME = struct.Struct("!i")
IN_FLIGHT = 8  # jobs sent ahead to each worker: enough to cover a long turn of the crawl loop


class _Worker:
    """One worker process and the loop's link to it (connected on first use)."""

    def __init__(self, context: SpawnContext) -> None:
        ours, theirs = socket.socketpair()
        self.socket = ours
        child_end = Connection(theirs.detach())
        try:
            self.process = context.Process(target=worker_main, args=(child_end,), name="citynews-extract", daemon=True)
            self.process.start()
        except BaseException:
            ours.close()
            raise
        finally:
            # The child has its own copy now; ours must go, or a dead worker would never read as EOF.
            child_end.close()
        self.link: _WorkerLink | None = None
        self._connecting: asyncio.Task[tuple[asyncio.Transport, _WorkerLink]] | None = None

    async def connect(self) -> _WorkerLink:
        if self.link is not None:
            return self.link
        if self._connecting is None:  # one connection, however many jobs wait for it
            loop = asyncio.get_running_loop()
            self._connecting = loop.create_task(loop.create_unix_connection(_WorkerLink, sock=self.socket))
        _, link = await asyncio.shield(self._connecting)
        self.link = link
        return link

    @property
    def load(self) -> int:
        return self.link.load if self.link else 0

    def close(self, timeout: float) -> None:
        # shutdown() reaches the worker at once; a transport's close() would wait for the
        # event loop, which the join below blocks.
        with contextlib.suppress(OSError):
            self.socket.shutdown(socket.SHUT_RDWR)
        if self.link is not None and self.link.transport is not None:
            self.link.transport.abort()
        else:
            self.socket.close()
        # The worker exits at EOF once its current job is done; a worker still starting up
        # (spawn) gets the time it needs, so it never prints a traceback about its parent.
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(1)


class Extractor:
    """Runs `extract_step` in worker processes (or in-process); falls back when a worker fails."""

    def __init__(self, workers: int) -> None:
        self.pool: list[_Worker] | None = None
        self._workers = 0
        if workers > 0 and _asyncio_loop_running():
            context: SpawnContext = multiprocessing.get_context("spawn")
            self.pool = []
            try:
                for _ in range(workers):
                    self.pool.append(_Worker(context))
                self._workers = workers
            except OSError as exc:
                logger.warning("extraction workers could not start (%s); extracting in the crawl process", exc)
                self._close_pool(timeout=1.0)
                self.fallbacks = 1
                return
        self.fallbacks = 0

    @property
    def workers(self) -> int:
        return self._workers if self.pool else 0

    async def step(self, job: PageJob) -> Step:
        if self.pool is None:
            return extract_step(job)
        try:
            worker = min(self.pool, key=lambda w: w.load) if len(self.pool) > 1 else self.pool[0]
            link = await worker.connect()
            future: asyncio.Future[Step] = asyncio.get_running_loop().create_future()
            link.submit(job, future)
            return await future
        except (WorkerGone, OSError, EOFError, pickle.PicklingError) as exc:
            if self.pool is not None:
                logger.warning("extraction workers failed (%s); extracting in the crawl process from now on", exc)
                self.fallbacks += 1
                self._close_pool(timeout=1.0)
            return extract_step(job)

    def close(self) -> None:
        self._close_pool(timeout=10.0)

    def _close_pool(self, timeout: float) -> None:
        pool, self.pool = self.pool, None
        for worker in pool or ():
            worker.close(timeout)


def _asyncio_loop_running() -> bool:
    """The pool is awaited through asyncio: only with Scrapy's asyncio reactor (the default)."""
    try:
        from scrapy.utils.reactor import is_asyncio_reactor_installed

        return is_asyncio_reactor_installed()
    except Exception:  # noqa: BLE001 - no reactor at all: extract in-process
        return False
