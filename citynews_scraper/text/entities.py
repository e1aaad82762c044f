"""Double-escaped HTML entities: ``&amp;nbsp;`` in the source shows as ``&nbsp;`` in the text.

Only complete references (with the closing ``;``) whose name HTML5 defines are decoded:
``html.unescape`` also decodes legacy names without ``;`` (``&para`` in ``?a=1&para=2``),
which would change clean text.
"""

from __future__ import annotations

import html
import re
from html.entities import html5

_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# ``&amp;amp;nbsp;`` needs two rounds; more than that is not an escaping accident.
MAX_ROUNDS = 2


def _decode_one(match: re.Match[str]) -> str:
    ref = match.group(1)
    if ref.startswith("#"):
        value = html.unescape(match.group(0))
        return value if value != "\ufffd" or ref in ("#65533", "#xfffd", "#xFFFD") else match.group(0)
    return html5.get(ref + ";", match.group(0))


def unescape_entities(text: str) -> tuple[str, int]:
    """`text` with literal entity references decoded, and how many were decoded.

    >>> unescape_entities("&ldquo;萍乡&rdquo;&nbsp;AT&T &para")
    ('“萍乡”\\xa0AT&T &para', 3)
    """
    count = 0
    for _ in range(MAX_ROUNDS):
        if "&" not in text:
            break
        decoded, n = _ENTITY.subn(_decode_one, text)
        # subn counts matches even when a reference is unknown and stays as it is.
        n = sum(1 for m in _ENTITY.finditer(text) if _decode_one(m) != m.group(0))
        if not n:
            break
        text, count = decoded, count + n
    return text, count
