"""Scrapy extensions: the run manifest (written when the spider closes) and the progress feed.

The progress extension only computes numbers; printing is the CLI's job (it passes a
callable in the ``CITYNEWS_PROGRESS`` setting).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from citynews_scraper.output.manifest import Manifest, counts_from_stats, key_stats
from citynews_scraper.pipelines import DedupePipeline, JsonlWriterPipeline


def _iso(moment: Any) -> str:
    if isinstance(moment, datetime):
        return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return str(moment)


def snapshot(stats: dict[str, Any], elapsed: float) -> dict[str, Any]:
    """The numbers of the live progress line."""
    written = stats.get("citynews/articles/written", 0)
    failed = sum(v for k, v in stats.items() if k.startswith("citynews/failed/"))
    errors = failed + stats.get("citynews/lists/failed", 0)
    return {
        "elapsed": elapsed,
        "pages": stats.get("response_received_count", 0),
        "lists": stats.get("citynews/lists/pages", 0),
        "articles": written,
        "rate": written / elapsed if elapsed > 0 else 0.0,
        "errors": errors,
        "deleted": stats.get("citynews/articles/deleted", 0),
        "retries": stats.get("retry/count", 0),
    }


class ManifestExtension:
    """Build the run manifest when the spider closes and write it beside the output."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.manifest: Manifest | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ManifestExtension:
        return cls(crawler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        writer = self.crawler.get_item_pipeline(JsonlWriterPipeline)
        dedupe = self.crawler.get_item_pipeline(DedupePipeline)
        paths = writer.paths if writer else None
        output: dict[str, str] = {}
        if paths:
            output = {"records": str(paths.output), "rejects": str(paths.rejects), "manifest": str(paths.manifest)}
        profile = getattr(spider, "profile", None)
        manifest = Manifest(
            started_at=_iso(stats.get("start_time", writer.started if writer else "")),
            finished_at=_iso(datetime.now(UTC)),
            site=getattr(profile, "name", None),
            start_urls=list(getattr(profile, "start_urls", [])),
            finish_reason=reason,
            counts=counts_from_stats(stats),
            lost=[vars(loss) for loss in getattr(spider, "lost", [])],
            duplicates=list(dedupe.duplicates) if dedupe else [],
            output=output,
            stats=key_stats(stats),
            problems=[f"start URL {url}: {why}" for url, why in getattr(spider, "start_problems", {}).items()],
            deleted=list(getattr(spider, "deleted", [])),
        )
        self.manifest = manifest
        if paths:
            manifest.write(paths.manifest)


class ProgressExtension:
    """Call the ``CITYNEWS_PROGRESS`` callable with a `snapshot` every interval and at the end."""

    def __init__(self, crawler: Crawler, callback: Callable[[dict[str, Any], bool], None], interval: float) -> None:
        self.crawler = crawler
        self.callback = callback
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        callback = crawler.settings.get("CITYNEWS_PROGRESS")
        if not callable(callback):
            raise NotConfigured
        return cls(crawler, callback, crawler.settings.getfloat("CITYNEWS_PROGRESS_INTERVAL", 0.5))

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.tick, False)
        self.loop.start(self.interval, now=False)

    def tick(self, final: bool) -> None:
        self.callback(snapshot(self.crawler.stats.get_stats(), time.monotonic() - self.started), final)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.tick(True)
