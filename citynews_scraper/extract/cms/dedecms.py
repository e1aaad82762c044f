"""DedeCMS (织梦) article pages, v5.3 – v5.7 SP2 stock templates and their common variants → `Draft`.

Stock article template (``templets/default/article_article.htm``): breadcrumb ``div.place``,
``div.viewbox`` > ``div.title h2``, the info line ``div.info`` (``时间: 来源: 作者: 点击:``
with ``<small>`` labels), ``div.intro`` (description), ``div.content`` (the body, in a table
with the ``#contentMidPicAD`` ad slot) and the pager ``div.dede_pages ul.pagelist``.

点击 comes from ``<script src="/plus/count.php?view=yes&aid=N&mid=M">`` — the number is
written by that script at view time, so a page as served carries none: views stay None
unless the number is in the page (a browser save, or a theme printing ``[field:click/]``).

URLs: ``…/{aid}.html`` (page k > 1: ``{aid}_{k}.html``) or ``/plus/view.php?aid=N[&pageno=k]``.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from citynews_scraper.extract.cms import stock_urls
from citynews_scraper.extract.cms.stock import Info, StockParser, Template, script_count
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.errors import NotAnArticle
from citynews_scraper.extract.page import Page

NAME = "dedecms"

TEMPLATE = Template(
    title=(
        "//div[contains(@class,'viewbox')]//div[contains(@class,'title')]//h2",
        "//div[contains(@class,'viewbox')]//h1",
        "//div[contains(@class,'viewbox')]//h2",
        "//div[contains(@class,'article')]//h1",
        "//h1",
    ),
    body=(
        "//div[contains(@class,'viewbox')]//div[@class='content']",
        "//div[@class='content']",
        "//div[contains(concat(' ', @class, ' '), ' content ')][.//p]",
        "//div[@id='content'][.//p]",
        "//div[contains(@class,'article_content') or contains(@class,'article-content')]",
    ),
    meta=(
        "//div[contains(@class,'viewbox')]//div[contains(@class,'info')]",
        "//*[script[contains(@src,'plus/count.php')]]",
        "//*[script[contains(@src,'plus/count.php')]]/parent::*[string-length(normalize-space(.)) < 300]",
    ),
    summary=("//div[contains(@class,'viewbox')]//div[@class='intro']", "//div[@class='intro']"),
    crumbs=("//div[contains(@class,'place')]", "//div[contains(@class,'position')]", "//*[contains(@class,'crumb')]"),
    pager=("//div[contains(@class,'dede_pages')]", "//ul[contains(@class,'pagelist')]"),
    junk=(".//*[contains(@class,'boxoff')]", ".//*[contains(@class,'handle')]", ".//*[@id='newdigg']"),
)
COUNT_SCRIPT = "//script[contains(@src,'plus/count.php')]"
LIST_MARKERS = "//div[contains(@class,'listbox')] | //ul[contains(@class,'e2')]"
_AID = stock_urls.id_in_query("aid")


class DedeParser(StockParser):
    name = NAME
    template = TEMPLATE

    def parse(self, page: Page) -> Draft:
        if page.selector.xpath(LIST_MARKERS) and not page.selector.xpath("//div[contains(@class,'viewbox')]"):
            raise NotAnArticle("a DedeCMS list page (div.listbox), not an article", kind="list_page")
        return super().parse(page)

    def article_id(self, page: Page) -> str | None:
        counted = stock_urls.first_number(page.selector.xpath(f"{COUNT_SCRIPT}/@src").getall(), _AID)
        return counted or stock_urls.id_from_url(page.url, "aid")

    def page_number_from_url(self, page: Page) -> int | None:
        return stock_urls.page_from_url(page.url, "pageno")

    def first_page_url(self, page: Page) -> str:
        parts = urlsplit(page.url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "pageno"]
        path = stock_urls.first_page_path(parts.path)
        return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))

    def views(self, page: Page, info: Info) -> int | None:
        shown = script_count(page, COUNT_SCRIPT)
        return shown if shown is not None else super().views(page, info)


PARSER = DedeParser()
