"""A site profile's politeness overrides and limits → Scrapy settings (at "spider" priority,
so command-line flags, applied at "cmdline" priority, still win)."""

from __future__ import annotations

from typing import Any

from scrapy.settings import Settings

from citynews_scraper.profile import SiteProfile

PRIORITY = "spider"


def profile_settings(profile: SiteProfile) -> dict[str, Any]:
    """The Scrapy settings a profile asks for (only the values it sets)."""
    polite = profile.politeness
    values: dict[str, Any] = {}
    if polite.concurrency is not None:
        values["CONCURRENT_REQUESTS_PER_DOMAIN"] = max(polite.concurrency, 1)
    if polite.delay is not None:
        values["DOWNLOAD_DELAY"] = polite.delay
        values["AUTOTHROTTLE_START_DELAY"] = max(polite.delay, 0.0)
    if polite.autothrottle is not None:
        values["AUTOTHROTTLE_ENABLED"] = polite.autothrottle
    if polite.robots is not None:
        values["ROBOTSTXT_OBEY"] = polite.robots
    if polite.timeout is not None:
        values["DOWNLOAD_TIMEOUT"] = polite.timeout
    if polite.retries is not None:
        values["RETRY_TIMES"] = polite.retries
    if polite.max_size_mb is not None:
        values["DOWNLOAD_MAXSIZE"] = int(polite.max_size_mb * 1024 * 1024)
    if polite.user_agent:
        values["USER_AGENT"] = polite.user_agent
    if profile.limits.max_articles:
        values["CITYNEWS_MAX_ARTICLES"] = profile.limits.max_articles
        values["CLOSESPIDER_ITEMCOUNT"] = profile.limits.max_articles
    if profile.limits.max_list_pages:
        values["CITYNEWS_MAX_LIST_PAGES"] = profile.limits.max_list_pages
    return values


def apply_profile_settings(settings: Settings, profile: SiteProfile) -> None:
    """Apply `profile_settings` unless the settings are already frozen (then they were set upstream).

    Limits given as flags win over the profile's: the spider reads them back from the settings.
    """
    if not settings.frozen:
        settings.setdict(profile_settings(profile), priority=PRIORITY)
    profile.limits.max_articles = settings.getint("CITYNEWS_MAX_ARTICLES")
    profile.limits.max_list_pages = settings.getint("CITYNEWS_MAX_LIST_PAGES")
