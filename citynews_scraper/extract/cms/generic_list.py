"""Listing pages of any portal: article links by URL shape and position, the next page. Pure.

The fallback when no CMS listing parser claims a page, and the engine behind the
DedeCMS / PHPCMS / EmpireCMS / WordPress listing parsers (`ListStyle`: their stock list
markup and pager, tried before the generic rules).

- Article links: same-site links whose URL has an article shape (`ARTICLE_SHAPES`: numeric
  files, dated paths, ``?id=N``, ``/t20230105_123.html`` …) and no list/utility shape
  (`NOT_ARTICLE`), outside the page furniture (header, nav, footer, sidebars:
  `FURNITURE`), with a title-like text.  The largest cluster of such links (the links that
  share a list container) comes first: that is the channel's own list.
- Next page: a link saying 下一页/下页/下一頁/Next/Older posts, else ``rel=next``, else
  the numeric pager's current page + 1, else a bare ``>`` / ``›`` / ``»``.  ``>>`` and
  末页/尾页 are the last page, never the next.
- Channels: folder-like same-site links in the navigation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import html as lxml_html

from citynews_scraper.extract import dates
from citynews_scraper.extract.cms import detect
from citynews_scraper.extract.listing import ListEntry, Listing
from citynews_scraper.extract.page import Page
from citynews_scraper.extract.urls import DEFAULT_RULES, UrlRules, canonical
from citynews_scraper.text.normalize import normalize_space

XPaths = tuple[str, ...]

ARTICLE_SHAPES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"/(?:19|20)\d{2}[-_/]?(?:0[1-9]|1[0-2])[-_/]?(?:[0-3]\d)?/(?:[\w-]+/)*[\w-]*\d+[\w-]*\.s?html?$",  # dated dir
        r"/t(?:19|20)\d{6}_\d+\.s?html?$",  # TRS (government portals)
        r"/(?:content|article|detail|show|view|news|info|doc|c)[_-]\d+(?:[_-]\d+)*\.s?html?$",
        r"/\d{3,}\.s?html?$",  # DedeCMS / EmpireCMS / PHPCMS static files
        r"[?&](?:aid|id|articleid|article_id|newsid|news_id|contentid|itemid|p|docid)=\d+(?:&|$)",
        r"/(?:article|articles|news|post|posts|content|detail|a|p|archives|story)/\d+/?$",
        r"/(?:19|20)\d{2}/\d{2}/(?:\d{2}/)?[^/?#.]{6,}/?$",  # WordPress dated permalinks
    )
)
NOT_ARTICLE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"/(?:list|index)[_-]\d+(?:[_-]\d+)?\.s?html?$", r"/page/\d+/?$", r"[?&](?:page|paged|pageno|PageNo)=",
        r"/(?:tag|tags|search|login|register|member|user|comment|comments|feed|rss|author)(?:/|\.|$)",
        r"[?&](?:m=member|mod=space|do=|tag=|keyword=|q=)",
        r"\.(?:jpe?g|png|gif|bmp|webp|pdf|zip|rar|7z|docx?|xlsx?|pptx?|exe|apk|mp[34]|swf|js|css)$",
        r"/\d+_\d+\.s?html?$",  # page k > 1 of an article: the crawler reaches it from page 1
    )
)
# Regions that are page furniture, by tag or by a class/id word.
FURNITURE_TAGS = frozenset(("header", "nav", "footer", "aside"))
FURNITURE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:header|head|top|nav|navbar|menu|mainnav|subnav|footer|foot|bottom|copyright|side|sidebar|"
    r"aside|right|crumbs?|breadcrumbs?|position|place|friendlink|flink|links|login|search|ad|ads|banner)(?:$|[\s_-]|\d)",
    re.I,
)
NEXT_WORDS = frozenset((
    "下一页", "下页", "下一頁", "下頁", "后页", "後頁", "下一页>", "下一页 >", "下一页»", "下一页 »", "下一页>>",
    "next", "next page", "next ›", "next »", "next >", "older posts", "« older posts", "较早文章", "更早的文章",
    "早期文章", "← 较早文章", "下一页 ›", "older entries", "« older entries", "next page »", "下一页 →",
))
NEXT_CLASS = re.compile(r"(?:^|\s)(?:next|nxt|nextpostslink|wp-block-query-pagination-next|nav-previous)(?:\s|$)")
NEXT_SYMBOLS = frozenset((">", "›", "»", "→", "下"))
LAST_WORDS = frozenset(("末页", "尾页", "末頁", "尾頁", "最后一页", ">>", "»»", "last"))
_FOLDER = re.compile(
    r"/(?:[\w-]+/)+$|/list[_-]\d+(?:[_-]1)?\.html$|/index\.html?$"
    r"|[?&](?:catid|classid|tid|typeid|cat)=\d+$|/category/[^/]+/?$",
    re.I,
)
# Page numbers in listing URLs: list_1_3.html, index_3.html, ?page=3, /page/3/, _3.html.
PAGE_IN_URL = (
    re.compile(r"/list[_-]\d+[_-](?P<n>\d+)\.s?html?$", re.I),
    re.compile(r"/index[_-](?P<n>\d+)\.s?html?$", re.I),
    re.compile(r"[?&](?:page|paged|pageno)=(?P<n>\d+)", re.I),
    re.compile(r"/page/(?P<n>\d+)/?$", re.I),
    re.compile(r"/(?P<n>\d{1,3})\.s?html?$", re.I),
)
TITLE_MIN_CHARS = 5
ITEM_MAX_CHARS = 400
CLUSTER_TAGS = frozenset(("ul", "ol", "dl", "table", "tbody", "div", "section", "main", "article"))
# Climbing from a link to its item stops below these (above them items would mix).
LIST_TAGS = frozenset(("ul", "ol", "table", "tbody", "body", "html", "main"))


@dataclass(frozen=True)
class ListStyle:
    """One CMS's stock list markup: main-list links, pager containers, extra article shapes."""

    name: str
    entries: XPaths = ()
    pager: XPaths = ()
    article_shapes: tuple[re.Pattern[str], ...] = ()
    channels: XPaths = ()


GENERIC_STYLE = ListStyle(name=detect.GENERIC)


@dataclass
class _Found:
    url: str
    anchor: lxml_html.HtmlElement
    cluster: lxml_html.HtmlElement | None = None
    extra: dict[str, str] = field(default_factory=dict)


class StyledListingParser:
    """A listing parser: the style's own markup first, then the generic rules."""

    def __init__(self, style: ListStyle = GENERIC_STYLE, rules: UrlRules = DEFAULT_RULES) -> None:
        self.style = style
        self.name = style.name
        self.rules = rules

    def score(self, page: Page) -> float:
        if self.name == detect.GENERIC:
            return 0.05  # the fallback: any CMS parser that claims the page wins
        return detect.cms_score(page, self.name)

    def parse_listing(self, page: Page) -> Listing:
        entries = self._styled_entries(page) or self._shaped_entries(page)
        current = current_page(page, self.style.pager)
        return Listing(
            entries=entries,
            next_page=next_page(page, self.style.pager, current),
            channels=channels(page, self.style.channels),
            page_number=current,
        )

    # --- entries ------------------------------------------------------------------

    def is_article(self, url: str) -> bool:
        if any(p.search(url) for p in NOT_ARTICLE):
            return False
        return any(p.search(url) for p in (*self.style.article_shapes, *ARTICLE_SHAPES)) or bool(
            self.rules is not DEFAULT_RULES and self.rules.article_ref(url)
        )

    def _styled_entries(self, page: Page) -> list[ListEntry]:
        anchors = [a.root for xpath in self.style.entries for a in page.selector.xpath(xpath)]
        found = [
            _Found(url, a)
            for a in anchors
            if isinstance(a, lxml_html.HtmlElement)
            and (url := page.absolute(a.get("href")))
            and same_site(url, page.url)
        ]
        return _entries(page, found)

    def _shaped_entries(self, page: Page) -> list[ListEntry]:
        found = []
        for a in page.selector.root.iter("a"):
            url = page.absolute(a.get("href"))
            if not url or not same_site(url, page.url) or not self.is_article(url) or in_furniture(a):
                continue
            if len(_anchor_text(a)) < TITLE_MIN_CHARS:
                continue
            found.append(_Found(url, a, cluster=_cluster(a)))
        sizes = Counter(id(f.cluster) for f in found)
        # The channel's own list first: the biggest cluster, then the rest in page order.
        biggest = max(sizes.values(), default=0)
        found.sort(key=lambda f: 0 if sizes[id(f.cluster)] == biggest else 1)
        return _entries(page, found)


def _entries(page: Page, found: list[_Found]) -> list[ListEntry]:
    entries: list[ListEntry] = []
    seen: set[str] = set()
    for item in found:
        url = canonical(item.url)
        if url in seen or url == canonical(page.url):
            continue
        seen.add(url)
        entries.append(_entry(page, item.anchor, url))
    return entries


# The blurb under a list entry's title.
_SUMMARY_XPATH = (
    ".//p | .//*[contains(@class,'intro') or contains(@class,'summary') or contains(@class,'excerpt')"
    " or contains(@class,'desc')]"
)


def _entry(page: Page, a: lxml_html.HtmlElement, url: str) -> ListEntry:
    box = _item(a)
    text = normalize_space(box.text_content()) if box is not None else ""
    raw = _date_text(text)
    image = box.xpath(".//img/@src | .//img/@data-original") if box is not None else []
    blurbs = box.xpath(_SUMMARY_XPATH) if box is not None else []
    summary = [normalize_space(p.text_content()) for p in blurbs if a not in p.iter("a")]
    return ListEntry(
        url=url,
        title=_anchor_text(a) or None,
        summary=next((s for s in summary if len(s) > 10), None),
        published_at=dates.iso(dates.parse_date(raw, page.local_now, page.tz)) if raw else None,
        published_at_raw=raw,
        thumbnail=page.absolute(str(image[0])) if image else None,
    )


def _anchor_text(a: lxml_html.HtmlElement) -> str:
    return normalize_space(a.text_content()) or normalize_space(a.get("title") or "")


def _date_text(text: str) -> str | None:
    matches = [m for m in (p.search(text) for p in dates.ABSOLUTE) if m]
    return min(matches, key=lambda m: m.start()).group(0).strip() if matches else None


def _item(a: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The list item around a link: the nearest item-like ancestor that is still small."""
    node = a.getparent()
    best = None
    while node is not None and node.tag not in LIST_TAGS:
        if len(normalize_space(node.text_content())) > ITEM_MAX_CHARS or len(node.xpath(".//a[@href]")) > 4:
            break
        best = node
        if node.tag in ("li", "tr", "article", "dl"):
            break
        node = node.getparent()
    return best


def _cluster(a: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    node = a.getparent()
    while node is not None and node.tag not in CLUSTER_TAGS - {"div"} and not (node.tag == "div" and len(node) > 2):
        node = node.getparent()
    return node


def in_furniture(el: lxml_html.HtmlElement) -> bool:
    """True inside a header, nav, footer, sidebar or a region named like one."""
    for node in el.iterancestors():
        if node.tag in FURNITURE_TAGS:
            return True
        if node.tag in ("body", "html"):
            return False
        names = f"{node.get('class') or ''} {node.get('id') or ''}".strip()
        if names and FURNITURE_WORDS.search(names):
            return True
    return False


def same_site(url: str, other: str) -> bool:
    """Same registrable domain (``news.example.com.cn`` ~ ``www.example.com.cn``)."""
    return _site(urlsplit(url).hostname or "") == _site(urlsplit(other).hostname or "")


def _site(host: str) -> str:
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in ("com", "net", "org", "gov", "edu", "ac", "co") else 2
    return ".".join(labels[-keep:])


# --- next page -------------------------------------------------------------------

def _page_of(url: str) -> int | None:
    for pattern in PAGE_IN_URL:
        found = pattern.search(url)
        if found:
            return int(found.group("n"))
    return None


def current_page(page: Page, pagers: XPaths = ()) -> int | None:
    """The page number the pager marks as current, else the one in the URL."""
    for container in _pagers(page, pagers):
        for node in container.iter():
            if node.tag == "a" or any(p.tag == "a" for p in node.iterancestors()) or not isinstance(node.tag, str):
                continue
            own = normalize_space(node.text or "").strip("[]")
            classes = f"{node.get('class') or ''}"
            emphasised = node.tag in ("b", "strong", "span", "em", "font")
            if own.isdigit() and (emphasised or re.search(r"cur|active|this|selected", classes)):
                return int(own)
    return _page_of(page.url) or (1 if _pagers(page, pagers) else None)


def _pagers(page: Page, pagers: XPaths) -> list[lxml_html.HtmlElement]:
    found = [el.root for xpath in pagers for el in page.selector.xpath(xpath)]
    if found:
        return [el for el in found if isinstance(el, lxml_html.HtmlElement)]
    # Generic: the container of a link that says 下一页 or of a run of numeric links.
    containers = _numeric_runs(page)
    for a in page.selector.root.iter("a"):
        text = normalize_space(a.text_content()).lower()
        if text in NEXT_WORDS or text in LAST_WORDS or text in ("上一页", "上一頁", "首页", "首頁"):
            parent = a.getparent()
            while parent is not None and parent.tag in ("li", "span", "b", "strong", "font"):
                parent = parent.getparent()
            if parent is not None and parent not in containers:
                containers.append(parent)
    return containers


def _numeric_runs(page: Page) -> list[lxml_html.HtmlElement]:
    """Containers holding two or more links whose text is just a page number."""
    counts: Counter[lxml_html.HtmlElement] = Counter()
    for a in page.selector.root.iter("a"):
        if normalize_space(a.text_content()).strip("[]").isdigit() and a.get("href"):
            parent = a.getparent()
            while parent is not None and parent.tag in ("li", "span", "b", "strong", "font", "ul"):
                parent = parent.getparent()
            if parent is not None:
                counts[parent] += 1
    return [container for container, n in counts.items() if n >= 2]


def next_page(page: Page, pagers: XPaths = (), current: int | None = None) -> str | None:
    """The URL of the next listing page, or None on the last page."""
    here = canonical(page.url)
    in_pagers = [a for container in _pagers(page, pagers) for a in container.iter("a")]
    anchors = in_pagers or list(page.selector.root.iter("a"))
    candidates = [(normalize_space(a.text_content()).lower(), page.absolute(a.get("href")), a) for a in anchors]
    usable = [
        (text, url, a) for text, url, a in candidates if url and canonical(url) != here and same_site(url, page.url)
    ]
    for text, url, a in usable:
        if text in NEXT_WORDS or text.rstrip(" >›»→") in ("下一页", "下页", "下一頁", "下頁", "next") or _next_class(a):
            return canonical(url)
    rel = page.selector.xpath("//link[@rel='next']/@href | //a[@rel='next']/@href").get()
    if rel and page.absolute(rel):
        return canonical(page.absolute(rel) or "")
    if current is not None:
        for text, url, _ in usable:
            if text == str(current + 1):
                return canonical(url)
    for text, url, _ in usable:
        if text in NEXT_SYMBOLS and (current is None or _page_of(url) in (None, current + 1)):
            return canonical(url)
    return None


def _next_class(a: lxml_html.HtmlElement) -> bool:
    """Pager classes that mean "next page": WordPress ``a.next``, WP-PageNavi, the query block,
    and ``div.nav-previous`` (older posts, i.e. the next page of the list)."""
    parent = a.getparent()
    names = f"{a.get('class') or ''} {parent.get('class') if parent is not None else ''}"
    return bool(NEXT_CLASS.search(names))


# --- channels --------------------------------------------------------------------

def channels(page: Page, xpaths: XPaths = ()) -> list[str]:
    """Channel (list) URLs offered by the navigation: same site, folder-like."""
    anchors = [a.root for xpath in xpaths for a in page.selector.xpath(xpath)] or [
        a for a in page.selector.root.iter("a") if _in_nav(a)
    ]
    urls = []
    for a in anchors:
        if not isinstance(a, lxml_html.HtmlElement):
            continue
        url = page.absolute(a.get("href"))
        if url and same_site(url, page.url) and _FOLDER.search(url) and urlsplit(url).path not in ("", "/"):
            urls.append(canonical(url))
    return list(dict.fromkeys(urls))


def _in_nav(a: lxml_html.HtmlElement) -> bool:
    for node in a.iterancestors():
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if node.tag == "nav" or re.search(r"(?:^|[\s_-])(?:nav|menu|mainnav|subnav|channel)", names):
            return True
    return False


PARSER = StyledListingParser()
