"""Article extraction off the crawl loop: one step per fetched article page, in worker processes.

Reading an article page (decode, parse, repair) costs a few milliseconds of CPU, more than
Scrapy spends fetching it; in the crawl process it would cap a fast crawl at one core.
`Extractor` runs `extract_step` in a small process pool (spawned workers that ignore
Ctrl-C: the crawl process decides when to stop) and falls back to running it in-process
when the pool is off (``CITYNEWS_EXTRACT_WORKERS = 0``), cannot start or breaks.

`extract_step` is pure (no Scrapy): the page bytes and the pages read so far in, either
"more pages needed" (with the light page results), the merged `Article`, or an error
(kind, message) out.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing
import os
import signal
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import ClassVar

from citynews_scraper.extract import ExtractionError, PageResult, UnknownLayout, build_article, read_page
from citynews_scraper.extract.listing import ListEntry, fill_from_listing
from citynews_scraper.output.validate import record_errors
from citynews_scraper.record import Article

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


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group; the crawl process handles it (and shuts us down).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm() -> None:
    """Imported modules are the worker's start-up cost; pay it while the start page loads."""


class Extractor:
    """Runs `extract_step` in a process pool (or in-process); `on_fallback` is told when the pool fails."""

    def __init__(self, workers: int) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self._workers = 0
        if workers > 0 and _asyncio_loop_running():
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_worker_init)
            self._workers = workers
            for _ in range(workers):
                self.pool.submit(_warm)
        self.fallbacks = 0

    @property
    def workers(self) -> int:
        return self._workers if self.pool else 0

    async def step(self, job: PageJob) -> Step:
        if self.pool is None:
            return extract_step(job)
        try:
            return await asyncio.wrap_future(self.pool.submit(extract_step, job))
        except (BrokenProcessPool, RuntimeError, OSError) as exc:
            logger.warning("extraction workers failed (%s); extracting in the crawl process from now on", exc)
            self.fallbacks += 1
            pool, self.pool = self.pool, None
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            return extract_step(job)

    def close(self) -> None:
        # wait=True: a worker still starting up (spawn) would print a traceback if its parent
        # went away under it; queued jobs are cancelled, so this waits a second at most.
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _asyncio_loop_running() -> bool:
    """The pool is awaited through asyncio: only with Scrapy's asyncio reactor (the default)."""
    try:
        from scrapy.utils.reactor import is_asyncio_reactor_installed

        return is_asyncio_reactor_installed()
    except Exception:  # noqa: BLE001 - no reactor at all: extract in-process
        return False
