"""The visible text of a page (or block) as lines, split where a browser breaks lines.

Dates, bylines and the body's position are found on these lines: a header such as
``2022-02-13 04:22:18 来源：云南日报`` is one line whatever markup carries it.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """The non-empty visible lines under `root`, in document order."""
    parts: list[list[str]] = [[]]
    linked: list[int] = [0]

    def add(text: str | None, in_link: bool) -> None:
        if text:
            parts[-1].append(text)
            if in_link:
                linked[-1] += len(text.strip())

    def walk(element: HtmlElement, in_link: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in INVISIBLE_TAGS or not tag:
            return
        link = in_link or tag == "a"
        if tag in BLOCK_TAGS:
            parts.append([])
            linked.append(0)
        add(element.text, link)
        for child in element:
            walk(child, link)
            add(child.tail, link)
        if tag in BLOCK_TAGS:
            parts.append([])
            linked.append(0)

    walk(root, False)
    lines = (Line(normalize_space("".join(p)), n) for p, n in zip(parts, linked))
    return [line for line in lines if line.text]
