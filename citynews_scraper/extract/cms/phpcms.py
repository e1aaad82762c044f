"""PHPCMS v9 article pages (stock ``content/show.html`` and common city themes) → `Draft`.

Stock show template: ``div.crumbs`` (``首页 > 频道 > 正文``), ``div#Article`` > ``h1`` holding the
title *and* a ``<span>`` with ``{inputtime} 来源：{copyfrom} 评论：<a id="comment">0</a>
点击：<span id="hits"></span>``, ``div.summary``, ``div.content`` and the pager ``div#pages``.

点击 (`hits`) is filled by ``<script src="api.php?op=count&id=N&modelid=M">`` at view time:
only a page that shows the number in ``span#hits`` (a browser save, or a theme that prints
it) gets `views`.  The stock template hard-codes ``评论：…>0<`` and lets the comment iframe
update it, so a 0 there says nothing: comments stay None unless a positive number shows.

URLs: ``index.php?m=content&c=index&a=show&catid=C&id=N[&page=k]``, static
``html/{Y}/{catdir}_{md}/{id}[_{k}].html`` or pseudo-static ``content-C-N-k.html``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from citynews_scraper.extract.cms import stock_urls
from citynews_scraper.extract.cms.stock import Info, StockParser, Template, count, first, shown_text, title_from_head
from citynews_scraper.extract.page import Page
from citynews_scraper.text.normalize import normalize_space

NAME = "phpcms"

TEMPLATE = Template(
    title=(
        "//div[@id='Article']/h1",
        "//div[contains(@class,'article')]//h1",
        "//div[contains(@class,'title')]/h1",
        "//h1",
    ),
    body=(
        "//div[@id='Article']//div[contains(@class,'content')]",
        "//div[@id='Article']",
        "//div[@class='content']",
        "//div[contains(concat(' ', @class, ' '), ' content ')][.//p]",
        "//div[@id='content'][.//p]",
    ),
    meta=(
        "//div[@id='Article']/h1/span",
        "//*[span[@id='hits']]",
        "//div[contains(@class,'info') or contains(@class,'source')][not(.//div)]",
    ),
    summary=("//div[@id='Article']/div[contains(@class,'summary')]", "//div[@class='summary']"),
    crumbs=("//div[contains(@class,'crumbs')]", "//div[contains(@class,'position')]", "//*[contains(@class,'crumb')]"),
    pager=("//div[@id='pages']",),
    views=("//span[@id='hits']",),
    junk=(".//*[contains(@id,'vote')]", ".//*[@id='pages']"),
)
COUNT_SCRIPT = "//script[contains(@src,'op=count')]/@src"
_ID = stock_urls.id_in_query("id")
_PSEUDO = re.compile(r"/content-(?P<cat>\d+)-(?P<id>\d+)-(?P<page>\d+)\.html$")


class PhpcmsParser(StockParser):
    name = NAME
    template = TEMPLATE

    def title(self, page: Page) -> str | None:
        heading = first(page, self.template.title)
        if heading is None:
            return title_from_head(page)
        # The stock h1 also holds the date/source span: the title is its own text only.
        own = normalize_space(" ".join(heading.xpath("text() | */text()[not(ancestor::span)]")))
        return own or shown_text(heading) or title_from_head(page)

    def article_id(self, page: Page) -> str | None:
        counted = stock_urls.first_number(page.selector.xpath(COUNT_SCRIPT).getall(), _ID)
        return counted or stock_urls.id_from_url(page.url, "id", _PSEUDO, stock_urls.ARTICLE_FILE)

    def page_number_from_url(self, page: Page) -> int | None:
        return stock_urls.page_from_url(page.url, "page", _PSEUDO, stock_urls.ARTICLE_FILE)

    def first_page_url(self, page: Page) -> str:
        parts = urlsplit(page.url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
        path = _PSEUDO.sub(lambda m: f"/content-{m.group('cat')}-{m.group('id')}-1.html", parts.path)
        path = stock_urls.first_page_path(path)
        return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))

    def comments(self, page: Page, info: Info) -> int | None:
        shown = count(info.get("comments"))
        return shown if shown else None


PARSER = PhpcmsParser()
