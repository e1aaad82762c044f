"""Chinese portal boilerplate cleaning of body paragraphs (vocabularies in `vocab`).

Three rules, in order: drop debris (table pipes, box drawing), cut the tail at the first
end-of-article marker (相关阅读, 上一篇, 返回搜狐 …) that comes after most of the text,
then drop whole paragraphs that are chrome (责任编辑, 来源, share bars, copyright lines).
A paragraph is dropped only when it IS boilerplate, never when it merely contains a
boilerplate word: 来源 and 编辑 also occur in article sentences.
"""

from __future__ import annotations

import re

from citynews_scraper.extract.generic.vocab import BOILERPLATE_LINE, DEBRIS_LINE, TAIL_MARKER

# The tail is cut only after this share of the body's characters.
TAIL_CUT_AFTER = 0.5
_SPACES = re.compile(r"\s+")


def is_boilerplate(paragraph: str) -> bool:
    """True when the whole paragraph is portal chrome rather than article text."""
    flat = _SPACES.sub("", paragraph.strip("|").strip())
    return not flat or bool(DEBRIS_LINE.match(paragraph)) or bool(BOILERPLATE_LINE.match(flat))


def cut_tail(paragraphs: list[str]) -> list[str]:
    """The paragraphs before the first tail marker that follows most of the text."""
    total = sum(len(p) for p in paragraphs) or 1
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if seen >= TAIL_CUT_AFTER * total and TAIL_MARKER.match(_SPACES.sub("", paragraph.strip("| "))):
            return paragraphs[:index]
        seen += len(paragraph)
    return paragraphs


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without debris, the related-links tail and boilerplate lines."""
    kept = [p for p in paragraphs if not DEBRIS_LINE.match(p)]
    return [p for p in cut_tail(kept) if not is_boilerplate(p)]
