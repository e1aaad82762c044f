"""Boilerplate cleaning, title suffixes, table layout and the density fallback."""

from __future__ import annotations

from datetime import UTC

import lxml.html
import pytest

from citynews_scraper.extract.generic import clean, density, layout, title

BODY = "萍乡市近日启动城区老旧小区改造工程，首批涉及十二个小区，预计惠及居民三千余户。"


@pytest.mark.parametrize("line", [
    "责任编辑：孙重远", "【编辑:刘欢】", "编辑:李楠", "来源：云南日报", "上一篇：萍乡举办秋季招聘会",
    "下一篇", "分享到：微信 微博 QQ空间", "相关阅读", "Copyright © 2004-2022 萍乡新闻网 版权所有",
    "赣ICP备12345678号", "【发表评论】【关闭窗口】", "返回搜狐，查看更多", "打印本页", "|  |  |", "│",
    "首 页 新闻 | 行情 | 评测 | 调研 | 数码导购 | 学院 | 网吧 | 专题 | DIY | 报价查询",
])
def test_boilerplate_lines(line: str) -> None:
    assert clean.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    BODY, "据新华社消息，来源于民间的资金仍在增加。", "编辑部的同事们都很高兴。", "上一篇文章里我们说过，这件事还没完。",
])
def test_article_sentences_survive(line: str) -> None:
    assert not clean.is_boilerplate(line)


def test_tail_is_cut_after_most_of_the_text() -> None:
    paragraphs = [BODY * 3, BODY * 3, "相关阅读", "另一篇新闻的标题很长很长"]
    assert clean.clean_paragraphs(paragraphs) == [BODY * 3, BODY * 3]


def test_early_marker_does_not_cut_the_body() -> None:
    paragraphs = ["相关新闻", BODY * 3, BODY * 3]
    assert clean.cut_tail(paragraphs) == paragraphs


def test_header_and_footer_lines_dropped() -> None:
    paragraphs = ["标题在这里", "2022-10-25 15:22 来源：萍乡日报", BODY, "发表于 2004年12月27日 12:40 - (阅读:3727)"]
    assert clean.drop_footer(clean.drop_header(paragraphs, "标题在这里")) == [BODY]


def test_layout_cell_repeating_paragraphs_dropped() -> None:
    first, second = BODY, "据市住建局介绍，此次改造以完善基础设施、提升居住环境为重点，内容包括雨污分流和外墙保温。"
    cell = "首页 新闻 " + first + second + "责任编辑：李文" + "。" * 200
    assert clean.drop_containers([first, second, cell]) == [first, second]


@pytest.mark.parametrize("page_title,expected", [
    ("四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网", "四年前中500万现穷困潦倒 一夜暴富后如何经营"),
    ("17种产品、1个园区入选国家绿色制造名单 - 要闻云南 - 云南日报网", "17种产品、1个园区入选国家绿色制造名单"),
    ("艺术史研究<世纪在线中国艺术网", "艺术史研究<世纪在线中国艺术网"),
])
def test_title_suffix(page_title: str, expected: str) -> None:
    assert title.choose_title(page_title, [], []) == expected


def test_heading_keeps_separators_inside_the_title() -> None:
    full = "书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来"
    assert title.choose_title(full, [], [full]) == full


def test_og_title_equal_to_title_loses_the_suffix() -> None:
    assert title.choose_title("步道贯通 - 长江日报网", ["步道贯通 - 长江日报网"], []) == "步道贯通"


def test_site_name_first_segment_shown_on_page_wins() -> None:
    shown = frozenset({"给计算机系学生的建议"})
    assert title.choose_title("Joel on Software - 给计算机系学生的建议", [], [], shown) == "给计算机系学生的建议"


def test_layout_tables_unwrapped() -> None:
    root = lxml.html.fromstring("<html><body><table><tr><td><table><tr><td>x</td></tr></table></td></tr></table></body></html>")
    assert layout.has_layout_tables(root)
    layout.unwrap_tables(root)
    assert not root.xpath("//table|//td|//tr")


def test_density_finds_the_prose_cell() -> None:
    html = (
        "<html><body><div><a href='/'>首页</a> <a href='/n'>新闻</a></div><table><tr><td>"
        + "<br>".join([BODY] * 4) + "</td></tr></table><div><a href='/x'>相关链接一</a></div></body></html>"
    )
    block, score = density.best_block(lxml.html.fromstring(html))
    assert block is not None and score >= 8
    assert density.block_paragraphs(block) == [BODY] * 4


def test_unmarked_paragraph_after_a_picture_is_not_its_caption() -> None:
    from datetime import datetime

    from citynews_scraper.extract.generic.images import body_images
    from citynews_scraper.extract.page import Page
    from citynews_scraper.text import decode

    html = ("<html><body><div><p>" + BODY + "</p><p><img src='/a.jpg'></p><p>他说：“武汉肯定能过关。”</p>"
            "<p><img src='/b.jpg'></p><p style='text-align: center'>献血浆的护士</p><p>最后一段：市民纷纷表示支持。</p></div></body></html>")
    page = Page.build("http://example.cn/n/1.html", decode(html.encode("utf-8")), datetime(2024, 1, 1, tzinfo=UTC))
    found = body_images(page, [BODY, "最后一段：市民纷纷表示支持。"])
    assert [(i.src, i.caption) for i in found] == [
        ("http://example.cn/a.jpg", None), ("http://example.cn/b.jpg", "献血浆的护士"),
    ]


def test_whole_title_shown_on_the_page_is_kept() -> None:
    full = "对比试车—测试昌河北斗星、爱迪尔(图)"
    assert title.choose_title(full, [], [], frozenset({"对比试车—测试昌河北斗星、爱迪尔(图)"})) == full
    assert title.choose_title(full, [], [], frozenset()) == "对比试车"


def test_page_without_title_takes_the_heading_above_the_body() -> None:
    from citynews_scraper.extract.generic.lines import Line

    root = lxml.html.fromstring("<html><body><div class='postTitle'>很高兴入住博客堂</div><p>" + BODY + "</p></body></html>")
    lines = [Line("随笔分类"), Line("很高兴入住博客堂"), Line(BODY)]
    assert title.title_near_body(root, lines, 2, [BODY]) == "很高兴入住博客堂"
    assert title.title_near_body(lxml.html.fromstring("<html><body></body></html>"), [Line(BODY)], 0,
                                 ["北京市儿童心理素质发展现状调查研究报告", BODY]) == "北京市儿童心理素质发展现状调查研究报告"


def test_early_marker_followed_by_headline_lists_cuts_the_body() -> None:
    # A short article above a long list of other headlines: the marker comes before half
    # of the characters, but nothing after it is prose.
    headlines = [f"{n}某地发生一件事情 官方回应称正在调查处理中" for n in range(30)]
    paragraphs = [BODY * 2, BODY * 2, "为您推荐", *headlines]
    assert clean.cut_tail(paragraphs) == [BODY * 2, BODY * 2]


def test_early_marker_followed_by_prose_does_not_cut() -> None:
    paragraphs = [BODY * 2, "相关阅读", BODY * 3, BODY * 3]
    assert clean.cut_tail(paragraphs) == paragraphs


@pytest.mark.parametrize("page_title,expected", [
    ("武汉的声音：有英勇的你，才有英雄的城！-新华网", "武汉的声音：有英勇的你，才有英雄的城！"),
    ("新冠病毒COVID-19疫苗研发进展", "新冠病毒COVID-19疫苗研发进展"),
    ("某某队3-0战胜对手", "某某队3-0战胜对手"),
])
def test_bare_hyphen_only_before_a_site_name(page_title: str, expected: str) -> None:
    assert title.strip_suffix(page_title) == expected


def test_heading_words_that_open_a_sentence_are_not_tail_markers() -> None:
    paragraphs = [BODY * 3, BODY * 3, "热门新闻的背后是流量的竞争，记者走访了几家平台。", BODY]
    assert clean.cut_tail(paragraphs) == paragraphs


def test_closing_list_of_dated_headlines_is_dropped() -> None:
    related = ["某地高温津贴进入发放期 多地标准已数年未涨 2015/07/04", "多省份明确高温津贴标准（表） 2014/07/24", "跟贴热词："]
    assert clean.clean_paragraphs([BODY * 2, BODY * 2, *related]) == [BODY * 2, BODY * 2]


def test_a_single_dated_sign_off_stays() -> None:
    paragraphs = [BODY * 2, BODY * 2, "某某市人民政府办公室 2015-07-04"]
    assert clean.clean_paragraphs(paragraphs) == paragraphs


# Made-up lines of the shapes the hand-written held-out pages showed (/work/holdout/generic).
@pytest.mark.parametrize("line", [
    "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“某某号”用户上传并发布，本平台仅提供信息存储服务。",
    "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user",
    "某某新闻报料：021-12345678", "某某新闻，未经授权不得转载", "本文系某某网独家稿件，未经授权，不得转载。",
    "摄影：何小诚", "文字：张小欣 李小豪", "字号", "举报/反馈", "+关注",
])
def test_held_out_boilerplate_lines(line: str) -> None:
    assert clean.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "声明发布后，公司股价当日上涨3%，市场普遍认为此举有助于稳定投资者信心。",
    "报料人张先生说，他在小区门口看到有人在卖假冒的农资产品，随即拨打了投诉电话。",
    "文字是有温度的，这是他从事编辑工作三十年来最深的体会。",
])
def test_sentences_near_the_new_boilerplate_words_survive(line: str) -> None:
    assert not clean.is_boilerplate(line)


def test_byline_and_metadata_rows_above_the_text_are_header_lines() -> None:
    paragraphs = ["某某新闻记者 | 周小敏", "某某新闻编辑 | 黄小月", "本报记者 刘小燕 王小平", "某某网记者 王小丽 济南报道",
                  "公开方式： 主动公开 公开范围： 面向全社会", BODY]
    assert clean.drop_header(paragraphs, "标题") == [BODY]
    question = "主持人：今年的重点工作是什么？"
    assert clean.drop_header([question, BODY], "标题") == [question, BODY]


def test_a_section_holding_only_text_becomes_a_paragraph() -> None:
    root = lxml.html.fromstring("<div><section><span><strong>一、小标题</strong></span></section>"
                                "<section><p>段落</p></section><section> </section></div>")
    layout.leaf_sections_to_paragraphs(root)
    assert [el.tag for el in root] == ["p", "section", "section"]


def test_paragraphs_inside_a_layout_cell_stay_apart_data_rows_stay_whole() -> None:
    from lxml import etree

    from citynews_scraper.extract.generic import body

    tree = etree.fromstring("<body><table><row><cell>时间：2024-06-26</cell></row>"
                            "<row><cell>导语<p>第一段。</p><p>第二段。</p></cell></row>"
                            "<row><cell>姓名</cell><cell>张三</cell></row></table></body>")
    assert [t for t in body._blocks(tree) if t] == ["时间：2024-06-26", "导语", "第一段。", "第二段。", "姓名 张三"]


def test_site_name_before_a_bare_hyphen_goes_when_the_page_shows_the_headline() -> None:
    page_title = "某某日报数字报-某某景区春季客流同比增长两成"
    shown = frozenset({"某某景区春季客流同比增长两成", "某某日报数字报"})
    assert title.choose_title(page_title, [], [], shown) == "某某景区春季客流同比增长两成"
    # Not shown as a line: a bare hyphen is no separator, the title stays whole.
    assert title.choose_title(page_title, [], [], frozenset()) == page_title
    # A shown site name is never taken for the headline (the headline is the longest part).
    assert title.choose_title("某某景区春季客流同比增长两成-某某生活圈", [], [], frozenset({"某某生活圈"})) \
        == "某某景区春季客流同比增长两成-某某生活圈"
