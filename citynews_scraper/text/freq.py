"""Chinese plausibility from character frequencies (the table in data/han_freq.tsv).

Repairs that reinterpret bytes (GBK read as Latin-1, UTF-8 read as GBK, Big5↔GBK) must
choose between the text as it is and a candidate; both are strings of real characters, so
the choice needs a model of what Chinese text looks like.  A unigram table derived from
jieba's dictionary (tools/build_han_freq.py) is enough: mojibake is made of rare characters,
symbols and Latin letters, clean text of common ones.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_CLASS}]")
# Punctuation that belongs in Chinese text; scored like a fairly common character.
CJK_PUNCT = frozenset("，。、“”‘’：；！？（）《》〈〉【】「」『』—…·～－")
# Costs in log10(parts per million); the table's floor is log10(0.05) ≈ -1.3.
UNKNOWN_HAN = -2.0
PUNCT_COST = 2.0
ASCII_COST = 1.0
# Symbols, full-width forms, kana and Hangul occur in clean Chinese pages (℃, ～, ►, の);
# Latin-1 letters, C1 controls, Latin Extended, Greek, Cyrillic, bopomofo and private-use
# characters in Chinese text are the typical debris of a wrong codec.
SYMBOL_COST = 0.0
OTHER_COST = -3.0
_SYMBOLS = re.compile(
    "[\u2000-\u2bff\u3000-\u303f\u3040-\u30ff\u3200-\u33ff\uac00-\ud7af\ufe30-\ufe4f\uff01-\uffee]"
)
# Han characters below this frequency (parts per million) count as rare.
RARE_PPM = 10.0


@lru_cache(maxsize=1)
def table() -> dict[str, float]:
    """Han character → log10(parts per million) (loaded once)."""
    text = resources.files("citynews_scraper.text").joinpath("data/han_freq.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {ch: math.log10(float(ppm)) for ch, ppm in rows}


def ppm(ch: str) -> float:
    """Frequency of a Han character in parts per million (0 when not in the table)."""
    cost = table().get(ch)
    return 10**cost if cost is not None else 0.0


def char_cost(ch: str) -> float:
    """How expected `ch` is in Chinese text, log10 scale (higher = more expected)."""
    cost = table().get(ch)
    if cost is not None:
        return cost
    if ch.isascii():
        return ASCII_COST
    if ch in CJK_PUNCT:
        return PUNCT_COST
    if HAN.match(ch):
        return UNKNOWN_HAN
    return SYMBOL_COST if _SYMBOLS.match(ch) else OTHER_COST


@lru_cache(maxsize=1)
def _common_han() -> re.Pattern[str]:
    """Han characters at or above `RARE_PPM` (one regex: counting runs in C, not Python)."""
    floor = math.log10(RARE_PPM)
    return re.compile("[" + "".join(sorted(ch for ch, cost in table().items() if cost >= floor)) + "]")


# Characters that are neither ASCII, Han, punctuation nor symbols: codec debris.
_DEBRIS = re.compile(f"[^\x00-\x7f{HAN_CLASS}{''.join(sorted(CJK_PUNCT))}" + _SYMBOLS.pattern[1:])


@lru_cache(maxsize=1)
def _uncommon() -> re.Pattern[str]:
    """Rare Han characters and debris in one class: non-ASCII, not common Han, not
    punctuation, not a symbol."""
    floor = math.log10(RARE_PPM)
    common = "".join(sorted(ch for ch, cost in table().items() if cost >= floor))
    return re.compile(f"[^\x00-\x7f{common}{''.join(sorted(CJK_PUNCT))}" + _SYMBOLS.pattern[1:])


def uncommon_count(text: str) -> int:
    """How many characters of `text` are rare Han characters or codec debris (fast)."""
    return len(_uncommon().findall(text))


def rare_count(text: str) -> tuple[int, int]:
    """(rare, counted): Han characters below `RARE_PPM` plus debris characters (Latin-1
    letters, bopomofo, private use…), out of all Han and debris characters of `text`."""
    han = len(HAN.findall(text))
    debris = len(_DEBRIS.findall(text))
    common = len(_common_han().findall(text))
    return han - common + debris, han + debris


def rare_han_share(text: str) -> float:
    """Share of rare characters among the Han and debris characters of `text` (see
    `rare_count`); ASCII, punctuation, symbols and kana are not counted.

    >>> rare_han_share("鐢ㄦ埛"), rare_han_share("用户"), rare_han_share("A-1")
    (1.0, 0.0, 0.0)
    """
    rare, counted = rare_count(text)
    return rare / counted if counted else 0.0


def plausibility(text: str) -> float:
    """Mean `char_cost` over the non-space characters of `text` (-inf for none).

    >>> plausibility("用户") > plausibility("鐢ㄦ埛")
    True
    """
    costs = [char_cost(ch) for ch in text if not ch.isspace()]
    return sum(costs) / len(costs) if costs else -math.inf
