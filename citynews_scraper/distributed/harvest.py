"""Incremental harvesting for a worker: `spiders.incremental.Harvest` with the state in Redis.

Differences from a single-machine run (`spiders.incremental.open_harvest`): no site lock
(many workers run a site at once by design), no Scrapy JOBDIR (the queue is in Redis), and
each worker continues its own ``.part`` file: a worker restarted under the same id after a
kill cuts a broken last line and does not write the records already there again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from citynews_scraper.distributed.keys import SiteKeys
from citynews_scraper.distributed.state import RedisStateStore
from citynews_scraper.extract.urls import UrlRules
from citynews_scraper.output.manifest import run_paths
from citynews_scraper.output.partfile import part_path, recover_part
from citynews_scraper.output.state import FAILED, StateStore
from citynews_scraper.profile import SiteProfile
from citynews_scraper.spiders.incremental import (
    MODE_FULL,
    MODE_INCREMENTAL,
    Harvest,
    HarvestOptions,
)


def open_shared_harvest(settings: Any, profile: SiteProfile, rules: UrlRules, server: Any) -> Harvest:
    """The worker's `Harvest`: state in Redis unless ``--no-state``; its ``.part`` file recovered."""
    options = HarvestOptions.from_settings(settings, profile.tz)
    harvest = Harvest(rules=rules, options=options, tz=profile.tz)
    output = settings.get("CITYNEWS_OUTPUT")  # always set for a worker (cli/distributed_args.py)
    part_existed = bool(output) and part_path(output).exists()
    if output:
        harvest.recovered = recover_part(part_path(output))
        recover_part(run_paths(output, "", datetime.now(UTC)).rejects)  # appended to as well
    if not settings.getbool("CITYNEWS_REDIS_STATE"):
        return harvest
    now = datetime.now(UTC)
    store = RedisStateStore(server, SiteKeys(settings.get("CITYNEWS_REDIS_SITE")))
    harvest.store = store
    run = store.begin_run(str(output), MODE_FULL if options.full else MODE_INCREMENTAL, now)
    # "Resumed" in the manifest: this worker continues its own file (it was stopped or killed).
    harvest.run = replace(run, resumed=part_existed)
    load_keys(harvest, store, now)
    return harvest


def load_keys(harvest: Harvest, store: StateStore, now: datetime) -> None:
    """What the state says this worker must skip, stop at, and fetch again."""
    rows = [
        (harvest.key_for(r["url"]), r["url"], r.get("content_hash"), r.get("published_at"))
        for r in harvest.recovered.records
        if r.get("url")
    ]
    store.record_many(rows, now)  # lines flushed before a kill but not yet in the state
    harvest.failed_lists = set(store.failed_lists())
    harvest.count("lists_carried_over", len(harvest.carry_over_lists()))
    # What any worker wrote in the run under way (or in an unconfirmed earlier one) is not written
    # again; a --full run only skips what this worker's own file already holds.
    harvest.done = {key for key, *_ in rows} | (set() if harvest.options.full else store.done_keys())
    if harvest.options.full:
        return
    harvest.known = store.known_keys()
    carried = {a.key: a.url for a in store.articles_with_status(FAILED)}
    if harvest.options.recheck_days:
        for article in store.published_since(now - timedelta(days=harvest.options.recheck_days)):
            if article.key not in harvest.done:
                harvest.rechecked[article.key] = article.content_hash
                carried[article.key] = article.url
    harvest.carried = list(carried.values())
    harvest._scheduled = set(carried)  # noqa: SLF001 - the same bookkeeping open_harvest does
    harvest.count("carried_failed", sum(1 for key in carried if key not in harvest.rechecked))
