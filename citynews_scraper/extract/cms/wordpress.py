"""WordPress single posts (classic themes Twenty Twelve – Twenty Twenty-One, block themes
Twenty Twenty-Two and later, and Chinese themes built on them) → `Draft`.

Classic: ``article#post-N`` > ``h1.entry-title``, ``time.entry-date.published[datetime]``,
``span.author.vcard a``, ``span.cat-links a``, ``div.entry-content``, ``div.page-links``.
Block themes: ``h1.wp-block-post-title``, ``div.wp-block-post-date time``,
``div.wp-block-post-author-name``, ``div.taxonomy-category a``, ``div.wp-block-post-content``.
The ``<time datetime>`` attribute (with its own offset) is the publication time.

WordPress has no view counter of its own; a post-views plugin that prints the number
(``阅读 123``, ``span.post-views-count``) gives `views`.  Archive pages (body class
``archive``/``blog``/``home``/``search``) are not articles.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from citynews_scraper.extract.cms.stock import StockParser, Template, first, pager_links
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.errors import NotAnArticle
from citynews_scraper.extract.page import Page

NAME = "wordpress"

TEMPLATE = Template(
    title=(
        "//article//h1[contains(@class,'entry-title')]",
        "//h1[contains(@class,'entry-title')]",
        "//h1[contains(@class,'wp-block-post-title')]",
        "//h1[contains(@class,'post-title') or contains(@class,'single-title')]",
        "//article//h1",
        "//h1",
    ),
    body=(
        "//article//div[contains(concat(' ', @class, ' '), ' entry-content ')]",
        "//div[contains(concat(' ', @class, ' '), ' entry-content ')]",
        "//div[contains(@class,'wp-block-post-content')]",
        "//div[contains(@class,'post-content') or contains(@class,'single-content')"
        " or contains(@class,'article-content')]",
        "//div[contains(concat(' ', @class, ' '), ' post-body ')]",
        "//div[contains(concat(' ', @class, ' '), ' entry ')][.//p]",  # Kubrick-era themes
    ),
    meta=("//*[contains(@class,'entry-meta') or contains(@class,'post-meta')]",),
    date=(
        "//article//time[contains(@class,'published')]",
        "//time[contains(@class,'entry-date')]",
        "//div[contains(@class,'wp-block-post-date')]//time",
        "//article//time[@datetime]",
        "//meta[@property='article:published_time']",
    ),
    author=(
        "//article//*[contains(@class,'author') and contains(@class,'vcard')]//a",
        "//*[contains(@class,'wp-block-post-author-name')]",
        "//article//a[@rel='author']",
    ),
    crumbs=("//*[@id='breadcrumbs']", "//nav[contains(@class,'breadcrumb')]", "//*[contains(@class,'breadcrumb')]"),
    category=(
        "//article//*[contains(@class,'cat-links')]//a",
        "//*[contains(@class,'taxonomy-category')]//a",
        "//article//a[@rel='category tag']",
    ),
    pager=("//*[contains(@class,'page-links')]",),
    views=("//*[contains(@class,'post-views-count')]", "//*[contains(@class,'views-count')]"),
    junk=(
        ".//*[contains(@class,'entry-footer')]", ".//*[contains(@class,'post-tags')]",
        ".//*[contains(@class,'wp-block-post-navigation')]", ".//*[contains(@class,'post-navigation')]",
    ),
)
ARCHIVE_CLASSES = ("archive", "blog", "home", "search", "category", "tag", "paged")
_POST_ID = re.compile(r"(?:postid-|post-)(\d+)\b")
_SHORTLINK = re.compile(r"[?&]p=(\d+)")


class WordPressParser(StockParser):
    name = NAME
    template = TEMPLATE

    def parse(self, page: Page) -> Draft:
        classes = (page.selector.xpath("//body/@class").get() or "").split()
        if any(name in classes for name in ARCHIVE_CLASSES) and "single" not in classes:
            raise NotAnArticle("a WordPress archive page (post list), not a post", kind="list_page")
        return super().parse(page)

    def article_id(self, page: Page) -> str | None:
        for value in (
            page.selector.xpath("//body/@class").get() or "",
            page.selector.xpath("//article/@id").get() or "",
        ):
            found = _POST_ID.search(value)
            if found:
                return found.group(1)
        for value in (page.selector.xpath("//link[@rel='shortlink']/@href").get() or "", page.url):
            found = _SHORTLINK.search(value)
            if found:
                return found.group(1)
        return None

    def page_number_from_url(self, page: Page) -> int | None:
        current, _ = pager_links(first(page, self.template.pager), page)
        if current is None:
            return None
        parts = urlsplit(page.url)
        query = dict(parse_qsl(parts.query))
        if query.get("page") == str(current) or parts.path.rstrip("/").endswith(f"/{current}"):
            return current
        return None

    def first_page_url(self, page: Page) -> str:
        number = self.page_number_from_url(page)
        parts = urlsplit(page.url)
        if not number or number == 1:
            return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
        path = re.sub(rf"/{number}/?$", "/", parts.path)
        return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


PARSER = WordPressParser()
