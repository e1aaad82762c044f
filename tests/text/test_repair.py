"""Repairs, flags and the RepairLog: unit behaviour, the seed article, properties."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citynews_scraper.text import (
    RepairLog,
    clean_text,
    finish_log,
    freq,
    normalize_space,
)
from citynews_scraper.text.entities import unescape_entities
from citynews_scraper.text.flags import lost_lead_positions
from citynews_scraper.text.pinyin import is_toned_syllable, strip_pinyin

SEED = Path(__file__).resolve().parents[3] / "shared" / "reference" / "seed-article.txt"
MODULES = ["decode", "entities", "flags", "freq", "lang", "mojibake", "normalize", "pinyin", "repair"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"citynews_scraper.text.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0 and (result.attempted > 0 or name == "decode")


def test_log_lists_are_sorted_name_count() -> None:
    log = RepairLog()
    log.repaired("utf8_as_gbk", 2)
    log.repaired("pinyin_annotations", 87)
    log.repaired("nothing", 0)
    log.flag("lost_lead_byte", 2)
    other = RepairLog()
    other.repaired("utf8_as_gbk")
    other.flag("replacement_chars", 3)
    log.merge(other)
    assert log.repairs_list() == ["pinyin_annotations:87", "utf8_as_gbk:3"]
    assert log.flags_list() == ["lost_lead_byte:2", "replacement_chars:3"]


@pytest.mark.skipif(not SEED.exists(), reason="../shared/reference not present")
def test_seed_article() -> None:
    log = RepairLog()
    lines = [clean_text(line, log) for line in SEED.read_text("utf-8").splitlines()]
    finish_log(log)
    text = "\n".join(lines)
    assert "(xi" not in text and "(wǎng)" not in text and "(qū)" not in text
    assert "萍鄉城事網—萍鄉最具影響力門戶網站" in text
    assert "街區一角(鳳凰街 供圖)" in text and "宜居的家園(鳳凰街 供圖" in text
    assert "民心,F年54歲" in text and "貼心人!兵P凰池" in text
    removed = log.repairs["pinyin_annotations"]
    assert removed > 150
    assert log.repairs_list() == [f"pinyin_annotations:{removed}"]
    assert log.flags_list() == ["lost_lead_byte:2", "mirror_site_pinyin:1"]


def test_mirror_flag_needs_many_annotations() -> None:
    log = RepairLog()
    clean_text("萍鄉(xiāng)城事網(wǎng)", log)
    finish_log(log)
    assert log.flags_list() == []


def test_clean_text_normalises_whitespace_only() -> None:
    assert clean_text("\u3000\u3000凤凰街：老旧小区，“焕新颜”！\u00a0\n", RepairLog()) == "凤凰街：老旧小区，“焕新颜”！"


@pytest.mark.parametrize(
    ("text", "expected", "count"),
    [
        ("&amp;nbsp;", "\xa0", 2),
        ("&ldquo;萍乡&rdquo;", "“萍乡”", 2),
        ("&#8220;&#x201D;", "“”", 2),
        ("AT&T &para &nosuch; &#0;", "AT&T &para &nosuch; &#0;", 0),
    ],
)
def test_entities(text: str, expected: str, count: int) -> None:
    assert unescape_entities(text) == (expected, count)


@pytest.mark.parametrize("word", ["xiāng", "wǎng", "nèi", "qū", "lǜ", "ér", "zhuàng"])
def test_toned_syllables(word: str) -> None:
    assert is_toned_syllable(word)


@pytest.mark.parametrize("word", ["xiang", "Píngxiāng", "āā", "qxā", "hello", "café"])
def test_not_single_toned_syllables(word: str) -> None:
    assert not is_toned_syllable(word)


def test_pinyin_bracket_shapes() -> None:
    assert strip_pinyin("鄉(xiāng)網（wǎng）絡(luò )內(nèi）") == ("鄉網絡內(nèi）", 3)


@pytest.mark.parametrize("text", ["A股市場大漲", "投資基金B類份額", "神舟F遙十", "5G網絡與P2P平台"])
def test_legit_letters_not_flagged(text: str) -> None:
    assert lost_lead_positions(text) == []


# Common characters and ordinary punctuation: what clean Chinese text is made of.
COMMON = sorted(ch for ch, cost in freq.table().items() if cost >= 2.5)
CLEAN_TEXT = st.text(
    alphabet=st.sampled_from(COMMON + list("，。、“”：；！？（）《》 0123456789abcABC-")), min_size=1, max_size=60
)


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


@settings(max_examples=300, derandomize=True, deadline=None)
@given(CLEAN_TEXT)
def test_clean_text_leaves_common_text_alone(text: str) -> None:
    log = RepairLog()
    assert clean_text(text, log) == normalize_space(text)
    assert log.repairs_list() == []


@settings(max_examples=200, derandomize=True, deadline=None)
@given(CLEAN_TEXT)
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text, RepairLog())
    assert clean_text(once, RepairLog()) == once


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from(COMMON), min_size=4, max_size=40))
def test_gbk_read_as_latin1_round_trips(text: str) -> None:
    if not _encodes(text, "gbk"):
        return
    log = RepairLog()
    assert clean_text(text.encode("gbk").decode("latin-1"), log) == text
    assert log.repairs_list() == ["gbk_as_latin1:1"]


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from(COMMON), min_size=2, max_size=40))
def test_utf8_read_as_latin1_round_trips(text: str) -> None:
    log = RepairLog()
    assert clean_text(text.encode("utf-8").decode("latin-1"), log) == text
    assert log.repairs_list() == ["utf8_as_latin1:1"]


def test_short_fields_of_a_record_known_damaged_are_repaired() -> None:
    body = "萍鄉城事網最具影響力門戶網站，老舊小區改造，事關群眾安居樂業。"
    date = "5月20日至31日，"
    alone = RepairLog()
    assert clean_text(date.encode("big5hkscs").decode("gb18030"), alone) != date
    log = RepairLog()
    assert clean_text(body.encode("big5hkscs").decode("gb18030"), log) == body
    assert clean_text(date.encode("big5hkscs").decode("gb18030"), log) == date
    assert log.repairs_list() == ["big5_as_gbk:4"]  # one run in the body, three in the date


def test_one_pair_field_of_a_record_known_gbk_as_latin1() -> None:
    log = RepairLog()
    assert clean_text("老旧小区改造".encode("gbk").decode("latin-1"), log) == "老旧小区改造"
    assert clean_text("顶".encode("gbk").decode("latin-1"), log) == "顶"
    assert log.repairs_list() == ["gbk_as_latin1:2"]
    assert clean_text("Ç©", RepairLog()) == "Ç©"  # alone, one pair is European text
