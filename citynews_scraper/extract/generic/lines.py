"""The visible text of a page (or block) as lines, split where a browser breaks lines.

Dates, bylines and the body's position are found on these lines: a header such as
``2022-02-13 04:22:18 来源：云南日报`` is one line whatever markup carries it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from citynews_scraper.text.normalize import normalize_space

INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "select", "option", "textarea", "iframe", "head", "title",
                            "template", "button"})
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                        "blockquote", "section", "article", "dd", "dt", "ul", "ol", "pre", "center", "form",
                        "header", "footer", "nav", "aside", "figure", "figcaption", "hr", "body", "main"})


@dataclass
class Line:
    """One visible line: its text (whitespace-normalised) and how much of it is link text."""

    text: str
    link_chars: int = 0

    @property
    def link_share(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def visible_lines(root: HtmlElement) -> list[Line]:
    """The non-empty visible lines under `root`, in document order.

    Iterative (`etree.iterwalk`), so broken pages nested thousands of levels deep do not
    hit Python's recursion limit."""
    parts: list[list[str]] = [[]]
    linked: list[int] = [0]
    link_depth = 0

    def add(text: str | None) -> None:
        if text:
            parts[-1].append(text)
            if link_depth:
                linked[-1] += len(text.strip())

    def break_line() -> None:
        parts.append([])
        linked.append(0)

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):  # yielded once, no start/end: only the tail shows
            add(element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        hidden = not tag or tag in INVISIBLE_TAGS
        if event == "start":
            if hidden:
                walker.skip_subtree()
                continue
            link_depth += tag == "a"
            if tag in BLOCK_TAGS:
                break_line()
            add(element.text)
        else:
            if not hidden:
                link_depth -= tag == "a"
                if tag in BLOCK_TAGS:
                    break_line()
            if element is not root:
                add(element.tail)
    lines = (Line(normalize_space("".join(p)), n) for p, n in zip(parts, linked, strict=True))
    return [line for line in lines if line.text]
