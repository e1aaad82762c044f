"""Pinyin annotations injected by mirror sites: ``鄉(xiāng)``, ``網(wǎng)``, ``絡(luò )``.

Hijacked mirrors of city portals append the tone-marked pinyin of single (mostly
Traditional) characters.  The pattern removed is narrow on purpose: ONE valid pinyin
syllable carrying a tone mark, in ASCII or full-width brackets (a space may precede the
closing one), right after a Han character — or after a lone ASCII character that stands
where a Han character lost its lead byte (``F(xiàn)`` for 現 in the seed article).
Glosses of several syllables (``萍乡(Píngxiāng)``), toneless ones (``(Pingxiang)``) and
parentheticals (``（凤凰街 供图）``) do not match and stay.
"""

from __future__ import annotations

import re

from citynews_scraper.text.freq import CJK_PUNCT, HAN_CLASS

_CJK_PUNCT = re.escape("".join(sorted(CJK_PUNCT)))

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE_MARK = re.compile(f"[{_TONED}]")
_PLAIN = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")
_INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINALS = (
    "(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in"
    "|ua|uo|ui|un|ue|üe|ün|a|o|e|i|u|ü|ng|n|m)"
)
_SYLLABLE = re.compile(f"{_INITIALS}{_FINALS}")
# Candidates: a host character, an opening bracket, one lowercase toned word, a closing one.
_ANNOTATION = re.compile(
    rf"(?P<host>[{HAN_CLASS}]|(?<=[{HAN_CLASS}{_CJK_PUNCT},.!?;:\"'])[A-Za-z])"
    rf"(?P<open>[(（])(?P<syl>[a-zü{_TONED}]{{1,6}}) ?(?P<close>[)）])"
)


def is_toned_syllable(word: str) -> bool:
    """True for one valid pinyin syllable carrying exactly one tone mark.

    >>> [is_toned_syllable(w) for w in ("xiāng", "luò", "wǎng", "Píngxiāng", "xiang", "abcé")]
    [True, True, True, False, False, False]
    """
    if len(_TONE_MARK.findall(word)) != 1:
        return False
    return _SYLLABLE.fullmatch(word.translate(_PLAIN)) is not None


def _brackets_match(opening: str, closing: str) -> bool:
    return (opening == "(") == (closing == ")")


def strip_pinyin(text: str) -> tuple[str, int]:
    """`text` without single-syllable pinyin annotations, and how many were removed.

    >>> strip_pinyin("萍鄉(xiāng)城事網(wǎng)，網絡(luò )")
    ('萍鄉城事網，網絡', 3)
    >>> strip_pinyin("萍乡(Píngxiāng)（凤凰街 供图）(Pingxiang)")
    ('萍乡(Píngxiāng)（凤凰街 供图）(Pingxiang)', 0)
    """
    stripped, count, _ = strip_pinyin_hosts(text)
    return stripped, count


def strip_pinyin_hosts(text: str) -> tuple[str, int, list[int]]:
    """Like `strip_pinyin`, plus the indexes (in the result) of ASCII characters that carried
    an annotation: mirrors annotate Han characters only, so such a character is what is left
    of a Han character that lost its lead byte.

    >>> strip_pinyin_hosts("民心,F(xiàn)年")
    ('民心,F年', 1, [3])
    """
    if "(" not in text and "（" not in text:
        return text, 0, []
    out: list[str] = []
    hosts: list[int] = []
    count, last, length = 0, 0, 0
    for match in _ANNOTATION.finditer(text):
        if not (is_toned_syllable(match["syl"]) and _brackets_match(match["open"], match["close"])):
            continue
        kept = text[last : match.end("host")]
        out.append(kept)
        length += len(kept)
        if match["host"].isascii():
            hosts.append(length - 1)
        count += 1
        last = match.end()
    out.append(text[last:])
    return "".join(out), count, hosts
