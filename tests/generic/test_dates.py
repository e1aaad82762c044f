"""Finding the published date on visible lines: forms, labels, zones, precedence."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from citynews_scraper.extract.generic import when
from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.zones import Zones

TZ = timezone(timedelta(hours=8))
NOW = datetime(2024, 3, 10, 12, 0, tzinfo=TZ)


@pytest.mark.parametrize("text,moment", [
    ("发布时间：2022-10-25 15:22 来源：萍乡日报", datetime(2022, 10, 25, 15, 22, tzinfo=TZ)),
    ("2005年03月21日 11:21 《理财周刊》", datetime(2005, 3, 21, 11, 21, tzinfo=TZ)),
    ("本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表", datetime(2005, 8, 12, 16, 12, 21, tzinfo=TZ)),
    ("发布日期： 9/17/2004 5:54:13 AM", datetime(2004, 9, 17, 5, 54, 13, tzinfo=TZ)),
    ("发布日期： 9/17/2004 5:54:13 PM", datetime(2004, 9, 17, 17, 54, 13, tzinfo=TZ)),
    ("2022.01.20 16:31", datetime(2022, 1, 20, 16, 31, tzinfo=TZ)),
    ("发布时间：2023年08月19日 09时12分", datetime(2023, 8, 19, 9, 12, tzinfo=TZ)),
    ("2023年8月19日 下午3点05分 来源：本网", datetime(2023, 8, 19, 15, 5, tzinfo=TZ)),
    ("2023-08-19 9时5分30秒", datetime(2023, 8, 19, 9, 5, 30, tzinfo=TZ)),
])
def test_absolute_forms(text: str, moment: datetime) -> None:
    found = when.dates_in(text, TZ, NOW, relative=False)
    assert found[0][1].moment == moment
    assert found[0][1].has_time  # the time counts as shown (to the minute)


@pytest.mark.parametrize("text,moment", [
    ("3天前", datetime(2024, 3, 7, 12, 0, tzinfo=TZ)),
    ("昨天 15:22", datetime(2024, 3, 9, 15, 22, tzinfo=TZ)),
    ("5分钟前", datetime(2024, 3, 10, 11, 55, tzinfo=TZ)),
])
def test_relative_forms_on_a_dateline(text: str, moment: datetime) -> None:
    assert when.dates_in(text, TZ, NOW, relative=True)[0][1].moment == moment


def test_relative_words_in_a_sentence_are_not_dates() -> None:
    assert when.dates_in("我刚刚听说他三天前就走了", TZ, NOW, relative=False) == []


def test_labelled_relative_form_counts_anywhere() -> None:
    found = when.dates_in("发表时间：3天前", TZ, NOW, relative=False)
    assert found and found[0][1].raw == "3天前"


def _zones(n: int, header: int, body: int, end: int) -> Zones:
    return Zones(header, body, end, min(n, end + 8))


def test_header_date_beats_comment_dates_after_the_body() -> None:
    lines = [Line("标题"), Line("2004-12-10 阅读10544次"), Line("正文第一段，很长的内容。"),
             Line("正文第二段。"), Line("评论"), Line("发表时间：2004-12-11 9:51:00")]
    found = when.from_lines(lines, _zones(len(lines), 0, 2, 4), TZ, NOW)
    assert found is not None and found.moment.date().isoformat() == "2004-12-10"


def test_dates_in_body_sentences_are_content() -> None:
    lines = [Line("标题"), Line("正文写道，2001年9月底，他与当地有关部门签下合同，正式投资建设山庄，并在随后的几年里不断追加投资。")]
    assert when.from_lines(lines, _zones(2, 0, 1, 2), TZ, NOW) is None


def test_bracketed_list_dates_are_other_articles() -> None:
    lines = [Line("标题"), Line("正文。"), Line("少年时代(1)(2004/10/10 17:06)")]
    assert when.from_lines(lines, _zones(3, 0, 1, 2), TZ, NOW) is None


def test_a_bracketed_date_opening_the_header_line_is_the_dateline() -> None:
    # Old table layouts: [ 2024-01-08 08:30 ]  来源：某日报 under the headline.
    lines = [Line("标题"), Line("[\u00a02024-01-08 08:30\u00a0] \u00a0来源：某日报 作者：记者 李明"), Line("正文。")]
    found = when.from_lines(lines, _zones(3, 0, 2, 3), TZ, NOW)
    assert found is not None and found.moment == datetime(2024, 1, 8, 8, 30, tzinfo=TZ)


def test_link_lists_are_skipped() -> None:
    lines = [Line("标题"), Line("正文。"), Line("某新闻 2022-01-01 10:00", link_chars=20)]
    assert when.from_lines(lines, _zones(3, 0, 1, 2), TZ, NOW) is None


def test_future_dates_are_ignored() -> None:
    lines = [Line("标题"), Line("2031-01-01 10:00"), Line("正文。")]
    assert when.from_lines(lines, _zones(3, 0, 2, 3), TZ, NOW) is None


def test_month_only_dateline_keeps_the_raw_text() -> None:
    lines = [Line("报告"), Line("正文第一段。"), Line("2003年5月"), Line("正文。")]
    found = when.month_only(lines, _zones(4, 0, 1, 4), TZ)
    assert found is not None and found.month_only and found.raw == "2003年5月"


def test_shown_dateline_wins_over_meta_and_meta_lends_a_missing_time() -> None:
    zones = _zones(3, 0, 2, 3)
    timed = [Line("标题"), Line("2023-04-08 09:30"), Line("正文。")]
    shown = when.published({"article:published_time": "2023-04-08T10:00:00+08:00"}, timed, zones, TZ, NOW)
    assert shown is not None and (shown.moment.hour, shown.raw) == (9, "2023-04-08 09:30")
    day_only = [Line("标题"), Line("2023-04-08 阅读 12"), Line("正文。")]
    lent = when.published({"article:published_time": "2023-04-08T10:00:00+08:00"}, day_only, zones, TZ, NOW)
    assert lent is not None and (lent.moment.hour, lent.raw) == (10, "2023-04-08")


def test_meta_stands_in_when_no_dateline_is_shown() -> None:
    lines = [Line("标题"), Line("正文很长的一段，没有日期。")]
    found = when.published({"pubdate": "2023-04-07"}, lines, _zones(2, 0, 1, 2), TZ, NOW)
    assert found is not None and found.moment.day == 7 and found.raw == "2023-04-07"


def test_header_day_takes_the_time_shown_for_the_same_day() -> None:
    lines = [Line("标题"), Line("2015-11-05 阅读：8169"), Line("正文。"), Line("发布于：2015-11-05 11:34")]
    found = when.from_lines(lines, _zones(4, 0, 2, 3), TZ, NOW)
    assert found is not None and (found.moment.hour, found.moment.minute) == (11, 34)


def test_labelled_post_footer_beats_unlabelled_comment_time() -> None:
    lines = [Line("标题"), Line("正文很长的一段内容，这里是博客文章。"), Line("发表于 2004年12月27日 12:40 - (阅读:3727)"),
             Line("re: 很高兴入住博客堂 2004-12-27 12:46")]
    found = when.from_lines(lines, _zones(4, 0, 1, 3), TZ, NOW)
    assert found is not None and found.moment.minute == 40


@pytest.mark.parametrize("text,meta,moment", [
    # Shown without a year: the year of a meta date for the same day ...
    ("发布时间：10-0812:00 优质原创作者", {"dateupdate": "2019-10-08 12:00:57"}, datetime(2019, 10, 8, 12, 0, tzinfo=TZ)),
    # ... else the latest year not after the fetch (NOW is 2024-03-10).
    ("发布时间：01-14 17:58", {}, datetime(2024, 1, 14, 17, 58, tzinfo=TZ)),
    ("发布时间：10-08 12:00", {}, datetime(2023, 10, 8, 12, 0, tzinfo=TZ)),
    # A two-digit year.
    ("发布时间：18-03-0823:16", {}, datetime(2018, 3, 8, 23, 16, tzinfo=TZ)),
])
def test_labelled_datelines_without_a_year(text: str, meta: dict[str, str], moment: datetime) -> None:
    lines = [Line("标题"), Line(text), Line("正文很长的一段，没有日期。")]
    found = when.published(meta, lines, _zones(3, 0, 2, 3), TZ, NOW)
    assert found is not None and found.moment == moment


def test_unlabelled_month_day_times_are_not_dates() -> None:
    # Related-article lists show 12-27 18:40 under each link: not this page's date.
    assert when.dates_in("12-27 18:40", TZ, NOW, relative=False) == []


@pytest.mark.parametrize("update_line", ["最后更新: 2019-09-07 15:14:21", "更新时间：2019-09-07 15:14"])
def test_update_time_is_not_the_published_time(update_line: str) -> None:
    lines = [Line("标题"), Line("2019-09-07 15:10:53 字号：A- A A+ 来源：某某网"), Line(update_line), Line("正文。")]
    found = when.from_lines(lines, _zones(4, 0, 3, 4), TZ, NOW)
    assert found is not None and found.moment.minute == 10


# Made-up shapes of the hand-written held-out pages (/work/holdout/generic, first run).
def test_year_set_apart_from_month_and_day() -> None:
    found = when.dates_in("2024 03/05 16:48:05", TZ, NOW, relative=False)
    assert found[0][1].moment == datetime(2024, 3, 5, 16, 48, 5, tzinfo=TZ)
    assert when.dates_in("第2024 13/45期", TZ, NOW, relative=False) == []


def test_dateline_just_above_the_headline_counts_share_bars_skipped() -> None:
    lines = [Line("首页 新闻 财经", link_chars=8), Line("2024 03/05 16:48:05"), Line("来源：某某网"),
             Line("分享到", link_chars=3), Line("标题"), Line("正文第一段，很长的内容。"), Line("正文第二段。")]
    found = when.from_lines(lines, _zones(len(lines), 4, 5, 7), TZ, NOW)
    assert found is not None and found.moment == datetime(2024, 3, 5, 16, 48, 5, tzinfo=TZ)


def test_a_date_far_above_the_headline_is_not_this_page_s() -> None:
    lines = [Line("2024-03-01 星期五"), Line("网站首页"), Line("政务公开"), Line("政务服务"), Line("标题"),
             Line("正文第一段，很长的内容。")]
    assert when.from_lines(lines, _zones(len(lines), 4, 5, 6), TZ, NOW) is None


def test_script_set_time_prefers_one_with_a_time_of_day() -> None:
    scripts = ['var publish_time = "2024-03-05" || "";', "var createTime = '2024-03-05 12:01';",
               'window.DATA = {"pubtime": "2023-01-01 08:00:00"};']
    found = when.from_scripts(scripts, TZ)
    assert found is not None and found.moment == datetime(2024, 3, 5, 12, 1, tzinfo=TZ) and found.has_time
    assert when.from_scripts(['var updateTime = "2024-03-05 12:01";', "var x = 1;"], TZ) is None


def test_a_header_dateline_a_little_after_the_clock_is_still_the_dateline() -> None:
    # A saved page read against a clock set before it was published (no save time known).
    lines = [Line("标题"), Line("2024年5月3日 22:47 来源：某某网"), Line("正文第一段，很长的内容。")]
    found = when.from_lines(lines, _zones(3, 0, 2, 3), TZ, NOW)
    assert found is not None and found.moment == datetime(2024, 5, 3, 22, 47, tzinfo=TZ)


def test_a_later_date_in_the_body_is_an_event() -> None:
    lines = [Line("标题"), Line("正文第一段，很长的内容。"), Line("正文第二段。"), Line("正文第三段。"),
             Line("时间：2024年5月3日 9:00")]
    assert when.from_lines(lines, _zones(5, 0, 1, 5), TZ, NOW) is None


def test_a_linked_labelled_dateline_above_the_headline() -> None:
    # WordPress: 发布于 <a><time>…</time></a> … 作者 <a>…</a> above the headline, mostly links.
    lines = [Line("首页 本地 便民", link_chars=6), Line("发布于 2024年3月2日2024年3月3日 作者 某某", link_chars=22),
             Line("标题"), Line("正文第一段，很长的内容。")]
    found = when.from_lines(lines, _zones(len(lines), 2, 3, 4), TZ, NOW)
    assert found is not None and found.moment == datetime(2024, 3, 2, tzinfo=TZ)


def test_an_unlabelled_date_in_a_linked_line_is_another_article_s() -> None:
    lines = [Line("标题"), Line("正文。"), Line("某新闻 2022-01-01", link_chars=12)]
    assert when.from_lines(lines, _zones(3, 0, 1, 2), TZ, NOW) is None


def test_a_linked_dated_line_below_the_headline_is_not_read() -> None:
    # Forum floors (楼层：第 1 楼 时间：…) and lists below the headline are links.
    lines = [Line("标题"), Line("楼层：第 1 楼 时间：2004-08-28 20:56:20", link_chars=30), Line("正文第一段，很长的内容。")]
    assert when.from_lines(lines, _zones(3, 0, 2, 3), TZ, NOW) is None
