"""Language and script of a text, from the characters themselves.

zh-Hans vs zh-Hant is decided by counting characters that exist in only one script: a
character OpenCC's t2s changes is Traditional-only (鄉, 網), one its s2t changes is
Simplified-only (乡, 网).  Shared characters (的, 是, 城) say nothing and are ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import opencc

from citynews_scraper.text.freq import HAN

_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# English is "obvious" when its commonest function words make up part of the words;
# other Latin-script languages get no tag rather than a wrong one.
_ENGLISH = frozenset("the of and to in is was for that on with as by at from it are be this".split())
ENGLISH_SHARE = 0.1
# A page is Japanese when kana make up a tenth of its Han characters (Chinese pages
# carry at most a stray の in a brand name); Korean when Hangul outnumbers Han.
KANA_SHARE = 0.1
MIN_SIGNAL = 5


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def char_script(ch: str) -> str:
    """``hant`` for a Traditional-only character, ``hans`` for a Simplified-only one, else ``""``.

    >>> char_script("鄉"), char_script("乡"), char_script("城")
    ('hant', 'hans', '')
    """
    if _converter("t2s.json").convert(ch) != ch:
        return "hant"
    if _converter("s2t.json").convert(ch) != ch:
        return "hans"
    return ""


@lru_cache(maxsize=1)
def _script_classes() -> dict[str, re.Pattern[str]]:
    """One regex per script over data/script_chars.tsv (built with OpenCC by
    tools/build_han_freq.py): counting in C instead of one OpenCC call per character."""
    text = resources.files("citynews_scraper.text").joinpath("data/script_chars.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {script: re.compile(f"[{chars}]") for script, chars in rows}


def script_counts(text: str) -> tuple[int, int]:
    """(Simplified-only, Traditional-only) character counts of `text` (characters outside the
    frequency table are too rare to matter and are not counted).

    >>> script_counts("萍鄉城事網 萍乡")
    (1, 2)
    """
    classes = _script_classes()
    return len(classes["hans"].findall(text)), len(classes["hant"].findall(text))


def detect_lang(text: str) -> str | None:
    """`zh-Hans`, `zh-Hant`, `ja`, `ko` or `en` by character statistics; None when unclear.

    >>> detect_lang("萍乡城事网"), detect_lang("萍鄉城事網"), detect_lang("The view from the river")
    ('zh-Hans', 'zh-Hant', 'en')
    >>> detect_lang("東京都の天気"), detect_lang("서울 날씨가 좋습니다"), detect_lang("12345")
    ('ja', 'ko', None)
    """
    han = len(HAN.findall(text))
    kana = len(_KANA.findall(text))
    if kana and kana >= max(1, han * KANA_SHARE):
        return "ja"
    if len(_HANGUL.findall(text)) > max(MIN_SIGNAL - 1, han):
        return "ko"
    if han >= 2:
        hans, hant = script_counts(text)
        return "zh-Hant" if hant > hans else "zh-Hans"
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if len(words) >= 3 and sum(w in _ENGLISH for w in words) >= len(words) * ENGLISH_SHARE:
        return "en"
    return None
