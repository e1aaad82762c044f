"""Listing (channel / list / home) pages: article links, next page, channels. Pure.

A listing parser is an object with `name`, `score(page) -> float` and
`parse_listing(page) -> Listing`; `LISTING_PARSERS` maps names to them (the Discuz! one
and, for other CMSs, theirs).  The spider only navigates with what this returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Protocol

from citynews_scraper.extract.dates import iso, parse_date
from citynews_scraper.extract.page import DEFAULT_TZ, Page
from citynews_scraper.extract.urls import DEFAULT_RULES, UrlRules
from citynews_scraper.record import Article
from citynews_scraper.text import normalize_space


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
    parser: str | None = None  # the listing parser that read the page; None: no parser knew it
    # How many of `entries` (the first ones) are the list's own entries (Discuz!: `dl.bbda` of
    # the main list), not links from DIY blocks or sidebars; None: all of them.  Incremental
    # runs stop a channel on pages whose own entries are all known.
    main_count: int | None = None


class ListingParser(Protocol):
    name: str

    def score(self, page: Page) -> float: ...

    def parse_listing(self, page: Page) -> Listing: ...


def listing_parsers(rules: UrlRules = DEFAULT_RULES) -> dict[str, ListingParser]:
    """Every known listing parser by name (imported lazily to keep import cycles out).

    `rules` carries a site profile's extra article URL patterns to the parsers.
    """
    from citynews_scraper.extract.cms.discuz_list import DiscuzListingParser
    from citynews_scraper.extract.cms.generic_list import StyledListingParser
    from citynews_scraper.extract.cms.stock_list import STYLES

    parsers: dict[str, ListingParser] = {"discuz_x": DiscuzListingParser(rules)}
    parsers.update({style.name: StyledListingParser(style, rules) for style in STYLES})
    parsers["generic"] = StyledListingParser(rules=rules)  # scores lowest: the fallback
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
    rules: UrlRules = DEFAULT_RULES,
) -> Listing:
    """Decode a listing page once and read its article links, next page and channels."""
    page = Page.from_bytes(body, url, headers, encoding=encoding, fetched_at=fetched_at, tz=tz)
    parsers = listing_parsers(rules)
    if cms and cms in parsers:
        return _named(parsers[cms], page)
    if not parsers:
        return Listing()
    best = max(parsers.values(), key=lambda parser: parser.score(page))
    return _named(best, page) if best.score(page) > 0 else Listing()


def _named(parser: ListingParser, page: Page) -> Listing:
    listing = parser.parse_listing(page)
    listing.parser = parser.name
    return listing


def fill_from_listing(article: Article, entry: ListEntry, fetched_at: datetime, tz: tzinfo = DEFAULT_TZ) -> list[str]:
    """Fill the fields `article` lacks from its list entry (the article page wins); the
    names of the fields filled, for the stats."""
    filled = []
    if article.summary is None and entry.summary:
        article.summary = normalize_space(entry.summary) or None
        filled.append("summary")
    if article.published_at is None and entry.published_at_raw:
        moment = parse_date(entry.published_at_raw, fetched_at, tz)
        if moment:
            article.published_at = iso(moment)
            article.published_at_raw = article.published_at_raw or normalize_space(entry.published_at_raw)
            filled.append("published_at")
    return filled
