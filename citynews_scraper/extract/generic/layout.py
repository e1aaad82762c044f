"""Layout tables → blocks, so the body scorer sees paragraphs instead of data tables.

Portals of the 2000s (and many government sites today) lay the whole page out with nested
``<table>``s.  trafilatura keeps a table as a data table, so on those pages it returns the
navigation rows together with the article cell.  Turning the table elements into ``div``s
lets its block scoring isolate the article cell.
"""

from __future__ import annotations

from lxml.html import HtmlElement

LAYOUT_TAGS = ("table", "tbody", "thead", "tfoot", "tr", "td", "th", "center")


def has_layout_tables(root: HtmlElement) -> bool:
    """True when a table holds another table: tables used for layout."""
    return any(table.find(".//table") is not None for table in root.iter("table"))


def unwrap_tables(root: HtmlElement) -> HtmlElement:
    """Rename every table element of `root` (in place) to ``div``; returns `root`."""
    for element in root.iter(*LAYOUT_TAGS):
        element.tag = "div"
        for name in ("width", "height", "align", "valign", "colspan", "rowspan"):
            element.attrib.pop(name, None)
    return root


# Block elements: a <section> holding one of these is a container, not a paragraph.
_BLOCKS = frozenset({"p", "div", "section", "article", "table", "ul", "ol", "li", "blockquote", "pre",
                     "h1", "h2", "h3", "h4", "h5", "h6", "figure", "dl"})


def leaf_sections_to_paragraphs(root: HtmlElement) -> HtmlElement:
    """Rename every ``<section>`` that holds text but no block element to ``p`` (in place);
    returns `root`.  Editors such as WeChat's set subheadings and even paragraphs as bare
    sections, and trafilatura drops a section's own text."""
    for element in root.iter("section"):
        if not any(child.tag in _BLOCKS for child in element.iterdescendants()) \
                and element.text_content().strip():
            element.tag = "p"
    return root
