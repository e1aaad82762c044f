"""Text repairs applied to every record string, each counted in a `RepairLog`.

`clean_text` is the single entry point the extractor calls per string field; it runs the
repairs in a fixed order and then normalises whitespace (record-v1):

1. ``html_entities`` — double-escaped references shown as text (``&amp;nbsp;`` → ``&nbsp;``);
2. ``pinyin_annotations`` removed (``鄉(xiāng)`` → ``鄉``);
3. ``utf8_as_latin1`` / ``utf8_as_cp1252`` — ftfy's ``fix_encoding``, whole string only;
4. ``gbk_as_latin1`` — before ftfy's partial fixes, which would garble GBK shown as Latin-1;
5. ``utf8_as_latin1`` / ``utf8_as_cp1252`` — ftfy's partial fixes on what is left;
6. ``utf8_as_gbk``, ``big5_as_gbk``, ``gbk_as_big5`` — only in strings that carry rare
   characters at all (the cheap gate `looks_damaged`), as clean text does not;
7. flags ``replacement_chars`` and ``mojibake_lossy`` (text kept);
8. ``lost_lead_byte`` flagged (or, when certain, ``lost_lead_byte_restored``);
9. whitespace folded and trimmed.

Repairs are conservative: a change is made only when it is provably a repair (see
docs/text-repair.md).  Counts are occurrences: entities decoded, damaged runs repaired,
annotations removed, characters flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from citynews_scraper.text import freq, mojibake
from citynews_scraper.text.entities import unescape_entities
from citynews_scraper.text.flags import (
    count_lossy,
    lost_lead_positions,
    restore_lost_lead,
)
from citynews_scraper.text.normalize import normalize_space
from citynews_scraper.text.pinyin import strip_pinyin_hosts

# A page that had this many annotations removed was served by a pinyin-injecting mirror.
MIRROR_PINYIN_MIN = 5
# The Han-mojibake repairs run only when this share of the non-ASCII characters is rare
# Han or debris (freq.uncommon_count): on real pages 99 % of clean Chinese paragraphs stay
# below 17 % and 99 % of UTF-8-read-as-GBK paragraphs above 37 % (bench/text_eval.py).
RARE_SHARE = 0.08
MIN_NON_ASCII = 2
# Characters GBK shows as through Latin-1 / cp1252 (and UTF-8 through them): without one,
# neither gbk_as_latin1 nor ftfy has anything to do.  cp1252's curly quotes, dashes and
# ellipsis, NBSP and · × ÷ ° ± are left out: they are ordinary in Chinese text, and GBK
# mojibake made only of them does not occur (the pairs would be rare characters).
_LATIN_DEBRIS = re.compile(
    "[\x80-\x9f\xa1-\xaf\xb2-\xb6\xb8-\xd6\xd8-\xf6\xf8-\xff"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2020\u2021\u2030\u2039\u203a\u2122\u20ac\u201a\u201e]"
)
_LETTER_IN_HAN = re.compile(f"[A-Za-z](?=[{freq.HAN_CLASS}])")

@dataclass
class RepairLog:
    """Counts of repairs made and of problems flagged (but left) over one record."""

    repairs: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)

    def repaired(self, name: str, count: int = 1) -> None:
        if count:
            self.repairs[name] += count

    def flag(self, name: str, count: int = 1) -> None:
        if count:
            self.flags[name] += count

    def merge(self, other: RepairLog) -> None:
        self.repairs.update(other.repairs)
        self.flags.update(other.flags)

    @staticmethod
    def _as_list(counter: Counter[str]) -> list[str]:
        return [f"{name}:{count}" for name, count in sorted(counter.items()) if count > 0]

    def repairs_list(self) -> list[str]:
        """`repairs` for the record: ``name:count``, sorted by name."""
        return self._as_list(self.repairs)

    def flags_list(self) -> list[str]:
        """`quality_flags` for the record: ``name:count``, sorted by name."""
        return self._as_list(self.flags)


def looks_damaged(text: str) -> bool:
    """Cheap gate: True when enough characters are rare for double-byte mojibake to be possible.

    >>> looks_damaged("萍乡新闻：老旧小区改造"), looks_damaged("鐢ㄦ埛瀵嗙爜")
    (False, True)
    """
    rare = freq.uncommon_count(text)
    if not rare:
        return False
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii >= MIN_NON_ASCII and rare >= non_ascii * RARE_SHARE


def _repair_mojibake(text: str, log: RepairLog) -> str:
    # ftfy on the whole string first (GBK shown as Latin-1 is never valid UTF-8 as a whole),
    # then GBK runs, then ftfy's partial fixes on what is left.
    if _LATIN_DEBRIS.search(text):
        fixed, name, n = mojibake.utf8_as_latin(text, partial=False)
        # Short GBK pairs can be valid UTF-8 too (学院 = D1A7 D4BA = ѧԺ): when ftfy's
        # reading yields unusual letters, the more plausible of the two readings wins.
        if n and not mojibake.is_ordinary(fixed):
            gbk_fixed, m = mojibake.gbk_as_latin1(text)
            if m and freq.plausibility(gbk_fixed) > freq.plausibility(fixed):
                n = 0
        if n:
            text = fixed
            log.repaired(name, n)
        text, n = mojibake.gbk_as_latin1(text, known=log.repairs["gbk_as_latin1"] > 0)
        log.repaired("gbk_as_latin1", n)
        text, name, n = mojibake.utf8_as_latin(text)
        log.repaired(name, n)
    if looks_damaged(text):
        for name, repair in (
            ("utf8_as_gbk", mojibake.utf8_as_gbk),
            ("big5_as_gbk", mojibake.big5_as_gbk),
            ("gbk_as_big5", mojibake.gbk_as_big5),
        ):
            # A record with a field repaired this way is known damaged this way: its
            # short fields (dates, labels) are held to the lower second-pass bar.
            text, n = repair(text, known=log.repairs[name] > 0)
            log.repaired(name, n)
    return text


def _lost_lead_bytes(text: str, log: RepairLog, annotated: list[int]) -> str:
    """Flag (or, when certain, restore) letters left by lost lead bytes.

    `annotated` are letters that carried a pinyin annotation: evidence enough on its own.
    """
    positions = sorted(set(lost_lead_positions(text)) | set(annotated))
    for pos in reversed(positions):
        restored = restore_lost_lead(text, pos)
        if restored:
            text = text[:pos] + restored + text[pos + 1 :]
            log.repaired("lost_lead_byte_restored")
        else:
            log.flag("lost_lead_byte")
    return text


def clean_text(text: str, log: RepairLog) -> str:
    """Repair and normalise one string field, counting what was done in `log`."""
    if "&" in text:
        text, n = unescape_entities(text)
        log.repaired("html_entities", n)
    if not text.isascii():
        # Pinyin first: its tone marks (à, é, ǎ) are Latin letters the mojibake repairs
        # would otherwise have to look at; no mojibake looks like a bracketed syllable.
        text, n, annotated = strip_pinyin_hosts(text)
        log.repaired("pinyin_annotations", n)
        text = _repair_mojibake(text, log)
        log.flag("replacement_chars", text.count("\ufffd"))
        log.flag("mojibake_lossy", count_lossy(text))
        if annotated or _LETTER_IN_HAN.search(text):
            text = _lost_lead_bytes(text, log, annotated)
    return normalize_space(text)


def finish_log(log: RepairLog) -> None:
    """Page-level flags computed once every field has been cleaned.

    ``mirror_site_pinyin`` marks a page that carried many pinyin annotations: it was served
    by a pinyin-injecting mirror, which users filter out.
    """
    removed = log.repairs.get("pinyin_annotations", 0)
    if removed >= MIRROR_PINYIN_MIN:
        log.flags["mirror_site_pinyin"] = 1
