"""Scrapy glue for incremental harvesting (the policy is `spiders.incremental.Harvest`).

- `HarvestFilterPipeline` (after dedupe): drops records the run must not write — already
  in the output being continued, older than ``--since``, or re-checked and unchanged;
- `HarvestStatePipeline` (after the writer): records each written article in the state, so
  a line is on disk before the state says it is (a kill in between is mended on resume);
- `HarvestExtension`: when the run ends, records deleted and failed articles, closes the run
  in the state and adds a ``harvest`` section to the manifest (the writer pipeline renames
  ``<output>.part`` to ``<output>``, or keeps it for the resume after Ctrl-C/SIGTERM).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from citynews_scraper.extensions import ManifestExtension
from citynews_scraper.output.partfile import part_path
from citynews_scraper.pipelines import JsonlWriterPipeline
from citynews_scraper.record import Article
from citynews_scraper.spiders.incremental import Harvest, close_store

DROP_MESSAGES = {
    "done": "already written by the run this one continues",
    "older": "published before --since",
    "unchanged": "re-checked: content unchanged",
}


def _harvest(crawler: Crawler) -> Harvest | None:
    return getattr(crawler.spider, "harvest", None)


def _record(item: Any) -> dict[str, Any]:
    return item.to_dict() if isinstance(item, Article) else dict(item)


class HarvestFilterPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HarvestFilterPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        harvest = _harvest(self.crawler)
        if harvest is None:
            return item
        why = harvest.drop_reason(_record(item))
        if why:
            self.crawler.stats.inc_value(f"citynews/harvest/{why}")
            raise DropItem(DROP_MESSAGES[why])
        return item


class HarvestStatePipeline(HarvestFilterPipeline):
    def process_item(self, item: Any) -> Any:
        harvest = _harvest(self.crawler)
        if harvest is not None:
            harvest.written(_record(item))
        return item


class HarvestExtension:
    """Finish the run: output rename, state, manifest section.  Runs after ManifestExtension."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HarvestExtension:
        return cls(crawler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        harvest: Harvest | None = getattr(spider, "harvest", None)
        writer = self.crawler.get_item_pipeline(JsonlWriterPipeline)
        if writer is None or writer.paths is None:
            return
        final = writer.paths.output  # the writer renamed <output>.part unless the run continues later
        info: dict[str, Any] = {"output_complete": not part_path(final).exists()}
        if part_path(final).exists():
            info["partial_output"] = str(part_path(final))
        if harvest is not None:
            stats = self.crawler.stats
            for name, count in harvest.counters.items():
                stats.set_value(f"citynews/harvest/{name}", count)
            written = stats.get_value("citynews/articles/written", 0)
            status = harvest.close(reason, written, list(getattr(spider, "deleted", [])),
                                   [vars(loss) for loss in getattr(spider, "lost", [])],
                                   walk_complete=not getattr(spider, "start_problems", {}))
            info.update(harvest.summary())
            info["run_status"] = status
            info["records_in_output"] = len(harvest.recovered.records) + written
            for name in ("done", "older", "unchanged"):
                info[name] = stats.get_value(f"citynews/harvest/{name}", 0)
            close_store(harvest)
        self._add_to_manifest(info)

    def _add_to_manifest(self, info: dict[str, Any]) -> None:
        extension = self.crawler.get_extension(ManifestExtension)
        manifest = extension.manifest if extension else None
        if manifest is None:
            return
        manifest.harvest = info
        stats = self.crawler.stats.get_stats()
        manifest.stats.update({k: v for k, v in stats.items() if k.startswith("citynews/harvest/")})
        path = manifest.output.get("manifest")
        if path:
            manifest.write(Path(path))
