"""Politeness overrides and limits → Scrapy settings.

A site profile's are applied at "spider" priority, so the command-line flags (the same
`Politeness` fields, applied by the runner at "cmdline" priority) still win.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy.settings import Settings

from citynews_scraper.profile import Politeness, SiteProfile

PRIORITY = "spider"
# Each politeness field → the Scrapy settings it sets, with the value each one gets.
_SETTINGS: dict[str, tuple[tuple[str, Callable[[Any], Any]], ...]] = {
    "concurrency": (("CONCURRENT_REQUESTS_PER_DOMAIN", lambda n: max(int(n), 1)),),
    "delay": (("DOWNLOAD_DELAY", float), ("AUTOTHROTTLE_START_DELAY", lambda s: max(float(s), 0.0))),
    "autothrottle": (("AUTOTHROTTLE_ENABLED", bool),),
    "robots": (("ROBOTSTXT_OBEY", bool),),
    "timeout": (("DOWNLOAD_TIMEOUT", float),),
    "retries": (("RETRY_TIMES", int),),
    "max_size_mb": (("DOWNLOAD_MAXSIZE", lambda mb: int(float(mb) * 1024 * 1024)),),
    "user_agent": (("USER_AGENT", str),),
}


def politeness_settings(polite: Politeness) -> dict[str, Any]:
    """The Scrapy settings for the politeness values that are set (None keeps the default)."""
    values: dict[str, Any] = {}
    for name, targets in _SETTINGS.items():
        value = getattr(polite, name)
        if value is not None:
            values.update({key: convert(value) for key, convert in targets})
    return values


def profile_settings(profile: SiteProfile) -> dict[str, Any]:
    """The Scrapy settings a profile asks for (only the values it sets)."""
    values = politeness_settings(profile.politeness)
    if not profile.politeness.user_agent:  # `user_agent = ""` in a profile keeps the default
        values.pop("USER_AGENT", None)
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
