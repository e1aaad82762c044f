"""The run manifest: one JSON file beside the output saying what happened in a run.

It lists start and end, counts per outcome (written, rejected, duplicates, deleted,
failed by kind), every lost article and list page by URL and reason, the output paths
and the key Scrapy stats.  A lost article is one the crawler knew about (a link on a list
page) and could not turn into a record.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REDIRECT_STATS = tuple(f"downloader/response_status_count/{code}" for code in (301, 302, 303, 307, 308))
# Scrapy stats worth keeping in the manifest (the citynews/ ones and the status counts are all kept).
KEY_STATS = (
    "start_time", "finish_time", "elapsed_time_seconds", "finish_reason", "downloader/request_count",
    "downloader/response_count", "response_received_count", "item_scraped_count", "item_dropped_count",
    "retry/count", "retry/max_reached", "robotstxt/request_count", "robotstxt/forbidden",
    "dupefilter/filtered", "offsite/filtered", "log_count/ERROR", "log_count/WARNING", "memusage/max",
    "spider_exceptions/count", "downloader/exception_count", "httperror/response_ignored_count",
)


@dataclass
class Loss:
    """Something the crawl wanted and did not get: `what` is ``article`` or ``list``."""

    url: str
    reason: str
    kind: str
    what: str = "article"


@dataclass(frozen=True)
class RunPaths:
    output: Path
    rejects: Path
    manifest: Path


def run_paths(
    output: str | os.PathLike[str] | None, label: str, started: datetime, output_dir: str = "output"
) -> RunPaths:
    """``-o FILE`` or ``output/<label>/<UTC timestamp>.jsonl``; rejects and manifest beside it."""
    if output:
        path = Path(output)
    else:
        stamp = started.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = Path(output_dir) / _safe(label) / f"{stamp}.jsonl"
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return RunPaths(path, path.with_name(f"{stem}.rejects.jsonl"), path.with_name(f"{stem}.manifest.json"))


def _safe(label: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in label) or "site"


@dataclass
class Manifest:
    """What a run did; written as JSON beside the output."""

    started_at: str
    finished_at: str
    site: str | None
    start_urls: list[str]
    finish_reason: str | None
    counts: dict[str, Any]
    lost: list[dict[str, str]]
    duplicates: list[dict[str, str]]
    output: dict[str, str]
    stats: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    harvest: dict[str, Any] = field(default_factory=dict)  # incremental run: state, resume, skips (docs/cron.md)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n", "utf-8")
        os.replace(tmp, path)  # never a half-written manifest


def counts_from_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """The per-outcome counts, from the citynews/… stats."""
    failed = {k.split("/", 2)[2]: v for k, v in sorted(stats.items()) if k.startswith("citynews/failed/")}
    return {
        "articles_written": stats.get("citynews/articles/written", 0),
        "articles_rejected": stats.get("citynews/articles/rejected", 0),
        "duplicates": stats.get("citynews/articles/duplicate", 0),
        "deleted": stats.get("citynews/articles/deleted", 0),
        "failed": sum(failed.values()),
        "failed_by_kind": failed,
        "list_pages": stats.get("citynews/lists/pages", 0),
        "list_pages_failed": stats.get("citynews/lists/failed", 0),
        "article_pages": stats.get("citynews/articles/pages", 0),
        "antiscraping_followed": stats.get("citynews/antiscraping/followed", 0),
        "robots_forbidden": stats.get("robotstxt/forbidden", 0),
        "redirects": sum(v for k, v in stats.items() if k.startswith(REDIRECT_STATS)),
        "retries": stats.get("retry/count", 0),
    }


def key_stats(stats: dict[str, Any]) -> dict[str, Any]:
    keep = {k: stats[k] for k in KEY_STATS if k in stats}
    prefixes = ("citynews/", "downloader/response_status_count/")
    keep.update({k: v for k, v in sorted(stats.items()) if k.startswith(prefixes)})
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in keep.items()}
