"""The worker's spider: the portal spider, fed from the shared queue.

Same callbacks, same meta (so requests pickle into Redis and any worker can continue an
article another one started); what changes:

- `start()` seeds the start URLs (and the state's carry-over) only when this worker was
  given them on its command line: the shared dupefilter lets the first worker's through;
  a worker started with just ``--redis`` takes what ``citynews enqueue`` queued;
- the state is the site's state in Redis (`distributed.harvest`);
- the CMS the start page showed is shared through Redis, so workers that never saw the start
  page read articles with the same parser;
- at the end only the start URLs this worker fetched can be reported as problems.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, cast

from scrapy.crawler import Crawler

from citynews_scraper.distributed.harvest import open_shared_harvest
from citynews_scraper.distributed.keys import SiteKeys
from citynews_scraper.spiders.portal import PortalSpider


class WorkerSpider(PortalSpider):
    name = "portal"
    server: Any
    keys: SiteKeys
    seed: bool = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> WorkerSpider:
        from scrapy_redis.connection import get_redis_from_settings  # type: ignore[import-untyped]

        spider = cast(WorkerSpider, super().from_crawler(crawler, *args, **kwargs))  # no state dir: an inert harvest
        spider.server = get_redis_from_settings(crawler.settings)
        spider.keys = SiteKeys(crawler.settings.get("CITYNEWS_REDIS_SITE"))
        spider.seed = crawler.settings.getbool("CITYNEWS_REDIS_SEED")
        # A worker takes from the shared queue only what it can download now (Scrapy would take
        # CONCURRENT_REQUESTS and park those beyond the per-host limit, away from idle workers).
        crawler.settings.set(
            "CONCURRENT_REQUESTS", crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"), priority="cmdline"
        )
        spider.harvest = open_shared_harvest(crawler.settings, spider.profile, spider.rules, spider.server)
        shared = spider.server.get(spider.keys.cms)
        if shared and not spider.profile.cms:
            spider.article_cms = shared.decode()
        return spider

    async def start(self) -> AsyncIterator[Any]:
        if not self.seed:
            return
        async for request in super().start():
            yield request

    def parse_listing_page(self, response: Any) -> Any:
        before = self.article_cms
        yield from super().parse_listing_page(response)
        if self.article_cms and self.article_cms != before:
            self.server.set(self.keys.cms, self.article_cms)

    def closed(self, reason: str) -> None:
        seeded = self.profile.start_urls
        # Another worker may have fetched a start URL: only those fetched here can be problems.
        self.profile.start_urls = [u for u in seeded if u in self.start_parsers or u in self.start_problems]
        try:
            super().closed(reason)
        finally:
            self.profile.start_urls = seeded
