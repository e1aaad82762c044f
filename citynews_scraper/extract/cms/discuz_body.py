"""The Discuz! article body (`#article_content`) → paragraphs and images with captions.

The body is editor HTML, so it is read as a flow of blocks rather than with selectors:
block-level elements, runs of two or more ``<br>`` and a single ``<br>`` after a sentence end
or a bold line or before an indented line end a text block, an ``<img>`` is a
block of its own, junk (ads, attachment tips, pagers, share bars …, see
``discuz_selectors.BODY_JUNK``) is dropped with its content.

Caption rule (the only one; tests pin it):

1. A forum-pushed image (``id="_aimg_N"``/``aimg_N``, or ``zoomfile``/``file`` attributes)
   takes its caption from ``title``, else ``alt`` — unless that is just a file name.
2. An image still without a caption takes as caption the text block that comes right after it (after any
   further images of the same group, which share nothing: the caption goes to the last
   image before it) when that block is
   a. marked: a caption class (``p.pgc-img-caption`` …) or caption wording — it starts
      with 图为/圖為/上图…, or ends in a bracketed credit like ``（凤凰街 供图）`` (the
      closing bracket may be missing, as on the seed page) — and at most 120 characters; or
   b. centred (``text-align:center``, ``align=center``, ``<center>``, or in the same
      centred paragraph as the image) and at most 40 characters, and not bold/heading
      (a bold centred line is a subheading).
3. A caption block is not a paragraph.  Everything else is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from citynews_scraper.extract.cms import discuz_selectors as sel
from citynews_scraper.extract.page import Page
from citynews_scraper.record import Image
from citynews_scraper.text.normalize import normalize_space

_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
# A single <br> ends a paragraph where Chinese typography marks one: the next line is indented
# (full-width or &nbsp; indentation), the line before ends a sentence or is all bold (a
# subheading).  Elsewhere it is a
# line break inside a paragraph (a wrapped line, an address) and becomes a space.
_INDENTED = re.compile(r"[ \t\r\n]*(?:\u3000|\u00a0{2})")
_SENTENCE_END = re.compile(r"[。！？!?…][”’」』\"')）]*\s*$")


@dataclass
class TextBlock:
    text: str
    centred: bool = False
    marked: bool = False  # carries a caption class
    emphasised: bool = False  # heading or wholly bold: a subheading
    page_title: bool = False


@dataclass
class ImageBlock:
    image: Image


Block = TextBlock | ImageBlock


@dataclass(frozen=True)
class _Context:
    """What the enclosing block elements say about the text inside them (OR-ed outwards in)."""

    centred: bool = False
    marked: bool = False
    heading: bool = False
    page_title: bool = False

    def inside(self, el: lxml_html.HtmlElement) -> _Context:
        classes = (el.get("class") or "").split()
        return _Context(
            centred=self.centred or _is_centred(el),
            marked=self.marked or any(name in classes for name in sel.CAPTION_CLASSES),
            heading=self.heading or el.tag in sel.HEADING_TAGS,
            page_title=self.page_title or sel.PAGE_TITLE_CLASS in classes,
        )


@dataclass
class _Flow:
    """Accumulates the text of the block being read and emits finished blocks."""

    blocks: list[Block] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    plain_chars: int = 0  # non-space characters outside bold/heading elements
    pending_br: int = 0
    context: list[_Context] = field(default_factory=lambda: [_Context()])

    def add_text(self, text: str | None, bold: bool) -> None:
        if not text:
            return
        if text.strip():
            if self.pending_br >= 2 or (self.pending_br == 1 and self._ends_paragraph(text)):
                self.flush()
            elif self.pending_br == 1:
                self.parts.append("\n")
            self.pending_br = 0
            if not bold:
                self.plain_chars += len(text.strip())
        self.parts.append(text)

    def _ends_paragraph(self, next_text: str) -> bool:
        """Whether the one <br> before `next_text` ends the paragraph (see `_INDENTED`)."""
        return (self.plain_chars == 0 or bool(_INDENTED.match(next_text))
                or bool(_SENTENCE_END.search(self.parts[-1])))

    def add_br(self) -> None:
        if self.parts:
            self.pending_br += 1

    def enter(self, el: lxml_html.HtmlElement) -> None:
        self.flush()
        self.context.append(self.context[-1].inside(el))

    def leave(self) -> None:
        self.flush()
        self.context.pop()

    def flush(self) -> None:
        text = "".join(self.parts)
        if text.strip():
            ctx = self.context[-1]
            self.blocks.append(TextBlock(
                text=text, centred=ctx.centred, marked=ctx.marked,
                emphasised=self.plain_chars == 0 or ctx.heading, page_title=ctx.page_title,
            ))
        self.parts.clear()
        self.plain_chars = 0
        self.pending_br = 0


def _is_centred(el: lxml_html.HtmlElement) -> bool:
    return (
        el.tag == "center"
        or (el.get("align") or "").lower() == "center"
        or bool(_CENTRED_STYLE.search(el.get("style") or ""))
    )


def is_junk(el: lxml_html.HtmlElement, tag: str) -> bool:
    """Ads, tips, pagers, share bars … (``discuz_selectors.BODY_JUNK_*``): not body content."""
    if tag in sel.BODY_JUNK_TAGS:
        return True
    ident = el.get("id") or ""
    classes = el.get("class") or ""
    return (
        ident in sel.BODY_JUNK_IDS
        or any(part in ident for part in sel.BODY_JUNK_ID_PARTS)
        or (bool(classes) and (
            not sel.BODY_JUNK_CLASSES.isdisjoint(classes.split())
            or any(part in classes for part in sel.BODY_JUNK_CLASS_PARTS)
        ))
    )


def read_blocks(body: lxml_html.HtmlElement, page: Page) -> list[Block]:
    """The body as a flow of text and image blocks, junk skipped (the tree is not modified).

    Iterative with an explicit stack: hostile pages nest thousands of elements deep, past
    Python's recursion limit.  Stack entries are (element, bold around it, closing?).
    """
    flow = _Flow()
    flow.context.append(flow.context[-1].inside(body))
    flow.add_text(body.text, False)
    stack: list[tuple[lxml_html.HtmlElement, bool, bool]] = [(child, False, False) for child in reversed(body)]
    while stack:
        el, bold, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""  # comments and PIs have no str tag
        if closing:
            if tag in sel.BLOCK_TAGS:
                flow.leave()
        elif tag == "br":
            flow.add_br()
        elif tag == "img":
            image = read_image(el, page)
            if image:
                flow.flush()
                flow.blocks.append(image)
        elif tag and not is_junk(el, tag):
            if tag in sel.BLOCK_TAGS:
                flow.enter(el)
            inner_bold = bold or tag in sel.BOLD_TAGS or tag in sel.HEADING_TAGS
            flow.add_text(el.text, inner_bold)
            stack.append((el, bold, True))
            stack.extend((child, inner_bold, False) for child in reversed(el))
            continue  # the tail follows the closing entry
        flow.add_text(el.tail, bold)  # the tail belongs to the parent's flow
    flow.flush()
    return flow.blocks


# --- images -----------------------------------------------------------------------

def _usable(url: str | None) -> bool:
    """False for missing URLs and lazy-loading placeholders (``static/image/common/none.gif``)."""
    if not url:
        return False
    return url.split("?", 1)[0].rsplit("/", 1)[-1] not in sel.PLACEHOLDER_IMAGES


def read_image(img: lxml_html.HtmlElement, page: Page) -> ImageBlock | None:
    """An `ImageBlock` for a body image (full-size URL), or None for icons and smilies."""
    parent = img.getparent()
    link = parent.get("href") if parent is not None and parent.tag == "a" else None
    linked_file = link if link and sel.IMAGE_FILE.search(link) else None
    candidates = (img.get("zoomfile"), linked_file, img.get("file"), img.get("src"))
    raw = next((url.strip() for url in candidates if url and _usable(url.strip())), None)
    if not raw or any(path in raw for path in sel.DECORATION_IMAGE_PATHS):
        return None
    src = page.absolute(sel.THUMB_SUFFIX.sub("", raw))
    if not src:
        return None
    alt = normalize_space(img.get("alt") or "") or None
    forum = bool(img.get("zoomfile") or img.get("file") or re.match(r"_?aimg_\d+", img.get("id") or ""))
    caption = None
    if forum:
        described = normalize_space(img.get("title") or "") or alt
        caption = described if described and not sel.FILENAME_ALT.match(described) else None
    return ImageBlock(Image(src=src, caption=caption, alt=alt))


# --- captions ---------------------------------------------------------------------

def is_caption(block: TextBlock) -> bool:
    """Rule 2 of the module docstring, for a text block that follows an image."""
    text = normalize_space(block.text)
    if block.page_title or not text:
        return False
    if block.marked or sel.CAPTION_TEXT.search(text):
        return len(text) <= sel.CAPTION_MAX_MARKED
    return block.centred and not block.emphasised and len(text) <= sel.CAPTION_MAX_CENTRED


def paragraphs_and_images(blocks: list[Block]) -> tuple[list[str], list[Image]]:
    """Split the block flow into body paragraphs and images, attaching captions."""
    paragraphs: list[str] = []
    images: list[Image] = []
    previous: Block | None = None
    for block in blocks:
        if isinstance(block, ImageBlock):
            images.append(block.image)
        elif isinstance(previous, ImageBlock) and previous.image.caption is None and is_caption(block):
            previous.image.caption = normalize_space(block.text)
        else:
            paragraphs.append(block.text)
        previous = block
    return paragraphs, images
