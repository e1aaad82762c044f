"""Discuz! X portal article pages (X1.5 – X3.5, stock and common themes) → `Draft`.

One small method per field; the markup each reads is named in `discuz_selectors`, the body
flow and the caption rule are in `discuz_body`.  Values are returned as the page shows
them; the text layer repairs and normalises them afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from lxml import etree
from lxml import html as lxml_html

from citynews_scraper.extract.cms import discuz_selectors as sel
from citynews_scraper.extract.cms.detect import detect_cms
from citynews_scraper.extract.cms.discuz_body import paragraphs_and_images, read_blocks
from citynews_scraper.extract.cms.discuz_urls import article_id_from_url, first_page_url, page_from_url
from citynews_scraper.extract.dates import iso, parse_date
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.errors import NotAnArticle, UnknownLayout
from citynews_scraper.extract.page import Page
from citynews_scraper.text.normalize import normalize_space

# Mirror sites inject pinyin into labels too (發(fā)布者); labels are matched without it.
_PINYIN = re.compile(r"[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}\s*[)）]")
_DIGITS = re.compile(r"\d+")
_LABELS = sorted(
    ((label, key) for key, labels in sel.META_LABELS.items() for label in labels),
    key=lambda pair: -len(pair[0]),
)
_LABEL_ALTERNATIVES = "|".join(re.escape(label) for label, _ in _LABELS)
_LABELLED = re.compile(r"^\s*(?P<label>" + _LABEL_ALTERNATIVES + r")\s*[:：]\s*(?P<value>.*)$", re.S)
_LABEL_KEYS = dict(_LABELS)


@cache
def _compiled(expr: str) -> etree.XPath:
    return etree.XPath(expr)


def q(node: lxml_html.HtmlElement, expr: str) -> list[Any]:
    """Evaluate a selector from `discuz_selectors` (compiled once) on an lxml node.

    lxml directly rather than parsel: parsel's per-call wrapping cost as much as the parse.
    """
    # Every expression passed here selects nodes or strings, never a number or boolean,
    # so the result is always a list (lxml's stubs type any XPath result).
    return cast(list[Any], _compiled(expr)(node))


def q_text(node: lxml_html.HtmlElement, expr: str) -> str:
    """The whitespace-normalised string value of the first match ('' when none)."""
    found = q(node, expr)
    if not found:
        return ""
    first = found[0]
    return normalize_space(first if isinstance(first, str) else first.text_content())


def plain(text: str | None) -> str:
    """Text for matching vocabularies: whitespace folded, injected pinyin dropped."""
    return normalize_space(_PINYIN.sub("", text or ""))


def _text(node: lxml_html.HtmlElement | str) -> str:
    return node if isinstance(node, str) else node.text_content()


@dataclass
class Segment:
    """One `|`-separated part of the meta line: its pieces (strings and elements)."""

    pieces: list[lxml_html.HtmlElement | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return normalize_space("".join(_text(piece) for piece in self.pieces))

    def elements(self, xpath: str) -> list[lxml_html.HtmlElement]:
        found: list[lxml_html.HtmlElement] = []
        for piece in self.pieces:
            if not isinstance(piece, str):
                found.extend(q(piece, xpath))
        return found


def meta_segments(line: lxml_html.HtmlElement) -> list[Segment]:
    """Split the meta line on `<span class="pipe">`, on literal `|` characters, and around
    spans that hold one labelled field each."""
    segments = [Segment()]

    def add_text(text: str | None) -> None:
        parts = (text or "").split("|")
        segments[-1].pieces.append(parts[0])
        segments.extend(Segment([part]) for part in parts[1:])

    add_text(line.text)
    for child in line:
        if not isinstance(child.tag, str):
            pass
        elif "pipe" in (child.get("class") or "").split():
            segments.append(Segment())
        elif child.tag == "span" and _LABELLED.match(plain(child.text_content())):
            segments.extend((Segment([child]), Segment()))  # themes: one span per field, no pipes
        else:
            segments[-1].pieces.append(child)
        add_text(child.tail)
    return [segment for segment in segments if segment.text]


@dataclass
class MetaLine:
    """The meta line's values as shown (strings) plus the elements some fields need."""

    values: dict[str, Segment] = field(default_factory=dict)
    date: Segment | None = None


def _read_meta_line(line: lxml_html.HtmlElement | None) -> MetaLine:
    meta = MetaLine()
    for segment in meta_segments(line) if line is not None else []:
        match = _LABELLED.match(plain(segment.text))
        key = _LABEL_KEYS[match.group("label")] if match else None
        if key == "date" or (key is None and meta.date is None and _looks_dated(segment)):
            meta.date = meta.date or segment
        elif key and key not in meta.values:
            meta.values[key] = segment
    return meta


def _looks_dated(segment: Segment) -> bool:
    return bool(re.search(r"\d{4}\s*[-/.年]\s*\d{1,2}|前|昨天|前天|刚刚|剛剛", segment.text)) or bool(
        segment.elements("descendant-or-self::*[@title]")
    )


def _value(segment: Segment) -> str:
    """The value part of a labelled segment (`发布者: admin` → `admin`)."""
    match = _LABELLED.match(plain(segment.text))
    return match.group("value") if match else segment.text


def _count(segment: Segment | None, em_xpath: str | None = None) -> int | None:
    if segment is None:
        return None
    ems = segment.elements(em_xpath) if em_xpath else []
    digits = _DIGITS.search(_text(ems[0]) if ems else _value(segment))
    return int(digits.group()) if digits else None


def _is_portal_root(link: lxml_html.HtmlElement) -> bool:
    """The breadcrumb link to the portal home: 门户/門戶 by name, or `portal.php` by href."""
    href = (link.get("href") or "").rstrip("/")
    return plain(link.text_content()) in sel.PORTAL_ROOT_WORDS or href.endswith("portal.php")


# Independent Discuz! markers (discuz_selectors.DISCUZ_MARKERS) a page needs for the parser
# to claim it without the generator tag or detection's verdict.
MARKERS_FOR_CLAIM = 2
CLAIM_SCORE = 0.9
# Below the generic parser's score (0.05): a lone marker decides nothing on a page with text.
ONE_MARKER_SCORE = 0.01


class DiscuzParser:
    """The Discuz! X article parser (see the module docstring)."""

    name = "discuz_x"

    def score(self, page: Page) -> float:
        """1.0 for the Discuz! generator tag; 0.9 for two independent Discuz! markers, or one
        that detection backs (its verdict is discuz_x).  One marker alone is weak: other sites
        use the same ids (Sina's article pages carry ``id="article_content"``), so it scores
        below the generic parser and only wins a page the generic parser does not take."""
        root = page.selector.root
        if "discuz" in q_text(root, sel.GENERATOR).lower():
            return 1.0
        markers = sum(1 for marker in sel.DISCUZ_MARKERS if q(root, marker))
        if markers >= MARKERS_FOR_CLAIM:
            return CLAIM_SCORE
        if markers:
            return CLAIM_SCORE if detect_cms(page) == self.name else ONE_MARKER_SCORE
        return 0.0

    def parse(self, page: Page) -> Draft:
        body = self._body(page)
        box = self._box(body)
        meta = _read_meta_line(self._first(box, sel.META_LINE))
        paragraphs, images = paragraphs_and_images(read_blocks(body, page))
        article_id = self._article_id(page)
        number, count, urls = self._pager(page, box)
        published, raw = self._date(meta, page)
        return Draft(
            title=self._title(page, box),
            article_id=article_id,
            url=self._url(page, article_id),
            publisher=self._plain_value(meta, "publisher"),
            author=self._plain_value(meta, "author"),
            source=self._plain_value(meta, "source"),
            source_url=self._source_url(meta, page),
            published_at=published,
            published_at_raw=raw,
            category=self._category(page),
            summary=self._summary(box),
            paragraphs=paragraphs,
            images=images,
            reactions=self._reactions(page),
            views=self._views(page, meta),
            comments=_count(meta.values.get("comments"), ".//em[@id='_commentnum']"),
            page_number=number,
            page_count=count,
            page_urls=urls,
        )

    # --- page kind ----------------------------------------------------------------

    def _body(self, page: Page) -> lxml_html.HtmlElement:
        """The body container, or the error that says what the page is instead."""
        root = page.selector.root
        message = q_text(root, sel.SHOWMESSAGE)
        if message:
            raise NotAnArticle(f'showmessage "{message}"', kind="showmessage")
        body = self._first(root, sel.BODY)
        if body is not None:
            return body
        if q(root, sel.LIST_PAGE):
            raise NotAnArticle("a Discuz! list page (channel listing), not an article", kind="list_page")
        scripts = " ".join(q(root, "//script/text()"))
        if "_dsign" in scripts or ("location" in scripts and len(page.decoded.text) < 4096):
            raise NotAnArticle("Discuz! anti-scraping page (script redirect with _dsign)", kind="antitheft")
        raise UnknownLayout("no article body (#article_content, table.vwtb td) on this page")

    @classmethod
    def _box(cls, body: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
        box = cls._first(body, sel.ARTICLE_BOX)
        return box if box is not None else body.getroottree().getroot()

    @staticmethod
    def _first(node: lxml_html.HtmlElement, xpaths: tuple[str, ...]) -> lxml_html.HtmlElement | None:
        for xpath in xpaths:
            found = q(node, xpath)
            if found:
                return found[0]
        return None

    # --- fields -------------------------------------------------------------------

    def _title(self, page: Page, box: lxml_html.HtmlElement) -> str:
        heading = self._first(box, sel.TITLE)
        title = normalize_space(heading.text_content()) if heading is not None else ""
        for suffix in sel.MODERATION_SUFFIXES:
            title = title.removesuffix(suffix).strip()
        if not title:
            title = self._title_from_head(page)
        if not title:
            raise UnknownLayout("no article title (h1.ph, h1#article_title, <title>) on this page")
        return title

    @staticmethod
    def _title_from_head(page: Page) -> str:
        """`<title>{title}[ - 第N页] - {cat} - {site} - Powered by Discuz!</title>` → title."""
        head = sel.TITLE_SUFFIX.sub("", q_text(page.selector.root, "//title"))
        return head.split(" - ")[0].strip()

    @staticmethod
    def _plain_value(meta: MetaLine, key: str) -> str | None:
        segment = meta.values.get(key)
        if segment is None:
            return None
        links = segment.elements("descendant-or-self::a")
        return normalize_space(_text(links[0])) if links else _value(segment) or None

    @staticmethod
    def _source_url(meta: MetaLine, page: Page) -> str | None:
        segment = meta.values.get("source")
        links = segment.elements("descendant-or-self::a/@href") if segment else []
        return page.absolute(str(links[0])) if links else None

    @staticmethod
    def _date(meta: MetaLine, page: Page) -> tuple[str | None, str | None]:
        if meta.date is None:
            return None, None
        titled = meta.date.elements("descendant-or-self::*[@title]/@title")
        shown = _value(meta.date)
        moment = parse_date(shown, page.local_now, page.tz, title=str(titled[0]) if titled else None)
        return iso(moment), shown or None

    @staticmethod
    def _category(page: Page) -> list[str]:
        trail = q(page.selector.root, sel.BREADCRUMB)
        if not trail:
            return []
        links = [a for a in trail[0].iter("a") if "nvhm" not in (a.get("class") or "")]
        root = next((i for i, a in enumerate(links) if _is_portal_root(a)), -1)
        names = [plain(a.text_content()) for a in links[root + 1:]]
        return [name for name in names if name and name not in sel.VIEW_CONTENT_WORDS]

    @staticmethod
    def _summary(box: lxml_html.HtmlElement) -> str | None:
        text = q_text(box, sel.SUMMARY)
        for label in sel.SUMMARY_LABELS:
            if text.startswith(label):
                text = text[len(label):].lstrip(" :：")
        return text or None

    @staticmethod
    def _reactions(page: Page) -> dict[str, int]:
        reactions: dict[str, int] = {}
        for button in q(page.selector.root, sel.REACTION_BUTTONS):
            count = q_text(button, ".//em")
            label = normalize_space("".join(q(button, ".//text()[not(ancestor::em)]")))
            if label:
                reactions[label] = int(count) if count.isdigit() else 0
        return reactions

    @staticmethod
    def _views(page: Page, meta: MetaLine) -> int | None:
        em = q_text(page.selector.root, sel.VIEWS)
        return int(em) if em.isdigit() else _count(meta.values.get("views"))

    @staticmethod
    def _article_id(page: Page) -> str | None:
        for xpath, pattern in sel.AID_SOURCES:
            for value in q(page.selector.root, xpath):
                match = pattern.search(value)
                if match:
                    return match.group(1)
        return article_id_from_url(page.url)

    @staticmethod
    def _url(page: Page, article_id: str | None) -> str:
        if page.url.startswith(("http://", "https://")):
            return first_page_url(page.url)
        if article_id and page.base_url.startswith(("http://", "https://")):
            return f"{page.base_url.rsplit('/', 1)[0]}/portal.php?mod=view&aid={article_id}"
        return page.url

    def _pager(self, page: Page, box: lxml_html.HtmlElement) -> tuple[int, int, dict[int, str]]:
        """(this page's number, page count, {number: URL}) from the article's own pager."""
        pager = self._first(box, sel.ARTICLE_PAGER)
        number = page_from_url(page.url) or 1
        if pager is None:
            return number, max(number, 1), {}
        urls: dict[int, str] = {}
        for link in pager.iter("a"):
            digits = _DIGITS.search(link.text_content())
            url = page.absolute(link.get("href"))
            if digits and url and "nxt" not in (link.get("class") or "") and "prev" not in (link.get("class") or ""):
                urls[int(digits.group())] = url
        current = _DIGITS.search("".join(s.text_content() for s in pager.iter("strong")))
        number = int(current.group()) if current else number
        total = _DIGITS.search(" ".join(s.get("title") or "" for s in pager.iter("span")))
        count = max([number, *urls, int(total.group()) if total else 1])
        return number, count, urls


PARSER = DiscuzParser()
