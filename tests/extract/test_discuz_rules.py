"""The Discuz! parser's written rules (captions, meta line, breadcrumb, pager), one per test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from citynews_scraper.extract import NotAnArticle, UnknownLayout, extract_article, read_page
from citynews_scraper.record import Article
from tests.pages import pager, stock_page

URL = "http://www.pxcs.cn/portal.php?mod=view&aid=67"
NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def extract(body: str, **kwargs: object) -> Article:
    return extract_article(stock_page(body, **kwargs), URL, fetched_at=NOW)


EDITOR_IMAGE = '<p><a href="data/attachment/portal/1.jpg"><img src="data/attachment/portal/1.jpg.thumb.jpg" /></a></p>'


@pytest.mark.parametrize(
    "after_image",
    [
        '<p class="pgc-img-caption">小区一角</p>',
        "<p>街区一角（凤凰街 供图）</p>",
        "<p>宜居的家园(鳳凰街 供圖</p>",  # closing bracket missing, as on the seed page
        "<p>图为改造后的李子园小区。</p>",
        '<p style="text-align: center;">李子园小区</p>',
        '<p align="center">李子园小区</p>',
    ],
)
def test_caption_after_image_is_taken_and_not_a_paragraph(after_image: str) -> None:
    article = extract(EDITOR_IMAGE + after_image + "<p>正文。</p>")
    assert article.images[0].caption is not None
    assert article.paragraphs == ["正文。"]


@pytest.mark.parametrize(
    "after_image",
    [
        "<p>李子园小区</p>",  # short but neither centred nor marked
        '<p style="text-align:center"><strong>家园美了 环境优了</strong></p>',  # bold centred: a subheading
        '<p style="text-align:center">' + "走进凤凰街李子园小区，映入眼帘的是平整干净的路面。" * 3 + "</p>",  # too long
    ],
)
def test_body_text_after_image_stays_a_paragraph(after_image: str) -> None:
    article = extract(EDITOR_IMAGE + after_image)
    assert article.images[0].caption is None
    assert len(article.paragraphs) == 1


def test_caption_far_from_image_is_body_text() -> None:
    article = extract(EDITOR_IMAGE + "<p>正文。</p><p>图为改造后的小区。</p>")
    assert article.images[0].caption is None
    assert article.paragraphs == ["正文。", "图为改造后的小区。"]


def test_editor_image_src_is_the_full_size_file() -> None:
    article = extract(EDITOR_IMAGE)
    assert article.images[0].src == "http://www.pxcs.cn/data/attachment/portal/1.jpg"


def test_lazy_forum_image_uses_file_not_placeholder_and_title_as_caption() -> None:
    body = (
        '<ignore_js_op><img id="aimg_5" aid="5" src="static/image/common/none.gif" '
        'file="data/attachment/forum/a.jpg" alt="新貌" title="小区新貌" />'
        '<div class="tip tip_4 aimg_tip" id="aimg_5_menu"><p>a.jpg (85 KB, 下载次数: 0)</p></div></ignore_js_op>'
    )
    article = extract(body)
    assert [(i.src, i.caption, i.alt) for i in article.images] == [
        ("http://www.pxcs.cn/data/attachment/forum/a.jpg", "小区新貌", "新貌")
    ]
    assert article.paragraphs == []  # the attachment tip is not body text


def test_double_br_splits_paragraphs_and_spacers_vanish() -> None:
    article = extract("甲段。<br /><br />乙段。<br />\r\n<br />丙段。<p>&nbsp;</p><p>　</p>")
    assert article.paragraphs == ["甲段。", "乙段。", "丙段。"]


@pytest.mark.parametrize(("body", "expected"), [
    ("甲段。<br />乙段！<br />\n丙段？”<br />丁段", ["甲段。", "乙段！", "丙段？”", "丁段"]),  # after a sentence end
    ("甲段，接着<br />\r\n　　乙段<br />&nbsp;&nbsp;丙段", ["甲段，接着", "乙段", "丙段"]),  # before an indent
    ("<strong>一、小标题</strong><br />正文，<br />接着说。", ["一、小标题", "正文， 接着说。"]),  # after a bold line
    ("地址：建设路1号<br />电话：6801234", ["地址：建设路1号 电话：6801234"]),  # a line break only
    ("开头<br /><strong>加粗</strong><br />&nbsp;继续", ["开头 加粗 继续"]),  # one &nbsp; is no indent
])
def test_single_br_ends_a_paragraph_only_where_the_text_says_so(body: str, expected: list[str]) -> None:
    assert extract(body).paragraphs == expected


@pytest.mark.parametrize("meta", [True, False])
def test_a_utf8_include_in_a_gbk_page_is_read_as_utf8_and_counted(meta: bool) -> None:
    body = stock_page("<p>老旧小区改造完成。</p><p>INCLUDE</p>").replace(b"INCLUDE", "居民说：很满意".encode())
    if not meta:
        body = body.replace(b'<meta http-equiv="Content-Type" content="text/html; charset=gbk" />', b"")
    article = extract_article(body, URL, fetched_at=NOW)
    assert article.paragraphs == ["老旧小区改造完成。", "居民说：很满意"]  # 21 UTF-8 bytes: odd, no GBK pairing
    assert (article.encoding, article.encoding_source) == ("gb18030", "meta" if meta else "detected")
    assert article.repairs == ["utf8_in_gbk_page:1"] and article.quality_flags == []


def test_ads_and_share_bars_are_not_body() -> None:
    body = '<div class="a_pr"><a href="x">买房</a></div><p>正文。</p><div class="bdsharebuttonbox">分享到</div>'
    assert extract(body).paragraphs == ["正文。"]


def test_pager_gives_page_number_count_and_urls() -> None:
    result = read_page(stock_page("<p>乙。</p>", pager=pager(67, 2, 3)), URL + "&page=2", fetched_at=NOW)
    assert (result.draft.page_number, result.draft.page_count) == (2, 3)
    assert result.draft.page_urls == {1: URL + "&page=1", 3: URL + "&page=3"}
    assert result.draft.url == URL


def test_showmessage_page_is_not_an_article() -> None:
    page = '<html><body><div id="messagetext" class="alert_error"><p>抱歉，指定的文章不存在或已被删除！</p></div></body></html>'
    with pytest.raises(NotAnArticle, match='showmessage "抱歉，指定的文章不存在或已被删除！"') as caught:
        extract_article(page.encode("gbk"), URL, fetched_at=NOW, cms="discuz_x")
    assert caught.value.kind == "showmessage"


def test_page_without_known_markup_is_unknown_layout() -> None:
    with pytest.raises(UnknownLayout):
        extract_article("<html><body><p>你好</p></body></html>".encode(), URL, fetched_at=NOW, cms="discuz_x")


def test_theme_meta_line_of_labelled_spans_without_pipes() -> None:
    page = stock_page("<p>正文。</p>").replace(
        b'<p class="xg1">', '<div class="info"><span>发布时间：2020-7-15 10:02</span><span>作者：王磊</span>'
        '<span>来源：上饶日报</span><span>阅读：<em>562</em></span></div><p class="old">'.encode("gb18030"),
    )
    article = extract_article(page, URL, fetched_at=NOW)
    assert (article.published_at, article.author, article.source) == (
        "2020-07-15T10:02:00+08:00", "王磊", "上饶日报",
    )
