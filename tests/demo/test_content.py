"""Demo content: deterministic, growable, varied enough, and a valid record-v1 ground truth."""

from __future__ import annotations

from datetime import datetime, timedelta

from citynews_scraper.demo.config import SITE_TZ, DemoConfig
from citynews_scraper.demo.content import (
    absolute_date,
    deleted_ids,
    ground_truth,
    relative_date,
)
from citynews_scraper.demo.site import children
from citynews_scraper.record import schema_errors
from citynews_scraper.text import RepairLog, clean_text
from citynews_scraper.text.lang import detect_lang

BASE = "http://127.0.0.1:8123/"


def records(config: DemoConfig) -> list[dict]:
    return list(ground_truth(config, BASE))


def test_same_config_gives_the_same_records() -> None:
    assert records(DemoConfig(articles=40)) == records(DemoConfig(articles=40))


def test_a_grown_portal_keeps_its_first_articles() -> None:
    small, grown = records(DemoConfig(articles=60)), records(DemoConfig(articles=75))
    ignore = {"published_at_raw"}  # relative dates ("3 天前") move with the portal's clock

    def strip(record: dict) -> dict:
        return {k: v for k, v in record.items() if k not in ignore}

    assert [strip(r) for r in grown[: len(small)]] == [strip(r) for r in small]
    assert len(grown) > len(small)


def test_a_different_seed_gives_different_text() -> None:
    assert records(DemoConfig(articles=10, seed=1))[0]["title"] != records(DemoConfig(articles=10, seed=2))[0]["title"] or \
        records(DemoConfig(articles=10, seed=1))[0]["paragraphs"] != records(DemoConfig(articles=10, seed=2))[0]["paragraphs"]


def test_newer_ids_are_later() -> None:
    dates = [r["published_at"] for r in records(DemoConfig(articles=80))]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)


def test_default_portal_has_the_variety_the_crawler_must_handle() -> None:
    config = DemoConfig()
    recs = records(config)
    assert len(recs) + len(list(deleted_ids(config))) == config.articles >= 60
    assert len(list(deleted_ids(config))) >= 2
    tops = children(None)
    assert len(tops) >= 3 and all(children(c.catid) for c in tops)
    assert any(len(r["category"]) == 1 for r in recs) and any(len(r["category"]) == 3 for r in recs)
    assert any(r["pages"] == 2 for r in recs) and any(r["pages"] == 3 for r in recs)
    images = [i for r in recs for i in r["images"]]
    assert any(i["caption"] for i in images) and any(i["caption"] is None for i in images)
    assert any(i["alt"] for i in images) and any(r["images"] == [] for r in recs)
    assert any(r["source_url"] for r in recs) and any(r["source"] and not r["source_url"] for r in recs)
    assert any(r["author"] for r in recs) and any(r["author"] is None for r in recs)
    assert any(r["comments"] == 0 for r in recs) and any(r["comments"] > 0 for r in recs)
    assert any(r["summary"] is None for r in recs) and any((r["summary"] or "").endswith(" ...") for r in recs)
    raws = {r["published_at_raw"] for r in recs}
    assert any("小时前" in raw for raw in raws) and any(raw.startswith("昨天 ") for raw in raws)
    assert any("天前" in raw for raw in raws) and any(raw[:4].isdigit() for raw in raws)
    assert {len(r["paragraphs"]) for r in recs} >= {3, 15} or max(len(r["paragraphs"]) for r in recs) >= 12


def test_reactions_are_the_five_default_buttons_in_page_order() -> None:
    for record in records(DemoConfig(articles=20)):
        assert list(record["reactions"]) == ["路过", "雷人", "握手", "鲜花", "鸡蛋"]
    assert list(records(DemoConfig(articles=3, encoding="big5"))[0]["reactions"]) == ["路過", "雷人", "握手", "鮮花", "雞蛋"]


def test_records_are_valid_record_v1() -> None:
    for record in records(DemoConfig(articles=30)) + records(DemoConfig(articles=10, encoding="big5")):
        assert schema_errors({**record, "fetched_at": "2024-03-02T12:00:00Z"}) == []


def test_text_needs_no_repair_and_reads_as_the_right_script() -> None:
    for config, lang in ((DemoConfig(articles=30), "zh-Hans"), (DemoConfig(articles=30, encoding="big5"), "zh-Hant")):
        for record in records(config):
            strings = [record["title"], *record["paragraphs"], record["summary"] or "",
                       *(i["caption"] or "" for i in record["images"])]
            log = RepairLog()
            assert [clean_text(s, log) for s in strings] == strings
            assert log.repairs_list() == [] and log.flags_list() == []
            assert detect_lang(record["title"] + "".join(record["paragraphs"])) == record["lang"] == lang


def test_encodings_and_sources_in_the_records() -> None:
    assert {r["encoding"] for r in records(DemoConfig(articles=5))} == {"gb18030"}
    assert {r["encoding"] for r in records(DemoConfig(articles=5, encoding="utf-8"))} == {"utf-8"}
    assert {r["encoding"] for r in records(DemoConfig(articles=5, encoding="big5"))} == {"big5hkscs"}
    assert {r["encoding_source"] for r in records(DemoConfig(articles=30))} == {"header"}
    lying = records(DemoConfig(articles=60, faults=1.0, fault_kinds=("charset",)))
    assert {r["encoding_source"] for r in lying} == {"meta"}


def test_urls_follow_the_configured_link_form() -> None:
    assert records(DemoConfig(articles=1))[0]["url"] == BASE + "portal.php?mod=view&aid=1"
    assert records(DemoConfig(articles=1, rewrite=True))[0]["url"] == BASE + "article-1-1.html"
    image = next(i for r in records(DemoConfig()) for i in r["images"])
    assert image["src"].startswith(BASE + "data/attachment/portal/") and image["src"].endswith(".jpg")


def test_edited_articles_change_their_text_and_hash() -> None:
    plain, edited = records(DemoConfig(articles=5)), records(DemoConfig(articles=5, edited=frozenset({3})))
    assert plain[2]["content_hash"] != edited[2]["content_hash"]
    assert plain[:2] == edited[:2]


def test_relative_dates_follow_discuz_dgmdate() -> None:
    now = datetime(2024, 3, 10, 12, 0, tzinfo=SITE_TZ)
    cases = {
        now: "刚刚",
        now - timedelta(seconds=30): "30\u00a0秒前",
        now - timedelta(minutes=10): "10\u00a0分钟前",
        now - timedelta(minutes=40): "半小时前",
        now - timedelta(hours=3): "3\u00a0小时前",
        datetime(2024, 3, 9, 15, 22, tzinfo=SITE_TZ): "昨天\u00a015:22",
        datetime(2024, 3, 8, 9, 5, tzinfo=SITE_TZ): "前天\u00a009:05",
        datetime(2024, 3, 7, 23, 0, tzinfo=SITE_TZ): "3\u00a0天前",
        datetime(2024, 3, 3, 1, 0, tzinfo=SITE_TZ): "7\u00a0天前",
        datetime(2024, 3, 2, 23, 59, tzinfo=SITE_TZ): None,
        now + timedelta(minutes=5): None,
    }
    assert {moment: relative_date(moment, now, False) for moment in cases} == cases
    assert relative_date(now - timedelta(hours=2), now, True) == "2\u00a0小時前"
    assert absolute_date(datetime(2013, 4, 2, 9, 5, tzinfo=SITE_TZ)) == "2013-4-2 09:05"


def test_the_frozen_clock_decides_the_relative_text() -> None:
    config = DemoConfig(articles=10)
    last = records(config)[-1]
    stamp = datetime.fromisoformat(last["published_at"])
    later = records(config.with_changes(now=stamp + timedelta(days=30)))[-1]
    assert later["published_at_raw"] == absolute_date(stamp)
    assert later["published_at"] == last["published_at"]
