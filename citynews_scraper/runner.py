"""Run one crawl in this process: options → site profile → Scrapy settings → `PortalSpider`.

Used by ``citynews crawl`` and ``citynews demo``; `scrapy crawl portal` reaches the same
spider through scrapy.cfg.  No printing here: progress goes to the callable in
`CrawlOptions.progress`, and the result (the run manifest) is returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from citynews_scraper.output.manifest import Manifest
from citynews_scraper.profile import (
    Politeness,
    SiteProfile,
    check_start_url,
    no_such_site,
    resolve_profile,
    site_domain,
)
from citynews_scraper.spiders.politeness import politeness_settings

# Scrapy's own log is for files; on a terminal it would bury the progress line and the
# summary (every failure is in the manifest anyway).
TERMINAL_LOG_LEVEL = "CRITICAL"
FILE_LOG_LEVEL = "INFO"


@dataclass
class CrawlOptions:
    """Everything `citynews crawl` can be told.  None = the profile's value, else the default."""

    start_urls: list[str] = field(default_factory=list)
    site: str | None = None
    profile_path: str | None = None
    cms: str | None = None
    encoding: str | None = None
    timezone: str | None = None
    script: str | None = None
    output: str | None = None
    output_dir: str = "output"
    max_articles: int | None = None
    max_list_pages: int | None = None
    # --concurrency, --delay, --no-autothrottle, --no-robots, --timeout, --retries, --max-size-mb, --user-agent
    politeness: Politeness = field(default_factory=Politeness)
    backoff: float | None = None
    log_file: str | None = None
    log_level: str | None = None
    progress: Callable[[dict[str, Any], bool], None] | None = None
    bare: bool = False
    extract_workers: int | None = None
    # Harvesting (docs/cron.md): state_dir None = no crawl state (`--no-state`, `citynews demo`).
    state_dir: str | None = None
    full: bool = False
    overlap_pages: int | None = None
    since: str | None = None
    recheck_days: int | None = None
    extra_settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class CrawlResult:
    manifest: Manifest | None
    stats: dict[str, Any]


def build_profile(options: CrawlOptions) -> SiteProfile:
    """The site profile for a run: ``--profile``/``--site`` (if any) with the flags on top.

    Raises `ProfileError` (one line) for a bad profile or bad start URLs.
    """
    for url in options.start_urls:
        check_start_url(url, "--start-url")
    profile = resolve_profile(options.site, options.profile_path)
    if profile is None and options.site and not options.start_urls:
        raise no_such_site(options.site, "--site ", "--start-url ", "--profile ")
    profile = profile or SiteProfile(name=options.site, start_urls=[])
    if options.start_urls:
        profile.start_urls = list(options.start_urls)
        if profile.allowed_domains:  # the profile's hosts plus those of the given start URLs
            hosts = {site_domain(url) for url in options.start_urls}
            profile.allowed_domains = sorted(set(profile.allowed_domains) | hosts)
    if options.site:
        profile.name = options.site
    for key in ("cms", "encoding", "timezone", "script"):
        value = getattr(options, key)
        if value:
            setattr(profile, key, value)
    origin = f"profile {options.profile_path}" if options.profile_path else "crawl"
    return profile.check(origin)


def flag_settings(options: CrawlOptions) -> dict[str, Any]:
    """Scrapy settings from the flags (applied at "cmdline" priority: they beat the profile)."""
    values: dict[str, Any] = {"CITYNEWS_OUTPUT_DIR": options.output_dir, "CITYNEWS_BARE": options.bare}
    pairs: list[tuple[Any, str, Callable[[Any], Any]]] = [
        (options.output, "CITYNEWS_OUTPUT", str),
        (options.max_articles, "CITYNEWS_MAX_ARTICLES", int),
        (options.max_articles, "CLOSESPIDER_ITEMCOUNT", int),
        (options.max_list_pages, "CITYNEWS_MAX_LIST_PAGES", int),
        # A flag (unlike a profile) may raise the per-host concurrency above the global cap.
        (options.politeness.concurrency, "CONCURRENT_REQUESTS", lambda n: max(int(n), 16)),
        (options.backoff, "CITYNEWS_BACKOFF_BASE", float),
        (options.extract_workers, "CITYNEWS_EXTRACT_WORKERS", int),
        (options.state_dir, "CITYNEWS_STATE_DIR", str),
        (options.full or None, "CITYNEWS_FULL", bool),
        (options.overlap_pages, "CITYNEWS_OVERLAP_PAGES", int),
        (options.since, "CITYNEWS_SINCE", str),
        (options.recheck_days, "CITYNEWS_RECHECK_DAYS", int),
    ]
    values.update({key: convert(value) for value, key, convert in pairs if value is not None})
    values.update(politeness_settings(options.politeness))
    if options.log_file:
        values.update({"LOG_FILE": options.log_file, "LOG_LEVEL": options.log_level or FILE_LOG_LEVEL})
    else:
        values["LOG_LEVEL"] = options.log_level or TERMINAL_LOG_LEVEL
    if options.progress is not None:
        values["CITYNEWS_PROGRESS"] = options.progress
    values.update(options.extra_settings)
    return values


def crawl_settings(options: CrawlOptions) -> Settings:
    settings = Settings()
    settings.setmodule("citynews_scraper.settings", priority="project")
    settings.setdict(flag_settings(options), priority="cmdline")
    return settings


def run_crawl(options: CrawlOptions, profile: SiteProfile | None = None) -> CrawlResult:
    """Crawl the site and block until done; the manifest says what happened.

    Runs Scrapy's CrawlerProcess, so it can run once per process (the Twisted reactor
    cannot be restarted); tests and benchmarks call the CLI in a subprocess.
    """
    from citynews_scraper.extensions import ManifestExtension
    from citynews_scraper.spiders.portal import PortalSpider

    profile = profile or build_profile(options)
    process = CrawlerProcess(crawl_settings(options))
    crawler = process.create_crawler(PortalSpider)
    process.crawl(crawler, site_profile=profile)
    process.start()
    extension = crawler.get_extension(ManifestExtension)
    return CrawlResult(extension.manifest if extension else None, crawler.stats.get_stats() if crawler.stats else {})
