"""Discuz! X listing pages (portal home, channel lists): article links, next page, channels. Pure.

Markup: ``shared/reference/discuz-x.md`` §5 (list.htm), §3.5 (pager), §1 (URL forms).
Article links are taken from the main list (with its summary, date and thumbnail) and
from anywhere else on the page (DIY blocks, sidebars) by URL shape; channels from the top
nav, its sub-menus, the 下级分类 row, the 相关分类 sidebar, 更多 links and any link whose
URL is a list URL.  The spider decides which of them to follow (same site, limits).
"""

from __future__ import annotations

import re

from parsel import Selector, SelectorList

from citynews_scraper.extract.listing import ListEntry, Listing
from citynews_scraper.extract.page import Page
from citynews_scraper.extract.urls import DEFAULT_RULES, Kind, UrlRules, canonical, channel_url
from citynews_scraper.text import normalize_space

# Selectors as named data (§5; §9.12 scopes the main list to avoid DIY look-alikes).
MAIN_ENTRIES = "#ct .mn .bm_c.xld dl.bbda, #ct .mn .xld dl.bbda, .xld dl.bbda"
ENTRY_LINK = "dt a::attr(href)"
ENTRY_TITLE = "dt a"
ENTRY_SUMMARY_DD = "dd.xs2"
ENTRY_THUMB = "dd .atc img::attr(src), dd.atc img::attr(src)"
ENTRY_DATE = "dd span.xg1"
NEXT_PAGE = ("#ct .mn div.pg a.nxt::attr(href)", "div.pg a.nxt::attr(href)")
CURRENT_PAGE = "div.pg strong::text"
CHANNEL_LINKS = (
    "li[id^='mn_P'] a::attr(href)",          # top nav: one item per top category
    "ul[id^='snav_mn_P'] a::attr(href)",     # its sub-menus
    "#pt a::attr(href)",                     # breadcrumb (parents)
)
# The 下级分类 row, the 相关分类 sidebar and 更多 links are recognised by their text (§5),
# in Simplified and Traditional editions.
CHILDREN_ROW = (
    "//div[contains(@class,'bm_c')][starts-with(normalize-space(.),'下级分类')"
    " or starts-with(normalize-space(.),'下級分類')]//a/@href"
)
RELATED_SIDEBAR = (
    "//div[contains(@class,'sd')]//div[contains(@class,'bm')]"
    "[.//h2[contains(.,'相关分类') or contains(.,'相關分類')]]//a/@href"
)
MORE_LINKS = (
    "//a[starts-with(normalize-space(.),'更多') or normalize-space(.)='more' or normalize-space(.)='More']/@href"
)
OUTSIDE_PAGERS = "//a[not(ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' pg ')])]/@href"
GENERATOR = "//meta[@name='generator']/@content"
DISCUZ_MARKERS = ("portal.php", "Discuz!", "mn_P", "portal_block_", "nv_portal")
DATE_SHAPE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?")


class DiscuzListingParser:
    """The `ListingParser` for Discuz! X portal pages."""

    name = "discuz_x"

    def __init__(self, rules: UrlRules = DEFAULT_RULES) -> None:
        self.rules = rules

    def score(self, page: Page) -> float:
        generator = page.selector.xpath(GENERATOR).get() or ""
        if "Discuz!" in generator:
            return 1.0
        head = page.decoded.text[:20000]
        hits = sum(marker in head for marker in DISCUZ_MARKERS)
        return min(hits / 3, 0.9)

    def parse_listing(self, page: Page) -> Listing:
        entries = self._main_entries(page)
        known = {canonical(e.url) for e in entries}
        extra_entries, channels = self._scan_links(page, known)
        return Listing(
            entries=entries + extra_entries,
            next_page=self._next_page(page),
            channels=_dedup(self._channels(page) + channels),
            page_number=self._page_number(page.selector),
            main_count=len(entries),
        )

    def _main_entries(self, page: Page) -> list[ListEntry]:
        entries = []
        for block in page.selector.css(MAIN_ENTRIES):
            url = page.absolute(block.css(ENTRY_LINK).get())
            if url and self.rules.classify(url) is not Kind.NEVER:
                entries.append(self._entry(page, block, url))
        return _unique(entries)

    def _entry(self, page: Page, block: Selector, url: str) -> ListEntry:
        ref = self.rules.article_ref(url)
        date = _text(block.css(ENTRY_DATE))
        match = DATE_SHAPE.search(date or "")
        return ListEntry(
            url=canonical(url),
            article_id=ref.aid if ref else None,
            title=_text(block.css(ENTRY_TITLE)),
            summary=_summary(block),
            published_at=None,  # resolved by the spider through the article parser's date rules
            published_at_raw=match.group(0) if match else None,
            thumbnail=page.absolute(block.css(ENTRY_THUMB).get()),
        )

    def _scan_links(self, page: Page, known: set[str]) -> tuple[list[ListEntry], list[str]]:
        """Article and list links anywhere on the page (DIY blocks, sidebars), by URL shape."""
        entries: list[ListEntry] = []
        channels: list[str] = []
        # Pager links are not channels: pages 2…N are reached through `next_page` (and counted
        # against the per-channel page limit).
        for href in page.selector.xpath(OUTSIDE_PAGERS).getall():
            url = page.absolute(href)
            if not url:
                continue
            kind = self.rules.classify(url)
            if kind is Kind.ARTICLE:
                ref = self.rules.article_ref(url)
                key = canonical(ref.first_page_url) if ref else canonical(url)
                if key not in known:
                    known.add(key)
                    entries.append(ListEntry(url=key, article_id=ref.aid if ref else None))
            elif kind is Kind.LIST:
                channels.append(channel_url(url))
        return entries, channels

    def _channels(self, page: Page) -> list[str]:
        hrefs = [h for css in CHANNEL_LINKS for h in page.selector.css(css).getall()]
        for xpath in (CHILDREN_ROW, RELATED_SIDEBAR, MORE_LINKS):
            hrefs += page.selector.xpath(xpath).getall()
        urls = (page.absolute(h) for h in hrefs)
        return [channel_url(u) for u in urls if u and self.rules.classify(u) in (Kind.LIST, Kind.OTHER)]

    def _next_page(self, page: Page) -> str | None:
        for css in NEXT_PAGE:
            url = page.absolute(page.selector.css(css).get())
            if url:
                return canonical(url)
        return None

    @staticmethod
    def _page_number(selector: Selector) -> int | None:
        current = (selector.css(CURRENT_PAGE).get() or "").strip()
        return int(current) if current.isdigit() else None


def _text(nodes: Selector | SelectorList[Selector]) -> str | None:
    text = normalize_space(" ".join(nodes.xpath(".//text()").getall()))
    return text or None


def _summary(block: Selector) -> str | None:
    dd = block.css(ENTRY_SUMMARY_DD)
    if not dd:
        return None
    # The thumbnail div sits inside the summary dd; only the text outside it is the summary.
    text = normalize_space(" ".join(dd[0].xpath("./text() | ./*[not(contains(@class,'atc'))]//text()").getall()))
    return text or None


def _unique(entries: list[ListEntry]) -> list[ListEntry]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.url not in seen:
            seen.add(entry.url)
            out.append(entry)
    return out


PARSER = DiscuzListingParser()


def _dedup(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))
