"""Where the article sits among the page's visible lines: title line, body start and end.

Dates and bylines are looked for around the body (the header between title and body,
the first and last body lines, a few lines after it), not in sidebars and comment lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citynews_scraper.extract.generic.lines import Line

# How many characters of a paragraph identify its line; how many paragraphs to try.
PROBE_CHARS = 8
PROBE_PARAGRAPHS = 5
# How far into the extracted body the title line may sit (extractors keep headers).
TITLE_SEARCH_INTO_BODY = 12
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


def _find_paragraph(flat: list[str], paragraphs: list[str], reverse: bool) -> int | None:
    """The line of the first (or, reversed, last) paragraph that can be found at all."""
    order = reversed(paragraphs) if reverse else paragraphs
    for paragraph in list(order)[:PROBE_PARAGRAPHS]:
        probe = _flat(paragraph)[:PROBE_CHARS]
        hits = [i for i, text in enumerate(flat) if probe and probe in text]
        if hits:
            return hits[-1] if reverse else hits[0]
    return None


def _title_lines(flat: list[str], title: str | None, limit: int) -> list[int]:
    """The lines (before `limit`) that show the title: whole, else its first characters."""
    if not title:
        return []
    whole = _flat(title)
    hits = [i for i, text in enumerate(flat[:limit]) if whole in text and len(text) <= 2 * len(whole) + 20]
    if not hits:
        probe = whole[:PROBE_CHARS]
        hits = [i for i, text in enumerate(flat[:limit]) if probe in text and len(text) <= 2 * len(whole) + 20]
    return hits


def locate(lines: list[Line], title: str | None, paragraphs: list[str]) -> Zones:
    """The zones of `lines` given the extracted title and body paragraphs."""
    flat = [_flat(line.text) for line in lines]
    body_start = _find_paragraph(flat, paragraphs, reverse=False)
    body_start = len(lines) if body_start is None else body_start
    body_end = _find_paragraph(flat, paragraphs, reverse=True)
    body_end = body_start if body_end is None or body_end < body_start else body_end + 1
    # The header starts at the title line above the body.  The body may also start
    # with header lines the extractor kept (the title repeated, datelines): a title line
    # among its first lines ends them.
    hits = _title_lines(flat, title, min(len(lines), body_start + TITLE_SEARCH_INTO_BODY))
    # The first title line near the body (``原标题：…`` lines repeat it further down).
    above = [i for i in hits if body_start - HEADER_LINES <= i < body_start][:1] or [i for i in hits if i < body_start]
    inside = [i for i in hits if body_start <= i < body_end]
    kept_from = body_start
    if inside:
        body_start = inside[-1] + 1
    # Lines the extractor kept above the title line are header lines too.
    title_at = above[-1] if above else (kept_from if inside else None)
    header_start = title_at if title_at is not None else max(0, body_start - HEADER_LINES)
    return Zones(header_start, body_start, body_end, min(len(lines), body_end + TAIL_LINES))
