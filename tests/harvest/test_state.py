"""The harvest building blocks on their own: state store, .part recovery, run lock, error rate, stop rule."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from citynews_scraper.extract.listing import ListEntry, Listing
from citynews_scraper.extract.urls import UrlRules
from citynews_scraper.output import health
from citynews_scraper.output.lock import LockHeld, acquire
from citynews_scraper.output.partfile import finish_part, part_path, recover_part
from citynews_scraper.output.state import (
    DELETED,
    FAILED,
    FINISHED,
    INTERRUPTED,
    PARTIAL,
    SqliteStateStore,
    StateError,
)
from citynews_scraper.spiders.incremental import Harvest, HarvestOptions, parse_since
from tests.harvest.conftest import ROOT

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
TZ = timezone(timedelta(hours=8))


def store(tmp_path: Path) -> SqliteStateStore:
    return SqliteStateStore(tmp_path / "state" / "site.sqlite")


def test_a_finished_run_confirms_its_articles_and_the_next_run_is_new(tmp_path: Path) -> None:
    db = store(tmp_path)
    run = db.begin_run("out.jsonl", "incremental", NOW)
    assert not run.resumed
    db.record_article("aid:1", "http://x.cn/a1", "h1", "2024-03-01T08:00:00+08:00", NOW)
    db.record_status("aid:2", "http://x.cn/a2", DELETED, NOW)
    # Written, not confirmed: not known; and not "done" either while its own run is on (its file says that).
    assert db.known_keys() == {"aid:2"} and db.done_keys() == set()
    db.finish_run(run, FINISHED, 1, NOW)
    assert db.known_keys() == {"aid:1", "aid:2"} and db.done_keys() == set()
    assert db.article("aid:1").published_at == "2024-03-01T00:00:00Z"  # stored in UTC
    assert db.begin_run("out2.jsonl", "incremental", NOW).id == run.id + 1


@pytest.mark.parametrize("status", [INTERRUPTED, None])
def test_a_killed_or_interrupted_run_is_continued_with_its_output(tmp_path: Path, status: str | None) -> None:
    db = store(tmp_path)
    run = db.begin_run("first.jsonl", "incremental", NOW)
    db.record_article("aid:1", "http://x.cn/a1", "h1", None, NOW)
    if status:
        db.finish_run(run, status, 1, NOW)
    db.close()  # None: the process died without a word
    again = store(tmp_path).begin_run("second.jsonl", "incremental", NOW)
    assert again.resumed and again.id == run.id and again.output == "first.jsonl"


def test_a_partial_run_writes_done_articles_that_do_not_stop_lists(tmp_path: Path) -> None:
    db = store(tmp_path)
    run = db.begin_run("o.jsonl", "incremental", NOW)
    db.record_article("aid:1", "u1", "h", None, NOW)
    db.finish_run(run, PARTIAL, 1, NOW)  # e.g. --max-articles
    assert not db.begin_run("o.jsonl", "incremental", NOW).resumed
    assert db.known_keys() == set() and db.done_keys() == {"aid:1"}


def test_a_continued_run_trusts_its_part_file_not_the_state_for_what_it_wrote(tmp_path: Path) -> None:
    # A power cut can keep the state's last commits and lose the file's last lines: the articles
    # the run under way wrote are read back from its .part file, so those are written again.
    db = store(tmp_path)
    db.begin_run("o.jsonl", "incremental", NOW)
    db.record_article("aid:1", "u1", "h", None, NOW)
    db.close()
    again = store(tmp_path)
    assert again.begin_run("o.jsonl", "incremental", NOW).resumed
    assert again.done_keys() == set() and again.article("aid:1") is not None


def test_a_state_file_from_before_the_run_column_is_upgraded(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE articles (key TEXT PRIMARY KEY, url TEXT NOT NULL, content_hash TEXT, published_at TEXT, "
                   "first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, status TEXT NOT NULL, confirmed INTEGER NOT NULL DEFAULT 0)")
        db.execute("INSERT INTO articles VALUES ('aid:1', 'u1', 'h', NULL, 'x', 'x', 'live', 1)")
    upgraded = SqliteStateStore(path)
    assert upgraded.known_keys() == {"aid:1"}
    upgraded.record_article("aid:2", "u2", "h", None, NOW)


def test_failed_never_downgrades_a_live_article_and_live_heals_a_failed_one(tmp_path: Path) -> None:
    db = store(tmp_path)
    db.record_article("aid:1", "u1", "h", None, NOW)
    db.record_status("aid:1", "u1", FAILED, NOW)
    assert db.article("aid:1").status == "live"
    db.record_status("aid:2", "u2", FAILED, NOW)
    assert [a.key for a in db.articles_with_status(FAILED)] == ["aid:2"]
    db.record_article("aid:2", "u2", "h2", None, NOW)
    assert db.articles_with_status(FAILED) == []


def test_channels_and_recent_articles(tmp_path: Path) -> None:
    db = store(tmp_path)
    db.record_article("aid:1", "u1", "h", "2024-02-01T00:00:00+08:00", NOW)
    db.record_article("aid:2", "u2", "h", "2024-02-28T00:00:00+08:00", NOW)
    assert [a.key for a in db.published_since(NOW - timedelta(days=7))] == ["aid:2"]
    db.record_channel("http://x.cn/list1", "aid:2", "u2", "2024-2-28", NOW)
    db.record_channel("http://x.cn/list1", "aid:3", "u3", "2024-2-29", NOW)
    assert db.channels()["http://x.cn/list1"]["newest_key"] == "aid:3"


def test_a_file_that_is_not_a_state_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "site.sqlite"
    bad.write_text("not sqlite at all " * 100)
    with pytest.raises(StateError, match="cannot be used"):
        SqliteStateStore(bad)


def test_recover_part_cuts_a_line_killed_mid_write_and_keeps_whole_ones(tmp_path: Path) -> None:
    part = part_path(tmp_path / "o.jsonl")
    assert part.name == "o.jsonl.part"
    whole = [json.dumps({"url": f"http://x.cn/{n}", "title": "萍乡"}, ensure_ascii=False) for n in range(3)]
    cut = b'{"url": "http://x.cn/3", "ti'
    part.write_bytes(("\n".join(whole) + "\n").encode() + cut)
    recovered = recover_part(part)
    assert [r["url"] for r in recovered.records] == [f"http://x.cn/{n}" for n in range(3)]
    assert recovered.cut_bytes == len(cut)
    assert part.read_text("utf-8").splitlines() == whole
    # A flushed but garbled last line (newline included) goes too; nothing to recover from no file.
    part.write_text(whole[0] + "\n" + '{"url": \n', "utf-8")
    assert len(recover_part(part).records) == 1 and part.read_text("utf-8") == whole[0] + "\n"
    assert recover_part(tmp_path / "none.part").records == []
    assert finish_part(part, tmp_path / "o.jsonl") and (tmp_path / "o.jsonl").exists() and not part.exists()


def test_a_broken_line_inside_the_part_file_is_refused(tmp_path: Path) -> None:
    part = tmp_path / "o.jsonl.part"
    part.write_text('{"a": 1}\nbroken\n{"a": 2}\n', "utf-8")
    with pytest.raises(ValueError, match="line 2"):
        recover_part(part)


def test_the_lock_is_exclusive_between_processes_and_dies_with_its_holder(tmp_path: Path) -> None:
    path = tmp_path / "site.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", ("import sys, time; from citynews_scraper.output.lock import acquire; "
                                f"acquire({str(path)!r}); print('held', flush=True); time.sleep(60)")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {holder.pid}"):
            acquire(path)
    finally:
        holder.kill()  # SIGKILL: the kernel releases the flock
        holder.wait()
    lock = acquire(path)
    assert acquire(path) is lock  # held once per process
    lock.release()


def test_error_rate_counts_losses_against_everything_tried() -> None:
    assert doctest.testmod(health).failed == 0
    rate = health.error_rate({"articles_written": 90, "failed": 6, "list_pages": 4}, {"unchanged": 0})
    assert (rate.errors, rate.attempts) == (6, 100) and rate.above(5.0) and not rate.above(6.0)
    assert not health.error_rate({"deleted": 50, "list_pages": 2}).above(0.0)  # deletions are not errors


def test_parse_since() -> None:
    assert parse_since("2024-03-01", TZ) == datetime(2024, 3, 1, tzinfo=TZ)
    assert parse_since("2024-03-01T10:00:00+00:00", TZ) == datetime(2024, 3, 1, 10, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_since("yesterday", TZ)


def entries(*aids: int, extra: tuple[int, ...] = ()) -> Listing:
    own = [ListEntry(url=f"http://x.cn/portal.php?mod=view&aid={a}") for a in aids]
    diy = [ListEntry(url=f"http://x.cn/portal.php?mod=view&aid={a}") for a in extra]
    return Listing(entries=own + diy, next_page="http://x.cn/portal.php?mod=list&catid=2&page=2", main_count=len(own))


def harvest(known: set[int], overlap: int = 1) -> Harvest:
    h = Harvest(rules=UrlRules(), options=HarvestOptions(state_dir="x", overlap_pages=overlap), tz=TZ,
                known={f"aid:{a}" for a in known})
    h.store = object()  # type: ignore[assignment]  # enabled; the watermark needs no store for page 2+
    return h


def test_stop_rule_counts_only_the_list_s_own_entries() -> None:
    listing = entries(3, 2, extra=(9,))  # a stale DIY link to an unknown (deleted) id does not keep it going
    listing.page_number = 2
    h = harvest({2, 3})
    assert not h.follow_next(listing, "http://x.cn/portal.php?mod=list&catid=2&page=2", NOW)
    partly = entries(4, 3)
    partly.page_number = 2
    assert harvest({2, 3}).follow_next(partly, "http://x.cn/portal.php?mod=list&catid=2&page=2", NOW)


def test_overlap_pages_needs_that_many_known_pages_in_a_row() -> None:
    h = harvest({1, 2, 3, 4}, overlap=2)
    page1, page2 = entries(2, 1), entries(4, 3)
    page1.page_number, page2.page_number = 2, 3
    page1.next_page = "http://x.cn/portal.php?mod=list&catid=1&page=3"
    page2.next_page = "http://x.cn/portal.php?mod=list&catid=1&page=4"
    assert h.follow_next(page1, "http://x.cn/portal.php?mod=list&catid=2&page=2", NOW)
    assert not h.follow_next(page2, "http://x.cn/portal.php?mod=list&catid=1&page=3", NOW)


def test_without_state_or_since_every_page_is_followed() -> None:
    assert Harvest(rules=UrlRules()).follow_next(entries(1), "http://x.cn/l", NOW)


def test_discuz_list_pages_tell_their_own_entries_from_diy_links() -> None:
    from citynews_scraper.demo import DemoConfig
    from citynews_scraper.demo.app import PortalApp
    from citynews_scraper.extract.listing import parse_listing

    base = "http://127.0.0.1:1/"
    app = PortalApp(DemoConfig(articles=200, perpage=15), base)
    url = base + "portal.php?mod=list&catid=2&page=2"
    reply = app.respond("GET", "/portal.php?mod=list&catid=2&page=2")
    listing = parse_listing(reply.body, url, dict(reply.headers))
    own = listing.entries[: listing.main_count]
    assert listing.main_count == 15 and all(entry.title for entry in own)
    # The 热门阅读 block under the list links deleted articles: DIY links, not list entries.
    deleted = {canonical_url for canonical_url in app_deleted(app, base)}
    assert deleted & {e.url for e in listing.entries[listing.main_count:]}
    assert not deleted & {e.url for e in own}


def app_deleted(app: object, base: str) -> set[str]:
    from citynews_scraper.demo.site import is_deleted

    config = app.config  # type: ignore[attr-defined]
    return {f"{base}portal.php?mod=view&aid={aid}" for aid in range(1, config.articles + 1) if is_deleted(config, aid)}


def test_failed_list_pages_are_kept_until_read(tmp_path: Path) -> None:
    db = store(tmp_path)
    db.record_list_failed("http://x.cn/portal.php?mod=list&catid=3&page=4", NOW)
    db.record_list_failed("http://x.cn/portal.php?mod=list&catid=3&page=4", NOW)
    assert db.failed_lists() == ["http://x.cn/portal.php?mod=list&catid=3&page=4"]
    db.list_recovered("http://x.cn/portal.php?mod=list&catid=3&page=4")
    assert db.failed_lists() == []


@pytest.mark.parametrize(("flags", "message"), [
    (["--state", "FILE"], "--state FILE: cannot create the lock file"),
    (["--state", "BROKEN"], "cannot be used: file is not a database"),
    (["--no-state", "--full"], "--no-state cannot be combined"),
    (["--overlap-pages", "0"], "expected a whole number ≥ 1"),
    (["--max-error-rate", "200"], "expected a percentage from 0 to 100"),
    (["--since", "2024-13-01"], "--since: expected a date YYYY-MM-DD"),
])
def test_bad_harvest_flags_and_state_are_one_line_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], flags: list[str], message: str,
) -> None:
    from citynews_scraper.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "FILE").write_text("")
    (tmp_path / "BROKEN").mkdir()
    (tmp_path / "BROKEN" / "127.0.0.1_1.sqlite").write_text("not a database " * 50)
    assert main(["crawl", "--start-url", "http://127.0.0.1:1/", *flags]) == 2
    err = capsys.readouterr().err
    assert err.startswith("citynews: error: ") and message in err and err.count("\n") == 1


def test_summary_rows_only_for_runs_with_state() -> None:
    from citynews_scraper.cli.harvest_args import harvest_rows

    assert harvest_rows({}) == [] and harvest_rows({"mode": "none"}) == []
    rows = dict(harvest_rows({"mode": "incremental", "resumed": True, "recovered_records": 57, "skipped_known": 264,
                              "lists_stopped": 15, "carried_failed": 2, "lists_carried_over": 1,
                              "partial_output": "o.jsonl.part"}))
    assert rows["harvest"].startswith("incremental, continued a stopped run (57 records")
    assert (rows["known articles skipped"], rows["channels stopped early"], rows["retried from last run"]) == (264, 15, 3)
    assert rows["partial output"] == "o.jsonl.part" and "re-checked (changed)" not in rows
