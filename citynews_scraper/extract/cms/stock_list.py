"""List pages of DedeCMS, PHPCMS v9, EmpireCMS and WordPress: their stock list markup and
pagers as `ListStyle` data for the shared listing engine (`generic_list`). Pure.

- DedeCMS (``list_article.htm``): ``div.listbox ul.e2 li a.title``; pager
  ``div.dede_pages ul.pagelist`` (``<li class="thisclass">2</li>``, ``下一页``); static
  ``list_{tid}_{n}.html``, dynamic ``/plus/list.php?tid=T&PageNo=n``.
- PHPCMS v9 (``content/list.html``): ``ul.list li a``; pager ``div#pages``
  (``<span>1</span>``, ``a.a1`` 下一页, which points at the page itself on the last page);
  ``index.php?m=content&c=index&a=lists&catid=C&page=n`` or static ``{catdir}/{n}.html``.
- EmpireCMS (list templates with ``[!--show.listpage--]``): pager ``div.epages`` /
  ``div.list_page`` (``<b>2</b>`` current, ``<a title="Total record"><b>48</b></a>``);
  ``index.html`` then ``index_{n}.html``.
- WordPress: ``h2.entry-title a`` / ``a[rel=bookmark]`` / ``.wp-block-post-title a``; pager
  ``nav.pagination`` (``a.next.page-numbers``), ``div.nav-links`` (``nav-previous`` = older
  posts = the next page), ``.wp-block-query-pagination``; ``/page/{n}/`` or ``?paged=n``.
"""

from __future__ import annotations

import re

from citynews_scraper.extract.cms.generic_list import ListStyle

DEDECMS = ListStyle(
    name="dedecms",
    entries=(
        "//div[contains(@class,'listbox')]//li/a[contains(concat(' ', @class, ' '), ' title ')]",
        "//ul[contains(concat(' ', @class, ' '), ' e2 ')]/li/a[contains(@class,'title')]",
    ),
    pager=("//div[contains(@class,'dede_pages')]", "//ul[contains(@class,'pagelist')]"),
    article_shapes=(re.compile(r"/plus/view\.php\?aid=\d+", re.I),),
)
PHPCMS = ListStyle(
    name="phpcms",
    entries=(
        "//div[contains(@class,'col-left')]//ul[contains(concat(' ', @class, ' '), ' list ')]/li/a[@href]",
        "//ul[contains(concat(' ', @class, ' '), ' list ')]/li/a[@href]",
    ),
    pager=("//div[@id='pages']",),
    article_shapes=(re.compile(r"index\.php\?m=content&c=index&a=show&catid=\d+&id=\d+", re.I),
                    re.compile(r"/content-\d+-\d+-1\.html$", re.I)),
)
EMPIRECMS = ListStyle(
    name="empirecms",
    entries=(
        "//*[contains(@class,'list_news') or contains(@class,'news_list') or contains(@class,'listnews')]"
        "//li//a[@href][not(contains(@class,'class'))]",
    ),
    pager=("//*[contains(@class,'epages')]", "//*[contains(@class,'list_page') or contains(@class,'listpage')]"),
    article_shapes=(re.compile(r"/e/action/ShowInfo\.php\?classid=\d+&id=\d+", re.I),),
)
WORDPRESS = ListStyle(
    name="wordpress",
    entries=(
        "//article//*[contains(@class,'entry-title')]/a",
        "//*[contains(@class,'wp-block-post-title')]/a",
        "//article//h2/a[@rel='bookmark']",
    ),
    pager=(
        "//nav[contains(@class,'pagination') or contains(@class,'posts-navigation')"
        " or contains(@class,'paging-navigation')]",
        "//div[contains(@class,'nav-links')]",
        "//*[contains(@class,'wp-block-query-pagination')]",
        "//div[contains(@class,'navigation')]",
    ),
    article_shapes=(re.compile(r"[?&]p=\d+$"),),
)
STYLES = (DEDECMS, PHPCMS, EMPIRECMS, WORDPRESS)
