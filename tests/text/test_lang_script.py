"""Language tags from the text itself, and the opt-in OpenCC conversion."""

from __future__ import annotations

import pytest

from citynews_scraper.text import RepairLog
from citynews_scraper.text.lang import char_script, detect_lang, script_counts
from citynews_scraper.text.script import SCRIPTS, convert_script


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("老旧小区改造，事关群众安居乐业。", "zh-Hans"),
        ("老舊小區改造，事關群眾安居樂業。", "zh-Hant"),
        ("元朗新墟街市翻新後重開 街坊：啲檔口光猛咗", "zh-Hant"),
        ("的是在了有和", "zh-Hans"),  # shared characters only: Simplified by default
        ("これでようやく元の操作性を取り戻せました。", "ja"),
        ("서울 날씨가 좋습니다", "ko"),
        ("The mayor opened the new market on Monday.", "en"),
        ("Die Stadt eröffnet den neuen Markt.", None),
        ("2022-10-25 15:22", None),
        ("", None),
    ],
)
def test_detect_lang(text: str, lang: str | None) -> None:
    assert detect_lang(text) == lang


def test_chinese_with_a_stray_kana_is_chinese() -> None:
    assert detect_lang("萍乡城事网の新闻：老旧小区改造，事关群众安居乐业，群众幸福指数再升级") == "zh-Hans"


def test_script_counts() -> None:
    assert char_script("網") == "hant" and char_script("网") == "hans" and char_script("的") == ""
    assert script_counts("萍鄉城事網 萍乡") == (1, 2)


def test_convert_to_simplified_counts_t2s() -> None:
    log = RepairLog()
    assert convert_script("鳳凰街：老舊小區", "hans", log) == "凤凰街：老旧小区"
    assert log.repairs_list() == ["t2s:3"]


def test_convert_to_traditional_counts_s2t() -> None:
    log = RepairLog()
    assert convert_script("凤凰街新闻", "hant", log) == "鳳凰街新聞"
    assert log.repairs_list() == ["s2t:2"]


def test_convert_without_change_counts_nothing() -> None:
    log = RepairLog()
    assert convert_script("ABC 123，的", "hans", log) == "ABC 123，的"
    assert log.repairs_list() == []


def test_unknown_script_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown script 'latn'"):
        convert_script("文", "latn", RepairLog())
    assert SCRIPTS == ("hans", "hant")
