"""Readers for ``<meta>`` tags: one pass over the head, then lookups by key.

Keys are the ``name`` / ``property`` / ``itemprop`` / ``http-equiv`` attribute, lower-cased.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from citynews_scraper.text.normalize import normalize_space

# Meta keys that carry the publication time, most specific first.
PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "publishdate", "pubdate", "publish_date", "publishtime", "publish-date", "og:release_date",
    "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "weibo:article:create_at",
    "created", "date", "article:modified_time",
)
TITLE_KEYS = ("og:title", "twitter:title", "articletitle", "title")
DESCRIPTION_KEYS = ("description", "og:description", "twitter:description")
AUTHOR_KEYS = ("author", "article:author", "og:article:author", "dc.creator", "byl")
SOURCE_KEYS = ("source", "og:site_name", "mediaid", "article:source")


def read_meta(root: HtmlElement) -> dict[str, str]:
    """Every ``<meta>`` key → its first non-empty content."""
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        content = normalize_space(element.get("content") or "")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def first(meta: dict[str, str], keys: tuple[str, ...]) -> tuple[str, str] | None:
    """The first of `keys` present in `meta`, as (key, value)."""
    for key in keys:
        if meta.get(key):
            return key, meta[key]
    return None
