"""Listing (channel / list / home) pages: article links, next page, channels. Pure.

A listing parser is an object with `name`, `score(page) -> float` and
`parse_listing(page) -> Listing`; `LISTING_PARSERS` maps names to them (the Discuz! one
and, for other CMSs, theirs).  The spider only navigates with what this returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Protocol

from citynews_scraper.extract.page import DEFAULT_TZ, Page
from citynews_scraper.text import decode


@dataclass
class ListEntry:
    """One article as a list page shows it; list metadata only fills fields the article lacks."""

    url: str
    article_id: str | None = None
    title: str | None = None
    summary: str | None = None
    published_at: str | None = None
    published_at_raw: str | None = None
    thumbnail: str | None = None


@dataclass
class Listing:
    """What a listing page offers the crawler. URLs are absolute and canonical."""

    entries: list[ListEntry] = field(default_factory=list)
    next_page: str | None = None
    channels: list[str] = field(default_factory=list)
    page_number: int | None = None


class ListingParser(Protocol):
    name: str

    def score(self, page: Page) -> float: ...

    def parse_listing(self, page: Page) -> Listing: ...


def listing_parsers() -> dict[str, ListingParser]:
    """Every known listing parser by name (imported lazily to keep import cycles out)."""
    parsers: dict[str, ListingParser] = {}
    return parsers


def parse_listing(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    cms: str | None = None,
    fetched_at: datetime | None = None,
    tz: tzinfo = DEFAULT_TZ,
) -> Listing:
    """Decode a listing page once and read its article links, next page and channels."""
    page = Page.build(url, decode(body, headers, declared=encoding), fetched_at or datetime.now(timezone.utc), tz)
    parsers = listing_parsers()
    if cms and cms in parsers:
        return parsers[cms].parse_listing(page)
    if not parsers:
        return Listing()
    best = max(parsers.values(), key=lambda parser: parser.score(page))
    return best.parse_listing(page) if best.score(page) > 0 else Listing()
