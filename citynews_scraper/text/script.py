"""Opt-in Simplified ↔ Traditional conversion with OpenCC (``--script hans|hant``)."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

import opencc

from citynews_scraper.text.repair import RepairLog

# OpenCC configurations and the repair name each conversion is counted under.
_CONFIGS = {"hans": ("t2s", "t2s"), "hant": ("s2t", "s2t")}
SCRIPTS = tuple(_CONFIGS)


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def convert_script(text: str, target: str, log: RepairLog) -> str:
    """`text` in the `target` script (`hans` or `hant`); counts changed characters in `log`.

    >>> log = RepairLog()
    >>> convert_script("萍鄉城事網", "hans", log), log.repairs_list()
    ('萍乡城事网', ['t2s:2'])
    """
    if target not in _CONFIGS:
        raise ValueError(f"unknown script {target!r}: expected one of {', '.join(SCRIPTS)}")
    config, repair = _CONFIGS[target]
    converted = _converter(config).convert(text)
    if converted != text:
        log.repaired(repair, _changed_chars(text, converted))
    return converted


def _changed_chars(before: str, after: str) -> int:
    if len(before) == len(after):  # the usual case: character for character
        return sum(1 for a, b in zip(before, after, strict=True) if a != b)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
