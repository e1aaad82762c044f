"""The extraction entry points: page bytes → `Article` (one page, or several pages merged).

Flow: reject empty/binary bodies → decode once (text layer) → parse with the CMS parser →
repair and normalise every string field, counting repairs → language, hash → `Article`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from citynews_scraper.extract.cms import choose_parser
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.errors import (
    BinaryBody,
    EmptyBody,
    MergeError,
    UnknownLayout,
)
from citynews_scraper.extract.page import DEFAULT_TZ, Page
from citynews_scraper.record import Article, Image, content_hash
from citynews_scraper.text import Decoded, RepairLog, clean_text, finish_log
from citynews_scraper.text.lang import detect_lang
from citynews_scraper.text.script import convert_script

# Magic numbers of the binary bodies portals hand out under text/html.
_MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive", b"\x1f\x8b": "gzip data",
    b"RIFF": "RIFF media", b"\x00\x00\x01\x00": "icon",
}


@dataclass
class PageResult:
    """One parsed page of an article: what the parser read and how the bytes were decoded."""

    draft: Draft
    decoded: Decoded
    cms: str
    url: str


def check_body(body: bytes) -> None:
    """Raise EmptyBody / BinaryBody for bodies that cannot be an HTML page."""
    if not body or not body.strip():
        raise EmptyBody()
    for magic, what in _MAGIC.items():
        if body.startswith(magic):
            raise BinaryBody(what)
    head = body[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryBody(f"{head.count(0)} NUL bytes in the first {len(head)} bytes")


def read_page(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    cms: str | None = None,
    fetched_at: datetime | None = None,
    tz: tzinfo = DEFAULT_TZ,
) -> PageResult:
    """Decode and parse one page of an article; raises an `ExtractionError` when it is not one."""
    check_body(body)
    page = Page.from_bytes(body, url, headers, encoding=encoding, fetched_at=fetched_at, tz=tz)
    parser = choose_parser(page, cms)
    return PageResult(parser.parse(page), page.decoded, parser.name, url)


def extract_article(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    cms: str | None = None,
    site: str | None = None,
    fetched_at: datetime | None = None,
    tz: tzinfo = DEFAULT_TZ,
    script: str | None = None,
) -> Article:
    """One article page → one record-v1 `Article` (a page of a multi-page article gives that page).

    `headers` are the HTTP response headers (only Content-Type matters); `encoding` forces
    a charset; `cms` forces a parser; `site` names the profile; `fetched_at` (UTC) is the
    clock relative dates are resolved against; `script` is ``hans``/``hant`` to convert.
    Raises `ExtractionError` subclasses for pages that are not articles.
    """
    fetched_at = fetched_at or datetime.now(UTC)
    result = read_page(body, url, headers, encoding=encoding, cms=cms, fetched_at=fetched_at, tz=tz)
    return build_article([result], site=site, fetched_at=fetched_at, script=script)


def merge_pages(
    pages: Sequence[tuple[bytes, Mapping[str, str] | None]],
    url: str,
    *,
    encoding: str | None = None,
    cms: str | None = None,
    site: str | None = None,
    fetched_at: datetime | None = None,
    tz: tzinfo = DEFAULT_TZ,
    script: str | None = None,
) -> Article:
    """The pages of one article (bytes, headers), in any order → one merged `Article`."""
    fetched_at = fetched_at or datetime.now(UTC)
    results = [
        read_page(body, url, headers, encoding=encoding, cms=cms, fetched_at=fetched_at, tz=tz)
        for body, headers in pages
    ]
    return build_article(results, site=site, fetched_at=fetched_at, script=script)


def _ordered(results: Sequence[PageResult]) -> list[PageResult]:
    if not results:
        raise MergeError("no pages given")
    ids = {r.draft.article_id for r in results if r.draft.article_id}
    if len(ids) > 1:
        raise MergeError(f"the pages belong to different articles (ids {', '.join(sorted(ids))})")
    numbers = [r.draft.page_number for r in results]
    if len(set(numbers)) != len(numbers):
        raise MergeError(f"page numbers repeat: {numbers}")
    return sorted(results, key=lambda r: r.draft.page_number)


def build_article(
    results: Sequence[PageResult],
    *,
    site: str | None = None,
    fetched_at: datetime | None = None,
    script: str | None = None,
) -> Article:
    """Join parsed pages (page order) into one repaired, normalised `Article`."""
    ordered = _ordered(results)
    first = ordered[0]
    draft = first.draft
    log = RepairLog()
    # UTF-8 pieces of a GBK page (a UTF-8 include): read as UTF-8 at decode, counted here.
    log.repaired("utf8_in_gbk_page", sum(r.decoded.utf8_segments for r in ordered))
    fix = _fixer(log, script)
    paragraphs = [p for r in ordered for p in map(fix, r.draft.paragraphs) if p]
    title = fix(draft.title or "")
    if not title:
        raise UnknownLayout("the article title is empty once normalised")
    article = Article(
        url=draft.url or first.url,
        title=title,
        cms=first.cms,
        encoding=first.decoded.encoding,
        encoding_source=first.decoded.source,
        fetched_at=_utc_iso(fetched_at or datetime.now(UTC)),
        site=site,
        article_id=draft.article_id,
        publisher=fix(draft.publisher) or None,
        author=fix(draft.author) or None,
        source=fix(draft.source) or None,
        source_url=draft.source_url,
        published_at=draft.published_at,
        published_at_raw=fix(draft.published_at_raw) or None,
        category=[c for c in map(fix, draft.category) if c],
        summary=fix(draft.summary) or None,
        paragraphs=paragraphs,
        images=[_fix_image(image, fix) for r in ordered for image in r.draft.images],
        reactions={fix(label): count for label, count in draft.reactions.items() if fix(label)},
        views=draft.views,
        comments=draft.comments,
        pages=len(ordered),
    )
    finish_log(log)
    article.lang = detect_lang(_lang_sample(title, paragraphs))
    article.repairs = log.repairs_list()
    article.quality_flags = log.flags_list()
    article.content_hash = content_hash(title, paragraphs)
    return article


Fixer = Callable[[str | None], str]


def _fixer(log: RepairLog, script: str | None) -> Fixer:
    """Repair + normalise (+ convert script) one field, counting into `log`; "" for nothing."""

    def fix(text: str | None) -> str:
        if not text:
            return ""
        cleaned = clean_text(text, log)
        return convert_script(cleaned, script, log) if script and cleaned else cleaned

    return fix


def _fix_image(image: Image, fix: Fixer) -> Image:
    return Image(src=image.src, caption=fix(image.caption) or None, alt=fix(image.alt) or None)


# A thousand characters settle the script; counting a long article's every one costs more
# than the parse.
LANG_SAMPLE_CHARS = 1000


def _lang_sample(title: str, paragraphs: list[str]) -> str:
    sample, size = [title], len(title)
    for paragraph in paragraphs:
        if size >= LANG_SAMPLE_CHARS:
            break
        sample.append(paragraph)
        size += len(paragraph)
    return "\n".join(sample)


def _utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
