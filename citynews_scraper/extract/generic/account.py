"""The posting account of a self-media page (头条号, 百家号, 澎湃号 …): record-v1 `publisher`.

record-v1 defines `publisher` as the portal account that published the article.  On
self-media platforms that account is shown in the article header, without a role word:

- a name line with a follow button under it (``中国广州发布`` / ``关注``), or under the
  dateline that follows it (``合肥某报`` / ``2024-09-20 10:58 安徽`` / ``关注``): the account, sure;
- a dateline that is only a name and a time (``原创 南方都市报 2019-09-09 16:01:46``,
  ``2019-09-09 16:01 · 某某号 · 四川``);
- a name line between the headline and a dateline (``IT之家`` / ``发布时间：09-30 22:46``).

The last two shapes also occur on ordinary news sites (an outlet shown where a byline
would be), so they only fill a publisher no 责任编辑 line gave.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml.html import HtmlElement

from citynews_scraper.extract.generic import vocab
from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.zones import Zones
from citynews_scraper.text.normalize import normalize_space

# Follow buttons of self-media platforms, as their whole line.
FOLLOW_BUTTON = re.compile(r"^[+＋]?\s*(?:关注|关注TA|关注他|关注她)$")
# An account name: short, one word-ish, no sentence or field punctuation.
_NOT_IN_NAME = r"\s:：，。！？,!?|/\\>《》【】\[\]()（）"
ACCOUNT_NAME = re.compile(rf"^[^\d{_NOT_IN_NAME}][^{_NOT_IN_NAME}]{{1,15}}$")
# Words that make a short line chrome or a label, not a name.
NOT_ACCOUNT = re.compile(
    r"来源|作者|时间|日期|编辑|发布于|字号|分享|举报|关注|首页|登录|注册|评论|收藏|原创|正文|搜索|更多|返回"
)
# 原创 南方都市报 2019-09-09 16:01:46: a dateline that is only a name and the time.
NAME_DATELINE = re.compile(
    r"^(?:原创\s*)?(?P<name>\S{2,16})\s+(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*\d+\s*人?(?:参与评论|参与|评论|阅读|跟贴))?$"  # a comment counter may follow
)
# 2024-09-11 20:36·某某小课堂·四川: a dateline of the time, then the name (and a region).
TIME_NAME_DATELINE = re.compile(
    r"^(?:原创\s*)?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[·•|]\s*"
    r"(?P<name>[^·•|\s]{2,16})(?:\s*[·•|]\s*[\u4e00-\u9fff]{2,3})?$"
)
# The time opening a dateline that a linked account name follows, glued (09:33某某号).
BARE_DATELINE = re.compile(
    r"(?:原创\s*)?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[·•|]?"
)
DATE_START = re.compile(r"(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}")
DATELINE = re.compile(r"(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}|^(?:发布时间|发表时间|发布于|时间)\s*[:：]")
# The statement self-media platforms print under a post (网易号, 搜狐号: "…用户上传并发布，本平台
# 仅提供信息存储服务"): on such a page the outlet in the 来源 slot is the posting account.
SELF_MEDIA_STATEMENT = re.compile(r"自媒体平台|用户上传并发布|系信息发布平台|仅提供信息存储(?:空间)?服务")
# Body lines the extractor may have kept above the text, still searched.
BODY_EDGE_LINES = 8
# A name line right under the headline: this many lines below it at most.
UNDER_TITLE_LINES = 2
MAX_LINK_SHARE = 0.5


@dataclass(frozen=True)
class Account:
    name: str
    # A follow button vouches for it; otherwise it only fills a missing publisher.
    sure: bool


def _is_name(text: str, title: str | None) -> bool:
    return (bool(ACCOUNT_NAME.match(text)) and not NOT_ACCOUNT.search(text)
            and text not in vocab.NOT_A_NAME and text != title)


def link_texts(root: HtmlElement) -> frozenset[str]:
    """The whitespace-normalised texts of the page's links (read only when an account shape
    needs them: lines do not track links, which would cost every page)."""
    return frozenset(normalize_space(a.text_content()) for a in root.iter("a"))


def _leading_link(text: str, title: str | None, links: Callable[[], frozenset[str]]) -> str | None:
    """The name linked at the start of a line (``<a>株洲发布</a>官方账号`` / ``<a>某号</a>昨天 10:21``):
    the longest link text that opens the line."""
    found = [name for name in links() if name and text.startswith(name) and name != text]
    name = max(found, key=len) if found else None
    return name if name and _is_name(name, title) else None


def _time_then_name(text: str, title: str | None) -> str | None:
    """``2026-01-20 09:33某某城事``: the name after a bare time, if the rest is a name."""
    match = BARE_DATELINE.match(text)
    name = text[match.end():].strip() if match else ""
    return name if name and _is_name(name, title) else None


def posting_account(lines: list[Line], zones: Zones, title: str | None = None,
                    links: Callable[[], frozenset[str]] = frozenset) -> Account | None:
    """The self-media account shown in the article header, if any (see module docstring).
    `links` gives the page's link texts (`link_texts`), asked for only when a shape needs them."""
    window = range(zones.header_start, min(len(lines), zones.body_start + BODY_EDGE_LINES))
    found: Account | None = None
    self_media: bool | None = None
    for index in window:
        text = lines[index].text
        after = lines[index + 1].text if index + 1 < len(lines) else ""
        after_next = lines[index + 2].text if index + 2 < len(lines) else ""
        followed = FOLLOW_BUTTON.match(after) or (DATELINE.search(after) and FOLLOW_BUTTON.match(after_next))
        if followed and _is_name(text, title):
            return Account(text, sure=True)
        if followed and (name := _leading_link(text, title, links)):
            return Account(name, sure=True)  # the name glued to its tag line or the time
        under_title = zones.header_start < index <= zones.header_start + UNDER_TITLE_LINES
        if found is None and under_title and (name := _time_then_name(text, title)):
            self_media = self_media_page(lines) if self_media is None else self_media
            found = Account(name, sure=False) if self_media and name in links() else None
        if found is None and under_title and DATE_START.match(text) is None and DATELINE.search(text) \
                and (name := _leading_link(text, title, links)) and DATE_START.match(text[len(name):].lstrip()):
            found = Account(name, sure=False)  # <a>某某号</a>2025-10-17 12:30: the name glued to the time
        match = NAME_DATELINE.match(text) or TIME_NAME_DATELINE.match(text)
        if found is None and match and _is_name(match["name"], title):
            found = Account(match["name"], sure=False)
        plain = lines[index].link_share <= MAX_LINK_SHARE and index + 1 < len(lines) \
            and lines[index + 1].link_share <= MAX_LINK_SHARE
        if found is None and under_title and index < zones.body_start and plain and DATELINE.search(after) \
                and _is_name(text, title):
            found = Account(text, sure=False)
    return found


def self_media_page(lines: list[Line]) -> bool:
    """True when the page carries a self-media platform's statement (`SELF_MEDIA_STATEMENT`)."""
    return any(SELF_MEDIA_STATEMENT.search(line.text) for line in lines)
