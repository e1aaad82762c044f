"""Extraction workers (spiders/extraction.py): same results as in-process, errors carried back,
a dead worker replaced by in-process extraction, and a prompt shutdown."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from citynews_scraper.demo import DemoConfig
from citynews_scraper.demo.app import PortalApp
from citynews_scraper.spiders import extraction
from citynews_scraper.spiders.extraction import Extractor, PageJob, Step, extract_step

BASE = "http://127.0.0.1:8123/"


@pytest.fixture(autouse=True)
def asyncio_reactor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # The workers are awaited through asyncio; outside a crawl there is no reactor to ask.
    monkeypatch.setattr(extraction, "_asyncio_loop_running", lambda: True)
    yield


def jobs(count: int) -> list[PageJob]:
    app = PortalApp(DemoConfig(articles=count), BASE)
    made = []
    for aid in range(1, count + 1):
        target = f"portal.php?mod=view&aid={aid}"
        made.append(PageJob(app.respond("GET", "/" + target).body, BASE + target,
                            {"Content-Type": "text/html; charset=gbk"}, None, "discuz_x",
                            datetime(2024, 3, 1, tzinfo=UTC), timezone(timedelta(hours=8)), None, None))
    return made


def outcome(step: Step) -> Any:
    return (step.article.to_dict() if step.article else None, step.count, step.error_kind, len(step.pages))


async def run_all(extractor: Extractor, batch: list[PageJob]) -> list[Step]:
    return list(await asyncio.gather(*(extractor.step(job) for job in batch)))


def test_workers_read_pages_as_the_crawl_process_does() -> None:
    batch = jobs(30)  # more jobs than the worker is sent at once: the rest wait their turn

    async def main() -> list[Step]:
        extractor = Extractor(2)
        try:
            return await run_all(extractor, batch)
        finally:
            assert extractor.workers == 2 and extractor.fallbacks == 0
            extractor.close()

    steps = asyncio.run(main())
    assert [outcome(s) for s in steps] == [outcome(extract_step(job)) for job in batch]
    assert sum(s.article is not None for s in steps) > 20


def test_an_error_in_a_worker_is_raised_in_the_crawl_and_the_worker_goes_on() -> None:
    good = jobs(2)
    # Not an ExtractionError (those come back as a Step): a bug, e.g. a bad page list.
    broken = dataclasses.replace(good[0], previous=["not a page result"])  # type: ignore[list-item]
    with pytest.raises(AttributeError) as in_process:
        extract_step(broken)

    async def main() -> None:
        extractor = Extractor(1)
        try:
            with pytest.raises(type(in_process.value)):
                await extractor.step(broken)
            steps = await run_all(extractor, good)
            assert [outcome(s) for s in steps] == [outcome(extract_step(job)) for job in good]
            assert extractor.workers == 1 and extractor.fallbacks == 0
        finally:
            extractor.close()

    asyncio.run(main())


def test_a_dead_worker_is_replaced_by_in_process_extraction() -> None:
    batch = jobs(12)

    async def main() -> list[Step]:
        extractor = Extractor(1)
        try:
            first = await run_all(extractor, batch[:2])
            assert extractor.pool is not None
            extractor.pool[0].process.kill()
            rest = await run_all(extractor, batch[2:])
            assert extractor.fallbacks == 1 and extractor.workers == 0
            return first + rest
        finally:
            extractor.close()

    steps = asyncio.run(main())
    assert [outcome(s) for s in steps] == [outcome(extract_step(job)) for job in batch]


def test_close_stops_the_workers_at_once() -> None:
    async def main() -> float:
        extractor = Extractor(1)
        await run_all(extractor, jobs(1))
        assert extractor.pool is not None
        process = extractor.pool[0].process
        started = time.monotonic()
        extractor.close()  # from inside the running loop, as the spider's closed() does
        assert not process.is_alive() and process.exitcode == 0
        return time.monotonic() - started

    assert asyncio.run(main()) < 3.0


def test_gc_is_tuned_once_per_process() -> None:
    import gc

    from citynews_scraper.spiders import gc_tuning

    saved = gc.get_threshold()
    try:
        gc_tuning._tuned = False
        gc_tuning.tune_gc()
        assert gc.get_threshold()[0] == gc_tuning.GEN0_THRESHOLD
        after_first = gc.get_freeze_count()
        junk = [[i] for i in range(1000)]  # objects made after start-up stay collectable
        gc_tuning.tune_gc()
        assert gc.get_freeze_count() == after_first and junk
    finally:
        gc.unfreeze()
        gc.set_threshold(*saved)
        gc_tuning._tuned = False  # unfrozen: a later crawl in this process tunes again
