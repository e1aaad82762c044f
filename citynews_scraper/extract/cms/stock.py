"""Shared machinery for the stock-template CMS parsers (DedeCMS, PHPCMS, EmpireCMS, WordPress).

Each of those parsers is a `Template` (named XPath alternatives per field, first match wins)
plus a few CMS-specific methods (article id, first-page URL, counters).  `StockParser` reads
every field the same way:

- the *info line* (``时间:… 来源:… 作者:… 点击:…``) is split at its labels
  (`META_LABELS`); scripts are left out, so a counter script that did not run leaves no
  number and the count stays None — a counter counts only when the page shows the number;
- the body goes through the same block reader as the Discuz! body (`discuz_body`) after the
  template's junk is dropped from a copy of the body (so captions, images and paragraphs
  follow one rule project-wide);
- a page the template does not fit (custom theme, no body container) falls back to the
  generic parser for the fields the template could not read.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from lxml import html as lxml_html
from parsel import Selector

from citynews_scraper.extract import dates
from citynews_scraper.extract.cms import detect
from citynews_scraper.extract.cms.discuz_body import paragraphs_and_images, read_blocks
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.errors import UnknownLayout
from citynews_scraper.extract.page import Page
from citynews_scraper.text.normalize import normalize_space

# Labels of the info line, longest first so 发布时间 wins over 时间.
META_LABELS: dict[str, tuple[str, ...]] = {
    "date": ("发布时间", "發佈時間", "發布時間", "发表时间", "發表時間", "更新时间", "發布日期", "发布日期",
             "时间", "時間", "日期", "发布于", "發布於"),
    "source": ("信息来源", "文章来源", "新闻来源", "来源", "來源", "出处", "出處"),
    "author": ("文章作者", "作者", "作 者", "记者", "記者", "撰稿", "文"),
    "editor": ("责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯"),
    "publisher": ("发布者", "發佈者", "發布者", "发布人", "發佈人", "发稿人", "录入", "錄入"),
    "views": ("点击数", "点击", "點擊", "浏览次数", "浏览", "瀏覽", "阅读", "閱讀", "人气", "人氣", "阅读量", "访问量"),
    "comments": ("评论数", "评论", "評論"),
    "other": ("字号", "字號", "字体", "字體", "打印", "收藏", "分享到", "分享", "所属分类", "所屬分類", "分类", "分類",
              "栏目", "欄目", "标签", "標籤", "关键词", "關鍵詞", "TAG", "Tags", "转载请注明", "本文链接", "版权声明"),
}
_LABEL_OF = {label: key for key, labels in META_LABELS.items() for label in labels}
_LABEL_RE = re.compile(
    r"(?P<label>" + "|".join(sorted(map(re.escape, _LABEL_OF), key=len, reverse=True)) + r")[ \t]*[:：][ \t]*"
)
# Elements that end a line of the info block: a value never runs across them.
_LINE_TAGS = frozenset("br p div li dd dt tr td th h1 h2 h3 h4 h5 h6 ul ol table section header footer".split())
# Values a CMS prints when the field is empty (DedeCMS 未知/佚名, admin defaults …).
PLACEHOLDERS = frozenset(("未知", "佚名", "秩名", "不详", "不詳", "匿名", "本站", "网络", "網絡", "-", "—", "无", "無"))
_COUNT = re.compile(r"^\s*(\d[\d,]*)\s*(?:次|人|人次|℃)?\s*$")
_PIPE = re.compile(r"\s*[|｜]\s*$")
ROOT_WORDS = frozenset(
    ("首页", "首頁", "主页", "主頁", "网站首页", "網站首頁", "本站首页", "返回首页", "Home", "home", "首页 >")
)
TRAIL_WORDS = frozenset(("正文", "内容", "內容", "列表", "正文内容", "查看内容", "文章内容", "详情", "詳情"))
BREADCRUMB_LABEL = re.compile(r"^\s*(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|位置)\s*[:：]?\s*")
SUMMARY_LABEL = re.compile(r"^\s*(?:摘要|内容提要|內容提要|导读|導讀|核心提示|提要)\s*[:：]?\s*")
DIGITS = re.compile(r"\d+")
_TITLE_SUFFIX = re.compile(r"\s*(?:_|--|-|–|—|\||｜)\s*[^_|｜]*$")
# A trailing editor line is page furniture, not body text.
EDITOR_LINE = re.compile(r"^[（(\[【]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*[^，。,]{1,20}[)）\]】]?$")
XPaths = tuple[str, ...]


@dataclass(frozen=True)
class Template:
    """Where one CMS family's stock templates put each field (XPath alternatives, first wins)."""

    title: XPaths
    body: XPaths
    meta: XPaths = ()
    summary: XPaths = ()
    crumbs: XPaths = ()
    pager: XPaths = ()
    junk: XPaths = ()
    date: XPaths = ()  # elements whose @datetime / text is the publication time
    author: XPaths = ()  # elements whose text is the author (WordPress byline)
    views: XPaths = ()  # elements whose text is just the view count (PHPCMS span#hits)
    category: XPaths = ()  # category links when there is no breadcrumb


@dataclass
class Info:
    """The info line(s) split at their labels: key → value text, key → the first link's href."""

    text: str = ""
    values: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str | None:
        return self.values.get(key)


# --- small readers ---------------------------------------------------------------

def first(page: Page, xpaths: XPaths) -> lxml_html.HtmlElement | None:
    """The first element any of `xpaths` finds on the page."""
    for xpath in xpaths:
        found = page.selector.xpath(xpath)
        if found and isinstance(found[0].root, lxml_html.HtmlElement):
            return found[0].root
    return None


def shown_text(el: lxml_html.HtmlElement) -> str:
    """The element's visible text: scripts and styles left out, whitespace collapsed."""
    parts = el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")
    return normalize_space(" ".join(parts))


def info_lines(el: lxml_html.HtmlElement) -> str:
    """The element's visible text, one line per block (``li``, ``p``, ``br`` …), spaces collapsed.

    Iterative with an explicit stack: hostile pages nest deeper than Python's recursion limit.
    """
    parts: list[str] = [el.text or ""]
    stack: list[tuple[lxml_html.HtmlElement, bool]] = [(child, False) for child in reversed(el)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""  # comments have no str tag
        if closing or not tag or tag in ("script", "style"):
            if closing and tag in _LINE_TAGS:
                parts.append("\n")
            parts.append(node.tail or "")
            continue
        if tag in _LINE_TAGS:
            parts.append("\n")
        parts.append(node.text or "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    lines = (normalize_space(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def read_info(el: lxml_html.HtmlElement | None) -> Info:
    """Split an info line at its labels (``来源：X 作者：Y 点击：12次``); a value ends at the
    next label or at the end of its line."""
    if el is None:
        return Info()
    text = info_lines(el)
    matches = list(_LABEL_RE.finditer(text))
    values: dict[str, str] = {}
    # Not strict: with no label at all the second list is [None].
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        key = _LABEL_OF[match.group("label")]
        value = text[match.end(): following.start() if following else len(text)].split("\n", 1)[0]
        if not values.get(key):
            values[key] = _PIPE.sub("", value).strip()
    links = {key: href for key, href in _labelled_links(el).items() if key in values}
    return Info(text.replace("\n", " "), values, links)


def read_infos(page: Page, xpaths: XPaths) -> Info:
    """Every info line the template names, merged in order (the first value of a label wins)."""
    merged = Info()
    for xpath in xpaths:
        for found in page.selector.xpath(xpath):
            if not isinstance(found.root, lxml_html.HtmlElement):
                continue
            info = read_info(found.root)
            merged.text = f"{merged.text} {info.text}".strip()
            for key, value in info.values.items():
                if not merged.values.get(key):
                    merged.values[key] = value
            for key, href in info.links.items():
                merged.links.setdefault(key, href)
    return merged


def script_count(page: Page, xpath: str) -> int | None:
    """The number a counter script left right after itself (``<script src=…count…></script>539``).

    A page saved from the server (not from a browser) shows nothing there: None.
    """
    for script in page.selector.xpath(xpath):
        shown = count(normalize_space(script.root.tail or ""))
        if shown is not None:
            return shown
    return None


def _labelled_links(el: lxml_html.HtmlElement) -> dict[str, str]:
    """The first link after each label (来源：<a href=…>大江网</a>)."""
    links: dict[str, str] = {}
    for a in el.iter("a"):
        # The label sits in the text just before the link (same or preceding node).
        before = "".join(a.xpath("preceding::text()[position() <= 2]"))
        labels = list(_LABEL_RE.finditer(before))
        if labels and a.get("href") and not before[labels[-1].end():].strip():
            links.setdefault(_LABEL_OF[labels[-1].group("label")], a.get("href") or "")
    return links


def person(value: str | None) -> str | None:
    """A name from the info line, or None for the CMS's placeholders."""
    if not value:
        return None
    value = normalize_space(value).strip(" |｜/")
    return None if not value or value in PLACEHOLDERS else value


def count(value: str | None) -> int | None:
    """A counter's number as shown (``1,234次``); None when the page shows no number."""
    match = _COUNT.match(value or "")
    return int(match.group(1).replace(",", "")) if match else None


def find_date(text: str | None, page: Page, attribute: str | None = None) -> tuple[str | None, str | None]:
    """(ISO 8601 with offset, the date text as shown) for the first date in `text`.

    `attribute` is a machine-readable time (``<time datetime>``); when it carries its own
    offset that offset is kept, otherwise the site's timezone applies.
    """
    shown = normalize_space(text or "")
    raw = _date_span(shown)
    if attribute:
        exact = _iso_attribute(attribute.strip(), page)
        if exact:
            return exact, raw or shown or None
    if raw:
        return dates.iso(dates.parse_date(raw, page.local_now, page.tz)), raw
    relative = dates.parse_relative(shown, page.local_now) if shown else None
    return (dates.iso(relative), shown) if relative else (None, None)


def _date_span(text: str) -> str | None:
    spans = [m for m in (pattern.search(text) for pattern in dates.ABSOLUTE) if m]
    if not spans:
        return None
    best = min(spans, key=lambda m: m.start())
    return best.group(0).strip()


def _iso_attribute(value: str, page: Page) -> str | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    # record-v1: site-local time; an attribute in UTC (WordPress block themes) is converted.
    moment = moment.replace(tzinfo=page.tz) if moment.tzinfo is None else moment.astimezone(page.tz)
    return dates.iso(moment)


_HEADINGS = "(//h1 | //h2 | //h3 | //h4)[position() <= 60]"
_TITLE_SEPARATORS = ("_", " - ", "--", " | ", "|", " — ", "－", "-")


def title_from_head(page: Page) -> str | None:
    """``<title>`` without the site suffix (``标题_频道_站名`` → ``标题``).

    A heading the ``<title>`` starts with is the title (separators can be part of titles);
    otherwise the text before the first separator.
    """
    head = normalize_space(page.selector.xpath("string(//title)").get() or "")
    texts = page.selector.xpath(f"{_HEADINGS}/descendant-or-self::*[1]").xpath("string(.)").getall()
    headings = (normalize_space(text) for text in texts)
    prefixes = [text for text in headings if len(text) >= 4 and head.startswith(text)]
    if prefixes:
        return max(prefixes, key=len)
    for separator in _TITLE_SEPARATORS:
        if separator in head:
            head = head.split(separator)[0].strip()
    return head or None


def breadcrumb(el: lxml_html.HtmlElement | None) -> list[str]:
    """Breadcrumb names below the site root, top first (no 首页, no 正文)."""
    if el is None:
        return []
    names = [normalize_space(a.text_content()) for a in el.iter("a")]
    if names and el.iter("a") and _links_home(next(el.iter("a"))):
        names = names[1:]
    names = [BREADCRUMB_LABEL.sub("", name).strip(" >›»") for name in names]
    return [name for name in names if name and name not in ROOT_WORDS and name not in TRAIL_WORDS]


def _links_home(a: lxml_html.HtmlElement) -> bool:
    href = (a.get("href") or "").strip()
    path = re.sub(r"^(?:https?:)?//[^/]+", "", href)
    return path in ("", "/", "./", "index.html", "/index.html", "index.php", "/index.php") or normalize_space(
        a.text_content()
    ) in ROOT_WORDS


CURRENT_CLASS = re.compile(r"cur|active|this|selected|current", re.I)


def pager_links(el: lxml_html.HtmlElement | None, page: Page) -> tuple[int | None, dict[int, str]]:
    """(the page number the pager marks as current, {number: absolute URL}) of a numeric pager.

    Current: a number that is not a usable link — ``<b>2</b>``, ``<span>2</span>``, an
    element with a current-ish class (DedeCMS ``<li class="thisclass"><a href="#">1</a>``).
    """
    if el is None:
        return None, {}
    urls: dict[int, str] = {}
    marked: list[tuple[int, int]] = []  # (rank, number): lower rank = surer
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        text = normalize_space(node.text_content()).strip("[]")
        if not text.isdigit():
            continue
        url = page.absolute(node.get("href")) if node.tag == "a" else None
        inside_link = any(parent.tag == "a" for parent in node.iterancestors())
        if url:
            urls.setdefault(int(text), url)
        elif CURRENT_CLASS.search(node.get("class") or ""):
            marked.append((0, int(text)))
        elif node.tag in ("b", "strong", "span", "em", "font") and not inside_link:
            marked.append((1, int(text)))
        elif node.tag == "a" and not (node.get("title") or "").strip():
            # EmpireCMS <a title="Total record"><b>N</b></a> is the count, not the page.
            marked.append((2, int(text)))
    return (min(marked)[1] if marked else None), urls


# --- body ------------------------------------------------------------------------

# WordPress/HTML5 captions become the class the shared body reader knows as a caption.
_CAPTION_XPATH = (
    ".//figcaption | .//*[contains(concat(' ', @class, ' '), ' wp-caption-text ')]"
    " | .//*[contains(@class, 'wp-element-caption')]"
)
_COMMON_JUNK = (
    ".//script", ".//style", ".//*[contains(@class, 'bdsharebuttonbox')]", ".//*[contains(@class, 'sharedaddy')]",
    ".//*[contains(@class, 'jp-relatedposts')]", ".//*[contains(@class, 'post-views')]",
    ".//*[@id='contentMidPicAD']", ".//*[contains(@class, 'dede_pages')]", ".//*[contains(@class, 'pagelist')]",
    ".//*[@id='pages']", ".//*[contains(@class, 'pageLink')]", ".//*[contains(@class, 'page-links')]",
    ".//ins", ".//*[contains(concat(' ', @class, ' '), ' ad ')]", ".//*[starts-with(@class, 'ad-')]",
)


def read_body(body: lxml_html.HtmlElement, page: Page, junk: XPaths) -> tuple[list[str], list]:
    """Paragraphs and images of a body container (template junk dropped from a copy)."""
    tree = copy.deepcopy(body)
    for xpath in (*_COMMON_JUNK, *junk):
        for el in tree.xpath(xpath):
            if el is not tree:
                _drop(el)
    for el in tree.xpath(_CAPTION_XPATH):
        el.set("class", ((el.get("class") or "") + " caption").strip())
    paragraphs, images = paragraphs_and_images(read_blocks(tree, page))
    paragraphs = [normalize_space(p) for p in paragraphs if normalize_space(p)]
    tail = len(paragraphs) - 3
    paragraphs = [p for i, p in enumerate(paragraphs) if i < tail or not EDITOR_LINE.match(p)]
    return paragraphs, images


def _drop(el: lxml_html.HtmlElement) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    parent.remove(el)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


# --- the parser -------------------------------------------------------------------

class StockParser:
    """A parser driven by a `Template`; subclasses set `name`, `template` and the id/URL rules."""

    name = "stock"
    template = Template(title=(), body=())

    def score(self, page: Page) -> float:
        return detect.cms_score(page, self.name)

    def parse(self, page: Page) -> Draft:
        body = first(page, self.template.body)
        info = read_infos(page, self.template.meta)
        paragraphs, images = read_body(body, page, self.template.junk) if body is not None else ([], [])
        number, count_, urls = self.pages(page)
        published, raw = self.date(page, info)
        draft = Draft(
            title=self.title(page),
            article_id=self.article_id(page),
            url=self.first_page_url(page),
            publisher=person(info.get("publisher")),
            author=self.author(page, info),
            source=person(info.get("source")),
            source_url=self.source_url(page, info),
            published_at=published,
            published_at_raw=raw,
            category=self.category(page),
            summary=self.summary(page),
            paragraphs=paragraphs,
            images=images,
            views=self.views(page, info),
            comments=self.comments(page, info),
            page_number=number,
            page_count=count_,
            page_urls=urls,
        )
        if not paragraphs and not images:
            return fill_from_generic(draft, page, self.name)
        return draft

    # One method per field; subclasses override where their CMS differs.

    def title(self, page: Page) -> str | None:
        heading = first(page, self.template.title)
        text = shown_text(heading) if heading is not None else ""
        return text or title_from_head(page)

    def article_id(self, page: Page) -> str | None:
        return None

    def first_page_url(self, page: Page) -> str:
        return page.url

    def page_number_from_url(self, page: Page) -> int | None:
        return None

    def author(self, page: Page, info: Info) -> str | None:
        el = first(page, self.template.author)
        return person(shown_text(el)) if el is not None else person(info.get("author"))

    def source_url(self, page: Page, info: Info) -> str | None:
        href = info.links.get("source")
        return page.absolute(href) if href else None

    def date(self, page: Page, info: Info) -> tuple[str | None, str | None]:
        el = first(page, self.template.date)
        if el is not None:
            found = find_date(shown_text(el), page, el.get("datetime") or el.get("content"))
            if found[0]:
                return found
        value = info.get("date")
        return find_date(value if value else info.text, page)

    def category(self, page: Page) -> list[str]:
        names = breadcrumb(first(page, self.template.crumbs))
        if names or not self.template.category:
            return names
        links: list[Selector] = next(
            (found for xpath in self.template.category if (found := page.selector.xpath(xpath))), []
        )
        return [name for link in links if (name := normalize_space(link.xpath("string(.)").get("")))]

    def summary(self, page: Page) -> str | None:
        el = first(page, self.template.summary)
        text = SUMMARY_LABEL.sub("", shown_text(el)) if el is not None else ""
        if not text:
            description = "//meta[translate(@name,'DESCRIPTION','description')='description']/@content"
            meta = page.selector.xpath(description).get()
            text = normalize_space(meta or "")
        return text or None

    def views(self, page: Page, info: Info) -> int | None:
        el = first(page, self.template.views)
        shown = count(shown_text(el)) if el is not None else None
        return shown if shown is not None else count(info.get("views"))

    def comments(self, page: Page, info: Info) -> int | None:
        return count(info.get("comments"))

    def pages(self, page: Page) -> tuple[int, int, dict[int, str]]:
        """(this page's number, the article's page count, {number: URL}) from its pager."""
        current, urls = pager_links(first(page, self.template.pager), page)
        number = self.page_number_from_url(page) or current or 1
        if urls:
            urls.setdefault(number, page.url)
            urls[1] = self.first_page_url(page) if number == 1 or 1 not in urls else urls[1]
        return number, max([number, *urls]), urls


# What a CMS parser knows better than the generic one even when its template does not fit.
_CMS_OWNED = ("article_id", "url", "views", "comments", "page_number", "page_count", "page_urls")


def fill_from_generic(draft: Draft, page: Page, cms: str) -> Draft:
    """The template found no body (a custom theme): the generic parser reads the page, and
    only the CMS's own facts (id, URL, counters, pager) come from the template reading."""
    from citynews_scraper.extract.cms import registry  # late: the registry imports us

    generic = registry().get(detect.GENERIC)
    if generic is None:
        raise UnknownLayout(f"a {cms} page, but not in a template this parser knows (no body container)")
    fallback = generic.parse(page)
    owned = {name: getattr(draft, name) for name in _CMS_OWNED if getattr(draft, name) not in (None, {}, 1)}
    return replace(fallback, **owned)
