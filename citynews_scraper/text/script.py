"""Opt-in Simplified ↔ Traditional conversion with OpenCC (``--script hans|hant``)."""

from __future__ import annotations

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
    """`text` in the `target` script (`hans` or `hant`); counts changed characters in `log`."""
    config, repair = _CONFIGS[target]
    converted = _converter(config).convert(text)
    if converted != text:
        changed = sum(1 for a, b in zip(text, converted) if a != b) or 1
        log.repaired(repair, changed)
    return converted
