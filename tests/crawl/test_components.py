"""Unit tests of the Scrapy glue: settings defaults, profile → settings, pipelines, writer, manifest, backoff."""

from __future__ import annotations

import doctest
import json
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from citynews_scraper import middlewares
from citynews_scraper.output.jsonl import JsonlWriter
from citynews_scraper.output.manifest import run_paths
from citynews_scraper.output.partfile import part_path
from citynews_scraper.pipelines import DedupePipeline, JsonlWriterPipeline, ValidatePipeline
from citynews_scraper.profile import Politeness, ProfileError, load_profile_file, load_shipped, shipped_profiles
from citynews_scraper.record import Article
from citynews_scraper.runner import CrawlOptions, build_profile, crawl_settings
from citynews_scraper.spiders.politeness import apply_profile_settings


def article(aid: str = "1", title: str = "标题", **values: Any) -> Article:
    base = {"url": f"http://x.cn/portal.php?mod=view&aid={aid}", "title": title, "cms": "discuz_x",
            "encoding": "gb18030", "encoding_source": "header", "fetched_at": "2024-03-01T04:00:00Z",
            "article_id": aid, "paragraphs": ["第一段。"], "content_hash": (aid * 64)[:64] if aid.isdigit() else "0" * 64}
    return Article(**{**base, **values})


def test_polite_defaults() -> None:
    settings = crawl_settings(CrawlOptions(start_urls=["http://x.cn/"]))
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert settings.get("USER_AGENT").startswith("citynews_scraper/")
    assert 429 in settings.getlist("RETRY_HTTP_CODES") and 503 in settings.getlist("RETRY_HTTP_CODES")
    assert settings.getint("DOWNLOAD_MAXSIZE") <= 64 * 1024 * 1024
    assert not settings.getbool("REMOTE_CONTROL_ENABLED") and not settings.getbool("TELNETCONSOLE_ENABLED")
    assert settings.get("LOG_LEVEL") == "CRITICAL"  # Scrapy's log stays off the terminal


def test_flags_beat_the_profile_which_beats_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("start_urls = ['http://x.cn/']\n[politeness]\nconcurrency = 1\ndelay = 3.0\nrobots = false\n"
                    "[limits]\nmax_articles = 50\n", "utf-8")
    options = CrawlOptions(profile_path=str(path), politeness=Politeness(delay=0.25))
    settings = crawl_settings(options)
    profile = build_profile(options)
    apply_profile_settings(settings, profile)
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1  # profile
    assert settings.getfloat("DOWNLOAD_DELAY") == 0.25  # flag
    assert settings.getbool("ROBOTSTXT_OBEY") is False  # profile
    assert settings.getint("CITYNEWS_MAX_ARTICLES") == 50 == profile.limits.max_articles


def test_shipped_example_profile_loads() -> None:
    assert "example" in shipped_profiles()
    profile = load_shipped("example").check()
    assert profile.name == "example" and profile.start_urls and profile.allowed_domains == ["example.com"]
    assert profile.tz.utcoffset(None) is None or str(profile.tz) == "Asia/Shanghai"


def test_profile_name_defaults_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "pingxiang.toml"
    path.write_text("start_urls = ['http://www.px.example/portal.php']\ntimezone = '+08:00'\n", "utf-8")
    profile = load_profile_file(path).check()
    # The start host without "www.": channel subdomains (news.px.example) belong to the site.
    assert (profile.name, profile.allowed_domains) == ("pingxiang", ["px.example"])
    with pytest.raises(ProfileError, match="not valid TOML"):
        path.write_text("start_urls = [", "utf-8")
        load_profile_file(path)


def test_run_paths() -> None:
    from datetime import datetime

    paths = run_paths(None, "city news", datetime(2024, 3, 1, 4, 5, 6, tzinfo=UTC))
    assert str(paths.output) == "output/city_news/20240301T040506Z.jsonl"
    assert str(paths.manifest) == "output/city_news/20240301T040506Z.manifest.json"
    named = run_paths("dump/x.jsonl", "ignored", datetime.now(UTC))
    assert (str(named.output), str(named.rejects)) == ("dump/x.jsonl", "dump/x.rejects.jsonl")


def test_writer_is_utf8_one_line_per_record_and_flushed(tmp_path: Path) -> None:
    writer = JsonlWriter(tmp_path / "a" / "o.jsonl")
    writer.write({"title": "萍乡", "n": 1})
    # Flushed per record: readable before close.
    assert (tmp_path / "a" / "o.jsonl").read_bytes() == '{"title": "萍乡", "n": 1}\n'.encode()
    writer.write({"title": "二"})
    writer.close()
    assert len((tmp_path / "a" / "o.jsonl").read_text("utf-8").splitlines()) == 2


def _pipelines(tmp_path: Path, **settings: Any) -> tuple[Any, ValidatePipeline, DedupePipeline, JsonlWriterPipeline]:
    crawler = get_crawler(settings_dict={"CITYNEWS_OUTPUT": str(tmp_path / "o.jsonl"), **settings})
    writer = JsonlWriterPipeline.from_crawler(crawler)
    crawler.get_item_pipeline = lambda cls: writer  # type: ignore[method-assign]
    crawler.spider = None  # type: ignore[assignment]
    writer.open_spider()
    return crawler, ValidatePipeline.from_crawler(crawler), DedupePipeline.from_crawler(crawler), writer


def _run(stages: tuple[Any, ...], item: Article) -> bool:
    try:
        for stage in stages:
            item = stage.process_item(item)
    except DropItem:
        return False
    return True


def test_pipelines_validate_dedupe_and_write(tmp_path: Path) -> None:
    crawler, validate, dedupe, writer = _pipelines(tmp_path)
    stages = (validate, dedupe, writer)
    assert _run(stages, article("1"))
    assert not _run(stages, article("1"))  # same aid
    assert not _run(stages, article("2", content_hash="1" * 64))  # same text as aid 1
    assert not _run(stages, article("3", title=""))  # schema: title must not be empty
    assert _run(stages, article("4"))
    writer.close_spider()
    written = tmp_path / "o.jsonl"
    if not written.exists():  # the harvesting work keeps <output>.part until the run is complete
        written = part_path(written)
    assert [json.loads(line)["article_id"] for line in written.read_text("utf-8").splitlines()] == ["1", "4"]
    rejects = [json.loads(line) for line in (tmp_path / "o.rejects.jsonl").read_text("utf-8").splitlines()]
    assert len(rejects) == 1 and rejects[0]["record"]["article_id"] == "3" and "title" in rejects[0]["reason"]
    stats = crawler.stats.get_stats()
    assert stats["citynews/articles/written"] == 2 and stats["citynews/articles/rejected"] == 1
    assert stats["citynews/articles/duplicate/article_id"] == 1 and stats["citynews/articles/duplicate/content_hash"] == 1
    assert dedupe.duplicates == [{"url": article("2").url, "article_id": "2",
                                  "reason": "same content_hash as an article already written"}]


def test_writer_caps_at_max_articles(tmp_path: Path) -> None:
    _, validate, dedupe, writer = _pipelines(tmp_path, CITYNEWS_MAX_ARTICLES=2)
    results = [_run((validate, dedupe, writer), article(str(n))) for n in range(1, 5)]
    assert results == [True, True, False, False]


def test_backoff_and_profile_doctests() -> None:
    from citynews_scraper import profile

    assert doctest.testmod(middlewares).failed == 0
    assert doctest.testmod(profile).failed == 0


def test_settings_module_is_what_scrapy_cfg_names() -> None:
    root = Path(__file__).resolve().parents[2]
    assert "default = citynews_scraper.settings" in (root / "scrapy.cfg").read_text("utf-8")
    settings = Settings()
    settings.setmodule("citynews_scraper.settings")
    assert "citynews_scraper.pipelines.JsonlWriterPipeline" in settings.getdict("ITEM_PIPELINES")


BROKEN_FIELDS = [
    ("title", ""), ("title", " padded"), ("url", "ftp://x.cn/a"), ("views", -1), ("views", "3"), ("pages", 0),
    ("site", "a b"), ("cms", "nosuch"), ("published_at", "2024-01-01"), ("unknown_key", 1), ("images", [{"src": "x"}]),
    ("reactions", {"": 1}), ("paragraphs", [""]), ("category", [" a"]), ("lang", 5), ("schema_version", 2),
    ("article_id", "a/b"), ("repairs", ["bad"]), ("content_hash", None), ("fetched_at", None),
]


@pytest.mark.parametrize(("key", "value"), BROKEN_FIELDS)
def test_fast_validation_agrees_with_the_reference_schema(key: str, value: Any) -> None:
    from citynews_scraper.output.validate import record_errors
    from citynews_scraper.record import schema_errors

    good = article("5", summary="摘要", published_at="2024-02-27T08:00:00+08:00").to_dict()
    assert record_errors(good) == [] == schema_errors(good)
    broken = {**good, key: value}
    assert schema_errors(broken), "the mutation must break the schema"
    assert record_errors(broken) == schema_errors(broken)


def test_validate_pipeline_uses_the_workers_verdict(tmp_path: Path) -> None:
    from citynews_scraper.spiders.extraction import CheckedArticle

    _, validate, dedupe, writer = _pipelines(tmp_path)
    assert _run((validate, dedupe, writer), CheckedArticle.of(article("7"), []))
    # A record the worker found broken is rejected with the worker's reasons, without a second check.
    assert not _run((validate, dedupe, writer), CheckedArticle.of(article("8"), ["title: too short"]))
    writer.close_spider()
    rejects = [json.loads(line) for line in (tmp_path / "o.rejects.jsonl").read_text("utf-8").splitlines()]
    assert [r["reason"] for r in rejects] == ["title: too short"]


def test_extract_step_fills_from_the_list_and_checks_the_record() -> None:
    from datetime import datetime, timedelta, timezone

    from citynews_scraper.demo import DemoConfig, ground_truth
    from citynews_scraper.demo.app import PortalApp
    from citynews_scraper.extract.listing import ListEntry
    from citynews_scraper.spiders.extraction import PageJob, extract_step

    base = "http://127.0.0.1:8123/"
    config = DemoConfig(articles=20)
    truth = {r["article_id"]: r for r in ground_truth(config, base)}
    # One single-page article without a summary on its page, one with a summary.
    bare = next(a for a, r in truth.items() if r["pages"] == 1 and r["summary"] is None)
    full = next(a for a, r in truth.items() if r["pages"] == 1 and r["summary"])
    app = PortalApp(config, base)
    entry = ListEntry(url="u", summary="列表里的摘要", published_at_raw="2024-1-5 8:00")
    for aid, filled in ((bare, ["summary"]), (full, [])):
        url = f"{base}portal.php?mod=view&aid={aid}"
        job = PageJob(app.respond("GET", f"/portal.php?mod=view&aid={aid}").body, url,
                      {"Content-Type": "text/html; charset=gbk"}, None, "discuz_x",
                      datetime(2024, 3, 1, tzinfo=UTC), timezone(timedelta(hours=8)), None, None, entry=entry)
        step = extract_step(job)
        assert step.error() is None and step.article is not None
        assert step.filled == filled and step.schema_errors == []
        assert step.article.summary == ("列表里的摘要" if filled else truth[aid]["summary"])
