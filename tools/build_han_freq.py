"""Regenerate the text layer's data tables from jieba's dictionary.

- citynews_scraper/text/data/han_freq.tsv — character frequencies (plausibility score);
- citynews_scraper/text/data/lead_words.tsv — two-character words whose first character
  has an ASCII-letter trail byte in GBK or Big5 and whose second character rarely occurs
  outside that word (lost-lead-byte evidence: in ``兵P凰`` the 凰 is bound to 鳳, whose
  GBK trail byte is ``P``);
- citynews_scraper/text/data/letter_words.tsv — words that start with one ASCII letter and a
  Han character (``A股``, ``T恤``): legitimate letters between Han characters;
- citynews_scraper/text/data/script_chars.tsv — the characters of han_freq.tsv that exist in
  one script only (OpenCC t2s changes a Traditional-only one, s2t a Simplified-only one), so
  that language detection counts them with one regex instead of calling OpenCC per character.

The table gives each Han character a frequency (parts per million of characters in jieba's
word-frequency dictionary, a large Simplified corpus).  Traditional forms receive the
frequency of their Simplified counterpart through OpenCC's s2t, so the same table scores
Simplified and Traditional text.  jieba is only a bench extra; the derived table (small,
plain text) ships as package data so the runtime does not need jieba.

Usage: .venv/bin/python tools/build_han_freq.py
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import jieba
import opencc

DATA = Path(__file__).resolve().parent.parent / "citynews_scraper" / "text" / "data"
OUT = DATA / "han_freq.tsv"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters rarer than this (per million) are left out: the runtime treats every character
# absent from the table as rare, so the tail adds size and no signal.
MIN_PPM = 0.05
# Two-character words rarer than this jieba count are left out of lead_words.tsv, and so
# are words whose second character occurs mostly elsewhere (binding below MIN_BINDING).
MIN_WORD_COUNT = 30
MIN_BINDING = 0.3
CONVERTERS = ("s2t", "s2tw", "s2hk")
LETTER_WORD = re.compile(r"[A-Za-z][\u4e00-\u9fff]")


def simplified_counts(dict_path: Path) -> Counter[str]:
    """Character counts weighted by word frequency over jieba's dict.txt."""
    counts: Counter[str] = Counter()
    with dict_path.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            for ch in HAN.findall(word):
                counts[ch] += freq
    return counts


def with_traditional(counts: Counter[str]) -> Counter[str]:
    """Add each character's Traditional form(s) (OpenCC s2t, s2tw, s2hk) with the same count."""
    merged = Counter(counts)
    converters = [opencc.OpenCC(c) for c in CONVERTERS]
    for ch, n in counts.items():
        for forms in {conv.convert(ch) for conv in converters}:
            for form in forms:
                if form != ch and HAN.fullmatch(form):
                    merged[form] = max(merged[form], n)
    return merged


def has_letter_trail(ch: str) -> bool:
    """True when `ch` encodes in GBK or Big5 as two bytes whose second is an ASCII letter."""
    for codec in ("gbk", "big5hkscs"):
        try:
            raw = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(raw) == 2 and chr(raw[1]).isascii() and chr(raw[1]).isalpha():
            return True
    return False


def word_tables(dict_path: Path, counts: Counter[str]) -> tuple[dict[str, set[str]], set[str]]:
    """(first char → second chars of bound 2-char words with a letter trail, letter words).

    `counts` are the character counts (Simplified and Traditional) of `with_traditional`.
    """
    converters = [opencc.OpenCC(c) for c in CONVERTERS]
    pairs: dict[str, set[str]] = {}
    letters: set[str] = set()
    with dict_path.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq = line.split()[:2]
            forms = {word} | {conv.convert(word) for conv in converters}
            if LETTER_WORD.match(word):
                letters.update(form[:2] for form in forms)
            if int(freq) < MIN_WORD_COUNT or len(word) != 2 or len(HAN.findall(word)) != 2:
                continue
            for form in forms:
                bound = int(freq) >= MIN_BINDING * counts.get(form[1], 1)
                if bound and has_letter_trail(form[0]):
                    pairs.setdefault(form[0], set()).add(form[1])
    return pairs, letters


def write_word_tables(dict_path: Path, counts: Counter[str]) -> None:
    pairs, letters = word_tables(dict_path, counts)
    with (DATA / "lead_words.tsv").open("w", encoding="utf-8") as out:
        out.write("# first char\tsecond chars of 2-char words (tools/build_han_freq.py)\n")
        for first in sorted(pairs):
            out.write(f"{first}\t{''.join(sorted(pairs[first]))}\n")
    with (DATA / "letter_words.tsv").open("w", encoding="utf-8") as out:
        out.write("# letter + Han character starting a jieba word (tools/build_han_freq.py)\n")
        out.writelines(f"{word}\n" for word in sorted(letters))
    print(f"{sum(map(len, pairs.values()))} lead words, {len(letters)} letter words")


def write_script_chars(chars: list[str]) -> None:
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    hant = "".join(ch for ch in chars if t2s.convert(ch) != ch)
    hans = "".join(ch for ch in chars if t2s.convert(ch) == ch and s2t.convert(ch) != ch)
    with (DATA / "script_chars.tsv").open("w", encoding="utf-8") as out:
        out.write("# script\tcharacters found in that script only (tools/build_han_freq.py)\n")
        out.write(f"hant\t{hant}\nhans\t{hans}\n")
    print(f"{len(hant)} Traditional-only, {len(hans)} Simplified-only characters")


def main() -> None:
    dict_path = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    counts = with_traditional(simplified_counts(dict_path))
    write_word_tables(dict_path, counts)
    total = sum(counts.values())
    # Sorted by count, then character: the output must not depend on hash order.
    rows = [(ch, n * 1e6 / total) for ch, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    rows = [(ch, ppm) for ch, ppm in rows if ppm >= MIN_PPM]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# char\tparts per million (tools/build_han_freq.py, from jieba dict.txt + OpenCC s2t)\n")
        for ch, ppm in rows:
            out.write(f"{ch}\t{ppm:.3g}\n")
    print(f"{len(rows)} characters → {OUT}")
    write_script_chars([ch for ch, _ in rows])


if __name__ == "__main__":
    main()
