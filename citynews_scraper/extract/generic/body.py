"""Body paragraphs: trafilatura scores the blocks, we choose the candidate and clean it.

trafilatura (maintained, fast with ``fast=True``) finds the main block; on table-layout
pages it is run a second time on the page with its tables unwrapped (`layout`), and the
unwrapped result is kept unless it lost most of the text (forum pages, where the table
cells are the content).  `clean` then removes the Chinese portal boilerplate.
"""

from __future__ import annotations

import copy
import re
import warnings
from collections.abc import Iterator

import trafilatura
from lxml.html import HtmlElement

from citynews_scraper.extract.generic import clean, density, layout
from citynews_scraper.text.normalize import normalize_space

# Below this share of the plain candidate's text the unwrapped one lost content.
MIN_UNWRAPPED_SHARE = 0.5
# The unwrapped answer is good enough without a second run when it holds this share of
# the densest block's sentence punctuation.
UNWRAPPED_ENOUGH = 0.8
# trafilatura output elements that hold blocks rather than text.
# The density block replaces trafilatura's answer only when it holds this many times more
# sentence punctuation: trafilatura's answer is usually the cleaner one.
DENSITY_OVERRULES = 3
MIN_PUNCTUATION = 5
# One paragraph this long on its own means the extractor lost the page's line structure.
WALL_CHARS = 200
MIN_BLOCK_LINES = 3
MIN_HAN_SHARE = 0.3
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CONTAINERS = ("list", "table", "quote", "div")
# Blocks inside a table cell that make it a layout cell rather than a data cell.
_CELL_BLOCKS = frozenset({"p", "head", "list", "quote", "div", "table"})


def extract_paragraphs(root: HtmlElement, url: str | None = None) -> list[str]:
    """The article's body paragraphs from the page tree `root` (not modified)."""
    block, score = density.best_block(root)
    chosen = clean.clean_paragraphs(_candidate(root, url, score))
    if block is None:
        return chosen
    if score > DENSITY_OVERRULES * max(density.punctuation(chosen), MIN_PUNCTUATION):
        return clean.clean_paragraphs(density.block_paragraphs(block))
    if _structure_lost(chosen):
        alternative = clean.clean_paragraphs(density.block_paragraphs(block))
        if len(alternative) >= MIN_BLOCK_LINES and density.punctuation(alternative) >= density.punctuation(chosen) / 3:
            return alternative
    return chosen


def _candidate(root: HtmlElement, url: str | None, block_score: int) -> list[str]:
    """trafilatura's paragraphs, from the unwrapped page when tables lay it out.  The plain
    page is only run when the unwrapped answer misses much of the densest block's prose."""
    if not layout.has_layout_tables(root):
        return _run(copy.deepcopy(root), url)
    unwrapped = _run(layout.unwrap_tables(copy.deepcopy(root)), url)
    if block_score and density.punctuation(unwrapped) >= UNWRAPPED_ENOUGH * block_score:
        return unwrapped
    plain = _run(copy.deepcopy(root), url)
    return unwrapped if _length(unwrapped) >= MIN_UNWRAPPED_SHARE * _length(plain) else plain


def _structure_lost(paragraphs: list[str]) -> bool:
    """True when a Chinese page came back as one or two walls of text (menus glued to the
    body).  The density scorer counts Chinese punctuation, so other languages keep
    trafilatura's answer."""
    if not 0 < len(paragraphs) <= 2 or max(map(len, paragraphs)) <= WALL_CHARS:
        return False
    text = "".join(paragraphs)
    return len(_HAN.findall(text)) >= MIN_HAN_SHARE * len(text)


def _length(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def _run(root: HtmlElement, url: str | None) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(layout.leaf_sections_to_paragraphs(root), url=url, fast=True,
                                          include_comments=False)
    body = getattr(doc, "body", None)  # a Document (as_dict=False), or None on failure
    if body is None:
        return []
    return clean.drop_containers([text for text in _blocks(body) if text])


def _holds_blocks(cell: HtmlElement) -> bool:
    return any(sub.tag in _CELL_BLOCKS for sub in cell)


def _blocks(parent: HtmlElement) -> Iterator[str]:
    """Text of each block of trafilatura's output tree, in order (a table row is one block)."""
    for child in parent:
        if child.tag == "row" and any(_holds_blocks(cell) for cell in child):
            # A one-table page layout: the article's paragraphs sit inside a cell.
            for cell in child:
                yield normalize_space(cell.text or "")
                yield from _blocks(cell) if _holds_blocks(cell) else [normalize_space(cell.xpath("string()"))]
        elif child.tag == "row":
            yield normalize_space(" ".join(cell.xpath("string()") for cell in child))
        elif child.tag in _CONTAINERS and len(child):
            yield from _blocks(child)
        else:
            yield normalize_space(child.xpath("string()"))
