"""A decoded, parsed page plus the context every parser needs (URL base, clock, timezone)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from urllib.parse import urljoin

from parsel import Selector
from w3lib.url import safe_url_string

from citynews_scraper.text import Decoded, decode

_WEB = ("http://", "https://")
# What record-v1 calls an absolute URL; a host with control characters in it is not one.
_ABSOLUTE_URL = re.compile(r"^https?://[^\s#]+$")
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
        base = selector.xpath("//base/@href").get()
        try:
            base_url = urljoin(url, base.strip()) if base and base.strip() else url
        except ValueError:
            base_url = url
        if not _ABSOLUTE_URL.match(base_url) and url.startswith(_WEB):
            base_url = url  # a broken base href (seen: href=ahttp://…) must not break every link
        return cls(url, decoded, selector, base_url, fetched_at, tz)

    @classmethod
    def from_bytes(
        cls,
        body: bytes,
        url: str,
        headers: Mapping[str, str] | None = None,
        *,
        encoding: str | None = None,
        fetched_at: datetime | None = None,
        tz: tzinfo = DEFAULT_TZ,
    ) -> Page:
        """Decode once (text layer) and parse: the one way pages enter the extract layer."""
        decoded = decode(body, headers, declared=encoding)
        return cls.build(url, decoded, fetched_at or datetime.now(UTC), tz)

    def absolute(self, href: str | None) -> str | None:
        """`href` resolved against the base URL, fragment dropped; None unless that is http(s)."""
        if not href:
            return None
        href = href.strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
            return None
        # Percent-encode what a browser would (spaces, control characters, non-ASCII) so
        # every URL in a record is a valid absolute URL.
        try:
            resolved = safe_url_string(urljoin(self.base_url, href).split("#", 1)[0])
        except ValueError:  # e.g. "Invalid IPv6 URL" for a stray '[' in the host
            return None
        return resolved if _ABSOLUTE_URL.match(resolved) else None

    @property
    def local_now(self) -> datetime:
        """The fetch time in the site's timezone."""
        return self.fetched_at.astimezone(self.tz)
