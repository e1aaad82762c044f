"""Locating the header, body and tail among the visible lines."""

from __future__ import annotations

from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.zones import locate

TITLE = "刺死辱母者于欢的罪与悔"
FIRST = "“辱母案”于欢出狱的一天：重返母亲已倒闭的工厂"
LAST = "他对作者说过的一段话印象特别深。"


def test_header_starts_at_the_first_title_line_near_the_body() -> None:
    lines = [Line(t) for t in ["首页 新闻", TITLE, "2020-11-26 08:04 来源:中国新闻网", "原标题：" + TITLE, FIRST, "中间", LAST, "责任编辑："]]
    zones = locate(lines, TITLE, [FIRST, "中间", LAST])
    assert (zones.header_start, zones.body_start, zones.body_end) == (1, 4, 7)
    assert zones.where(2) == "header" and zones.where(7) == "tail" and zones.where(0) == "outside"


def test_title_kept_by_the_extractor_moves_the_body_start() -> None:
    lines = [Line(t) for t in ["导航", "2022-02-13 来源：云南日报", TITLE, FIRST, LAST]]
    zones = locate(lines, TITLE, ["2022-02-13 来源：云南日报", TITLE, FIRST, LAST])
    assert zones.body_start == 3 and zones.where(1) == "header"


def test_body_end_is_the_last_occurrence_of_the_last_paragraph() -> None:
    lines = [Line(t) for t in [TITLE, LAST, FIRST, "中间", LAST, "页脚"]]
    zones = locate(lines, TITLE, [FIRST, "中间", LAST])
    assert (zones.body_start, zones.body_end) == (2, 5)
