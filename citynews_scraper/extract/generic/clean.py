"""Chinese portal boilerplate cleaning of body paragraphs (vocabularies in `vocab`).

Three rules, in order: drop debris (table pipes, box drawing), cut the tail at the first
end-of-article marker (相关阅读, 上一篇, 返回搜狐 …) that comes after most of the text,
then drop whole paragraphs that are chrome (责任编辑, 来源, share bars, copyright lines).
A paragraph is dropped only when it IS boilerplate, never when it merely contains a
boilerplate word: 来源 and 编辑 also occur in article sentences.
"""

from __future__ import annotations

import re

from citynews_scraper.extract.generic.vocab import (
    BOILERPLATE_LINE,
    CLOSING_REMARK,
    DEBRIS_LINE,
    TAIL_MARKER,
)

# The tail is cut only after this share of the body's characters ...
TAIL_CUT_AFTER = 0.5
# ... or earlier when what follows the marker is lists, not prose: at most this share of
# the prose before it (a short article above a long "为您推荐" list of headlines).  Prose
# is a paragraph of some length with a sentence end; headlines are short, menus have none.
LIST_TAIL_PROSE = 0.1
PROSE_CHARS = 50
MIN_PROSE_ABOVE = 2 * PROSE_CHARS
_SPACES = re.compile(r"\s+")
MENU_SEPARATOR = re.compile(r"\s[|｜·•\-]\s|\s{2,}|\|")
MIN_MENU_ITEMS = 6
MENU_ITEM_CHARS = 8
MENU_SHORT_SHARE = 0.8
SENTENCE_END = re.compile(r"[。！？]")


def is_menu(paragraph: str) -> bool:
    """True for a navigation bar flattened into one line: many short items between
    ``|`` / ``·`` / ``-`` separators and hardly any sentence punctuation."""
    items = [item for item in MENU_SEPARATOR.split(paragraph) if item.strip()]
    if len(items) < MIN_MENU_ITEMS:
        return False
    short = sum(1 for item in items if len(item.strip()) <= MENU_ITEM_CHARS)
    return short >= MENU_SHORT_SHARE * len(items) and len(SENTENCE_END.findall(paragraph)) <= 1


def is_boilerplate(paragraph: str) -> bool:
    """True when the whole paragraph is portal chrome rather than article text."""
    flat = _SPACES.sub("", paragraph.strip("|").strip())
    return (not flat or bool(DEBRIS_LINE.match(paragraph)) or bool(BOILERPLATE_LINE.match(flat))
            or is_menu(paragraph))


def cut_tail(paragraphs: list[str]) -> list[str]:
    """The paragraphs before the first tail marker that follows most of the text, or that
    is followed by lists only (headlines, menus: hardly a sentence end)."""
    total = sum(len(p) for p in paragraphs) or 1
    prose = [len(p) if len(p) >= PROSE_CHARS and SENTENCE_END.search(p) else 0 for p in paragraphs]
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if index and TAIL_MARKER.match(_SPACES.sub("", paragraph.strip("| "))):
            above, below = sum(prose[:index]), sum(prose[index + 1:])
            if seen >= TAIL_CUT_AFTER * total or (above >= MIN_PROSE_ABOVE and below <= LIST_TAIL_PROSE * above):
                return paragraphs[:index]
        seen += len(paragraph)
    return paragraphs


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without debris, the related-links tail and boilerplate lines."""
    kept = [p for p in paragraphs if not DEBRIS_LINE.match(p)]
    return drop_dated_list([p for p in cut_tail(kept) if not is_boilerplate(p)])


# 高温津贴进入发放期 多地标准已数年未涨 2015/07/04: a related-article link with its date.
DATED_HEADLINE = re.compile(r"^[^。！？]{4,60}?\s*[(（\[]?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}[)）\]]?$")
# A widget heading after such a list (跟贴热词：).
WIDGET_LABEL = re.compile(r"^[^。！？\s]{1,10}[:：]$")
MIN_DATED_LIST = 2


def drop_dated_list(paragraphs: list[str]) -> list[str]:
    """The paragraphs without a closing run of dated headlines (a related-articles list
    the extractor kept; a single dated line may be the article's own sign-off)."""
    end = len(paragraphs)
    while end and WIDGET_LABEL.match(paragraphs[end - 1]):
        end -= 1
    start = end
    while start and DATED_HEADLINE.match(paragraphs[start - 1]):
        start -= 1
    if end - start >= MIN_DATED_LIST and start > 0:
        return paragraphs[:start]
    return paragraphs


# Header lines a body extractor may keep: datelines, credits, breadcrumbs.
HEADER_LINE = re.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|^(?:来源|來源|作者|记者|编辑|责任编辑|发布时间|时间|当前位置|您的位置)\s*[:：]"
    r"|^(?:文|图|文/图|图/文)\s*[/／:：]|^(?:文|作者|撰文)\s*[|｜]"
    # A self-media credit opening the text: 本文来自微信公众号：某某（ID：…），作者：某某.
    r"|^本文来自(?:微信)?公众号[:：]"
    r"|-->|>>|›|»|\s>\s"
    # A byline line of its own: 本报记者 刘某 王某 / 某某新闻记者 | 周某 / 某网记者 王某 济南报道.
    # A row of a document's metadata table: 公开方式： 主动公开 公开范围： 面向全社会.
    r"|^(?:[^\s:：，。]{2,6}[:：]\s*[^\s:：，。]{1,24}\s+){1,3}[^\s:：，。]{2,6}[:：]\s*[^\s:：，。]{1,24}$"
    r"|^[^\s，。,]{0,8}?(?:记者|编辑|通讯员)\s*[|｜]?\s*[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,4}$"
)
# Only the first few paragraphs are looked at, and only short ones can be header lines.
HEADER_PARAGRAPHS = 5
HEADER_LINE_CHARS = 80


# Closing remarks are looked for among this many last paragraphs.
FOOTER_PARAGRAPHS = 4
FOOTER_LINE = re.compile(r"^(?:发表于|发布于|發表於|posted|最后修改|最后更新|更新于|本文发表于)", re.IGNORECASE)


def drop_footer(paragraphs: list[str]) -> list[str]:
    """The paragraphs without trailing ``发表于 2004年12月27日 12:40 - (阅读:3727)`` lines, and
    without closing remarks (`vocab.CLOSING_REMARK`) among the last few paragraphs."""
    end = len(paragraphs)
    while end > 1 and len(paragraphs[end - 1]) <= HEADER_LINE_CHARS and FOOTER_LINE.match(paragraphs[end - 1]):
        end -= 1
    start = max(1, end - FOOTER_PARAGRAPHS)
    return [p for i, p in enumerate(paragraphs[:end]) if i < start or not CLOSING_REMARK.match(_SPACES.sub("", p))]


def drop_header(paragraphs: list[str], title: str | None) -> list[str]:
    """The paragraphs without the leading title / dateline / breadcrumb lines."""
    flat_title = _SPACES.sub("", title or "")
    cut = 0
    for index, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS]):
        if len(paragraph) > HEADER_LINE_CHARS:
            break
        flat = _SPACES.sub("", paragraph)
        if not ((flat_title and flat == flat_title) or HEADER_LINE.search(paragraph)):
            break
        cut = index + 1
    return paragraphs[cut:] if cut < len(paragraphs) else paragraphs


# A paragraph this long that holds other paragraphs whole is a layout cell repeating them.
CONTAINER_CHARS = 200
MAX_CONTAINER_CHECKS = 60


def drop_containers(paragraphs: list[str]) -> list[str]:
    """The paragraphs without those that repeat two or more other paragraphs whole
    (a layout table cell rendered as one row after its paragraphs were kept)."""
    flat = [_SPACES.sub("", p) for p in paragraphs]
    probes = [(i, f) for i, f in enumerate(flat) if len(f) >= 10][:MAX_CONTAINER_CHECKS]
    kept = []
    for index, paragraph in enumerate(paragraphs):
        if len(flat[index]) >= CONTAINER_CHARS:
            inside = sum(1 for j, probe in probes if j != index and probe in flat[index])
            if inside >= 2:
                continue
        kept.append(paragraph)
    return kept
