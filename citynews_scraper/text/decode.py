"""Charset decision and decoding: BOM → header (checked) → meta (checked) → detector → gb18030.

Scrapy's own inference (ascii → utf-8 → cp1252) turns undeclared GBK pages into Latin-1
mojibake and trusts a lying ``charset=utf-8`` header; this module replaces it for article
and listing pages.  Every declared charset is checked with a strict decode before it is
trusted, and the GB and Big5 families are widened to their supersets.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass

import charset_normalizer

# A declared charset is trusted when a strict decode fails on at most this share of the
# bytes: real GBK pages often carry a handful of broken pairs (see corpora/cwced-zh).
TOLERATED_ERROR_SHARE = 0.001
# Detectors are slow on big pages; head and tail samples carry the same signal.
DETECT_SAMPLE = 64 * 1024

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

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([-\w:.]+)", re.I)
# Lenient on purpose: matches <meta charset=…>, http-equiv content=…charset=…, and the
# malformed httpequiv="ContentType" seen on real portals; only the head is scanned.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([-\w:.]+)", re.I)
META_SCAN_BYTES = 4096


@dataclass(frozen=True)
class Decoded:
    """A decoded page: the text, the codec used, where the choice came from, U+FFFD count."""

    text: str
    encoding: str
    source: str
    replacements: int


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
    return match.group(1).decode("ascii", "replace") if match else None


def _fits(body: bytes, codec: str) -> bool:
    """True when `body` decodes under `codec` with at most a negligible share of bad bytes."""
    try:
        body.decode(codec)
        return True
    except UnicodeDecodeError:
        pass
    bad = body.decode(codec, errors="replace").count("\ufffd")
    return bad <= max(1, len(body) * TOLERATED_ERROR_SHARE)


def detect(body: bytes) -> str | None:
    """A detector's codec guess from the head and tail of the page (None when it has none)."""
    sample = body if len(body) <= 2 * DETECT_SAMPLE else body[:DETECT_SAMPLE] + body[-DETECT_SAMPLE:]
    best = charset_normalizer.from_bytes(sample).best()
    return codec_for(best.encoding) if best else None


def _strict_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _source_naming(candidates: tuple[tuple[str | None, str], ...], codec: str) -> str:
    """The first declaration that names `codec`, else "detected"."""
    return next((source for named, source in candidates if named == codec), "detected")


def _choose(body: bytes, headers: Mapping[str, str] | None, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec, "bom"
    candidates = (
        (codec_for(declared), "given"),
        (codec_for(header_charset(headers)), "header"),
        (codec_for(meta_charset(body)), "meta"),
    )
    # Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the label says: GBK or
    # Big5 text almost never happens to be valid UTF-8, while mislabelled UTF-8 is common.
    if not body.isascii() and _strict_utf8(body):
        return "utf-8", _source_naming(candidates, "utf-8")
    for codec, source in candidates:
        if codec and _fits(body, codec):
            return codec, source
    # Valid GBK bytes are never handed to a single-byte guess (cp1252 mojibake).
    if _fits(body, "utf-8"):
        return "utf-8", "detected"
    if _fits(body, "gb18030"):
        return "gb18030", "detected"
    guess = detect(body)
    if guess and _fits(body, guess):
        return guess, "detected"
    return "gb18030", "default"


def decode(body: bytes, headers: Mapping[str, str] | None = None, declared: str | None = None) -> Decoded:
    """Decode page bytes once, choosing the codec as the module docstring says.

    `declared` is a charset the caller knows (``--encoding``); it is checked like a header.
    """
    codec, source = _choose(body, headers, declared)
    if body.startswith(codecs.BOM_UTF8) and codec == "utf-8":
        body = body[len(codecs.BOM_UTF8):]
    text = body.decode(codec, errors="replace")
    return Decoded(text=text, encoding=codec, source=source, replacements=text.count("\ufffd"))
