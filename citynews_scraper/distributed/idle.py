"""A worker's idle exit: it leaves once the whole crawl has been drained for ``--idle-exit`` seconds.

Drained means no request in the shared queue and none taken by any registered worker
(`run.drained`): another worker's requests in flight may still yield new ones, and a dead
worker's are given back when its heartbeat expires, so a worker never leaves work behind.

Scrapy looks at an idle scheduler only every 5 s; the extension wakes the engine every
``CITYNEWS_POLL_INTERVAL`` seconds instead, so an idle worker takes new requests at once.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet import task

from citynews_scraper.distributed.keys import SiteKeys
from citynews_scraper.distributed.run import drained

logger = logging.getLogger(__name__)


class IdleExitExtension:
    def __init__(self, crawler: Crawler, server: Any) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.server = server
        self.keys = SiteKeys(settings.get("CITYNEWS_REDIS_SITE"))
        self.worker = settings.get("CITYNEWS_WORKER_ID")
        self.idle_exit = settings.getfloat("CITYNEWS_IDLE_EXIT")
        self.interval = settings.getfloat("CITYNEWS_POLL_INTERVAL", 0.25)
        self.idle_since: float | None = None
        self.poll: task.LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IdleExitExtension:
        if not crawler.settings.get("CITYNEWS_REDIS_SITE"):
            raise NotConfigured
        from scrapy_redis.connection import get_redis_from_settings  # type: ignore[import-untyped]

        return cls(crawler, get_redis_from_settings(crawler.settings))

    def spider_opened(self, spider: Spider) -> None:
        self.poll = task.LoopingCall(self.wake)
        self.poll.start(self.interval, now=False)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.poll is not None and self.poll.running:
            self.poll.stop()

    def wake(self) -> None:
        """Let the engine ask the scheduler again (Scrapy's own heartbeat is 5 s)."""
        slot = getattr(self.crawler.engine, "_slot", None)  # no public way to wake the engine
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def spider_idle(self, spider: Spider) -> None:
        """Keep the worker open until the crawl has been drained for `idle_exit` seconds."""
        self._drop_leaks()
        if not drained(self.server, self.keys):
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_exit:
            raise DontCloseSpider

    def _drop_leaks(self) -> None:
        """With this worker idle nothing of its own is in flight: a token still held was never
        acknowledged (it would keep every worker waiting).  Counted; should stay 0."""
        processing = self.keys.processing(self.worker)
        leaked = int(self.server.hlen(processing))
        if leaked:
            self.server.delete(processing)
            self.crawler.stats.inc_value("citynews/distributed/unacknowledged", leaked)
            logger.warning("%d taken requests were never acknowledged; dropped from the processing list", leaked)
