"""Charset decision and decoding: BOM → given → header/meta (checked) → detector → gb18030.

Scrapy's own inference (ascii → utf-8 → cp1252) turns undeclared GBK pages into Latin-1
mojibake and trusts a lying ``charset=utf-8`` header; this module replaces it for article
and listing pages.  The order:

1. a BOM (``bom``);
2. the caller's ``declared`` charset (``--encoding``), trusted as it is (``given``);
3. an all-ASCII page keeps its header/meta label when that is ASCII-compatible (else
   ``utf-8``); bytes that are valid UTF-8 and not ASCII are UTF-8 whatever the labels say (GBK and
   Big5 text is almost never valid UTF-8; the GNE pages that declare gb2312 are UTF-8);
4. the HTTP header charset, then the ``<meta>``/XML-declaration charset (lenient scan:
   ``<meta charset>``, ``http-equiv``, the malformed ``httpequiv="ContentType"``), each
   accepted only when a strict decode succeeds or fails on a negligible share of bytes,
   and never as a single-byte codec over bytes that are valid GBK;
5. without a usable label: UTF-8 with a few broken bytes, else GB18030 or Big5-HKSCS
   (whichever reads as more plausible Chinese, `cjk_pick`), else GBK with UTF-8 pieces
   (`decode_mixed`: reported as ``gb18030``, the UTF-8 pieces counted in `Decoded.utf8_segments`
   and in the record's repairs as ``utf8_in_gbk_page``), else charset-normalizer on the head and tail of
   the page (it beat chardet on the corpora, docs/benchmarks.md), never a single-byte
   codec over bytes that are nearly all valid GBK;
6. GB18030 (``default``).

Labels are widened to supersets: the GB family decodes as gb18030, Big5 as big5hkscs.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import charset_normalizer

from citynews_scraper.text.freq import HAN_CLASS, plausibility, uncommon_count

# A declared charset is trusted when a strict decode fails on at most this share of the
# bytes: real GBK pages often carry a handful of broken pairs (see corpora/cwced-zh).
TOLERATED_ERROR_SHARE = 0.001
# Detectors are slow on big pages; head and tail samples carry the same signal.
DETECT_SAMPLE = 64 * 1024
# GBK vs Big5 (see `cjk_pick`): the first PICK_HAN Han characters (within PICK_CHARS) are
# compared; the other reading is tried when this share of them is rare, and wins when its
# share is lower by as much (clean pages: ~5 %; the wrong reading of the same bytes: ~50 %).
PICK_CHARS = 64 * 1024
PICK_HAN = 400
PICK_MIN_HAN = 20
PICK_MARGIN = 0.2
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
# Share of non-ASCII bytes a page may fail on and still count as GBK for the rule "never a
# single-byte codec over GBK bytes".
MOSTLY_GBK_ERRORS = 0.05
_DOUBLE_BYTE = {"gb18030": "big5hkscs", "big5hkscs": "gb18030"}

# Labels widened to the codec that decodes every page of that family.
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030", "csgb2312": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "ascii": "utf-8", "us-ascii": "utf-8", "utf8": "utf-8", "utf-8": "utf-8", "unicode": "utf-8",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "windows-1252": "cp1252",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([-\w:.]+)", re.IGNORECASE)
# Lenient on purpose: matches <meta charset=…>, http-equiv content=…charset=…, and the
# malformed httpequiv="ContentType" seen on real portals; only the head is scanned.
_META_CHARSET = re.compile(
    rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([-\w:.]+)|<\?xml[^>]*?encoding\s*=\s*[\"']([-\w:.]+)", re.IGNORECASE
)
META_SCAN_BYTES = 16 * 1024


@dataclass(frozen=True)
class Decoded:
    """A decoded page: the text, the codec used, where the choice came from, U+FFFD count,
    and how many UTF-8 pieces of a GBK page were read as UTF-8 (`decode_mixed`)."""

    text: str
    encoding: str
    source: str
    replacements: int
    utf8_segments: int = 0


def codec_for(label: str | None) -> str | None:
    """The Python codec to use for a charset label, or None when the label is unknown.

    >>> codec_for("GB2312"), codec_for("big5"), codec_for("UTF8"), codec_for("nonsense")
    ('gb18030', 'big5hkscs', 'utf-8', None)
    """
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _SUPERSETS:
        return _SUPERSETS[name]
    try:
        return _SUPERSETS.get(codecs.lookup(name).name, codecs.lookup(name).name)
    except LookupError:
        return None


def header_charset(headers: Mapping[str, str] | None) -> str | None:
    """The charset label of a Content-Type header, if any (header names are case-insensitive)."""
    for name, value in (headers or {}).items():
        if name.lower() == "content-type":
            match = _HEADER_CHARSET.search(value)
            return match.group(1) if match else None
    return None


def meta_charset(body: bytes) -> str | None:
    """The first charset declared in a <meta> tag near the top of the page."""
    match = _META_CHARSET.search(body[:META_SCAN_BYTES])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


@lru_cache(maxsize=4)
def _strict(body: bytes, codec: str) -> str | None:
    """`body` decoded under `codec` without a single bad byte, else None.

    Memoised for the page in hand: choosing a codec asks the same question up to three
    times (fits?, strictly GBK?, then the decode itself) and each answer is a full decode.
    """
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=2)
def _lenient(body: bytes, codec: str) -> str:
    """`body` decoded under `codec` with U+FFFD for bad bytes; memoised like `_strict` (a page
    with a few broken pairs is read this way to check it fits, for `_or_mixed` and to decode)."""
    return body.decode(codec, errors="replace")


def _fits(body: bytes, codec: str) -> bool:
    """True when `body` decodes under `codec` with at most a negligible share of bad bytes."""
    if _strict(body, codec) is not None:
        return True
    bad = _lenient(body, codec).count("\ufffd")
    return bad <= max(1, len(body) * TOLERATED_ERROR_SHARE)


def sample(body: bytes, size: int = DETECT_SAMPLE) -> bytes:
    """Head and tail of a large page, each cut at an ASCII byte so that no multi-byte
    character is split (a split UTF-8 or GBK sequence sends detectors to single-byte
    codecs: on the corpora both chardet and charset-normalizer failed on 11 of 183 pages).
    A page without ASCII bytes to cut at is returned whole."""
    if len(body) <= 2 * size:
        return body
    head, tail = body[:size], body[-size:]
    end = max(head.rfind(b"<"), head.rfind(b"\n"), head.rfind(b" "))
    start = min((i for i in (tail.find(b">"), tail.find(b"\n"), tail.find(b" ")) if i >= 0), default=-1)
    if end < 0 or start < 0:
        return body
    return head[:end] + b"\n" + tail[start + 1 :]


def detect(body: bytes) -> str | None:
    """charset-normalizer's codec guess from the head and tail of the page (None when it
    has none).  charset-normalizer, not chardet: on the corpora both got 181 of 183 real
    pages right, but on GB18030/Big5 transcodes of the UTF-8 pages 93.8 % against 83.0 %,
    and faster (docs/benchmarks.md, bench/charset_eval.py)."""
    best = charset_normalizer.from_bytes(sample(body)).best()
    return codec_for(best.encoding) if best else None


def _strict_utf8(body: bytes) -> bool:
    return _strict(body, "utf-8") is not None


@lru_cache(maxsize=64)
def _ascii_compatible(codec: str) -> bool:
    return "<html>".encode(codec, errors="replace") == b"<html>"


@lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """True for codecs that map every byte to one character (cp1252, koi8-r, …)."""
    return len(b"\xa4\xa4".decode(codec, errors="replace")) == 2


def _strict_gbk(body: bytes) -> bool:
    return _strict(body, "gb18030") is not None


def _rare_share(text: str) -> float:
    """Share of rare characters among the first PICK_HAN Han characters of `text`."""
    # Runs of Han characters, until PICK_HAN of them: not a list of every Han character.
    runs, count = [], 0
    for match in _HAN_RUN.finditer(text, 0, PICK_CHARS):
        runs.append(match.group())
        count += len(runs[-1])
        if count >= PICK_HAN:
            break
    han = "".join(runs)[:PICK_HAN]
    return uncommon_count(han) / len(han) if len(han) >= PICK_MIN_HAN else 0.0


def cjk_pick(body: bytes, text: str, codec: str) -> tuple[str, str]:
    """(text, codec): `text` as decoded with `codec`, or the page read with the other
    double-byte Chinese codec when it reads clearly better that way.

    GB18030 decodes almost any byte string, and GB2312 bytes are mostly valid Big5 too, so
    a label or a strict decode cannot tell the two apart; character frequencies can: a
    page's real text is common characters, the wrong reading rare ones.  The other reading
    is only tried when this one looks rare-heavy (one regex count, `freq.uncommon_count`),
    so a clean page costs nothing extra.
    """
    if codec not in _DOUBLE_BYTE:
        return text, codec
    mine = _rare_share(text)
    if mine < PICK_MARGIN:
        return text, codec
    other = _DOUBLE_BYTE[codec]
    if not _fits(body, other):
        return text, codec
    other_text = body.decode(other, errors="replace")
    if _rare_share(other_text) + PICK_MARGIN < mine:
        return other_text, other
    return text, codec


# A GBK-style segment: pairs (lead + trail, ASCII trails included) or stray high bytes.
# UTF-8 runs are segments too (all their bytes are high), with an ASCII letter swallowed
# after an odd byte count — which the UTF-8 reading gives back.
_SEGMENT = re.compile(rb"(?:[\x81-\xfe][\x40-\x7e\x80-\xfe]|[\x80-\xff])+")
MIXED = "gb18030+utf-8"  # `_choose`'s verdict only: `decode` reports such a page as gb18030


def decode_mixed(body: bytes) -> str | None:
    """A page of GBK with UTF-8 pieces (a UTF-8 include in a GBK template), each segment of
    non-ASCII bytes decoded in the codec it reads better in; None unless both occur and
    the result is clean."""
    mixed = _mixed(body)
    return mixed[0] if mixed else None


@lru_cache(maxsize=2)
def _mixed(body: bytes) -> tuple[str, int] | None:
    """`decode_mixed`'s text and its number of UTF-8 segments (memoised: `_choose` asks, then
    `decode` reads the same page)."""
    parts: list[str] = []
    last, kinds = 0, []
    for match in _SEGMENT.finditer(body):
        parts.append(body[last : match.start()].decode("ascii"))
        text, kind = _segment(match.group(0))
        parts.append(text)
        kinds.append(kind)
        last = match.end()
    parts.append(body[last:].decode("ascii", errors="replace"))
    text = "".join(parts)
    if set(kinds) != {"gbk", "utf-8"} or text.count("\ufffd") > max(1, len(body) * TOLERATED_ERROR_SHARE):
        return None
    return text, kinds.count("utf-8")


def _segment(raw: bytes) -> tuple[str, str]:
    gbk = raw.decode("gb18030", errors="replace")
    try:
        utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        return gbk, "gbk"
    if "\ufffd" in gbk or plausibility(utf8) > plausibility(gbk):
        return utf8, "utf-8"
    return gbk, "gbk"


def _source_naming(labels: tuple[tuple[str | None, str], ...], codec: str) -> str:
    """The first declaration that names `codec`, else "detected"."""
    return next((source for named, source in labels if named == codec), "detected")


def _usable(body: bytes, codec: str | None) -> bool:
    if not codec or not _fits(body, codec):
        return False
    # Never a single-byte reading of bytes that are (nearly) valid GBK: Latin-1 mojibake.
    return not (_single_byte(codec) and _mostly_gbk(body))


def _mostly_gbk(body: bytes) -> bool:
    """Valid GBK but for a few percent of the non-ASCII bytes."""
    if _strict_gbk(body):
        return True
    high = len(body) - len(body.decode("latin-1").encode("ascii", "ignore"))
    return body.decode("gb18030", errors="replace").count("\ufffd") <= high * MOSTLY_GBK_ERRORS


def _choose(body: bytes, headers: Mapping[str, str] | None, declared: str | None) -> tuple[str, str]:
    """(codec, source) for `body`; the codec may be `MIXED` (see `decode_mixed`)."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec, "bom"
    given = codec_for(declared)
    if given:
        return given, "given"
    labels = ((codec_for(header_charset(headers)), "header"), (codec_for(meta_charset(body)), "meta"))
    if body.isascii():  # any ASCII-compatible label reads it right: keep the declared one
        for label, source in labels:
            if label and _ascii_compatible(label):
                return label, source
        return "utf-8", "detected"
    # Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the label says: GBK or
    # Big5 text almost never happens to be valid UTF-8, while mislabelled UTF-8 is common.
    if _strict_utf8(body):
        return "utf-8", _source_naming(labels, "utf-8")
    for label, source in labels:
        if label and _usable(body, label):
            return _or_mixed(body, label), source
    if _fits(body, "utf-8"):
        return "utf-8", "detected"
    for codec in _DOUBLE_BYTE:
        if _fits(body, codec):
            return _or_mixed(body, codec), "detected"
    if decode_mixed(body) is not None:
        return MIXED, "detected"
    guess = detect(body)
    if _usable(body, guess):
        return guess, "detected"  # type: ignore[return-value]
    return "gb18030", "default"


def _or_mixed(body: bytes, codec: str) -> str:
    """`codec`, or `MIXED` when a GB reading has broken bytes that UTF-8 pieces explain:
    an odd-length UTF-8 include leaves a broken pair that the repair layer cannot undo."""
    if codec != "gb18030" or _strict_gbk(body):
        return codec
    mixed = _mixed(body)
    if mixed and mixed[0].count("\ufffd") < _lenient(body, codec).count("\ufffd"):
        return MIXED
    return codec


def decode(body: bytes, headers: Mapping[str, str] | None = None, declared: str | None = None) -> Decoded:
    """Decode page bytes once, choosing the codec as the module docstring says.

    `declared` is a charset the caller knows (``--encoding``): it is trusted without any
    check (source ``given``) — the override exists for the pages where the evidence
    misleads, so second-guessing it would defeat it.  Only a BOM outranks it.
    """
    codec, source = _choose(body, headers, declared)
    if body.startswith(codecs.BOM_UTF8) and codec == "utf-8":
        body = body[len(codecs.BOM_UTF8):]
    if codec == MIXED:
        mixed = _mixed(body)
        assert mixed is not None
        text, segments = mixed
        return Decoded(text=text, encoding="gb18030", source=source, replacements=text.count("\ufffd"),
                       utf8_segments=segments)
    strict = _strict(body, codec)  # already known for a label or a detection that fit
    text = strict if strict is not None else _lenient(body, codec)
    if source not in ("bom", "given"):
        text, picked = cjk_pick(body, text, codec)
        if picked != codec:
            codec, source = picked, "detected"
    return Decoded(text=text, encoding=codec, source=source, replacements=text.count("\ufffd"))
