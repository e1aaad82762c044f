"""Item pipelines: validate (JSON Schema) → dedupe (aid / URL, content hash) → write JSONL.

Scrapy ≥ 2.14 style: components built with `from_crawler`, no `spider` argument in the
pipeline methods.  Every drop is counted under ``citynews/articles/…`` and, for rejects,
written with its reasons to the rejects file beside the output.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from citynews_scraper.output.jsonl import JsonlWriter
from citynews_scraper.output.manifest import RunPaths, run_paths
from citynews_scraper.output.partfile import finish_part, part_path
from citynews_scraper.output.validate import record_errors
from citynews_scraper.record import Article
from citynews_scraper.spiders.incremental import keep_part


def _record(item: Any) -> dict[str, Any]:
    return item.to_dict() if isinstance(item, Article) else dict(item)


class _Stage:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def _stat(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)


class ValidatePipeline(_Stage):
    """Records that break record-v1 go to the rejects file with their reasons."""

    def process_item(self, item: Any) -> Any:
        # An article checked by the extraction worker that built it carries the verdict.
        checked = getattr(item, "checked_errors", None)
        errors = checked if checked is not None else record_errors(_record(item))
        if errors:
            self._stat("citynews/articles/rejected")
            writer = self.crawler.get_item_pipeline(JsonlWriterPipeline)
            if writer is not None:
                writer.reject(_record(item), errors)
            raise DropItem(f"rejected by the record-v1 schema: {errors[0]}")
        return item


class DedupePipeline(_Stage):
    """One record per article id (or canonical URL) and per content hash.

    Keys are kept as 8-byte ints, so a 100,000-article run holds a few MB here.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.ids: set[int | str] = set()
        self.hashes: set[int] = set()  # first 8 bytes of each content_hash
        self.duplicates: list[dict[str, str]] = []

    def process_item(self, item: Any) -> Any:
        record = _record(item)
        key: int | str = int(record["article_id"]) if str(record.get("article_id") or "").isdigit() else record["url"]
        if key in self.ids:
            self._drop("article_id", record)
        digest = int(record["content_hash"][:16], 16) if record.get("content_hash") else None
        if digest is not None and digest in self.hashes:
            self._drop("content_hash", record, listed=True)
        self.ids.add(key)
        if digest is not None:
            self.hashes.add(digest)
        return item

    def _drop(self, why: str, record: dict[str, Any], listed: bool = False) -> None:
        self._stat("citynews/articles/duplicate")
        self._stat(f"citynews/articles/duplicate/{why}")
        if listed:  # same text under another id: rare and worth showing in the manifest
            self.duplicates.append({"url": record["url"], "article_id": str(record.get("article_id")),
                                    "reason": "same content_hash as an article already written"})
        raise DropItem(f"duplicate {why}: {record['url']}")


class JsonlWriterPipeline(_Stage):
    """Write each record as one flushed JSON line; rejects to a second file."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.started = datetime.now(UTC)
        self.paths: RunPaths | None = None
        self.writer: JsonlWriter | None = None
        self.rejects: JsonlWriter | None = None
        self.limit = crawler.settings.getint("CITYNEWS_MAX_ARTICLES")

    def open_spider(self) -> None:
        settings = self.crawler.settings
        spider = self.crawler.spider
        label = getattr(getattr(spider, "profile", None), "label", None) or getattr(spider, "name", "site")
        self.paths = run_paths(settings.get("CITYNEWS_OUTPUT"), str(label), self.started,
                               str(settings.get("CITYNEWS_OUTPUT_DIR") or "output"))
        # Lines go to <output>.part, renamed when the run ends (harvest.HarvestExtension).
        self.writer = JsonlWriter(part_path(self.paths.output))
        self.writer.touch()
        self.rejects = JsonlWriter(self.paths.rejects)
        self.limit = settings.getint("CITYNEWS_MAX_ARTICLES")

    def process_item(self, item: Any) -> Any:
        assert self.writer is not None
        if self.limit and self.writer.count >= self.limit:
            self._stat("citynews/articles/over_limit")
            raise DropItem(f"--max-articles {self.limit} reached")
        self.writer.write(_record(item))
        self._stat("citynews/articles/written")
        return item

    def reject(self, record: dict[str, Any], errors: list[str]) -> None:
        if self.rejects is not None:
            self.rejects.write({"reason": "; ".join(errors), "errors": errors, "record": record})

    def close_spider(self) -> None:
        for writer in (self.writer, self.rejects):
            if writer is not None:
                writer.close()
        if self.paths is not None and not keep_part(self.crawler):  # else the next run continues it
            finish_part(part_path(self.paths.output), self.paths.output)
