"""Body images with captions: the images inside the element that holds the body text.

The body container is the nearest common ancestor of the first and last body
paragraphs in the page tree.  Icons, spacers and tracking pixels are skipped (declared
size below `MIN_SIDE`, or an icon-like file name).  A caption is the ``<figcaption>`` of
the image's figure, else the short text of the paragraph right after an image that
stands alone in its paragraph when that paragraph is marked as a caption (centred, a
caption-like class, or a 图/▲ lead-in: the usual Chinese portal layout), else the title
attribute.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from citynews_scraper.extract.page import Page
from citynews_scraper.record import Image
from citynews_scraper.text.normalize import normalize_space

SRC_ATTRIBUTES = ("data-original", "data-src", "data-lazy-src", "original", "src")
MIN_SIDE = 50
MAX_CAPTION_CHARS = 80
ICON_NAME = re.compile(
    r"icon|logo|spacer|blank|arrow|button|btn|share|qrcode|erweima|loading|avatar|\.gif$", re.IGNORECASE
)
PROBE_CHARS = 6
CAPTION_CLASS = re.compile(r"caption|pic|img|photo|note|tu|desc", re.IGNORECASE)
CAPTION_LEAD = ("图", "▲", "△", "（图", "(图", "上图", "下图")
_SPACES = re.compile(r"\s+")


def _element_with(root: HtmlElement, paragraph: str) -> HtmlElement | None:
    probe = _SPACES.sub("", paragraph)[:PROBE_CHARS].replace('"', "")
    if not probe:
        return None
    for node in root.xpath(f'//body//text()[contains(., "{probe}")]'):
        parent = node.getparent()
        return parent.getparent() if node.is_tail and parent.getparent() is not None else parent
    return None


def body_container(root: HtmlElement, paragraphs: list[str]) -> HtmlElement | None:
    """The nearest common ancestor of the first and last body paragraphs."""
    if not paragraphs:
        return None
    first = _element_with(root, paragraphs[0])
    last = _element_with(root, paragraphs[-1])
    if first is None or last is None:
        return first if first is not None else last
    ancestors = {id(a): a for a in [first, *first.iterancestors()]}
    for candidate in [last, *last.iterancestors()]:
        if id(candidate) in ancestors:
            return candidate
    return None


def _small(img: HtmlElement) -> bool:
    for side in ("width", "height"):
        value = (img.get(side) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < MIN_SIDE:
            return True
    return False


def _looks_like_caption(element: HtmlElement, text: str) -> bool:
    """Portals mark captions by centring them, a caption-ish class, or a 图/▲ lead-in;
    an ordinary paragraph after a picture is not its caption."""
    style = (element.get("style") or "").replace(" ", "").lower()
    marked = (element.get("align") or "").lower() == "center" or "text-align:center" in style
    return marked or bool(CAPTION_CLASS.search(element.get("class") or "")) or text.startswith(CAPTION_LEAD)


def _caption(img: HtmlElement) -> str | None:
    figure = next((a for a in img.iterancestors("figure")), None)
    if figure is not None:
        caption = figure.find(".//figcaption")
        if caption is not None:
            return normalize_space(caption.text_content()) or None
    holder = img.getparent()
    if holder is not None and not normalize_space(holder.text_content()):
        following = holder.getnext()
        if following is not None and isinstance(following.tag, str):
            text = normalize_space(following.text_content())
            short = 0 < len(text) <= MAX_CAPTION_CHARS
            if short and following.find(".//img") is None and _looks_like_caption(following, text):
                return text
    return normalize_space(img.get("title") or "") or None


def body_images(page: Page, paragraphs: list[str]) -> list[Image]:
    """The body's images in order, with absolute `src`, caption and alt."""
    container = body_container(page.selector.root, paragraphs)
    if container is None:
        return []
    found: list[Image] = []
    seen: set[str] = set()
    for img in container.iter("img"):
        raw = next((img.get(a) for a in SRC_ATTRIBUTES if (img.get(a) or "").strip()), None)
        src = page.absolute(raw) if raw and not raw.startswith("data:") else None
        if not src or src in seen or _small(img) or ICON_NAME.search(src):
            continue
        seen.add(src)
        found.append(Image(src=src, caption=_caption(img), alt=normalize_space(img.get("alt") or "") or None))
    return found
