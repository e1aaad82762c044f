"""The Discuz! parser claims a page only on real Discuz! evidence: the generator tag, two
independent markers, or one marker that detection backs.  Made-up pages."""

from __future__ import annotations

from datetime import UTC, datetime

from citynews_scraper.extract.cms import choose_parser, discuz, generic
from citynews_scraper.extract.cms.detect import detect_cms
from citynews_scraper.extract.page import Page
from citynews_scraper.text import decode
from tests.pages import stock_page

CLOCK = datetime(2024, 6, 1, tzinfo=UTC)
# A portal article page (Sina's shape) that happens to use the id Discuz! gives its article.
PORTAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市新建三座口袋公园_新闻中心_某某网</title></head>
<body><div class="main-content"><h1 class="main-title">某某市新建三座口袋公园</h1>
<div class="date-source"><span class="date">2024年05月20日 09:30</span><a class="source">某某日报</a></div>
<div class="article" id="article_content"><p>　　记者从某某市园林局获悉，今年以来全市新建三座口袋公园，方便市民就近休闲。</p>
<p>　　新建的公园分布在老城区，每座面积约两千平方米，设置了健身步道和儿童游乐设施。</p>
<p class="show_author">责任编辑：张某某</p></div></div></body></html>"""


def _page(html: str, url: str = "https://news.example.com.cn/c/2024-05-20/doc-abc.shtml") -> Page:
    return Page.build(url, decode(html.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"}), CLOCK)


def test_one_discuz_id_on_a_portal_page_goes_to_the_generic_parser() -> None:
    page = _page(PORTAL)
    assert detect_cms(page) == "generic"
    assert discuz.PARSER.score(page) < generic.PARSER.score(page)
    parser = choose_parser(page)
    assert parser.name == "generic"
    draft = parser.parse(page)
    assert draft.published_at == "2024-05-20T09:30:00+08:00" and draft.publisher == "张某某"


def test_two_independent_discuz_markers_claim_the_page() -> None:
    page = _page(PORTAL.replace("<body>", "<body id=\"nv_portal\">"))
    assert discuz.PARSER.score(page) == discuz.CLAIM_SCORE


def test_the_generator_tag_claims_the_page() -> None:
    page = Page.build("http://www.example.cn/portal.php?mod=view&aid=67", decode(stock_page("<p>正文</p>")), CLOCK)
    assert discuz.PARSER.score(page) == 1.0 and choose_parser(page).name == "discuz_x"


def test_a_page_without_markers_scores_nothing() -> None:
    assert discuz.PARSER.score(_page(PORTAL.replace('id="article_content"', 'id="artibody"'))) == 0.0
