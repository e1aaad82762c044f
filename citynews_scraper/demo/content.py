"""Deterministic article content and the ground truth the extractor must reproduce.

`article(config, aid)` builds one article from (seed, aid) only, so a portal of N+k
articles shares its first N articles with a portal of N.  Text is Simplified Chinese from
`vocab`; Big5 portals convert every string with OpenCC (``s2t``).  `ground_truth` yields
the record-v1 dict of every live article, lazily, in id order.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

import opencc

from citynews_scraper.demo import vocab
from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.faults import fault_kind
from citynews_scraper.demo.site import (
    BY_ID,
    ancestors,
    category_of,
    dateline,
    is_deleted,
    portal_now,
    unit,
)
from citynews_scraper.demo.urls import article_href
from citynews_scraper.record import Article, Image, content_hash
from citynews_scraper.text.normalize import normalize_space

REACTION_LABELS = {False: ("路过", "雷人", "握手", "鲜花", "鸡蛋"), True: ("路過", "雷人", "握手", "鮮花", "雞蛋")}
MAX_PARAGRAPHS = 15
SUMMARY_CUT = 80  # characters of body text an automatic 摘要 keeps before " ..."
# Share of articles whose page shows a recent date in dgmdate's relative 'u' form (a
# customised theme; stock view.htm prints the absolute 'dt' form).
RELATIVE_SHARE = 0.75
PAGE_TITLES = ("变化看得见", "居民怎么说", "数字背后的故事", "下一步怎么走", "相关链接", "延伸阅读")
UPDATE_NOTE = "（更新）截至发稿时，相关工作已全部完成，后续情况本网将持续关注。"
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: int  # which editor markup variant renders it


@dataclass(frozen=True)
class Subheading:
    text: str
    style: int


@dataclass(frozen=True)
class Picture:
    """A body image: `path` of the full-size file below the site root; caption paragraph or None."""

    path: str
    caption: str | None
    alt: str | None
    style: int


Block = Paragraph | Subheading | Picture


@dataclass(frozen=True)
class ArticlePage:
    title: str | None  # div.vm_pagetitle (multi-page articles only)
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ArticleData:
    """Everything the article page shows, in the portal's script (Simplified or Traditional)."""

    aid: int
    catid: int
    title: str
    highlight: str | None
    publisher: str
    publisher_uid: int
    author: str | None
    source: str | None
    source_url: str | None
    dateline: datetime
    relative_date: bool
    summary: str | None
    pages: tuple[ArticlePage, ...]
    inner_nav: bool
    reactions: tuple[int, ...]
    views: int
    comments: int


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def translator(config: DemoConfig) -> Callable[[str], str]:
    """The function every displayed string goes through (identity, or OpenCC s2t for Big5)."""
    return _s2t().convert if config.traditional else _identity


def _identity(text: str) -> str:
    return text


def category_names(config: DemoConfig, catid: int) -> list[str]:
    """Breadcrumb names below the portal root, top first (record-v1 `category`)."""
    tr = translator(config)
    return [tr(c.name) for c in ancestors(catid)]


class _Writer:
    """Fills templates from the vocabulary with one article's random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._deck: list[str] = []

    def fill(self, template: str) -> str:
        # Same random draws, in the same order, as re.sub over the slots: the text is unchanged.
        pieces = _compiled(template)
        choice = self.rng.choice
        return "".join(piece if isinstance(piece, str) else choice(piece) for piece in pieces)

    def sentence(self) -> str:
        # Deal templates from a shuffled deck so an article repeats none before using all.
        if not self._deck:
            self._deck = list(vocab.SENTENCES)
            self.rng.shuffle(self._deck)
        return self.fill(self._deck.pop())

    def paragraph(self) -> str:
        return "".join(self.sentence() for _ in range(self.rng.randint(1, 4)))


def _slot_values(name: str) -> tuple[str, ...]:
    return vocab.AUTHORS if name == "author" else vocab.SLOTS[name]


@cache
def _compiled(template: str) -> tuple[str | tuple[str, ...], ...]:
    """A template split once into literal text (str) and slots (the tuple of values to draw from)."""
    parts = _SLOT.split(template)  # literal, slot name, literal, slot name, ..., literal
    return tuple(_slot_values(part) if index % 2 else part for index, part in enumerate(parts) if index % 2 or part)


def article(config: DemoConfig, aid: int) -> ArticleData:
    """Article `aid` as the portal shows it (deleted ones too: their data is just never served)."""
    return _article(config.seed, aid, config.traditional, config.multipage_share, aid in config.edited)


# A crawl asks for an article's data at different times: its list entries, its own pages and
# its neighbours' pages (上一篇/下一篇, 相关阅读).  8,192 entries (~4 KB each, ~35 MB) keep a
# 5,000-article benchmark portal from building each article ~4 times (512 did).
@lru_cache(maxsize=8192)
def _article(seed: int, aid: int, traditional: bool, multipage_share: float, edited: bool) -> ArticleData:
    rng = random.Random(f"{seed}:article:{aid}")
    writer = _Writer(rng)
    tr = _s2t().convert if traditional else _identity
    when = dateline(seed, aid)
    publisher, uid = rng.choice(vocab.PUBLISHERS)
    author = rng.choice(vocab.AUTHORS) if rng.random() < 0.4 else None
    source, source_url = rng.choice(vocab.SOURCES) if rng.random() < 0.6 else (None, None)
    page_count = rng.choice((2, 2, 3)) if unit(seed, "multipage", aid) < multipage_share else 1
    pages = _pages(writer, when, aid, page_count, author, source, edited)
    summary = _summary(rng, writer, pages[0])
    return ArticleData(
        aid=aid,
        catid=category_of(seed, aid),
        title=tr(writer.fill(rng.choice(vocab.TITLE_TEMPLATES))),
        highlight=rng.choice(("color: #EE1B2E;", "font-weight: bold;", "color: #3C9D40;font-weight: bold;"))
        if rng.random() < 0.1 else None,
        publisher=tr(publisher),
        publisher_uid=uid,
        author=tr(author) if author else None,
        source=tr(source) if source else None,
        source_url=source_url,
        dateline=when,
        relative_date=rng.random() < RELATIVE_SHARE,
        summary=tr(summary) if summary else None,
        pages=tuple(_translate_page(page, tr) for page in pages),
        inner_nav=page_count > 1 and rng.random() < 0.5,
        reactions=tuple(0 if rng.random() < 0.5 else rng.randint(1, 40) for _ in range(5)),
        views=rng.randint(12, 6000),
        comments=0 if rng.random() < 0.4 else rng.randint(1, 30),
    )


def _pages(writer: _Writer, when: datetime, aid: int, count: int, author: str | None,
           source: str | None, edited: bool) -> list[ArticlePage]:
    rng = writer.rng
    # 3–15 paragraphs in all, page titles and subheadings included.
    headings = rng.choice((0, 1, 2))
    total = rng.randint(max(3, 2 * count), MAX_PARAGRAPHS - headings - (count if count > 1 else 0))
    texts: list[Block] = [Paragraph(writer.paragraph(), rng.randrange(4)) for _ in range(total)]
    if author and source:
        lead = f"{source}讯 记者{author}报道：{writer.sentence()}"
        texts[0] = Paragraph(lead, texts[0].style)  # type: ignore[union-attr]
    if total >= 6 and headings:
        # Subheadings go before paragraphs 2.. (never two in a row), highest spot first.
        spots = sorted(rng.sample(range(2, total - 1, 2), headings), reverse=True)
        for spot, heading in zip(spots, rng.sample(vocab.SUBHEADINGS, len(spots)), strict=True):
            texts.insert(spot, Subheading(heading, rng.randrange(2)))
    if edited:
        texts.append(Paragraph(UPDATE_NOTE, 0))
    _place_pictures(writer, texts, when, aid)
    cuts = sorted(rng.sample(range(2, len(texts) - 1), count - 1)) if count > 1 else []
    bounds = [0, *cuts, len(texts)]
    titles = rng.sample(PAGE_TITLES, count) if count > 1 else [None]
    return [ArticlePage(titles[i], tuple(texts[bounds[i]:bounds[i + 1]])) for i in range(count)]


def _place_pictures(writer: _Writer, blocks: list[Block], when: datetime, aid: int) -> None:
    rng = writer.rng
    for index in range(rng.choice((0, 1, 1, 2, 3))):
        name = f"{rng.getrandbits(64):016x}"
        path = f"data/attachment/portal/{when:%Y%m}/{when:%d}/{name}.jpg"
        caption = writer.fill(rng.choice(vocab.CAPTIONS)) if rng.random() < 0.7 else None
        style = rng.randrange(3)
        alt = rng.choice(vocab.ALTS) if style == 2 else None
        spot = 0 if index == 0 and rng.random() < 0.5 else rng.randint(1, len(blocks) - 1)
        blocks.insert(spot, Picture(path, caption, alt, style))


def _summary(rng: random.Random, writer: _Writer, first: ArticlePage) -> str | None:
    """摘要: Discuz! derives it from the body (cut with " ..."), or an editor wrote one, or none."""
    roll = rng.random()
    if roll < 0.2:
        return None
    if roll < 0.5:
        return writer.sentence()
    shown = [b.caption if isinstance(b, Picture) else b.text for b in first.blocks]
    plain = normalize_space(" ".join(text for text in shown if text))
    return plain if len(plain) <= SUMMARY_CUT else normalize_space(plain[:SUMMARY_CUT]) + " ..."


def _translate_page(page: ArticlePage, tr: Callable[[str], str]) -> ArticlePage:
    def one(block: Block) -> Block:
        if isinstance(block, Picture):
            return Picture(block.path, tr(block.caption) if block.caption else None,
                           tr(block.alt) if block.alt else None, block.style)
        return type(block)(tr(block.text), block.style)

    return ArticlePage(tr(page.title) if page.title else None, tuple(one(b) for b in page.blocks))


# --- dates as shown ---------------------------------------------------------------------

_UNITS = {False: {"hour": "小时", "minute": "分钟", "now": "刚刚", "half": "半小时前"},
          True: {"hour": "小時", "minute": "分鐘", "now": "剛剛", "half": "半小時前"}}


def absolute_date(moment: datetime) -> str:
    """Discuz!'s default ``Y-n-j H:i`` (no zero padding in the date, none of the seconds)."""
    return f"{moment.year}-{moment.month}-{moment.day} {moment:%H:%M}"


def relative_date(moment: datetime, now: datetime, traditional: bool) -> str | None:
    """dgmdate's 'u' text (with ``&nbsp;`` as U+00A0) for `moment` seen at `now`; None → absolute."""
    names = _UNITS[traditional]
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    age = int((now - moment).total_seconds())
    if moment >= today:
        if age > 3600:
            return f"{age // 3600}\u00a0{names['hour']}前"
        if age > 1800:
            return names["half"]
        if age > 60:
            return f"{age // 60}\u00a0{names['minute']}前"
        if age > 0:
            return f"{age}\u00a0秒前"
        return names["now"] if age == 0 else None
    days = int((today - moment).total_seconds() // 86400)
    if days == 0:
        return f"昨天\u00a0{moment:%H:%M}"
    if days == 1:
        return f"前天\u00a0{moment:%H:%M}"
    if days < 7:
        return f"{days + 1}\u00a0天前"
    return None


def shown_date(config: DemoConfig, data: ArticleData) -> tuple[str, str | None]:
    """(text shown, absolute title) for the article page's date; title None when absolute."""
    absolute = absolute_date(data.dateline)
    if not data.relative_date:
        return absolute, None
    relative = relative_date(data.dateline, portal_now(config), config.traditional)
    return (relative, absolute) if relative else (absolute, None)


# --- ground truth -------------------------------------------------------------------------

def record(config: DemoConfig, aid: int, base_url: str) -> dict[str, Any]:
    """The record-v1 dict a correct extractor produces for live article `aid` (fetched_at None)."""
    data = article(config, aid)
    paragraphs = [normalize_space(text) for text in _paragraph_texts(data)]
    title = normalize_space(data.title)
    shown, _ = shown_date(config, data)
    result = Article(
        url=base_url + article_href(config, aid),
        title=title,
        cms="discuz_x",
        encoding=config.record_encoding,
        encoding_source=_encoding_source(config, aid),
        fetched_at="",
        article_id=str(aid),
        publisher=data.publisher,
        author=data.author,
        source=data.source,
        source_url=data.source_url if data.source else None,
        published_at=data.dateline.isoformat(),
        published_at_raw=normalize_space(shown),
        category=category_names(config, data.catid),
        summary=data.summary,
        paragraphs=paragraphs,
        images=[Image(base_url + p.path, p.caption, p.alt) for p in _pictures(data)],
        reactions=dict(zip(REACTION_LABELS[config.traditional], data.reactions, strict=True)),
        views=data.views,
        comments=data.comments,
        pages=len(data.pages),
        lang="zh-Hant" if config.traditional else "zh-Hans",
        content_hash=content_hash(title, paragraphs),
    ).to_dict()
    result["fetched_at"] = None
    return result


def _paragraph_texts(data: ArticleData) -> Iterator[str]:
    for page in data.pages:
        if page.title:
            yield page.title
        for block in page.blocks:
            if not isinstance(block, Picture):
                yield block.text


def _pictures(data: ArticleData) -> Iterator[Picture]:
    return (b for page in data.pages for b in page.blocks if isinstance(b, Picture))


def _encoding_source(config: DemoConfig, aid: int) -> str:
    """"meta" when the page the crawler keeps came with a lying charset header (a soft fault)."""
    served_at = 2 if config.antitheft else 1  # the anti-scraping page takes the first attempt
    lying = fault_kind(config, article_href(config, aid)) == "charset" and served_at <= config.fault_attempts
    return "meta" if lying else "header"


def ground_truth(config: DemoConfig, base_url: str = "http://127.0.0.1/") -> Iterator[dict[str, Any]]:
    """The record of every live article, in id order, built lazily (one article at a time)."""
    for aid in range(1, config.articles + 1):
        if not is_deleted(config, aid):
            yield record(config, aid, base_url)


def live_ids(config: DemoConfig) -> Iterator[int]:
    return (aid for aid in range(1, config.articles + 1) if not is_deleted(config, aid))


def deleted_ids(config: DemoConfig) -> Iterator[int]:
    return (aid for aid in range(1, config.articles + 1) if is_deleted(config, aid))


__all__ = ["BY_ID", "ArticleData", "article", "deleted_ids", "ground_truth", "live_ids", "record"]
