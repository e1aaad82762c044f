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
    """True when a table holds another table or a long text: tables used for layout."""
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            return True
    return False


def unwrap_tables(root: HtmlElement) -> HtmlElement:
    """Rename every table element of `root` (in place) to ``div``; returns `root`."""
    for element in root.iter(*LAYOUT_TAGS):
        element.tag = "div"
        for name in ("width", "height", "align", "valign", "colspan", "rowspan"):
            element.attrib.pop(name, None)
    return root
