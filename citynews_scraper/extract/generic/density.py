"""A second opinion on the body: the block holding most of the page's Chinese sentences.

trafilatura sometimes returns nothing useful on old forum and portal pages (text directly
in a ``<td>`` between ``<br>``s, inside tooltip tables).  Sentence punctuation is a strong,
cheap signal for Chinese prose that navigation and link lists lack, so each element's own
text (its ``.text`` and its children's tails, links excluded) gives its punctuation count
to itself, its parent and (half) its grandparent, readability-style; the best-scoring
element is the body block.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml.html import HtmlElement

from citynews_scraper.extract.generic.lines import visible_lines

SENTENCE_PUNCT = re.compile(r"[，。！？；：、“”]|[,.!?;:](?=\s)")
SKIP_TAGS = frozenset({"script", "style", "noscript", "a", "select", "option", "textarea", "iframe", "head",
                       "button", "form", "nav", "footer", "header"})
# A line that is mostly link text is a link list, not prose.
MAX_LINK_SHARE = 0.5


def _own_text(element: HtmlElement) -> str:
    parts = [element.text or ""]
    parts += [child.tail or "" for child in element]
    return "".join(parts)


def best_block(root: HtmlElement) -> tuple[HtmlElement | None, int]:
    """The element with the most sentence punctuation around it, and its score."""
    scores: dict[HtmlElement, float] = defaultdict(float)
    stack = [root]
    while stack:
        element = stack.pop()
        # Skipped subtrees (scripts, links, forms …) are never entered.
        stack.extend(child for child in element if isinstance(child.tag, str) and child.tag not in SKIP_TAGS)
        count = len(SENTENCE_PUNCT.findall(_own_text(element)))
        if not count:
            continue
        scores[element] += count
        parent = element.getparent()
        if parent is not None:
            scores[parent] += count
            grand = parent.getparent()
            if grand is not None:
                scores[grand] += count / 2
    if not scores:
        return None, 0
    best = max(scores, key=lambda element: scores[element])
    return best, int(scores[best])


def block_paragraphs(block: HtmlElement) -> list[str]:
    """The text of `block` split at block elements and ``<br>``, link-list lines dropped."""
    return [line.text for line in visible_lines(block) if line.link_share <= MAX_LINK_SHARE]


def punctuation(paragraphs: list[str]) -> int:
    """Sentence punctuation marks in `paragraphs` (the measure the candidates compare on)."""
    return sum(len(SENTENCE_PUNCT.findall(p)) for p in paragraphs)
