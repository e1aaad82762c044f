"""Damage that cannot be undone, flagged (text left as it is): U+FFFD, 锟斤拷-style runs, and
ASCII letters left behind by a lost GBK/Big5 lead byte (``兵P凰`` for ”鳳凰).

A lost lead byte leaves its trail byte behind; when that byte is in 0x41–0x7A it reads as
an ASCII letter wedged into Chinese text.  Legitimate letters sit there too (``A股``,
``C位``, ``长征二号F遥十``), so a letter is flagged only on evidence that a character is
missing: in Traditional text (see `_traditional_context`), the letter does not start a
known letter word, and some GBK or Big5 character whose trail byte is that letter forms a
*bound* word with the next character (凰 occurs almost only in 鳳凰, and 鳳 is F8 50 =
``P``).  A letter that carried a pinyin annotation (``F(xiàn)年``) is flagged by the
caller: mirrors annotate Han characters only.  Restoring the character is a guess; it is
made only under the dropped-duplicate-byte signature (the preceding full-width character
ends in the very lead byte the restored character needs) and when exactly one candidate
forms a word (see `restore_lost_lead`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from citynews_scraper.text.freq import CJK_PUNCT, HAN_CLASS
from citynews_scraper.text.lang import script_counts

# 锟斤拷 is U+FFFD U+FFFD encoded as UTF-8 and read as GBK; 烫烫烫 / 屯屯屯 are MSVC's
# uninitialised-memory fill bytes (0xCC / 0xCD) read as GBK.
_LOSSY = re.compile("(?:锟斤拷)+|(?:烫){3,}|(?:屯){3,}|(?:\ufffd){2,}")
_LOSSY_HINT = frozenset("锟烫屯")
_ASCII_PUNCT = frozenset(",.!?;:\"'")
_CANDIDATE = re.compile(f"(?<=[{HAN_CLASS}{''.join(CJK_PUNCT)},.!?;:\"'])[A-Za-z](?=[{HAN_CLASS}])")
_LEAD_CODECS = ("gbk", "big5hkscs")
# Characters on each side of a letter whose script is checked (see `_traditional_context`).
CONTEXT = 40


def _data_lines(name: str) -> list[str]:
    text = resources.files("citynews_scraper.text").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def lead_words() -> dict[str, str]:
    """First character → second characters of common two-character words (data/lead_words.tsv)."""
    return dict(line.split("\t") for line in _data_lines("lead_words.tsv"))


@lru_cache(maxsize=1)
def letter_words() -> frozenset[str]:
    """Letter + Han pairs that start real words (``A股``, ``T恤``; data/letter_words.tsv)."""
    return frozenset(_data_lines("letter_words.tsv"))


@lru_cache(maxsize=64)
def lead_candidates(trail: str) -> tuple[tuple[int, str, str], ...]:
    """(lead byte, codec, character) for every GBK/Big5 character whose trail byte is `trail`."""
    out = []
    for codec in _LEAD_CODECS:
        for lead in range(0x81, 0xFF):
            try:
                ch = bytes([lead, ord(trail)]).decode(codec)
            except UnicodeDecodeError:
                continue
            if ch in lead_words():
                out.append((lead, codec, ch))
    return tuple(out)


def _words_with(trail: str, following: str) -> list[tuple[int, str, str]]:
    """The candidates for a lost character before `following` that form a word with it."""
    return [cand for cand in lead_candidates(trail) if following in lead_words()[cand[2]]]


def _traditional_context(text: str, pos: int) -> bool:
    """True when the text around `pos` is Traditional.

    Every GBK character with an ASCII trail byte lies outside GB2312, i.e. is Traditional
    or rare, and Big5 is a Traditional charset: in Simplified text a lost lead byte leaves
    a high byte (mojibake), not a letter, so letters there are legitimate (``C位``, ``A柱``).
    """
    hans, hant = script_counts(text[max(0, pos - CONTEXT) : pos + CONTEXT])
    return hant > hans


def _is_lost_lead(text: str, pos: int) -> bool:
    before = text[pos - 1]
    if before in _ASCII_PUNCT and (pos < 2 or text[pos - 2].isascii()):
        return False
    if text[pos : pos + 2] in letter_words():
        return False
    return bool(_words_with(text[pos], text[pos + 1])) and _traditional_context(text, pos)


def lost_lead_positions(text: str) -> list[int]:
    """Indexes of letters that stand where a Han character lost its lead byte.

    >>> text = "黨員成為貼心人!兵P凰池社區黨委書記；做空A股市場"
    >>> [text[i] for i in lost_lead_positions(text)]
    ['P']
    """
    if text.isascii():
        return []
    return [m.start() for m in _CANDIDATE.finditer(text) if _is_lost_lead(text, m.start())]


def restore_lost_lead(text: str, pos: int) -> str | None:
    """The character the letter at `pos` lost its lead from, when the guess is certain, else None.

    Certain means: the character before is full-width punctuation whose last byte (in the
    codec of the candidate) IS the missing lead byte — the signature of a dropped
    duplicate byte — and exactly one candidate forms a word with the next character.
    >>> restore_lost_lead("推動“l展", 3)  # “ is A1 B0 in GBK, 發 is B0 6C
    '發'
    >>> restore_lost_lead("推動,l展", 3) is None
    True
    """
    before = text[pos - 1] if pos else ""
    if before not in CJK_PUNCT or pos + 1 >= len(text):
        return None
    words = _words_with(text[pos], text[pos + 1])
    if len(words) != 1:
        return None
    lead, codec, ch = words[0]
    try:
        previous = before.encode(codec)
    except UnicodeEncodeError:
        return None
    return ch if previous[-1] == lead else None


def count_lossy(text: str) -> int:
    """Runs of lossy mojibake (锟斤拷, 烫烫烫, 屯屯屯, repeated U+FFFD)."""
    if _LOSSY_HINT.isdisjoint(text) and "\ufffd\ufffd" not in text:
        return 0
    return len(_LOSSY.findall(text))
