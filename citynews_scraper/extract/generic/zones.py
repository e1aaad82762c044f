"""Where the article sits among the page's visible lines: title line, body start and end.

Dates and bylines are looked for around the body (the header between title and body,
the first and last body lines, a few lines after it), not in sidebars and comment lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citynews_scraper.extract.generic.lines import Line

# How many characters of a paragraph identify its line.
PROBE_CHARS = 12
# Lines after the body that still belong to the article (editor, source, date footers).
TAIL_LINES = 8
# Lines before the body searched when the title line is not found.
HEADER_LINES = 15
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Zones:
    """Line indexes: header = [header_start, body_start), body = [body_start, body_end)."""

    header_start: int
    body_start: int
    body_end: int
    tail_end: int

    def where(self, index: int) -> str:
        """``header``, ``body``, ``tail`` or ``outside`` for a line index."""
        if self.header_start <= index < self.body_start:
            return "header"
        if self.body_start <= index < self.body_end:
            return "body"
        if self.body_end <= index < self.tail_end:
            return "tail"
        return "outside"


def _flat(text: str) -> str:
    return _SPACES.sub("", text)


def _find(lines: list[str], probe: str, start: int = 0) -> int | None:
    if not probe:
        return None
    for index in range(start, len(lines)):
        if probe in lines[index]:
            return index
    return None


def locate(lines: list[Line], title: str | None, paragraphs: list[str]) -> Zones:
    """The zones of `lines` given the extracted title and body paragraphs."""
    flat = [_flat(line.text) for line in lines]
    first = _flat(paragraphs[0])[:PROBE_CHARS] if paragraphs else ""
    last = _flat(paragraphs[-1])[:PROBE_CHARS] if paragraphs else ""
    body_start = _find(flat, first)
    if body_start is None:
        body_start = len(lines)
    body_end = _find(flat, last, body_start)
    body_end = body_start if body_end is None else body_end + 1
    title_at = None
    if title:
        probe = _flat(title)[:PROBE_CHARS]
        candidates = [i for i, text in enumerate(flat[:body_start + 1]) if probe in text]
        title_at = candidates[-1] if candidates else None
    header_start = title_at if title_at is not None else max(0, body_start - HEADER_LINES)
    if header_start > body_start:
        header_start = max(0, body_start - HEADER_LINES)
    return Zones(header_start, body_start, body_end, min(len(lines), body_end + TAIL_LINES))
