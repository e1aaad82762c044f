"""A decoded, parsed page plus the context every parser needs (URL base, clock, timezone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from urllib.parse import urljoin

from parsel import Selector

from citynews_scraper.text import Decoded

# Chinese portals publish in China time unless a profile says otherwise.
DEFAULT_TZ = timezone(timedelta(hours=8))


@dataclass
class Page:
    """One page: its URL, decoded text, parsed tree and the context for relative values.

    `base_url` is the page's ``<base href>`` resolved against `url` (Discuz! always emits
    one, and relative links must be resolved against it, not against the page URL).
    `fetched_at` is the UTC fetch time that relative dates (``3 天前``) are resolved against.
    """

    url: str
    decoded: Decoded
    selector: Selector
    base_url: str
    fetched_at: datetime
    tz: tzinfo

    @classmethod
    def build(cls, url: str, decoded: Decoded, fetched_at: datetime, tz: tzinfo = DEFAULT_TZ) -> Page:
        selector = Selector(text=decoded.text, base_url=url)
        base = selector.xpath("//head/base/@href | //base/@href").get()
        base_url = urljoin(url, base.strip()) if base and base.strip() else url
        return cls(url, decoded, selector, base_url, fetched_at, tz)

    def absolute(self, href: str | None) -> str | None:
        """`href` resolved against the base URL, fragment dropped; None for empty/js links."""
        if not href:
            return None
        href = href.strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
            return None
        return urljoin(self.base_url, href).split("#", 1)[0]

    @property
    def local_now(self) -> datetime:
        """The fetch time in the site's timezone."""
        return self.fetched_at.astimezone(self.tz)
