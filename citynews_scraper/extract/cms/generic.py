"""The generic fallback parser: any HTML page with text, no CMS markup needed.

It scores low (but above 0) on every page with visible text, so `choose_parser` picks
it only when no CMS parser recognises the page.  The work is done by the small modules
of `citynews_scraper.extract.generic`; this module only wires them into a `Draft`.
"""

from __future__ import annotations

import re
from functools import cache

from lxml.html import HtmlElement

from citynews_scraper.extract.dates import iso
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.generic import (
    account,
    body,
    byline,
    clean,
    images,
    lines,
    meta,
    title,
    when,
    zones,
)
from citynews_scraper.extract.page import Page

# Low on purpose: any specific parser that recognises its CMS scores higher.
GENERIC_SCORE = 0.05
# Pages with less visible text than this are not articles for the generic parser.
MIN_TEXT_CHARS = 20
_SPACES = re.compile(r"\s+")


class GenericParser:
    """Reads title, date, credits, summary, body and images off a page of unknown layout."""

    name = "generic"

    def score(self, page: Page) -> float:
        """`GENERIC_SCORE` for a page with some visible text, else 0."""
        text = page.selector.xpath("normalize-space(string(//body))").get() or ""
        return GENERIC_SCORE if len(text) >= MIN_TEXT_CHARS else 0.0

    def parse(self, page: Page) -> Draft:
        """The page's fields as a `Draft` (strings as shown; `published_at` ISO 8601)."""
        root = page.selector.root
        tags = meta.read_meta(root)
        visible = lines.visible_lines(root)
        kept = body.extract_paragraphs(root, page.url)
        headline, where = _title_and_zones(root, tags, visible, kept)
        paragraphs = clean.drop_footer(clean.drop_header(kept, headline))
        pictures = images.body_images(page, paragraphs)
        # record-v1: captions belong to their image, not to the paragraphs.
        captions = {image.caption for image in pictures if image.caption}
        found = when.published(tags, visible, where, page.tz, page.local_now) \
            or when.from_scripts(root.xpath("//script[not(@src)]/text()"), page.tz)
        credits = byline.read_credits(visible, where, tags.get("author"))
        poster = account.posting_account(visible, where, headline, cache(lambda: account.link_texts(root)))
        if poster and (poster.sure or credits.publisher is None):
            credits.publisher = poster.name
        if credits.publisher is None and credits.author is None and credits.source \
                and account.self_media_page(visible):
            credits.publisher = credits.source
        if credits.publisher and paragraphs and paragraphs[0] == credits.publisher:
            # The account's name line above the text is header, and so is what follows it.
            paragraphs = clean.drop_header(paragraphs[1:], headline)
        description = meta.first(tags, meta.DESCRIPTION_KEYS)
        return Draft(
            title=headline,
            url=page.url,
            author=credits.author,
            source=credits.source,
            publisher=credits.publisher,
            published_at=iso(found.moment) if found and not found.month_only else None,
            published_at_raw=found.raw if found else None,
            summary=description[1] if description else None,
            paragraphs=[p for p in paragraphs if p not in captions],
            images=pictures,
        )


def _title_and_zones(
    root: HtmlElement, tags: dict[str, str], visible: list[lines.Line], kept: list[str]
) -> tuple[str | None, zones.Zones]:
    """The title and the zones it anchors; pages without ``<title>`` take a line near the
    body.  Zones come from the extractor's own output: its header lines place the header."""
    meta_titles = [value for key in meta.TITLE_KEYS if (value := tags.get(key))]
    shown = frozenset(_SPACES.sub("", line.text) for line in visible)
    heads = title.headings(root)
    headline = title.read_title(root, meta_titles, shown, heads)
    where = zones.locate(visible, headline, kept)
    if not headline:
        headline = title.title_near_body(root, visible, where.body_start, kept)
        where = zones.locate(visible, headline, kept)
    elif title.site_name_only(headline) and (h1 := title.single_h1(root)) and h1 != headline:
        # <title> is only the paper's name (光明日报 - 光明网); the page's one <h1> is the headline.
        headline, where = h1, zones.locate(visible, h1, kept)
    elif not _shown_near_body(visible, headline, where.body_start) and not _is_heading(heads, headline):
        # <title> names the channel (新闻动态--学会官网) and the page shows its headline
        # as a heading right above the body instead.
        above = title.heading_above_body(heads, visible, where.body_start)
        if above:
            headline, where = above, zones.locate(visible, above, kept)
    return headline, where


def _shown_near_body(visible: list[lines.Line], headline: str, body_start: int) -> bool:
    """True when a line around the body start opens with the headline (a breadcrumb that
    ends with it, 首页 - 新闻动态, does not count)."""
    flat = _SPACES.sub("", headline)
    start = max(0, body_start - zones.HEADER_LINES)
    near = visible[start: body_start + zones.TITLE_SEARCH_INTO_BODY]
    return any(_SPACES.sub("", line.text).startswith(flat) for line in near)


def _is_heading(heading_texts: list[str], headline: str) -> bool:
    flat = _SPACES.sub("", headline)
    return any(_SPACES.sub("", text) == flat for text in heading_texts)


PARSER = GenericParser()
