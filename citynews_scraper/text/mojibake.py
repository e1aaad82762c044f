"""Reversible mojibake repairs: text that went through the wrong codec once.

Each repair reinterprets a run of characters as the bytes they came from and decodes
those bytes with the right codec.  A repair is accepted only when (1) the round trip is
strict (no byte is invented or dropped) and (2) the candidate is clearly more plausible
Chinese than the text as it is (`freq.plausibility`): mojibake is made of rare characters
and symbols, clean text of common characters, and a clean run that happens to round-trip
turns into rare characters, so it stays as it is.

- ``gbk_as_latin1``: GBK bytes read as Latin-1/cp1252 (``Æ¼ÏçÐÂÎÅ`` → 萍乡新闻);
- ``utf8_as_latin1`` / ``utf8_as_cp1252``: UTF-8 read as Latin-1/cp1252, by ftfy's
  ``fix_encoding`` (never its width folding or quote uncurling);
- ``utf8_as_gbk``: UTF-8 read as GBK (``鐢ㄦ埛`` → 用户);
- ``big5_as_gbk`` / ``gbk_as_big5``: the two Chinese double-byte charsets swapped.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from difflib import SequenceMatcher

import ftfy

from citynews_scraper.text.freq import plausibility, rare_han_share

# A candidate must beat the text as it is by this much (log10 units: ~10× more frequent
# characters on average) and read as ordinary Chinese on its own.
MARGIN = 1.0
MIN_CANDIDATE = 1.0
# Han-to-Han reinterpretations (UTF-8 read as GBK, Big5↔GBK) start from real characters:
# the run must carry rare Han characters, the signature of double-byte mojibake (Japanese,
# clean Traditional text and box drawing carry none or few).
MIN_RARE_SHARE = 0.25
# Big5↔GBK swaps map common characters onto common characters more often than the other
# repairs, so they need longer runs and a wider margin, and never repair short runs.
SWAP_MIN_CHARS = 3
# UTF-8 read as GBK: that the re-encoded bytes form valid multi-byte UTF-8 is strong
# evidence already (clean GBK text almost never does), so a smaller margin suffices.
UTF8_MARGIN = 0.5
UTF8_FLOOR = 0.0
# In a string already known to be UTF-8 read as GBK, a one-character run whose bytes are
# valid UTF-8 is repaired even when the mojibake happens to be a common character
# (· is C2 B7 in UTF-8, 路 in GBK).
UTF8_SECOND_MARGIN = -1.0
# GBK shown as Latin-1: a run of one pair (Ç©, Ã¼) is ordinary in European text; two
# pairs or more decide alone.
GBK_MIN_BYTES = 4
SWAP_MARGIN = 1.5
SWAP_HAN_SHARE = 0.5
SWAP_KNOWN_MARGIN = 0.5
_HAN_OR_PRIVATE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ue000-\uf8ff]")
# Short runs (one character) carry too little evidence alone; they, and long runs that
# missed MIN_CANDIDATE, are repaired only in a string where a long run of the same class
# was repaired (the string is then known to be damaged this way), and then only need to
# beat the text as it is by MARGIN and be made of known characters.
MIN_RUN_CHARS = 2
MIN_SHORT_CANDIDATE = -2.0

# --- byte views ---------------------------------------------------------------------
# Latin-1 and cp1252 view of bytes 0x80–0xFF: the character a browser shows for each byte.
_HIGH: dict[str, int] = {}
for _byte in range(0x80, 0x100):
    _HIGH[chr(_byte)] = _byte
    with contextlib.suppress(UnicodeDecodeError):  # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined
        _HIGH[bytes([_byte]).decode("cp1252")] = _byte
_HIGH_CLASS = "".join(re.escape(ch) for ch in _HIGH)
# A GBK pair seen through Latin-1: a high byte, then a high byte or an ASCII trail (0x40–0x7E).
_LATIN_PAIRS = re.compile(f"(?:[{_HIGH_CLASS}][\x40-\x7e{_HIGH_CLASS}])+")
_LATIN_PAIRS_ALONE = re.compile(
    f"(?<![A-Za-z\u00c0-\u00ff])(?:{_LATIN_PAIRS.pattern[3:-2]})+(?![A-Za-z\u00c0-\u00ff])"
)
_TO_BYTES = {ord(ch): byte for ch, byte in _HIGH.items()}
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Clean punctuation around damaged text splits a run that fails as a whole into pieces.
_PIECES = re.compile(r"[^\x00-\x7f，。、：；！？“”‘’（）《》【】…—\u3000]+")
# UTF-8 read as Latin-1/cp1252 always shows a lead byte Â..ô.
_UTF8_LEAD_AS_LATIN = re.compile("[\u00c2-\u00f4]")
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False,
    fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
    fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False, normalization=None,
)
# ftfy's whole-string step names the codec it undid; partial steps are checked separately.
_FTFY_CLASSES = {"latin-1": "utf8_as_latin1", "iso-8859-1": "utf8_as_latin1"}
_FTFY_SAFE_STEPS = frozenset({"restore_byte_a0", "decode_inconsistent_utf8"})


def _latin_bytes(run: str) -> bytes:
    return run.translate(_TO_BYTES).encode("latin-1")


Decoder = Callable[[str], str | None]


def _strict(encode: str, decode: str) -> Decoder:
    """A decoder that re-encodes a run with `encode` and decodes it with `decode`, strictly."""

    def undo(run: str) -> str | None:
        try:
            return run.encode(encode).decode(decode)
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None

    return undo


def _gbk_from_latin(run: str) -> str | None:
    try:
        raw = _latin_bytes(run)
    except UnicodeEncodeError:
        return None
    if max(raw) >= 0xE0 and _is_utf8(raw):
        return None  # UTF-8 Chinese read as Latin-1: ftfy's case, not ours
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _han_mojibake(undo: Decoder) -> Decoder:
    """`undo`, applied only to runs whose Han characters are rare enough to be mojibake."""

    def guarded(run: str) -> str | None:
        return undo(run) if rare_han_share(run) >= MIN_RARE_SHARE else None

    return guarded


def _utf8_from_gbk(run: str) -> str | None:
    """UTF-8 read as GBK; a final character cut short by the page (then U+FFFD) is allowed."""
    try:
        raw = run.encode("gb18030")
    except UnicodeEncodeError:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if run.endswith("\ufffd") and error.reason == "unexpected end of data":
            return raw[: error.start].decode("utf-8", errors="strict") + "\ufffd"
        return None


def _better(run: str, candidate: str | None, floor: float, margin: float = MARGIN) -> bool:
    if not candidate or candidate == run or candidate.count("\ufffd") > run.count("\ufffd"):
        return False
    score = plausibility(candidate)
    return score >= floor and score >= plausibility(run) + margin


def _split_fallback(undo: Decoder) -> Decoder:
    """`undo` on the whole run, else on its pieces between clean punctuation."""

    def undo_pieces(run: str) -> str | None:
        whole = undo(run)
        if whole is not None:
            return whole
        if not _PIECES.fullmatch(run):
            return _PIECES.sub(lambda m: _or_same(m.group(0), undo), run)
        return None

    return undo_pieces


def _or_same(piece: str, undo: Decoder) -> str:
    candidate = undo(piece)
    return candidate if candidate is not None and _better(piece, candidate, MIN_CANDIDATE) else piece


def repair_runs(
    text: str, runs: re.Pattern[str], undo: Decoder, *, min_chars: int = MIN_RUN_CHARS,
    margin: float = MARGIN, floor: float = MIN_CANDIDATE, short_runs: bool = True,
    second_margin: float = 0.0, known: bool = False,
) -> tuple[str, int]:
    """Replace each run of `runs` by `undo(run)` when that is clearly better; count repairs.

    Runs of `min_chars` or more are decided on their own; shorter runs only once a long
    run of the same string was repaired, or when the caller `known`s the record to be
    damaged this way (another field of it was repaired so): the string is then known to
    be damaged, and each run only has to beat the text as it is by `second_margin`.
    """
    matches = [m for m in runs.finditer(text)]
    if not matches:
        return text, 0
    fixes: dict[int, str] = {}
    for m in matches:
        if _run_chars(m.group(0)) >= min_chars:
            candidate = undo(m.group(0))
            if _better(m.group(0), candidate, floor, margin):
                fixes[m.start()] = candidate  # type: ignore[assignment]
    if (fixes or known) and short_runs:
        for m in matches:
            if m.start() not in fixes:
                candidate = undo(m.group(0))
                if _better(m.group(0), candidate, MIN_SHORT_CANDIDATE, second_margin):
                    fixes[m.start()] = candidate  # type: ignore[assignment]
    if not fixes:
        return text, 0
    out, last = [], 0
    for m in matches:
        if m.start() in fixes:
            out += [text[last : m.start()], fixes[m.start()]]
            last = m.end()
    out.append(text[last:])
    return "".join(out), len(fixes)


def _run_chars(run: str) -> int:
    return len(run.encode("utf-16-le")) // 2


def gbk_as_latin1(text: str, known: bool = False) -> tuple[str, int]:
    """Repair GBK bytes shown as Latin-1/cp1252 characters.

    >>> gbk_as_latin1("Æ¼ÏçÐÂÎÅ 2022Äê")
    ('萍乡新闻 2022年', 2)
    >>> gbk_as_latin1("Müller, café, Ærø")
    ('Müller, café, Ærø', 0)
    """
    if text.isascii():
        return text, 0
    fixed, n = repair_runs(text, _LATIN_PAIRS, _gbk_from_latin, min_chars=GBK_MIN_BYTES)
    if n or not known:
        return fixed, n
    # Known damaged record, short field: single pairs too, but not inside Latin words
    # (bokmål, Ærø stay): mojibake pairs sit between digits, spaces and punctuation.
    return repair_runs(text, _LATIN_PAIRS_ALONE, _gbk_from_latin, min_chars=GBK_MIN_BYTES, known=True)


def utf8_as_gbk(text: str, known: bool = False) -> tuple[str, int]:
    """Repair UTF-8 bytes shown as GBK characters.

    >>> utf8_as_gbk("鐢ㄦ埛瀵嗙爜：钀嶄埂鏂伴椈")
    ('用户密码：萍乡新闻', 1)
    >>> utf8_as_gbk("中国人民银行")
    ('中国人民银行', 0)
    """
    if text.isascii():
        return text, 0
    return repair_runs(
        text, _NON_ASCII_RUN, _split_fallback(_utf8_from_gbk), margin=UTF8_MARGIN, floor=UTF8_FLOOR,
        second_margin=UTF8_SECOND_MARGIN, known=known,
    )


def big5_as_gbk(text: str, known: bool = False) -> tuple[str, int]:
    """Repair Big5 bytes shown as GBK characters (Traditional text read as GBK)."""
    return _swap(text, "gb18030", "big5hkscs", known)


def gbk_as_big5(text: str, known: bool = False) -> tuple[str, int]:
    """Repair GBK bytes shown as Big5 characters (Simplified text read as Big5)."""
    return _swap(text, "big5hkscs", "gb18030", known)


def _swap(text: str, shown_as: str, really: str, known: bool = False) -> tuple[str, int]:
    """All-or-nothing over the string: a wrong double-byte charset damages a whole page,
    so every non-ASCII run must round-trip and the string as a whole must gain.  In a
    record `known` to be damaged this way, short fields (dates, labels) need only gain."""
    runs = _NON_ASCII_RUN.findall(text)
    shown = "".join(runs)
    han = len(_HAN_OR_PRIVATE.findall(shown))
    if known:
        if not han:
            return text, 0
    # Mostly Han (or private-use characters, which is what GBK decoders make of Big5 bytes
    # in GBK's user-defined rows): Cyrillic, Greek and kana also swap into Han.
    elif han < SWAP_MIN_CHARS or han < len(shown) * SWAP_HAN_SHARE or rare_han_share(shown) < MIN_RARE_SHARE:
        return text, 0
    undo = _strict(shown_as, really)
    fixed: list[str] = []
    for run in runs:
        candidate = undo(run)
        if candidate is None:
            return text, 0
        fixed.append(candidate)
    floor, margin = (MIN_SHORT_CANDIDATE, SWAP_KNOWN_MARGIN) if known else (MIN_CANDIDATE, SWAP_MARGIN)
    if not _better(shown, "".join(fixed), floor, margin):
        return text, 0
    replacements = iter(fixed)
    return _NON_ASCII_RUN.sub(lambda _: next(replacements), text), len(runs)


def _changed_spans(old: str, new: str) -> list[str]:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [new[j1:j2] for tag, _, _, j1, j2 in matcher.get_opcodes() if tag != "equal"]


# What ftfy's partial fixes may produce: ASCII, Latin-1 letters, general punctuation,
# CJK and full-width forms.  Anything else (Ƽ, ѕ) is GBK mojibake that ftfy misread.
_ORDINARY = re.compile("[\x00-\x7f\u00a0-\u00ff\u2000-\u206f\u20ac\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]*")


def is_ordinary(text: str) -> bool:
    """True when `text` has only characters a UTF-8 repair of Chinese pages should yield."""
    return _ORDINARY.fullmatch(text) is not None


def utf8_as_latin(text: str, partial: bool = True) -> tuple[str, str, int]:
    """Repair UTF-8 shown as Latin-1 or cp1252 with ftfy; (text, repair name, spans changed).

    With `partial` False only a whole-string repair is accepted (ftfy re-decoding all of
    `text`); otherwise also ftfy's fixes of parts, when they yield ordinary characters.
    >>> utf8_as_latin("ç\\x94¨æ\\x88·ï¼\\x8cå¾\\x88å¥½")
    ('用户，很好', 'utf8_as_latin1', 1)
    """
    if not _UTF8_LEAD_AS_LATIN.search(text):
        return text, "", 0
    fixed, steps = ftfy.fix_encoding_and_explain(text, _FTFY)
    if fixed == text or not steps:
        return text, "", 0
    name = ""
    for action, what in steps:
        if action == "encode":
            name = _FTFY_CLASSES.get(what, "utf8_as_cp1252")
        elif action == "decode" and not what.startswith("utf-8"):
            return text, "", 0  # a Latin-1 ↔ cp1252 transcoding, not a UTF-8 repair
        elif action == "apply" and (what not in _FTFY_SAFE_STEPS or not partial):
            return text, "", 0
    spans = _changed_spans(text, fixed)
    if not name:
        if not partial or not all(_ORDINARY.fullmatch(span) for span in spans):
            return text, "", 0
        name = "utf8_as_cp1252"
    return fixed, name, len(spans)
