"""The generic parser never crashes: odd, empty and mutated pages give a Draft."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citynews_scraper.extract.cms.generic import PARSER
from citynews_scraper.extract.page import Page
from citynews_scraper.text import decode

NOW = datetime(2024, 1, 1, tzinfo=UTC)
PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<table><tr><td>", "</td></tr></table>", "<br>", "<img src='/a.jpg'>",
    "<a href='/x'>", "</a>", "<h1>", "</h1>", "<script>var a=1;</script>", "<title>标题_网站</title>",
    "发布时间：2022-10-25 15:22", "来源：萍乡日报", "作者：张三", "责任编辑：李四", "（记者 王五）",
    "3天前", "2003年5月", "上一篇", "相关阅读", "正文内容，包含标点。", "\"引号\"", "<figure><figcaption>图说</figcaption>",
    "<meta name='description' content='摘要'>", "<meta property='article:published_time' content='bad'>", "&nbsp;",
]


def _parse(html: str):
    page = Page.build("http://example.cn/a/1.html", decode(html.encode("utf-8")), NOW)
    return PARSER.parse(page)


@pytest.mark.parametrize("html", ["", "<html></html>", "<html><body>   </body></html>", "纯文本，没有标签。",
                                  "<html><head><title>只有标题</title></head></html>", "<p>" * 300 + "深层嵌套" ])
def test_degenerate_pages(html: str) -> None:
    draft = _parse(html)
    assert isinstance(draft.paragraphs, list)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_random_markup(pieces: list[str]) -> None:
    draft = _parse("<html><body>" + "".join(pieces) + "</body></html>")
    assert all(p.strip() for p in draft.paragraphs)
    assert draft.published_at is None or draft.published_at.endswith("+08:00")


def test_deeply_nested_broken_page() -> None:
    html = "<html><body>" + "<div><font>" * 3000 + "正文内容，包含标点。" * 20 + "</body></html>"
    assert isinstance(_parse(html).paragraphs, list)


def test_visible_lines_keep_comment_tails_and_skip_scripts() -> None:
    import lxml.html

    from citynews_scraper.extract.generic.lines import visible_lines

    root = lxml.html.fromstring("<html><body><div>甲<a href='x'>链接</a>乙<br>丙<script>不</script>丁</div>"
                                "<!-- c -->戊<p>己</p></body></html>")
    assert [(line.text, line.link_chars) for line in visible_lines(root)] == [
        ("甲链接乙", 2), ("丙丁", 0), ("戊", 0), ("己", 0),
    ]
