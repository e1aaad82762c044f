"""What a CMS parser returns for one page, before text repair and normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field

from citynews_scraper.record import Image


@dataclass
class Draft:
    """Raw field values read off one page. `None` means "not on the page".

    Strings are as the page shows them (the text layer repairs and normalises them later);
    `published_at` is already ISO 8601 with offset.  `page_title` is the multi-page
    article's own title for this page (`div.vm_pagetitle`); `page_number` / `page_count`
    and `page_urls` describe the article's pager so the crawler can follow it.
    """

    title: str | None = None
    article_id: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    source: str | None = None
    source_url: str | None = None
    published_at: str | None = None
    published_at_raw: str | None = None
    category: list[str] = field(default_factory=list)
    summary: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    reactions: dict[str, int] = field(default_factory=dict)
    views: int | None = None
    comments: int | None = None
    page_title: str | None = None
    page_number: int = 1
    page_count: int = 1
    page_urls: dict[int, str] = field(default_factory=dict)
