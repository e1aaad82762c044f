"""Discuz! X URL shapes: what a link points to, the article id in it, and its canonical form. Pure.

The crawler never guesses from page text which links to follow; it classifies URLs with
the tables below (see ``shared/reference/discuz-x.md`` §1 and §9.3):

- articles: ``portal.php?mod=view&aid=N[&page=k]``, the rewrite rule ``article-N-k.html``
  and admin-edited variants (``article/N/k.html``, ``article_N.html`` …), static files
  ``…/YYYYMM/000000NN[k].html`` (the aid zero-padded to 8 digits, page k>1 appended);
- lists: ``portal.php?mod=list&catid=N[&page=M]``, ``…/folder/index.php?page=M``,
  static ``…/folder/index.html`` (plain folder URLs ``/news/`` are only recognised where
  the page says they are channels: nav, sidebars);
- never followed: user, space, forum, group, misc, login/register, search, plugins,
  comments, RSS, admin, attachments and static assets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit


class Kind(StrEnum):
    ARTICLE = "article"
    LIST = "list"
    HOME = "home"
    NEVER = "never"
    OTHER = "other"


@dataclass(frozen=True)
class ArticleRef:
    """An article link: the aid, which of its pages, and the URL of its page 1 as the site links it."""

    aid: str
    page: int
    first_page_url: str

    @property
    def key(self) -> str:
        """The dedupe key: one per article, whatever URL form points at it."""
        return f"aid:{self.aid}"


# Rewritten article URLs (the editable `portal_article` rule). Each pattern has the named
# groups `aid` and optionally `page`; a profile can add its own (`article_patterns`).
ARTICLE_PATH_PATTERNS: tuple[str, ...] = (
    r"(?:^|/)article-(?P<aid>\d+)(?:-(?P<page>\d+))?\.html?$",  # stock rule article-{id}-{page}.html
    r"(?:^|/)article[_/](?P<aid>\d+)(?:[-_/](?P<page>\d+))?(?:\.html?|/)?$",  # article/13380/1.html, article_5.html
    r"(?:^|/)(?:news|view|a)-(?P<aid>\d+)(?:-(?P<page>\d+))?\.html?$",  # common admin edits
)
# Static HTML mode: {htmldir}{htmlname}{page?}.html where htmldir ends in a date folder and
# htmlname is the aid zero-padded to 8 digits.
STATIC_ARTICLE = re.compile(r"/(?:\d{4}/\d{1,2}(?:/\d{1,2})?|\d{6}(?:/\d{1,2})?)/(?P<name>\d{8,})\.html?$")
STATIC_AID_DIGITS = 8

# Static list page and folder-category pager (`caturl + 'index.php?page=N'`).
STATIC_LIST = re.compile(r"/index\.html?$")
FOLDER_PAGER = re.compile(r"/index\.php$")
FOLDER_INDEX = re.compile(r"/index\.(?:html?|php)$", re.IGNORECASE)

# Scripts whose pages are never articles or channel lists.
NEVER_SCRIPTS = frozenset({
    "home.php", "forum.php", "group.php", "misc.php", "member.php", "search.php", "plugin.php",
    "connect.php", "userapp.php", "admin.php", "api.php", "archiver", "uc_server", "logging.php",
    "register.php", "login.php", "space.php", "cp.php", "do.php", "source.php", "m.php",
})
# Path fragments and file shapes that are never followed (rewritten forum/space URLs,
# attachments, static assets, user/login pages of non-Discuz! hosts).
NEVER_PATH = re.compile(
    r"(?:^|/)(?:space-|forum-|thread-|group-|blog-|home-|tag-|topic-|misc-)"
    r"|(?:^|/)(?:data/attachment|static/|uc_server/|api/|archiver/|template/|source/|user/|member/|login|register|logout)"
    r"|\.(?:jpe?g|png|gif|webp|bmp|ico|svg|css|js|json|xml|rss|zip|rar|7z|gz|pdf|docx?|xlsx?|pptx?|mp[34]|avi|flv|swf|apk|exe)$",
    re.IGNORECASE,
)
# portal.php modules that are not content pages for the crawler.
NEVER_PORTAL_MODS = frozenset({"comment", "rss", "portalcp", "attachment", "topic", "search"})
# Query parameters that never change which article/list a URL shows.
NOISE_PARAMS = frozenset({"_dsign", "mobile", "from", "fromuid", "spm", "utm_source", "utm_medium", "utm_campaign"})
URL_CACHE_SIZE = 4096
HOME_PATHS = frozenset({"", "/", "/portal.php", "/index.php", "/index.html", "/index.htm"})


def _compiled(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_DEFAULT_ARTICLE_RES = _compiled(ARTICLE_PATH_PATTERNS)


class UrlRules:
    """URL classification for one site: the stock tables plus a profile's extra article patterns."""

    def __init__(self, extra_article_patterns: Sequence[str] = ()) -> None:
        self.article_res = _compiled(extra_article_patterns) + _DEFAULT_ARTICLE_RES
        # Every page repeats the same nav, sidebar and footer links: memoise per URL (bounded).
        self.article_ref = lru_cache(maxsize=URL_CACHE_SIZE)(self._article_ref)  # type: ignore[method-assign]
        self.classify = lru_cache(maxsize=URL_CACHE_SIZE)(self._classify)  # type: ignore[method-assign]

    def _article_ref(self, url: str) -> ArticleRef | None:
        parts = urlsplit(url.replace("&amp;", "&"))
        script = parts.path.rsplit("/", 1)[-1].lower()
        if script == "portal.php":
            return _dynamic_article(parts)
        for regex in self.article_res:
            match = regex.search(parts.path)
            if match:
                page = int(match.groupdict().get("page") or 1)
                return ArticleRef(str(int(match["aid"])), page, _rewritten_first_page(parts, match, page))
        static = STATIC_ARTICLE.search(parts.path)
        if static:
            return _static_article(parts, static["name"])
        return None

    def article_ref(self, url: str) -> ArticleRef | None:
        """The article a URL points at, or None when it is not an article URL."""
        return self._article_ref(url)

    def classify(self, url: str) -> Kind:
        """What a URL points at (see the module docstring)."""
        return self._classify(url)

    def _classify(self, url: str) -> Kind:
        url = url.replace("&amp;", "&")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return Kind.NEVER
        if _is_never(parts):
            return Kind.NEVER
        if self.article_ref(url):
            return Kind.ARTICLE
        if _is_list(parts):
            return Kind.LIST
        if parts.path in HOME_PATHS and not _query(parts).get("mod"):
            return Kind.HOME
        return Kind.OTHER


DEFAULT_RULES = UrlRules()


def classify(url: str) -> Kind:
    """`UrlRules.classify` with the stock tables."""
    return DEFAULT_RULES.classify(url)


def article_ref(url: str) -> ArticleRef | None:
    """`UrlRules.article_ref` with the stock tables."""
    return DEFAULT_RULES.article_ref(url)


def _query(parts: SplitResult) -> dict[str, str]:
    return {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}


def _dynamic_article(parts: SplitResult) -> ArticleRef | None:
    query = _query(parts)
    aid = query.get("aid", "")
    if query.get("mod") != "view" or not aid.isdigit():
        return None
    page = int(query["page"]) if query.get("page", "").isdigit() else 1
    first = urlunsplit((parts.scheme, parts.netloc, parts.path, f"mod=view&aid={int(aid)}", ""))
    return ArticleRef(str(int(aid)), max(page, 1), first)


def _rewritten_first_page(parts: SplitResult, match: re.Match[str], page: int) -> str:
    path: str = parts.path
    if page != 1 and match["page"] is not None:
        start, end = match.span("page")
        path = path[:start] + "1" + path[end:]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _static_article(parts: SplitResult, name: str) -> ArticleRef:
    # Page k>1 of a static article is `{htmlname}{k}.html`; with the default 8-digit
    # htmlname the first 8 digits are the aid (an aid ≥ 10^8 is ambiguous; none seen).
    aid, suffix = name[:STATIC_AID_DIGITS], name[STATIC_AID_DIGITS:]
    page = int(suffix) if suffix else 1
    path: str = parts.path
    first = path[: len(path) - len(path.rsplit("/", 1)[-1])] + aid + path[path.rfind(".") :]
    return ArticleRef(str(int(aid)), page, urlunsplit((parts.scheme, parts.netloc, first, "", "")))


def _is_never(parts: SplitResult) -> bool:
    path: str = parts.path
    script = path.rsplit("/", 1)[-1].lower()
    if script in NEVER_SCRIPTS or any(seg in NEVER_SCRIPTS for seg in path.lower().split("/")):
        return True
    if NEVER_PATH.search(path):
        return True
    return script == "portal.php" and _query(parts).get("mod", "") in NEVER_PORTAL_MODS


def _is_list(parts: SplitResult) -> bool:
    path: str = parts.path
    query = _query(parts)
    if path.lower().endswith("portal.php"):
        return query.get("mod") == "list" and query.get("catid", "").isdigit()
    if FOLDER_PAGER.search(path) and (query.get("page", "").isdigit() or query.get("catid", "").isdigit()):
        return True
    return bool(STATIC_LIST.search(path)) and path.count("/") >= 2


def canonical(url: str) -> str:
    """`url` with `&amp;` decoded, no fragment, noise parameters (``_dsign``, tracking) dropped,
    parameters in a stable order, and no ``page=1``; the host lowercased."""
    parts = urlsplit(url.replace("&amp;", "&"))
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in NOISE_PARAMS]
    pairs = [(k, v) for k, v in pairs if not (k.lower() == "page" and v == "1")]
    query = urlencode(_stable(pairs), safe=":/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def _stable(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    # Discuz! builds `mod` first and `page` last; keep that, sort what is in between.
    head = [p for p in pairs if p[0] == "mod"]
    tail = [p for p in pairs if p[0] == "page"]
    middle = sorted(p for p in pairs if p[0] not in ("mod", "page"))
    return head + middle + tail


def channel_url(url: str) -> str:
    """A channel's first list page: canonical, without a page number; a folder's
    ``index.php`` pager base folded into the folder URL itself.

    >>> channel_url("http://x.cn/portal.php?mod=list&catid=3&page=4")
    'http://x.cn/portal.php?mod=list&catid=3'
    >>> channel_url("http://x.cn/news/index.php?page=2"), channel_url("http://x.cn/news/")
    ('http://x.cn/news/', 'http://x.cn/news/')
    """
    parts = urlsplit(canonical(url))
    query = "&".join(p for p in parts.query.split("&") if p and not p.startswith("page="))
    path = parts.path
    if not query and FOLDER_PAGER.search(path):
        path = path[: -len("index.php")]
    return urlunsplit(parts._replace(path=path, query=query))


def list_key(url: str) -> str:
    """The dedupe key of a list page: its canonical URL, with a folder's index file (no query)
    folded into the folder: in static mode a category is both ``/news/`` (its ``index.php``)
    and ``/news/index.html`` (the generated copy), the same list page.

    >>> list_key("http://x.cn/news/local/index.html"), list_key("http://x.cn/news/local/")
    ('http://x.cn/news/local/', 'http://x.cn/news/local/')
    >>> list_key("http://x.cn/news/index.php?page=2")
    'http://x.cn/news/index.php?page=2'
    """
    key = canonical(url)
    parts = urlsplit(key)
    if parts.query or not FOLDER_INDEX.search(parts.path):
        return key
    return urlunsplit(parts._replace(path=parts.path[: parts.path.rfind("/") + 1]))


def same_site(url: str, domains: Iterable[str]) -> bool:
    """True when the URL's host is one of `domains` or a subdomain of one (channel subdomains)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in (d.lower().lstrip(".") for d in domains))


_DSIGN = re.compile(r"_dsign=([0-9a-fA-F]{8,32})")
# The anti-scraping page builds the URL from string pieces; joins like '+' are removed first.
_JOINS = re.compile(r"""["']\s*\+\s*["']""")


def without_dsign(url: str) -> str:
    """`url` without the anti-scraping ``_dsign`` parameter (other parameters untouched).

    >>> without_dsign("http://x.cn/article-3-1.html?_dsign=ab12cd34")
    'http://x.cn/article-3-1.html'
    >>> without_dsign("http://x.cn/portal.php?mod=view&aid=3&_dsign=ab12cd34&page=2")
    'http://x.cn/portal.php?mod=view&aid=3&page=2'
    """
    if "_dsign=" not in url:
        return url
    parts = urlsplit(url)
    kept = [p for p in parts.query.split("&") if p and not p.startswith("_dsign=")]
    return urlunsplit(parts._replace(query="&".join(kept)))


def dsign_target(text: str, url: str) -> str | None:
    """The URL the Discuz! anti-scraping page redirects to (`url` plus ``_dsign=…``), or None.

    The page is a script that sends the browser to the same URL plus a fixed per-article
    signature; we read the signature from the script instead of running it.
    """
    match = _DSIGN.search(_JOINS.sub("", text))
    if not match or "_dsign=" in url:
        return None
    separator = "&" if urlsplit(url).query else "?"
    return f"{url}{separator}_dsign={match[1]}"


def article_page_url(first_page_url: str, page: int, rules: UrlRules = DEFAULT_RULES) -> str | None:
    """The URL of page `page` of an article, in the shape of its first-page URL (None when
    the shape has no page slot).  Used when the article's pager does not list that page.

    >>> article_page_url("http://x.cn/portal.php?mod=view&aid=7", 3)
    'http://x.cn/portal.php?mod=view&aid=7&page=3'
    >>> article_page_url("http://x.cn/article-7-1.html", 2), article_page_url("http://x.cn/n/202401/00000007.html", 2)
    ('http://x.cn/article-7-2.html', 'http://x.cn/n/202401/000000072.html')
    """
    if page == 1:
        return first_page_url
    parts = urlsplit(first_page_url)
    if parts.path.lower().endswith("portal.php"):
        return urlunsplit(parts._replace(query=f"{parts.query}&page={page}"))
    for regex in rules.article_res:
        match = regex.search(parts.path)
        if match:
            if match.groupdict().get("page") is None:
                return None
            start, end = match.span("page")
            return urlunsplit(parts._replace(path=parts.path[:start] + str(page) + parts.path[end:]))
    static = STATIC_ARTICLE.search(parts.path)
    if static:
        start, end = static.span("name")
        return urlunsplit(parts._replace(path=parts.path[:end] + str(page) + parts.path[end:]))
    return None
