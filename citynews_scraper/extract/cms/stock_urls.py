"""Article ids and page numbers in the URLs of the stock CMS parsers (DedeCMS, PHPCMS, EmpireCMS).

Their article files look alike (``/123.html``, page 2 ``/123_2.html``) and their dynamic
pages carry the id and page in the query (``?aid=123&pageno=2``): one reader for all three,
given each CMS's query key and file patterns.  A file pattern names its groups ``id`` and
``page`` (``page`` may be optional); without one, `ARTICLE_FILE` is meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

# The article file all three write: ``/123.html``, its page 2 ``/123_2.html`` (or .shtml, .htm).
ARTICLE_FILE = re.compile(r"/(?P<id>\d+)(?:_(?P<page>\d+))?\.s?html?$")


def id_in_query(key: str) -> re.Pattern[str]:
    """``?key=N`` or ``&key=N`` (also HTML-escaped ``&amp;key=N``) anywhere in a string: group 1 is N."""
    return re.compile(rf"[?&](?:amp;)?{key}=(\d+)")


def first_number(values: Iterable[str], pattern: re.Pattern[str]) -> str | None:
    """Group 1 of the first value `pattern` matches (an id in a counter script's URL)."""
    for value in values:
        found = pattern.search(value)
        if found:
            return found.group(1)
    return None


def id_from_url(url: str, key: str, *files: re.Pattern[str]) -> str | None:
    """``?key=N`` in the query, else the ``id`` of the first file pattern the path matches."""
    return _number(url, key, files or (ARTICLE_FILE,), "id")


def page_from_url(url: str, key: str | None, *files: re.Pattern[str]) -> int | None:
    """``?key=N`` in the query (unless `key` is None), else the ``page`` of the first file pattern."""
    number = _number(url, key, files or (ARTICLE_FILE,), "page")
    return int(number) if number else None


def first_page_path(path: str) -> str:
    """``…/123_2.html`` → ``…/123.html``: the article file of page 1."""
    return ARTICLE_FILE.sub(_without_page, path)


def _without_page(match: re.Match[str]) -> str:
    page = match.group("page")
    return match.group(0).replace(f"_{page}.", ".") if page else match.group(0)


def _number(url: str, key: str | None, files: tuple[re.Pattern[str], ...], group: str) -> str | None:
    parts = urlsplit(url)
    value = dict(parse_qsl(parts.query)).get(key, "") if key else ""
    if value.isdigit():
        return value
    found = next((match for pattern in files if (match := pattern.search(parts.path))), None)
    return found.group(group) if found and found.group(group) else None
