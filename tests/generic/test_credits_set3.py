"""Made-up credit, date and title shapes of the third hand-written held-out set's misses
(/work/holdout/generic3, first run): Traditional-script and overseas conventions, writer
vs editor, bare linked names, accounts glued to the time.  No page of the set is used."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import lxml.html
import pytest

from citynews_scraper.extract.generic import account, byline, clean, title, when
from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.zones import Zones

TITLE = "某市新建公园正式开放"
BODY = "某市新建的滨江公园今天正式向市民开放，园内设有步道和观景台。"
TZ = timezone(timedelta(hours=8))
NOW = datetime(2025, 12, 1, tzinfo=TZ)


@pytest.mark.parametrize("text,author", [
    ("2025-01-20 07:55 某某報 / 記者王小明／台北即時報導", "王小明"),
    ("【本報記者 陳大文 報道】市政署昨日表示，工程本周啟動。", "陳大文"),
    ("（中央社記者李美玲台中3日電）某某處今天表示，步道將重新開放。", "李美玲"),
    ("（中央社記者王明台北3日電）某某處今天表示。", "王明"),
    ("文｜张三丰", "张三丰"),
    ("文 | 某某媒体特约撰稿人 韩小秋", "韩小秋"),
    ("（本文首发于某某App，作者｜韩小秋，编辑｜刘小雪）", "韩小秋"),
    ("作者,山田花子", "山田花子"),
    ("作者: 通讯员 叶小蓓 记者 方大国", "叶小蓓 方大国"),
    ("某某纪委监委网站 刘小宇 通讯员 程小曦", "刘小宇 程小曦"),
    ("本文来自微信公众号：某某实验室（ID：abc_lab），作者：周小言，题图来自：某某图库", "周小言"),
])
def test_author_lines(text: str, author: str) -> None:
    assert byline._author_in(text, last_paragraph=False) == author


@pytest.mark.parametrize("text", ["图 | 视频 | 直播", "记者 | 某某新闻网", "栏目,新闻"])
def test_bar_and_comma_credits_need_a_person(text: str) -> None:
    assert byline._author_in(text, last_paragraph=False) is None


def _read(lines: list[Line], meta_author: str | None = None, meta_source: str | None = None) -> byline.Credits:
    return byline.read_credits(lines, Zones(0, 2, len(lines) - 1, len(lines)), meta_author, meta_source)


def test_writer_wins_over_the_editor_when_both_are_shown() -> None:
    credits = _read([Line(TITLE), Line("县城冷链正在成为新的机会。"), Line("文｜赵小航"), Line("编辑｜袁小来"),
                     Line(BODY), Line("页脚")])
    assert (credits.author, credits.publisher) == ("赵小航", "袁小来")


def test_chief_editor_wins_over_a_plain_editor_and_the_meta_author_who_is_the_web_editor() -> None:
    lines = [Line(TITLE), Line("来源：某某网"), Line(BODY), Line("编辑：王小璐责任编辑：刘小亮"), Line("页脚")]
    credits = byline.read_credits(lines, Zones(0, 2, 4, 5), meta_author="王小璐")
    assert (credits.author, credits.publisher) == (None, "刘小亮")
    # A sole 编辑 that repeats the meta author may be the writer: the meta author stays.
    lines = [Line(TITLE), Line("编辑：王小璐"), Line(BODY), Line("页脚")]
    assert byline.read_credits(lines, Zones(0, 2, 3, 4), meta_author="王小璐").author == "王小璐"


@pytest.mark.parametrize("footer", ["某某财经 版权所有 ©2025 沪ICP备00000000号", "Copyright 某某财经网 All Rights Reserved"])
def test_the_page_s_own_outlet_before_the_name_is_dropped(footer: str) -> None:
    lines = [Line(TITLE), Line("作者：某某财经 孙小萍 责编：王小钦"), Line(BODY), Line(footer)]
    assert byline.read_credits(lines, Zones(0, 2, 3, 4)).author == "孙小萍"
    lines = [Line(TITLE), Line("作者：张小三 李小四"), Line(BODY), Line(footer)]
    assert byline.read_credits(lines, Zones(0, 2, 3, 4)).author == "张小三 李小四"


def test_a_bare_linked_name_under_the_headline_is_the_writer() -> None:
    def under(text: str) -> str | None:
        lines = [Line(TITLE), Line(text, link_chars=len(text)), Line("发布/2025年4月2日 15:47"), Line(BODY)]
        return byline.linked_name_under_title(lines, Zones(0, 3, 4, 4))
    assert under("黄小杰") == "黄小杰"
    assert under("财经") is None  # a channel link: no common surname
    assert under("关注") is None  # a follow button
    lines = [Line(TITLE), Line("黄小杰"), Line(BODY)]  # not a link: a line of text
    assert byline.linked_name_under_title(lines, Zones(0, 2, 3, 3)) is None


def test_an_account_linked_and_glued_before_the_time_under_the_headline() -> None:
    lines = [Line(TITLE), Line("某某周末去哪儿2025-10-17 12:30阅读数：3.5万"), Line(BODY)]
    found = account.posting_account(lines, Zones(0, 2, 3, 3), TITLE, lambda: frozenset({"某某周末去哪儿"}))
    assert found == account.Account("某某周末去哪儿", sure=False)
    assert account.posting_account(lines, Zones(0, 2, 3, 3), TITLE, frozenset) is None  # not a link


def test_published_beats_updated_with_slash_labels() -> None:
    lines = [Line(TITLE), Line("发布/2025年4月2日 15:47"), Line("更新/2025年4月2日 18:03"), Line(BODY)]
    found = when.from_lines(lines, Zones(0, 3, 4, 4), TZ, NOW)
    assert found is not None and (found.moment.hour, found.moment.minute) == (15, 47)


@pytest.mark.parametrize("text,moment", [
    # 8 May 2025 was a Thursday (四), 5 August a Tuesday: the weekday decides day-first.
    ("08/05/2025 (四) 03:11", datetime(2025, 5, 8, 3, 11, tzinfo=TZ)),
    ("08/05/2025 (二) 03:11", datetime(2025, 8, 5, 3, 11, tzinfo=TZ)),
    ("08/05/2025 03:11", datetime(2025, 8, 5, 3, 11, tzinfo=TZ)),  # no weekday: month first, as before
    ("25/12/2024 10:00", datetime(2024, 12, 25, 10, 0, tzinfo=TZ)),  # a first number above 12 is the day
])
def test_day_first_dates(text: str, moment: datetime) -> None:
    assert [found.moment for _, found in when.dates_in(text, TZ, NOW, relative=False)] == [moment]


def test_a_title_that_is_only_the_paper_s_name_gives_way_to_the_h1() -> None:
    root = lxml.html.fromstring(f"<html><head><title>某某日报 - 某某网</title></head><body>"
                                f"<div class='logo'>某某日报</div><h3>引题</h3><h1>{TITLE}</h1><p>{BODY}</p></body></html>")
    assert title.site_name_only(title.read_title(root, []) or "")
    assert title.single_h1(root) == TITLE
    assert not title.site_name_only(TITLE)


PARAGRAPHS = ["第一段正文，介绍事情的来龙去脉。", "第二段正文，记者采访了相关负责人。", "第三段正文，说明下一步安排。"]


@pytest.mark.parametrize("remark", [
    "（作者：某小彤 编辑：某小洁）",
    "（文章来源：某某时报网）",
    "（本文首发于某某App，作者｜某小秋，编辑｜某小雪）",
    "郑重声明：某某发布此信息的目的在于传播更多信息，与本站立场无关，不构成投资建议。",
    "本内容为作者独立观点，不代表某某立场。未经允许不得转载。",
    "本文来自某某，原文链接：https://example.invalid/article/1.html",
    "微信扫一扫关注该公众号",
])
def test_closing_remarks_leave_the_article_s_last_paragraphs(remark: str) -> None:
    assert clean.drop_footer([*PARAGRAPHS, remark]) == PARAGRAPHS
    # Only among the last paragraphs: the same words early on are article text.
    assert clean.drop_footer([remark, *PARAGRAPHS, *PARAGRAPHS]) == [remark, *PARAGRAPHS, *PARAGRAPHS]


@pytest.mark.parametrize("credit", ["文｜某小航", "文 | 某某媒体特约撰稿人 韩小秋",
                                    "本文来自微信公众号：某某实验室（ID：abc_lab），作者：周小言"])
def test_credit_lines_opening_the_text_are_header(credit: str) -> None:
    assert clean.drop_header([credit, *PARAGRAPHS], TITLE) == PARAGRAPHS


@pytest.mark.parametrize("line", ["▼", "图源：某某城"])
def test_picture_credits_and_arrows_are_chrome(line: str) -> None:
    assert clean.is_boilerplate(line)


def test_a_meta_date_decides_a_day_first_reading() -> None:
    years = {(5, 8): 2025}  # the page's meta date: 2025-05-08
    found = when.dates_in("08/05/2025 03:11", TZ, NOW, relative=False, years=years)
    assert [f.moment for _, f in found] == [datetime(2025, 5, 8, 3, 11, tzinfo=TZ)]
