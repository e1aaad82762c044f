"""Whitespace normalisation every record string goes through (record-v1, "Text normalisation")."""

from __future__ import annotations

import re

# NBSP, U+3000 and the zero-width family fold into ordinary spaces; runs of any
# whitespace become one space.  Nothing else changes: full-width punctuation stays.
# (Python's \s already covers NBSP and U+3000; one regex pass is faster than translate.)
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SPACES = re.compile(f"[\\s{_ZERO_WIDTH}]+")


def normalize_space(text: str) -> str:
    """Fold NBSP / U+3000 / zero-width characters and whitespace runs to one space; trim.

    >>> normalize_space("\\u3000\\u3000萍乡\\u00a0 新闻\\u200b ")
    '萍乡 新闻'
    """
    return _SPACES.sub(" ", text).strip(" ")
