"""The article title without the site suffix.

``<title>`` usually reads ``标题_频道_网站`` or ``标题 - 网站``; ``og:title`` and the page's
``<h1>`` are often the bare title.  A heading candidate wins when ``<title>`` starts with it
(that keeps separators inside the title itself, ``书记市长这一周 | 奋马扬鞭…``) or ends with
it (``Joel on Software - 给计算机系学生的建议``); otherwise
``<title>`` loses everything from its first site separator on.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from citynews_scraper.extract.generic.clean import is_boilerplate
from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.vocab import TITLE_SEPARATORS
from citynews_scraper.text.normalize import normalize_space

# Class and id are matched case-insensitively (postTitle, TitleUrl, art_title …).
_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
# h3–h5 too: some templates set the headline in a minor heading (<h4>, <h5>); a heading only
# wins when <title> starts or ends with it, or when it stands right above the body.
HEADING_XPATH = (
    "//h1 | //h2 | //h3 | //h4 | //h5 | //*[contains(" + _LOWER.format("@class") + ", 'title') or contains("
    + _LOWER.format("@id") + ", 'title')][not(self::title)]"
)
MIN_TITLE_CHARS = 4
MAX_HEADINGS = 60
# Lines above the body looked at for a title, and the longest line that can be one.
NEAR_LINES = 6
MAX_LINE_TITLE = 60
# A heading stands over an article when a dateline comes within this many lines after it.
DATELINE_AFTER = 2
SITE_AFTER_HYPHEN = re.compile(r"\s*-\s*[^\s-]{1,10}(?:网|報|报|社|台|频道|官网|在线|新闻)$")
_DATE = re.compile(r"(?:19|20)\d\d[-/.年]\d")
_CRUMB = re.compile(r">>|->|→|›|»|\s>\s")
SENTENCE_END = re.compile(r"[。！？]$|[，；]")
_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACES.sub("", text)


def strip_suffix(title: str) -> str:
    """``标题_频道_网站`` → ``标题``: cut at the first separator that leaves a real title.

    >>> strip_suffix("四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网")
    '四年前中500万现穷困潦倒 一夜暴富后如何经营'
    """
    for match in TITLE_SEPARATORS.finditer(title):
        head = title[: match.start()].strip()
        if len(head) >= MIN_TITLE_CHARS:
            return head
    # A bare hyphen is no separator (COVID-19, 3-0) unless a site name follows it at the
    # very end: 武汉的声音：有英勇的你，才有英雄的城！-新华网.
    site = SITE_AFTER_HYPHEN.search(title)
    if site and len(title[: site.start()].strip()) >= MIN_TITLE_CHARS:
        return title[: site.start()].strip()
    return title.strip()


def _hidden(element: HtmlElement) -> bool:
    """True inside ``style="display:none"`` (share boxes repeat the whole <title> there)."""
    return any("display:none" in (node.get("style") or "").replace(" ", "").lower()
               for node in (element, *element.iterancestors()))


def headings(root: HtmlElement) -> list[str]:
    texts = []
    for element in root.xpath(HEADING_XPATH)[:MAX_HEADINGS]:
        if _hidden(element):
            continue
        text = normalize_space(element.xpath("string()"))
        if MIN_TITLE_CHARS <= len(text) <= 120:
            texts.append(text)
    return texts


def _segment_shown(page_title: str, shown: frozenset[str]) -> str | None:
    """The ``<title>`` segment that the page also shows as a line of its own, if any; else
    the longest part between bare hyphens when the page shows it and it is the longest part
    (``某某日报数字报-标题``: a site name BEFORE the headline; a bare hyphen is otherwise no
    separator, and the longest-part rule keeps a logo line shown as text from winning)."""
    segments = [s.strip() for s in TITLE_SEPARATORS.split(page_title)]
    found = next((s for s in segments if len(s) >= MIN_TITLE_CHARS and _flat(s) in shown), None)
    if found or "-" not in page_title:
        return found
    parts = [p.strip() for p in page_title.split("-")]
    longest = max(parts, key=len)
    return longest if len(longest) >= MIN_TITLE_CHARS and _flat(longest) in shown else None


def choose_title(page_title: str, meta_titles: list[str], heading_texts: list[str],
                 shown: frozenset[str] = frozenset()) -> str | None:
    """The bare title: the longest heading or meta title that ``<title>`` starts or ends
    with (a meta title equal to the whole ``<title>`` loses its suffix first); else the
    whole ``<title>`` when the page shows it as a line of its own (`shown`: whitespace-free
    visible lines); else the ``<title>`` segment shown as a line; else the stripped
    ``<title>``; else the first heading."""
    flat_title = _flat(page_title)
    metas = [strip_suffix(c) if _flat(c) == flat_title else c for c in meta_titles]
    segments = [
        c for c in metas + heading_texts
        if len(_flat(c)) >= MIN_TITLE_CHARS and (flat_title.startswith(_flat(c)) or flat_title.endswith(_flat(c)))
    ]
    if segments:
        return max(segments, key=len)
    if page_title:
        if flat_title in shown:  # the page shows its whole <title> as a heading line
            return page_title
        return _segment_shown(page_title, shown) or strip_suffix(page_title)
    candidates = metas + heading_texts
    return candidates[0] if candidates else None


def read_title(root: HtmlElement, meta_titles: list[str], shown: frozenset[str] = frozenset(),
               heading_texts: list[str] | None = None) -> str | None:
    """The bare title of the page (see `choose_title`); None when ``<title>`` is empty and
    no meta title exists (`title_near_body` then picks from the page's lines)."""
    page_title = normalize_space(" ".join(root.xpath("//title//text()")))
    if not page_title and not meta_titles:
        return None
    heads = headings(root) if heading_texts is None else heading_texts
    return choose_title(page_title, meta_titles, heads, shown)


# A title this short made only of an outlet's name (光明日报, 某某网) names the site, not an article.
SITE_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:日报|日報|晚报|晚報|报|報|网|網|电视台|電視台|新闻|新聞|社)$")


def site_name_only(headline: str) -> bool:
    """True when the title read off ``<title>`` is only the site's name (an e-paper page
    titled ``光明日报 - 光明网``)."""
    return bool(SITE_NAME.match(_flat(headline)))


def single_h1(root: HtmlElement) -> str | None:
    """The text of the page's one visible ``<h1>`` that could be a headline, if it has exactly one."""
    texts = [normalize_space(h.xpath("string()")) for h in root.iter("h1") if not _hidden(h)]
    texts = [t for t in texts if _could_be_title(t)]
    return texts[0] if len(texts) == 1 else None


def _could_be_title(text: str) -> bool:
    flat = _flat(text)
    return (MIN_TITLE_CHARS <= len(flat) <= MAX_LINE_TITLE and not _DATE.search(flat)
            and not _CRUMB.search(text) and not is_boilerplate(text))


def heading_above_body(heading_texts: list[str], lines: list[Line], body_start: int) -> str | None:
    """The heading (of `heading_texts`, see `headings`) nearest above the body start
    (within `NEAR_LINES` lines) that a dateline follows (heading, 发布时间：…, body)."""
    heading_set = {_flat(h) for h in heading_texts}
    start = max(0, body_start - NEAR_LINES)
    for index in range(body_start, start - 1, -1):
        line = lines[index] if index < len(lines) else None
        if line is None or line.link_share > 0.5:
            continue
        dated = any(_DATE.search(_flat(after.text)) for after in lines[index + 1: index + 1 + DATELINE_AFTER])
        if dated and _flat(line.text) in heading_set and _could_be_title(line.text):
            return line.text
    return None


def title_near_body(root: HtmlElement, lines: list[Line], body_start: int, paragraphs: list[str]) -> str | None:
    """For pages without ``<title>``: the heading nearest above the body (or opening it),
    else the body's first paragraph when it is a short heading-like line (extractors keep
    the headline), else the short plain line nearest above the body."""
    heading_set = {_flat(h) for h in headings(root)}
    above = [line for line in lines[: body_start + 1] if line.link_share <= 0.5]
    for line in reversed(above):
        if _flat(line.text) in heading_set and _could_be_title(line.text):
            return line.text
    if paragraphs and _could_be_title(paragraphs[0]) and not SENTENCE_END.search(paragraphs[0]):
        return paragraphs[0]
    for line in reversed(above[:-1][-NEAR_LINES:]):
        if _could_be_title(line.text):
            return line.text
    return None
