"""URL classification, article ids from every URL form, canonical forms, anti-scraping targets."""

from __future__ import annotations

import doctest

import pytest

from citynews_scraper.extract import urls
from citynews_scraper.extract.urls import (
    Kind,
    UrlRules,
    article_page_url,
    article_ref,
    canonical,
    classify,
    dsign_target,
    same_site,
    without_dsign,
)

B = "http://city.example.cn"


@pytest.mark.parametrize(("url", "aid", "page", "first"), [
    (f"{B}/portal.php?mod=view&aid=12", "12", 1, f"{B}/portal.php?mod=view&aid=12"),
    (f"{B}/portal.php?mod=view&aid=12&amp;page=3", "12", 3, f"{B}/portal.php?mod=view&aid=12"),
    (f"{B}/portal.php?aid=12&mod=view&page=2", "12", 2, f"{B}/portal.php?mod=view&aid=12"),
    (f"{B}/portal.php?mod=view&aid=12&_dsign=ab12cd34", "12", 1, f"{B}/portal.php?mod=view&aid=12"),
    (f"{B}/article-12-1.html", "12", 1, f"{B}/article-12-1.html"),
    (f"{B}/article-12-4.html", "12", 4, f"{B}/article-12-1.html"),
    (f"{B}/article-12.html", "12", 1, f"{B}/article-12.html"),
    (f"{B}/article/13380/2.html", "13380", 2, f"{B}/article/13380/1.html"),
    (f"{B}/news/202301/00000012.html", "12", 1, f"{B}/news/202301/00000012.html"),
    (f"{B}/news/202301/000000123.html", "12", 3, f"{B}/news/202301/00000012.html"),
    (f"{B}/2023/01/05/00000012.htm", "12", 1, f"{B}/2023/01/05/00000012.htm"),
])
def test_article_forms_give_the_aid_page_and_first_page(url: str, aid: str, page: int, first: str) -> None:
    ref = article_ref(url)
    assert ref is not None and (ref.aid, ref.page, ref.first_page_url) == (aid, page, first)
    assert ref.key == f"aid:{aid}"
    assert classify(url) is Kind.ARTICLE


@pytest.mark.parametrize(("url", "kind"), [
    (f"{B}/portal.php?mod=list&catid=3", Kind.LIST),
    (f"{B}/portal.php?mod=list&catid=3&page=9", Kind.LIST),
    (f"{B}/news/index.php?page=2", Kind.LIST),
    (f"{B}/news/fenghuang/index.html", Kind.LIST),
    (f"{B}/", Kind.HOME),
    (f"{B}/portal.php", Kind.HOME),
    (f"{B}/news/", Kind.OTHER),  # a folder is a channel only where the page says so (nav, sidebars)
    (f"{B}/home.php?mod=space&uid=1", Kind.NEVER),
    (f"{B}/space-uid-1.html", Kind.NEVER),
    (f"{B}/forum.php", Kind.NEVER),
    (f"{B}/forum-2-1.html", Kind.NEVER),
    (f"{B}/thread-9-1-1.html", Kind.NEVER),
    (f"{B}/misc.php?mod=faq", Kind.NEVER),
    (f"{B}/member.php?mod=logging&action=login", Kind.NEVER),
    (f"{B}/member.php?mod=register", Kind.NEVER),
    (f"{B}/search.php?mod=portal", Kind.NEVER),
    (f"{B}/plugin.php?id=x", Kind.NEVER),
    (f"{B}/portal.php?mod=comment&id=3&idtype=aid", Kind.NEVER),
    (f"{B}/portal.php?mod=rss&catid=1", Kind.NEVER),
    (f"{B}/data/attachment/portal/202301/05/a.jpg", Kind.NEVER),
    (f"{B}/static/image/common/logo.png", Kind.NEVER),
    ("mailto:admin@example.com", Kind.NEVER),
    ("javascript:;", Kind.NEVER),
])
def test_classify(url: str, kind: Kind) -> None:
    assert classify(url) is kind


def test_profile_patterns_add_article_shapes() -> None:
    rules = UrlRules([r"/a/(?P<aid>\d+)(?:_(?P<page>\d+))?\.shtml$"])
    ref = rules.article_ref(f"{B}/a/77_2.shtml")
    assert ref is not None and (ref.aid, ref.page) == ("77", 2)
    assert article_ref(f"{B}/a/77_2.shtml") is None  # not a stock shape
    assert article_page_url(f"{B}/a/77_1.shtml", 3, rules) == f"{B}/a/77_3.shtml"


def test_article_page_url_follows_the_first_page_shape() -> None:
    assert article_page_url(f"{B}/portal.php?mod=view&aid=7", 2) == f"{B}/portal.php?mod=view&aid=7&page=2"
    assert article_page_url(f"{B}/article-7-1.html", 5) == f"{B}/article-7-5.html"
    assert article_page_url(f"{B}/n/202401/00000007.html", 2) == f"{B}/n/202401/000000072.html"
    assert article_page_url(f"{B}/article-7.html", 2) is None  # no page slot in that shape
    assert article_page_url(f"{B}/article-7-1.html", 1) == f"{B}/article-7-1.html"


def test_canonical_drops_noise_and_page_one() -> None:
    assert canonical(f"{B}/portal.php?mod=list&amp;catid=3&page=1#top") == f"{B}/portal.php?mod=list&catid=3"
    assert canonical(f"{B}/portal.php?catid=3&mod=list&page=2") == f"{B}/portal.php?mod=list&catid=3&page=2"
    assert canonical("HTTP://City.Example.CN/news/") == f"{B}/news/"


def test_dsign_target_reads_the_signature_from_the_script() -> None:
    script = "<script>var u=location.href;location.href=u+'&_ds'+'ign=' + '4ffc'+'8db0';</script>"
    # The pieces are joined first, so a split "_dsign" is still found only when contiguous after joining.
    assert dsign_target("<script>location.href=location.href+'&_dsign=4ffc8db0'</script>",
                        f"{B}/portal.php?mod=view&aid=3") == f"{B}/portal.php?mod=view&aid=3&_dsign=4ffc8db0"
    assert dsign_target(script, f"{B}/article-3-1.html") == f"{B}/article-3-1.html?_dsign=4ffc8db0"
    assert dsign_target("<p>no script</p>", f"{B}/article-3-1.html") is None
    # Never twice: a URL that already carries a signature is not redirected again.
    assert dsign_target(script, f"{B}/article-3-1.html?_dsign=4ffc8db0") is None
    assert without_dsign(f"{B}/article-3-1.html?_dsign=4ffc8db0") == f"{B}/article-3-1.html"


def test_same_site_accepts_subdomains_only_of_allowed_hosts() -> None:
    assert same_site("http://news.example.cn/a", ["example.cn"])
    assert same_site("http://example.cn/a", ["example.cn"])
    assert not same_site("http://badexample.cn/a", ["example.cn"])
    assert not same_site("http://other.cn/a", ["example.cn"])


def test_doctests() -> None:
    assert doctest.testmod(urls).failed == 0
