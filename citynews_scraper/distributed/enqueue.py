"""``citynews enqueue``: put a site's start URLs (and the articles its state says failed last
time) into the shared queue, through the shared dupefilter, and publish its profile."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from scrapy import Request
from scrapy.settings import Settings

from citynews_scraper.distributed.config import worker_settings
from citynews_scraper.distributed.harvest import load_keys
from citynews_scraper.distributed.keys import SiteKeys
from citynews_scraper.distributed.run import begin
from citynews_scraper.distributed.sites import publish
from citynews_scraper.distributed.state import RedisStateStore
from citynews_scraper.profile import SiteProfile
from citynews_scraper.spiders.incremental import Harvest


@dataclass
class Enqueued:
    site: str
    run_id: int
    new_run: bool
    queued: int
    already_seen: int
    carried_over: int


def enqueue(server: Any, url: str, site: str, profile: SiteProfile, state: bool) -> Enqueued:
    """Queue the start requests exactly as a single-machine crawl would make them."""
    from scrapy_redis.dupefilter import RFPDupeFilter  # type: ignore[import-untyped]

    from citynews_scraper.distributed.queue import ReliableQueue
    from citynews_scraper.spiders.portal import PortalSpider

    keys = SiteKeys(site)
    publish(server, site, profile)
    run = begin(server, keys)
    spider = PortalSpider(profile)
    spider.crawler = _Crawler(  # type: ignore[assignment]  # the queue only reads settings
        worker_settings(url, site, "enqueue", 0, 1)
    )
    if state:
        spider.harvest = _harvest(server, keys, spider)
    requests = asyncio.run(_collect(spider))
    queue = ReliableQueue(server, spider, keys.requests)
    dupefilter = RFPDupeFilter(server, keys.dupefilter)
    queued = 0
    for request in requests:
        if not dupefilter.request_seen(request):
            queue.push(request)
            queued += 1
    return Enqueued(site, run.id, run.new, queued, len(requests) - queued, len(spider.harvest.carried))


class _Crawler:
    """The little of a crawler the queue reads (its settings)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.settings = Settings(values)


def _harvest(server: Any, keys: SiteKeys, spider: Any) -> Harvest:
    from datetime import UTC, datetime

    harvest = Harvest(rules=spider.rules, tz=spider.tz)
    store = RedisStateStore(server, keys)
    harvest.store = store
    load_keys(harvest, store, datetime.now(UTC))
    return harvest


async def _collect(spider: Any) -> list[Request]:
    return [request async for request in spider.start()]
