"""CMS detection and parser choice: positives per CMS, negatives (Discuz! stays discuz_x, a
plain page is generic, look-alikes are not claimed), forced parsers, counters, fallbacks."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from citynews_scraper.extract import NotAnArticle, UnknownLayout, extract_article
from citynews_scraper.extract.cms import choose_parser, registry
from citynews_scraper.extract.cms import detect as detection
from citynews_scraper.extract.cms.detect import detect, detect_cms
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.page import Page
from citynews_scraper.text import decode
from tests.pages import stock_page

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CLOCK = datetime(2026, 11, 28, 8, tzinfo=UTC)


def page_of(html: str, url: str = "http://www.example.cn/news/1.html") -> Page:
    return Page.build(url, decode(html.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"}), CLOCK)


def fixture_page(case: str, file: str = "page.html") -> Page:
    import json

    request = json.loads((FIXTURES / case / "request.json").read_text("utf-8"))
    body = (FIXTURES / case / file).read_bytes()
    headers = next(p["headers"] for p in request["pages"] if p["file"] == file)
    return Page.build(request["url"], decode(body, headers), CLOCK)


PLAIN = """<html><head><meta charset="utf-8"><title>市政府召开常务会议_城市新闻网</title></head><body>
<div class="nav"><a href="/">首页</a></div><h1>市政府召开常务会议</h1><div class="info">发布时间：2023-01-05 10:00 来源：本网</div>
<div class="text"><p>会议研究了多项工作。</p><p>会议指出要抓好落实。</p></div></body></html>"""


@pytest.mark.parametrize(
    "case,expected",
    [
        ("dedecms/v57-default-gbk", "dedecms"),
        ("dedecms/city-theme-utf8", "dedecms"),
        ("dedecms/list-dynamic-last-utf8", "dedecms"),
        ("phpcms/v9-default-gbk", "phpcms"),
        ("phpcms/city-theme-utf8", "phpcms"),
        ("empirecms/v7-default-gbk", "empirecms"),
        ("empirecms/wp-port-theme-utf8-saved", "empirecms"),
        ("wordpress/twentyseventeen-zh", "wordpress"),
        ("wordpress/begin-theme-views", "wordpress"),
        ("generic-list/trs-xiayiye-gbk", "generic"),
    ],
)
def test_fixture_pages_are_detected(case: str, expected: str) -> None:
    assert detect_cms(fixture_page(case)) == expected, detect(fixture_page(case))


def test_wordpress_block_theme_without_generator_is_detected() -> None:
    page = fixture_page("wordpress/block-theme-multipage", "page1.html")
    found = detect(page)
    assert found.name == "wordpress"
    assert "wordpress:generator" not in found.evidence


def test_discuz_page_is_still_discuz() -> None:
    page = Page.build("http://www.pxcs.cn/portal.php?mod=view&aid=67", decode(stock_page("<p>正文</p>")), CLOCK)
    assert detect_cms(page) == "discuz_x"
    assert choose_parser(page).name == "discuz_x"


def test_discuz_markup_without_generator_is_discuz() -> None:
    html = stock_page("<p>正文</p>").decode("gb18030").replace('<meta name="generator" content="Discuz! X3.4" />', "")
    assert detect_cms(page_of(html, "http://www.pxcs.cn/article-67-1.html")) == "discuz_x"


def test_plain_page_is_generic() -> None:
    found = detect(page_of(PLAIN))
    assert found.name == "generic" and found.confidence == 0.0 and found.evidence == ()


def test_a_link_to_a_discuz_forum_does_not_make_a_discuz_page() -> None:
    html = PLAIN.replace("</body>", '<a href="http://bbs.example.cn/forum.php?mod=forumdisplay&fid=2">论坛</a></body>')
    assert detect_cms(page_of(html)) == "generic"


def test_wordpress_look_alike_classes_alone_are_not_wordpress() -> None:
    html = PLAIN.replace("<body>", '<body class="single single-post postid-1"><article class="post type-post status-publish">')
    assert detect_cms(page_of(html)) == "generic"


def test_foreign_generator_needs_strong_markup() -> None:
    # Z-BlogPHP names itself; one medium signal of another CMS must not override it.
    html = PLAIN.replace("<title>", '<meta name="generator" content="Z-BlogPHP 1.7"><link href="/statics/css/a.css"><title>')
    assert detect_cms(page_of(html)) == "generic"


@pytest.mark.parametrize(
    "generator,expected",
    [("DedeCMS V5.7", "dedecms"), ("PHPCMS v9", "phpcms"), ("EmpireCMS 7.5", "empirecms"),
     ("WordPress 6.4.2", "wordpress"), ("Discuz! X3.5", "discuz_x")],
)
def test_generator_meta_alone_decides(generator: str, expected: str) -> None:
    html = PLAIN.replace("<title>", f'<meta name="GENERATOR" content="{generator}"><title>')
    assert detect_cms(page_of(html)) == expected


@pytest.mark.parametrize(
    "url,expected",
    [("http://www.example.cn/plus/view.php?aid=12", "dedecms"),
     ("http://www.example.cn/index.php?m=content&c=index&a=show&catid=1&id=2", "phpcms"),
     ("http://www.example.cn/e/action/ShowInfo.php?classid=1&id=2", "empirecms")],
)
def test_url_shapes_count(url: str, expected: str) -> None:
    assert detect_cms(page_of(PLAIN, url)) == expected


def test_every_cms_parser_is_registered_and_scores_only_its_own_pages() -> None:
    parsers = registry()
    for name in ("dedecms", "phpcms", "empirecms", "wordpress"):
        assert parsers[name].name == name
    page = fixture_page("phpcms/v9-default-gbk")
    assert parsers["phpcms"].score(page) == 1.0
    assert parsers["dedecms"].score(page) == parsers["wordpress"].score(page) == 0.0


def test_forced_cms_wins_over_detection() -> None:
    folder = FIXTURES / "phpcms" / "v9-default-gbk"
    body = (folder / "page.html").read_bytes()
    record = extract_article(body, "http://www.jjnews.cn/html/2021/local_0612/3456.html", {"Content-Type": "text/html; charset=gbk"},
                             cms="dedecms", fetched_at=CLOCK)
    assert record.cms == "dedecms"


def test_unknown_forced_cms_is_a_clear_error() -> None:
    with pytest.raises(UnknownLayout, match="no parser named 'joomla'"):
        choose_parser(page_of(PLAIN), "joomla")


# --- counters: only numbers the page shows -----------------------------------------

COUNTED = """<html><head><meta charset="utf-8"><title>t</title></head><body><div class="viewbox"><div class="title"><h2>标题</h2></div>
<div class="info"><small>时间:</small>2023-01-05 10:25 <small>点击:</small><script src="/plus/count.php?view=yes&aid=9&mid=1"></script>{shown}次</div>
<div class="content"><p>正文一段。</p></div></div></body></html>"""


@pytest.mark.parametrize("shown,views", [("", None), ("1,024", 1024), ("0", 0)])
def test_dedecms_click_counts_only_when_shown(shown: str, views: int | None) -> None:
    draft = registry()["dedecms"].parse(page_of(COUNTED.format(shown=shown), "http://www.example.cn/a/9.html"))
    assert draft.views == views


def test_empirecms_digg_script_is_not_views() -> None:
    html = """<html><head><meta charset="utf-8"><title>t</title></head><body><h1>标题</h1>
<span class="like">赞 <script src="/e/public/ViewClick/?classid=1&id=5&down=5"></script>12</span>
<div id="text"><p>正文。</p></div></body></html>"""
    draft = registry()["empirecms"].parse(page_of(html, "http://www.example.cn/news/5.html"))
    assert draft.views is None and draft.article_id == "5"


def test_phpcms_stock_comment_placeholder_is_not_a_count() -> None:
    draft = registry()["phpcms"].parse(fixture_page("phpcms/v9-default-gbk"))
    assert draft.comments is None and draft.views is None


# --- pages a parser must refuse or hand over ---------------------------------------

def test_wordpress_archive_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle) as raised:
        registry()["wordpress"].parse(fixture_page("wordpress/list-category-paged"))
    assert raised.value.kind == "list_page"


def test_dedecms_list_page_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle, match="DedeCMS list page"):
        registry()["dedecms"].parse(fixture_page("dedecms/list-v57-gbk"))


CUSTOM = """<html><head><meta charset="utf-8"><title>自定义模板的文章_站名</title>
<script src="/plus/count.php?view=yes&aid=77"></script></head><body><div class="layer81">自定义模板的文章</div>
<div class="layer83"><p>正文在一个模板不认识的容器里。</p></div></body></html>"""


class _FakeGeneric:
    name = "generic"

    def score(self, page: Page) -> float:
        return 0.01

    def parse(self, page: Page) -> Draft:
        return Draft(title="通用解析的标题", paragraphs=["通用解析的正文"], article_id="generic-id")


def test_unfitting_template_hands_over_to_the_generic_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    parsers = {**registry(), "generic": _FakeGeneric()}
    monkeypatch.setattr("citynews_scraper.extract.cms.registry", lambda: parsers)
    draft = parsers["dedecms"].parse(page_of(CUSTOM, "http://www.example.cn/a/77.html"))
    assert draft.title == "通用解析的标题" and draft.paragraphs == ["通用解析的正文"]
    assert draft.article_id == "77"  # the CMS's own id wins over the generic reading


def test_unfitting_template_without_generic_parser_is_unknown_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    parsers = {k: v for k, v in registry().items() if k != detection.GENERIC}
    monkeypatch.setattr("citynews_scraper.extract.cms.registry", lambda: parsers)
    with pytest.raises(UnknownLayout, match="dedecms page, but not in a template"):
        parsers["dedecms"].parse(page_of(CUSTOM, "http://www.example.cn/a/77.html"))
