"""A static-mode category is linked both as its folder and as the generated ``index.html``:
one list page, fetched once (found on a hand-built portal the crawler was not tuned on)."""

from __future__ import annotations

import pytest

from citynews_scraper.extract.urls import list_key
from citynews_scraper.profile import SiteProfile
from citynews_scraper.spiders.portal import PortalSpider


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("http://x.cn/food/index.html", "http://x.cn/food/"),
        ("http://x.cn/a/b/index.htm", "http://x.cn/a/b/"),
        ("http://x.cn/news/index.php", "http://x.cn/news/"),
        ("http://X.cn/food/INDEX.HTML#top", "http://x.cn/food/"),
    ],
)
def test_a_folder_and_its_index_file_are_one_list(one: str, other: str) -> None:
    assert list_key(one) == list_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("http://x.cn/news/index.php?page=2", "http://x.cn/news/"),  # page 2 is another page
        ("http://x.cn/news/index.html", "http://x.cn/sport/index.html"),
        ("http://x.cn/portal.php?mod=list&catid=2", "http://x.cn/portal.php?mod=list&catid=3"),
    ],
)
def test_other_list_pages_stay_apart(one: str, other: str) -> None:
    assert list_key(one) != list_key(other)


def test_the_spider_requests_the_folder_and_its_index_html_once() -> None:
    spider = PortalSpider(SiteProfile(name=None, start_urls=["http://x.cn/"], allowed_domains=["x.cn"]))
    first = list(spider._list_request("http://x.cn/food/index.html", 1))
    again = list(spider._list_request("http://x.cn/food/", 1)) + list(
        spider._list_request("http://x.cn/food/index.html", 1)
    )
    assert [r.url for r in first] == ["http://x.cn/food/index.html"]
    assert again == []
