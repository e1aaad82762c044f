"""Incremental harvesting: what the spider skips and where a channel's pagination stops.

`Harvest` is the policy the spider, the harvest pipelines and the harvest extension consult.
Without a state folder it only applies ``--since``; with one (`open_harvest`) it holds:

- `known`: articles confirmed by earlier complete runs, deleted ones and failed ones (the
  failed ones are requested again at the start: `carry_over`).  A list page whose own entries
  (the main list, not the DIY blocks) are all known — or older than ``--since`` — counts
  toward the stop: after ``--overlap-pages`` such pages in a row the channel's next page is
  not followed;
- `done`: articles written by a run that did not finish its walk (the one being resumed, or
  one cut short by a limit): never fetched or written again, but they do not stop a channel,
  so a resumed run walks the lists as far as the killed run would have;
- `rechecked`: recent articles fetched again (``--recheck-days``), written only when their
  content hash changed.

State lives behind `citynews_scraper.output.state.StateStore` (SQLite here).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from citynews_scraper.extract.dates import parse_date
from citynews_scraper.extract.listing import ListEntry, Listing
from citynews_scraper.extract.urls import UrlRules, canonical
from citynews_scraper.output.health import PORTAL_CHOICES
from citynews_scraper.output.lock import acquire
from citynews_scraper.output.manifest import run_paths
from citynews_scraper.output.partfile import Recovered, part_path, recover_part
from citynews_scraper.output.state import (
    DELETED,
    FAILED,
    FINISHED,
    INTERRUPTED,
    PARTIAL,
    RunInfo,
    StateStore,
    open_store,
    safe_name,
)
from citynews_scraper.profile import SiteProfile

MODE_INCREMENTAL, MODE_FULL = "incremental", "full"
# Scrapy writes its queue index (requests.queue/active.json) only when the spider closes
# cleanly: after a SIGKILL the job folder is not trustworthy and is started afresh.
JOB_QUEUE_INDEX = ("requests.queue", "active.json")


@dataclass
class HarvestOptions:
    """The harvest flags, read from Scrapy settings (``CITYNEWS_STATE_DIR`` etc.)."""

    state_dir: str | None = None
    full: bool = False
    overlap_pages: int = 1
    since: datetime | None = None
    recheck_days: int = 0

    @classmethod
    def from_settings(cls, settings: Any, tz: tzinfo) -> HarvestOptions:
        since = settings.get("CITYNEWS_SINCE")
        return cls(
            state_dir=settings.get("CITYNEWS_STATE_DIR") or None,
            full=settings.getbool("CITYNEWS_FULL"),
            overlap_pages=max(settings.getint("CITYNEWS_OVERLAP_PAGES", 1), 1),
            since=parse_since(since, tz) if since else None,
            recheck_days=settings.getint("CITYNEWS_RECHECK_DAYS", 0),
        )


def parse_since(text: str | datetime, tz: tzinfo) -> datetime:
    """``YYYY-MM-DD`` (midnight, site time) or an ISO date-time → aware datetime; ValueError if bad."""
    if isinstance(text, datetime):
        return text if text.tzinfo else text.replace(tzinfo=tz)
    value = datetime.fromisoformat(str(text).strip())
    if len(str(text).strip()) <= 10:
        value = datetime.combine(value.date(), time(0), tz)
    return value if value.tzinfo else value.replace(tzinfo=tz)


def state_name(profile: SiteProfile) -> str:
    """The state file's name: the profile name, else the first start URL's host (and port)."""
    if profile.name:
        return safe_name(profile.name)
    netloc = urlsplit(profile.start_urls[0]).netloc if profile.start_urls else "site"
    return safe_name(netloc.replace(":", "_"))


def lock_path(state_dir: str | Path, profile: SiteProfile) -> Path:
    return Path(state_dir) / f"{state_name(profile)}.lock"


def lock_site(state_dir: str | Path, profile: SiteProfile) -> None:
    """Take the site's run lock for this process (`LockHeld` if another run has it)."""
    acquire(lock_path(state_dir, profile), f"site {state_name(profile)!r}")


@dataclass
class Harvest:
    """The incremental policy of one run (inert: no store, no --since)."""

    rules: UrlRules = field(default_factory=UrlRules)
    options: HarvestOptions = field(default_factory=HarvestOptions)
    tz: tzinfo = UTC
    store: StateStore | None = None
    run: RunInfo | None = None
    known: set[str] = field(default_factory=set)
    done: set[str] = field(default_factory=set)
    rechecked: dict[str, str | None] = field(default_factory=dict)  # key → stored content hash
    carried: list[str] = field(default_factory=list)
    failed_lists: set[str] = field(default_factory=set)
    recovered: Recovered = field(default_factory=Recovered)
    job_dir: str | None = None
    counters: dict[str, int] = field(default_factory=dict)
    _streak: dict[str, int] = field(default_factory=dict)
    _scheduled: set[str] = field(default_factory=set)
    _seen_again: set[str] = field(default_factory=set)  # known articles linked again: their last_seen moves

    @property
    def enabled(self) -> bool:
        return self.store is not None

    @property
    def mode(self) -> str:
        if not self.enabled:
            return "none"
        return MODE_FULL if self.options.full else MODE_INCREMENTAL

    def skipped(self) -> int:
        """Article links this run did not follow because of the state or --since."""
        return sum(self.counters.get(k, 0) for k in ("skipped_known", "skipped_done", "skipped_older"))

    def count(self, name: str, n: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + n

    def key_for(self, url: str) -> str:
        """The spider's dedupe key for an article URL (``aid:N``, else the canonical URL)."""
        ref = self.rules.article_ref(url)
        return ref.key if ref else canonical(url)

    # --- spider side -----------------------------------------------------------------
    def carry_over(self) -> list[str]:
        """Article URLs to request before the lists: last run's failures and rechecks."""
        return list(self.carried)

    def carry_over_lists(self) -> list[str]:
        """List pages the last run could not read (read again, then paginated as usual)."""
        return [] if self.options.full else sorted(self.failed_lists)

    def skip_article(self, key: str, entry: ListEntry | None) -> bool:
        """True when the article linked by `entry` must not be requested in this run."""
        if key in self._scheduled:
            return True
        if key in self.done:
            self.count("skipped_done")
            return True
        if key in self.known:
            self.count("skipped_known")
            self._seen_again.add(key)
            return True
        if entry is not None and self._older(entry):
            self.count("skipped_older")
            return True
        return False

    def follow_next(self, listing: Listing, url: str, now: datetime) -> bool:
        """Whether to follow `listing.next_page`: False after ``--overlap-pages`` list pages in a
        row whose own entries are all known (or older than ``--since``)."""
        own = listing.entries if listing.main_count is None else listing.entries[: listing.main_count]
        self._watermark(listing, own, url, now)
        if self.store is not None and canonical(url) in self.failed_lists:
            self.failed_lists.discard(canonical(url))
            self.store.list_recovered(canonical(url))
        if not (self.options.since or (self.enabled and not self.options.full)):
            return True
        settled = bool(own) and all(self._settled(entry) for entry in own)
        streak = self._streak.pop(canonical(url), 0) + 1 if settled else 0
        if not listing.next_page:
            return True
        if streak >= self.options.overlap_pages:
            self.count("lists_stopped")
            return False
        self._streak[canonical(listing.next_page)] = streak
        return True

    def _settled(self, entry: ListEntry) -> bool:
        key = self.key_for(entry.url)
        return key in self.known or key in self._scheduled or self._older(entry)

    def _older(self, entry: ListEntry) -> bool:
        since = self.options.since
        if since is None or not entry.published_at_raw:
            return False
        moment = parse_date(entry.published_at_raw, datetime.now(UTC), self.tz)
        return moment is not None and moment < since

    def _watermark(self, listing: Listing, own: list[ListEntry], url: str, now: datetime) -> None:
        """Per channel (its page 1), the newest article seen there (lists are newest first)."""
        if self.store is None or not own or listing.page_number not in (None, 1):
            return
        newest = own[0]
        self.store.record_channel(canonical(url), self.key_for(newest.url), newest.url, newest.published_at_raw, now)

    # --- pipeline side ---------------------------------------------------------------
    def drop_reason(self, record: dict[str, Any]) -> str | None:
        """Why a finished record is not written, or None to write it."""
        key = self.key_for(record["url"])
        if key in self.done:
            return "done"  # already in the output of the run being continued
        since = self.options.since
        published = record.get("published_at")
        if since and published and datetime.fromisoformat(published) < since:
            return "older"
        if key in self.rechecked:
            if self.rechecked[key] == record.get("content_hash"):
                if self.store is not None:
                    self.store.touch([key], datetime.now(UTC))
                return "unchanged"
            self.count("changed")
        return None

    def written(self, record: dict[str, Any]) -> None:
        """After the record's line is flushed: remember it (file first, then state)."""
        key = self.key_for(record["url"])
        self.done.add(key)
        if self.store is not None:
            self.store.record_article(key, record["url"], record.get("content_hash"), record.get("published_at"),
                                      datetime.now(UTC))

    # --- end of run ------------------------------------------------------------------
    def close(self, reason: str, written: int, deleted: list[str], lost: list[dict[str, str]],
              walk_complete: bool) -> str | None:
        """Record deleted and failed articles and end the run; the run status (None: no state)."""
        if self.store is None or self.run is None:
            return None
        now = datetime.now(UTC)
        self.store.touch(self._seen_again, now)
        for url in deleted:
            self.store.record_status(self.key_for(url), url, DELETED, now)
        for loss in lost:
            if loss.get("what") == "article" and self.rules.article_ref(loss["url"]):
                # An article sent to another site is gone from this one: known, not retried.
                status = DELETED if loss.get("kind") in PORTAL_CHOICES else FAILED
                self.store.record_status(self.key_for(loss["url"]), loss["url"], status, now)
            elif loss.get("what") == "list":
                self.store.record_list_failed(canonical(loss["url"]), now)
        if reason == "shutdown":
            status = INTERRUPTED
        else:
            status = FINISHED if reason == "finished" and walk_complete else PARTIAL
        self.store.finish_run(self.run, status, written, now)
        return status

    def summary(self) -> dict[str, Any]:
        """The manifest's ``harvest`` section."""
        info: dict[str, Any] = {"mode": self.mode, "overlap_pages": self.options.overlap_pages,
                                "since": self.options.since.isoformat() if self.options.since else None,
                                "recheck_days": self.options.recheck_days}
        if self.store is not None and self.run is not None:
            info.update({
                "state": self.store.location, "job_dir": self.job_dir, "run_id": self.run.id,
                "resumed": self.run.resumed, "run_started_at": self.run.started_at,
                "known_before": len(self.known), "recovered_records": len(self.recovered.records),
                "recovered_cut_bytes": self.recovered.cut_bytes, "carried_over": len(self.carried),
                "rechecked": len(self.rechecked), "state_articles": self.store.counts(),
            })
        info.update(self.counters)
        return info


def close_store(harvest: Harvest) -> None:
    """Close the state store (a clean WAL checkpoint; the lock goes with the process)."""
    if harvest.store is not None:
        harvest.store.close()


def keep_part(crawler: Any) -> bool:
    """Whether the ending run keeps ``<output>.part`` for the next run to continue: it has crawl
    state and is being stopped (Ctrl-C, SIGTERM: Scrapy's engine is no longer running)."""
    try:
        harvest = getattr(crawler.spider, "harvest", None)
        running = crawler.engine.running
    except (AttributeError, RuntimeError):  # no crawl around (a pipeline used on its own)
        return False
    return bool(harvest is not None and harvest.enabled and not running)


def open_harvest(settings: Any, profile: SiteProfile, rules: UrlRules) -> Harvest:
    """The run's `Harvest`: inert without ``CITYNEWS_STATE_DIR``; else lock, state, resume.

    Sets ``CITYNEWS_OUTPUT`` (a resumed run keeps the interrupted run's file) and ``JOBDIR``.
    Raises `LockHeld` when another process runs the site, `StateError` for a broken state file.
    """
    options = HarvestOptions.from_settings(settings, profile.tz)
    harvest = Harvest(rules=rules, options=options, tz=profile.tz)
    if not options.state_dir:
        return harvest
    lock_site(options.state_dir, profile)
    now = datetime.now(UTC)
    store = open_store(options.state_dir, state_name(profile))
    output = settings.get("CITYNEWS_OUTPUT") or str(
        run_paths(None, profile.label, now, settings.get("CITYNEWS_OUTPUT_DIR", "output")).output)
    last_status = store.last_run_status()
    run = store.begin_run(str(output), MODE_FULL if options.full else MODE_INCREMENTAL, now)
    harvest.store, harvest.run = store, run
    settings.set("CITYNEWS_OUTPUT", run.output, priority="cmdline")
    harvest.job_dir = _job_dir(options.state_dir, profile, keep=run.resumed and last_status == INTERRUPTED)
    settings.set("JOBDIR", harvest.job_dir, priority="cmdline")
    _load_keys(harvest, store, run, now)
    return harvest


def _job_dir(state_dir: str, profile: SiteProfile, keep: bool) -> str:
    """Scrapy's job folder; kept only after a clean stop (Ctrl-C / SIGTERM) with its queue index."""
    path = Path(state_dir) / f"{state_name(profile)}.job"
    if path.exists() and not (keep and path.joinpath(*JOB_QUEUE_INDEX).exists()):
        shutil.rmtree(path)
    return str(path)


def _load_keys(harvest: Harvest, store: StateStore, run: RunInfo, now: datetime) -> None:
    part = part_path(run.output)
    if run.resumed:
        harvest.recovered = recover_part(part)
        recover_part(run_paths(run.output, "", datetime.now(UTC)).rejects)  # appended to as well: mend its end too
    elif part.exists():  # left by a run the state does not know (a killed --no-state run): keep it aside
        part.replace(part.with_name(part.name + ".orphan"))
        harvest.count("orphan_part_moved")
    rows = [(harvest.key_for(r["url"]), r["url"], r.get("content_hash"), r.get("published_at"))
            for r in harvest.recovered.records if r.get("url")]
    store.record_many(rows, now)  # lines flushed before the kill but not yet in the state
    harvest.failed_lists = set(store.failed_lists())
    harvest.count("lists_carried_over", len(harvest.carry_over_lists()))
    full = harvest.options.full
    harvest.done = {key for key, *_ in rows} | (store.done_keys() if run.resumed or not full else set())
    if full:
        return
    harvest.known = store.known_keys()
    carried = {a.key: a.url for a in store.articles_with_status(FAILED)}
    if harvest.options.recheck_days:
        since = now - timedelta(days=harvest.options.recheck_days)
        for article in store.published_since(since):
            if article.key not in harvest.done:
                harvest.rechecked[article.key] = article.content_hash
                carried[article.key] = article.url
    harvest.carried = list(carried.values())
    harvest._scheduled = set(carried)
    harvest.count("carried_failed", sum(1 for key in carried if key not in harvest.rechecked))


__all__ = ["PARTIAL", "Harvest", "HarvestOptions", "lock_site", "open_harvest", "parse_since", "state_name"]
