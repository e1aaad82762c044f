"""EmpireCMS (帝国CMS) 6.x – 7.5 article pages, stock and common themes → `Draft`.

Stock news content templates put the title in an ``h1`` inside the title box, the info line
(``时间: 作者: 来源: 点击:``) under it, the body in ``#text`` / ``div.content`` and the
pager (``[!--page.url--]``) in ``p.pageLink`` / ``div.epages``.  City papers also run themes
ported from WordPress (``h1.entry-h1``, ``div.single-content``).

点击: ``<script src="/e/public/ViewClick/?classid=C&id=N&addclick=1">`` writes the number at
view time, so a page as served shows none and `views` stays None; the ``[!--onclick--]``
tag prints it into the page, and then it counts.

URLs: ``/{classpath}/[{date}/]{id}.html`` (page k > 1: ``{id}_{k}.html``) or
``/e/action/ShowInfo.php?classid=C&id=N``.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from citynews_scraper.extract.cms import stock_urls
from citynews_scraper.extract.cms.stock import Info, StockParser, Template, script_count
from citynews_scraper.extract.page import Page

NAME = "empirecms"

TEMPLATE = Template(
    title=(
        "//div[contains(@class,'title_info')]//h1",
        "//h1[contains(@class,'entry-h1')]",
        "//div[contains(@class,'news_title') or contains(@class,'art_title')]//h1",
        "//h1[@id='title']",
        "//div[contains(@class,'title')]/h1",
        "//h1",
    ),
    body=(
        "//div[@id='text']",
        "//td[@id='text']",
        "//div[contains(@class,'single-content')]",
        "//div[contains(@class,'news_content') or contains(@class,'art_content') or contains(@class,'article_text')]",
        "//div[@class='content']",
        "//div[contains(concat(' ', @class, ' '), ' content ')][.//p]",
    ),
    meta=(
        "//div[contains(@class,'title_info')]//*[contains(@class,'info')]",
        "//*[contains(@class,'info_text') or contains(@class,'news_info') or contains(@class,'art_info')]",
        "//*[script[contains(@src,'ViewClick') and not(contains(@src,'down='))]]",
        "//*[script[contains(@src,'ViewClick') and not(contains(@src,'down='))]]"
        "/parent::*[string-length(normalize-space(.)) < 300]",
        "//div[contains(@class,'single-cat')]",
        "//ul[contains(@class,'spostinfo')]",
    ),
    summary=("//div[contains(@class,'smalltext') or contains(@class,'summary')]",),
    crumbs=(
        "//div[contains(@class,'position')]",
        "//nav[contains(@class,'breadcrumb')]",
        "//*[contains(@class,'crumb')]",
        "//div[contains(@class,'place')]",
    ),
    pager=("//*[contains(@class,'pageLink')]", "//div[contains(@class,'epages')]", "//*[contains(@class,'page_list')]"),
    junk=(".//*[contains(@class,'ad-pc') or contains(@class,'ad-site')]",),
)
# ViewClick with ``down=N`` prints a digg count, not views.
VIEW_SCRIPT = "//script[contains(@src,'ViewClick') and not(contains(@src,'down='))]"
_ID = stock_urls.id_in_query("id")


class EmpireParser(StockParser):
    name = NAME
    template = TEMPLATE

    def article_id(self, page: Page) -> str | None:
        scripts = page.selector.xpath(f"{VIEW_SCRIPT}/@src | //script[contains(@src,'ViewClick')]/@src").getall()
        return stock_urls.first_number(scripts, _ID) or stock_urls.id_from_url(page.url, "id")

    def page_number_from_url(self, page: Page) -> int | None:
        return stock_urls.page_from_url(page.url, None)  # no query key: only the file name carries a page

    def first_page_url(self, page: Page) -> str:
        parts = urlsplit(page.url)
        path = stock_urls.first_page_path(parts.path)
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))

    def views(self, page: Page, info: Info) -> int | None:
        shown = script_count(page, VIEW_SCRIPT)
        return shown if shown is not None else super().views(page, info)


PARSER = EmpireParser()
