"""scrapy-redis's scheduler for a citynews worker: acknowledgements, heartbeat, recovery.

A request popped from the shared queue carries a token (`queue.TOKEN_META`).  It is
acknowledged when it is done:

- after Scrapy's scraper has handled its response or failure — callback or errback run, every
  item through the pipelines (so written), every yielded request queued.  Scrapy has no
  signal for that moment, so the scheduler wraps the engine's ``scraper.enqueue_scrape``,
  whose Deferred fires exactly then;
- or when a downloader middleware turns it into another request (a retry, a redirect): the
  copy carries the token back to `enqueue_request`, which queues the copy and then
  acknowledges the original.

Every third of the heartbeat's time to live the worker renews its heartbeat and gives back
the requests of workers whose heartbeat expired.
"""

from __future__ import annotations

import logging
import uuid
import warnings
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy_redis.scheduler import Scheduler  # type: ignore[import-untyped]
from twisted.internet import task

from citynews_scraper.distributed.keys import SiteKeys
from citynews_scraper.distributed.queue import TOKEN_META, ReliableQueue
from citynews_scraper.distributed.run import end

logger = logging.getLogger(__name__)


class SharedScheduler(Scheduler):
    """The shared queue and dupefilter of one site, for one worker."""

    crawler: Crawler
    queue: ReliableQueue

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedScheduler:
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        # scrapy-redis counts with inc_value(spider=…), deprecated in Scrapy 2.13: we count ourselves.
        instance.counter, instance.stats = instance.stats, None
        settings = crawler.settings
        instance.keys = SiteKeys(settings.get("CITYNEWS_REDIS_SITE"))
        instance.worker = settings.get("CITYNEWS_WORKER_ID")
        instance.ttl_ms = int(settings.getfloat("CITYNEWS_HEARTBEAT_TTL") * 1000)
        instance.instance_id = uuid.uuid4().hex
        instance.scraping = set()
        instance.beat = None
        return instance

    def open(self, spider: Spider) -> None:
        with warnings.catch_warnings():  # scrapy-redis says "Resuming crawl" through the deprecated Spider.log()
            warnings.simplefilter("ignore", ScrapyDeprecationWarning)
            super().open(spider)
        self._renew()
        self.server.sadd(self.keys.workers, self.worker)
        self._count("given_back_on_start", self.queue.give_back())  # left by this worker id's last life
        self._recover()
        self._watch_scraper()
        self.beat = task.LoopingCall(self._heartbeat)
        self.beat.start(self.ttl_ms / 3000, now=False)

    def close(self, reason: str) -> None:
        if self.beat is not None and self.beat.running:
            self.beat.stop()
        self._count("given_back_on_close", self.queue.give_back())
        self.server.srem(self.keys.workers, self.worker)
        self.server.delete(self.keys.heartbeat(self.worker))
        if reason == "finished" and end(self.server, self.keys):  # the last worker out of a drained crawl
            self._count("run_ended", 1)
        super().close(reason)

    def enqueue_request(self, request: Request) -> bool:
        token = request.meta.pop(TOKEN_META, None)
        queued = super().enqueue_request(request)
        if queued and self.counter is not None:
            self.counter.inc_value("scheduler/enqueued/redis")
        if token is not None and token not in self.scraping:  # a retry or redirect copy now queued
            self.queue.ack(token)
        return queued

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is not None and self.counter is not None:
            self.counter.inc_value("scheduler/dequeued/redis")
        return request

    # --- acknowledgements ---------------------------------------------------------------
    def _watch_scraper(self) -> None:
        scraper = self.crawler.engine.scraper
        original = scraper.enqueue_scrape

        def enqueue_scrape(result: Any, request: Request) -> Any:
            token = request.meta.get(TOKEN_META)
            if token is None:
                return original(result, request)
            self.scraping.add(token)
            deferred = original(result, request)
            deferred.addBoth(self._scraped, token)
            return deferred

        scraper.enqueue_scrape = enqueue_scrape  # type: ignore[method-assign]  # no signal for "request done"

    def _scraped(self, result: Any, token: str) -> Any:
        self.scraping.discard(token)
        self.queue.ack(token)
        return result

    # --- liveness -----------------------------------------------------------------------
    def _renew(self) -> None:
        self.server.set(self.keys.heartbeat(self.worker), self.instance_id, px=self.ttl_ms)

    def _heartbeat(self) -> None:
        try:
            self._renew()
            self.server.sadd(self.keys.workers, self.worker)
            self._recover()
        except Exception as exc:  # noqa: BLE001 - a Redis hiccup must not kill the loop
            logger.warning("heartbeat to Redis failed: %s", exc)
            self._count("heartbeat_errors", 1)

    def _recover(self) -> None:
        for worker, n in self.queue.recover().items():
            if n:
                logger.warning("worker %s stopped answering: %d of its requests put back in the queue", worker, n)
            self._count("recovered", n)
            self._count("dead_workers", 1)

    def _count(self, name: str, n: int) -> None:
        if n and self.counter is not None:
            self.counter.inc_value(f"citynews/distributed/{name}", n)
