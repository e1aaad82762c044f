"""The portal's URL scheme: the links it prints, and what a request path asks for.

Link forms follow Discuz! X3.4 (discuz-x.md §1): dynamic ``portal.php?mod=view&aid=N``,
rewritten ``article-N-k.html``, list ``portal.php?mod=list&catid=N[&page=M]`` or, for
folder categories, ``/news/`` and ``/news/index.php?page=M``.  Article links are relative
(resolved against ``<base href>``); category links are absolute.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.site import BY_ID, ancestors, category_of, dateline
from citynews_scraper.demo.vocab import CATEGORIES

# Scripts a crawler must never enter: users, spaces, forum, login, misc (robots.txt says so).
TRAP_SCRIPTS = ("home.php", "member.php", "forum.php", "misc.php", "search.php", "plugin.php", "connect.php")
HOME_PATHS = ("", "portal.php", "index.php")
CONTROL_PREFIX = "_demo/"
_REWRITE = re.compile(r"article-(\d+)-(\d+)\.html")
_STATIC = re.compile(r"(.*/)?(?:\d{6})/(\d{8})(\d*)\.html")
_ATTACHMENT = re.compile(r"data/attachment/portal/\d{6}/\d{2}/[0-9a-f]+\.jpg(\.thumb\.jpg)?")


def article_href(config: DemoConfig, aid: int, page: int = 1) -> str:
    """The article link as lists, 上一篇/下一篇 and 相关阅读 print it (relative)."""
    if config.static:
        return static_href(config, aid, page)
    if config.rewrite:
        return f"article-{aid}-{page}.html"
    return f"portal.php?mod=view&aid={aid}" + (f"&page={page}" if page > 1 else "")


def static_href(config: DemoConfig, aid: int, page: int = 1) -> str:
    """生成静态 file: ``{folders}{Ym}/{aid:08d}[{page}].html`` (page 1 has no number)."""
    when = dateline(config.seed, aid)
    number = str(page) if page > 1 else ""
    return f"{folder_path(category_of(config.seed, aid))}{when:%Y%m}/{aid:08d}{number}.html"


def pager_href(config: DemoConfig, aid: int, page: int) -> str:
    """A link of the article's own `div.pg` pager: ``&page=k`` even for page 1 (multi())."""
    if config.static:
        return static_href(config, aid, page)
    return f"article-{aid}-{page}.html" if config.rewrite else f"portal.php?mod=view&aid={aid}&page={page}"


def inner_nav_href(aid: int, page: int) -> str:
    """本文导航 links use a raw ``&page=`` and are therefore never rewritten."""
    return f"portal.php?mod=view&aid={aid}&page={page}"


def folder_path(catid: int) -> str:
    """``news/fenghuang/`` for a folder category (parent folders first)."""
    return "".join(f"{c.folder}/" for c in ancestors(catid))


def caturl(base: str, config: DemoConfig, catid: int) -> str:
    """The category URL Discuz! caches (absolute, with the site URL)."""
    if config.static:
        return base + folder_path(catid) + "index.html"
    if config.folders:
        return base + folder_path(catid)
    return f"{base}portal.php?mod=list&catid={catid}"


def list_href(base: str, config: DemoConfig, catid: int, page: int) -> str:
    """List page `page` of `catid`: the pager appends ``index.php?page=`` to folder URLs."""
    if page == 1:
        return caturl(base, config, catid)
    if config.folder_urls:
        return f"{base}{folder_path(catid)}index.php?page={page}"
    return f"{caturl(base, config, catid)}&page={page}"


def dsign(config: DemoConfig, aid: int) -> str:
    """Discuz!'s anti-scraping signature: first 8 hex of md5(aid . 'aid' . authkey)."""
    return hashlib.md5(f"{aid}aid{config.seed}-authkey".encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Route:
    """What a request asks for. `key` is the canonical URL path used for faults and attempts."""

    kind: str
    key: str
    params: dict[str, int | str] = field(default_factory=dict)


_FOLDERS = {folder_path(c.catid): c.catid for c in CATEGORIES}


def route(config: DemoConfig, target: str) -> Route:
    """Map a request target (path + query) to a `Route`."""
    parts = urlsplit(target)
    path = parts.path.lstrip("/")
    query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    if path == "robots.txt":
        return Route("robots", path)
    if path.startswith(CONTROL_PREFIX):
        return Route("control", path, dict(query))
    if path in HOME_PATHS and not query.get("mod"):
        return Route("home", "portal.php")
    if path == "portal.php":
        return _portal_route(config, query)
    match = _STATIC.fullmatch(path)
    if match and config.static:
        return _static_route(config, path, int(match[2]), int(match[3] or 1))
    match = _REWRITE.fullmatch(path)
    if match and config.rewrite:
        return _article_route(config, int(match[1]), int(match[2]), query.get("_dsign"))
    folder = _folder_route(config, path, query)
    if folder:
        return folder
    if path in TRAP_SCRIPTS:
        return Route("trap", path)
    if _ATTACHMENT.fullmatch(path):
        return Route("attachment", path)
    return Route("not_found", target.lstrip("/"))


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value and value.isdigit() else default


def _portal_route(config: DemoConfig, query: dict[str, str]) -> Route:
    mod = query.get("mod", "")
    if mod == "view" and config.static:
        aid, page = _int(query.get("aid")), max(1, _int(query.get("page"), 1))
        return Route("static_redirect", f"portal.php?mod=view&aid={aid}&page={page}", {"aid": aid, "page": page})
    if mod == "view":
        return _article_route(config, _int(query.get("aid")), max(1, _int(query.get("page"), 1)), query.get("_dsign"))
    if mod == "list":
        catid, page = _int(query.get("catid")), max(1, _int(query.get("page"), 1))
        if catid not in BY_ID:
            return Route("no_category", f"portal.php?mod=list&catid={catid}")
        if config.folder_urls:
            return Route("redirect", f"portal.php?mod=list&catid={catid}", {"catid": catid, "page": page})
        return Route("list", _list_key(config, catid, page), {"catid": catid, "page": page})
    if mod == "comment":
        aid = _int(query.get("id"))
        return Route("comment", f"portal.php?mod=comment&id={aid}&idtype=aid", {"aid": aid})
    return Route("not_found", "portal.php?mod=" + mod)


def _article_route(config: DemoConfig, aid: int, page: int, sign: str | None) -> Route:
    key = article_href(config, aid, page)
    return Route("article", key, {"aid": aid, "page": page, "dsign": sign or ""})


def _static_route(config: DemoConfig, path: str, aid: int, page: int) -> Route:
    # Only the exact file exists: right folder, right month, right page number.
    if not 1 <= aid <= config.articles or static_href(config, aid, page) != path:
        return Route("not_found", path)
    return Route("article", path, {"aid": aid, "page": page, "dsign": ""})


def _list_key(config: DemoConfig, catid: int, page: int) -> str:
    return list_href("", config, catid, page)


def _folder_route(config: DemoConfig, path: str, query: dict[str, str]) -> Route | None:
    if not config.folder_urls:
        return None
    folder, _, script = path.rpartition("/")
    folder = f"{folder}/" if folder else ""
    if script not in ("", "index.php", "index.html") or folder not in _FOLDERS:
        return None
    catid, page = _FOLDERS[folder], max(1, _int(query.get("page"), 1))
    return Route("list", _list_key(config, catid, page), {"catid": catid, "page": page})
