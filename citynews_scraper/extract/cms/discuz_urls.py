"""Discuz! article URLs: the aid they carry and the first-page form of each shape (pure).

Shapes (discuz-x.md §1): dynamic ``portal.php?mod=view&aid=N[&page=k]``, rewritten
``article-N-k.html`` (admin patterns such as ``article/N/k.html`` are kept as they are),
static ``…/YYYYMM/00000123.html`` with page k > 1 as ``00000123k.html``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DYNAMIC_VIEW = re.compile(r"portal\.php\?(?:.*&)?mod=view(?:&|$)")
REWRITTEN = re.compile(r"article-(?P<aid>\d+)-(?P<page>\d+)\.html$")
STATIC = re.compile(r"/(?P<aid>\d{8})(?P<page>\d*)(?P<ext>\.html?)$")
# Query parameters that name a page or a visit, not the article.
_DROPPED_PARAMS = {"page", "_dsign", "mobile", "from"}


def article_id_from_url(url: str) -> str | None:
    """The aid a Discuz! article URL carries, or None for other URLs.

    >>> article_id_from_url("http://x.cn/portal.php?mod=view&amp;aid=123&page=2")
    '123'
    >>> article_id_from_url("http://x.cn/article-45-1.html"), article_id_from_url("http://x.cn/a/202210/000000672.html")
    ('45', '67')
    """
    url = url.replace("&amp;", "&")
    if DYNAMIC_VIEW.search(url):
        aid = dict(parse_qsl(urlsplit(url).query)).get("aid", "")
        return aid if aid.isdigit() else None
    match = REWRITTEN.search(url) or STATIC.search(urlsplit(url).path)
    return str(int(match.group("aid"))) if match else None


def page_from_url(url: str) -> int | None:
    """The page number a Discuz! article URL names (1 when it names none); None for others."""
    url = url.replace("&amp;", "&")
    if DYNAMIC_VIEW.search(url):
        page = dict(parse_qsl(urlsplit(url).query)).get("page", "1")
        return int(page) if page.isdigit() else 1
    match = REWRITTEN.search(url) or STATIC.search(urlsplit(url).path)
    if not match:
        return None
    return int(match.group("page") or 1)


def first_page_url(url: str) -> str:
    """The URL of page 1 in the same shape: no page parameter, ``-1.html``, no page suffix;
    ``&amp;`` decoded and the fragment dropped.

    >>> first_page_url("http://x.cn/portal.php?mod=view&amp;aid=12&amp;page=3#c")
    'http://x.cn/portal.php?mod=view&aid=12'
    >>> first_page_url("http://x.cn/article-12-3.html"), first_page_url("http://x.cn/n/202210/000000122.html")
    ('http://x.cn/article-12-1.html', 'http://x.cn/n/202210/00000012.html')
    """
    parts = urlsplit(url.replace("&amp;", "&"))
    query = parts.query
    if DYNAMIC_VIEW.search(url.replace("&amp;", "&")):
        query = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in _DROPPED_PARAMS])
    path = REWRITTEN.sub(lambda m: f"article-{m.group('aid')}-1.html", parts.path)
    path = STATIC.sub(lambda m: f"/{m.group('aid')}{m.group('ext')}", path)
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))
