"""Run one worker of a shared crawl in this process (what ``citynews crawl --redis`` runs).

The same settings as a single-machine crawl (`runner.crawl_settings`), plus the worker
settings of `config.worker_settings` and the idle-exit extension; the spider is
`spider.WorkerSpider`.  Like `runner.run_crawl`, once per process.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import CrawlerProcess

from citynews_scraper.profile import SiteProfile
from citynews_scraper.runner import CrawlOptions, CrawlResult, crawl_settings

IDLE_EXTENSION = "citynews_scraper.distributed.idle.IdleExitExtension"


def run_worker_crawl(options: CrawlOptions, profile: SiteProfile, worker: dict[str, Any]) -> CrawlResult:
    """Crawl as a worker until the shared crawl is drained for the idle time; the manifest."""
    from citynews_scraper.distributed.spider import WorkerSpider
    from citynews_scraper.extensions import ManifestExtension

    settings = crawl_settings(options)
    settings.setdict(worker, priority="cmdline")
    extensions = dict(settings.getdict("EXTENSIONS"))
    extensions[IDLE_EXTENSION] = 500
    settings.set("EXTENSIONS", extensions, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(WorkerSpider)
    process.crawl(crawler, site_profile=profile)
    process.start()
    extension = crawler.get_extension(ManifestExtension)
    return CrawlResult(extension.manifest if extension else None, crawler.stats.get_stats() if crawler.stats else {})
