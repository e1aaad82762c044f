"""Site profiles: one TOML file per portal (shipped ones in ``citynews_scraper/profiles/``).

A profile names the site and says where to start, which hosts belong to it, which CMS and
timezone it uses, an encoding hint, politeness overrides and limits::

    name = "example"
    start_urls = ["https://www.example.com/portal.php"]
    allowed_domains = ["example.com"]        # default: the start URLs' hosts without www.
    cms = "discuz_x"                         # default: detect per page
    timezone = "Asia/Shanghai"               # or "+08:00"; default +08:00
    encoding = "gbk"                         # hint; the bytes still decide (text.decode)
    script = "hans"                          # convert to Simplified ("hant": Traditional)
    article_patterns = ['/news/(?P<aid>\\d+)_(?P<page>\\d+)\\.html$']   # extra article URL shapes
    redis = "redis://10.0.0.5:6379/0"        # crawl with shared workers (docs/distributed.md)

    [politeness]   # concurrency, delay, autothrottle, robots, timeout, retries, max_size_mb, user_agent
    [limits]       # max_articles, max_list_pages

Every mistake is a `ProfileError` with a one-line message naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import timedelta, timezone, tzinfo
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from citynews_scraper.extract.page import DEFAULT_TZ

PROFILE_DIR = "profiles"  # inside the citynews_scraper package (package data, not a subpackage)
SCRIPTS = ("hans", "hant")
_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{1,2}):?(\d{2})?$")


class ProfileError(ValueError):
    """A profile that cannot be used; the message is one line."""


@dataclass
class Politeness:
    """Overrides of the polite defaults in settings.py; None keeps the default."""

    concurrency: int | None = None
    delay: float | None = None
    autothrottle: bool | None = None
    robots: bool | None = None
    timeout: float | None = None
    retries: int | None = None
    max_size_mb: float | None = None
    user_agent: str | None = None


@dataclass
class Limits:
    max_articles: int = 0
    max_list_pages: int = 0


@dataclass
class SiteProfile:
    """Everything the spider needs to know about one site."""

    name: str | None
    start_urls: list[str]
    allowed_domains: list[str] = field(default_factory=list)
    cms: str | None = None
    timezone: str | None = None
    encoding: str | None = None
    script: str | None = None
    article_patterns: list[str] = field(default_factory=list)
    redis: str | None = None  # distributed crawling: the shared queue's Redis URL (--redis wins)
    politeness: Politeness = field(default_factory=Politeness)
    limits: Limits = field(default_factory=Limits)

    @property
    def tz(self) -> tzinfo:
        return parse_timezone(self.timezone) if self.timezone else DEFAULT_TZ

    @property
    def label(self) -> str:
        """The output folder name: the profile name, else the first start URL's host."""
        if self.name:
            return self.name
        return (urlsplit(self.start_urls[0]).hostname or "site") if self.start_urls else "site"

    def check(self, origin: str = "profile") -> SiteProfile:
        """Raise `ProfileError` for unusable values; fill `allowed_domains` from the start URLs."""
        if not self.start_urls:
            raise ProfileError(f"{origin}: no start URLs (set start_urls or pass --start-url)")
        for url in self.start_urls:
            check_start_url(url, origin)
        if not self.allowed_domains:
            self.allowed_domains = sorted({site_domain(u) for u in self.start_urls})
        if self.script and self.script not in SCRIPTS:
            raise ProfileError(f"{origin}: script must be one of {', '.join(SCRIPTS)}, not {self.script!r}")
        if self.timezone:
            parse_timezone(self.timezone, origin)
        for pattern in self.article_patterns:
            _check_pattern(pattern, origin)
        _check_cms(self.cms, origin)
        return self


def site_domain(url: str) -> str:
    """The domain a start URL stands for: its host without a leading ``www.``, so the
    portal's channel subdomains (``news.example.cn``, Discuz! channel domains) are in.

    >>> site_domain("http://www.px.example.cn/portal.php"), site_domain("http://127.0.0.1:8080/")
    ('px.example.cn', '127.0.0.1')
    """
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") and host.count(".") >= 2 else host


def check_start_url(url: str, origin: str = "start URL") -> None:
    """A start URL must be an absolute http(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProfileError(f"{origin}: bad start URL {url!r} (need an absolute http:// or https:// URL)")


def parse_timezone(value: str, origin: str = "profile") -> tzinfo:
    """An IANA name (``Asia/Taipei``) or a fixed offset (``+08:00``) → tzinfo."""
    match = _OFFSET.match(value.strip())
    if match:
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ProfileError(f"{origin}: unknown timezone {value!r} (use an IANA name or +HH:MM)") from None


def _check_pattern(pattern: str, origin: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ProfileError(f"{origin}: article_patterns: bad regular expression {pattern!r}: {exc}") from None
    if "aid" not in compiled.groupindex:
        raise ProfileError(f"{origin}: article_patterns: {pattern!r} needs a named group (?P<aid>…)")


def _check_cms(cms: str | None, origin: str) -> None:
    if not cms:
        return
    from citynews_scraper.extract.listing import listing_parsers

    known = listing_parsers()
    if cms not in known:
        raise ProfileError(f"{origin}: unknown cms {cms!r} (known: {', '.join(known)})")


def _typed(section: type, data: Any, origin: str, where: str) -> Any:
    if not isinstance(data, dict):
        raise ProfileError(f"{origin}: [{where}] must be a table")
    names = {f.name: f for f in fields(section)}
    unknown = sorted(set(data) - set(names))
    if unknown:
        raise ProfileError(f"{origin}: unknown key {where}.{unknown[0]} (known: {', '.join(names)})")
    for key, value in data.items():
        _check_type(value, str(names[key].type), origin, f"{where}.{key}")
    return section(**data)


_TYPE_CHECKS = {
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "str": lambda v: isinstance(v, str),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
}


def _check_type(value: Any, annotation: str, origin: str, key: str) -> None:
    base = annotation.replace(" | None", "")
    check = _TYPE_CHECKS.get(base)
    if check and not check(value):
        raise ProfileError(f"{origin}: {key} must be {base}, not {type(value).__name__} {value!r}")
    if base in ("int", "float") and value < 0:
        raise ProfileError(f"{origin}: {key} must not be negative ({value})")


def profile_from_dict(data: dict[str, Any], origin: str) -> SiteProfile:
    """Build and check a profile from parsed TOML."""
    data = dict(data)
    politeness = _typed(Politeness, data.pop("politeness", {}), origin, "politeness")
    limits = _typed(Limits, data.pop("limits", {}), origin, "limits")
    top = {f.name: f for f in fields(SiteProfile) if f.name not in ("politeness", "limits")}
    unknown = sorted(set(data) - set(top))
    if unknown:
        raise ProfileError(f"{origin}: unknown key {unknown[0]!r} (known: {', '.join(top)}, [politeness], [limits])")
    for key, value in data.items():
        _check_type(value, str(top[key].type), origin, key)
    data.setdefault("name", None)
    data.setdefault("start_urls", [])
    return SiteProfile(**data, politeness=politeness, limits=limits)


def load_profile_file(path: Path) -> SiteProfile:
    """Read a TOML profile from a file (not checked for start URLs yet: flags may add them)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"profile {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"profile {path}: cannot read it: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"profile {path}: not valid TOML: {exc}") from None
    profile = profile_from_dict(data, f"profile {path}")
    profile.name = profile.name or path.stem
    return profile


def shipped_profiles() -> list[str]:
    """Names of the profiles shipped inside the package."""
    root = resources.files("citynews_scraper").joinpath(PROFILE_DIR)
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".toml"))


def load_shipped(name: str) -> SiteProfile:
    """A shipped profile by name."""
    if not re.fullmatch(r"[\w.-]+", name) or name not in shipped_profiles():
        known = ", ".join(shipped_profiles()) or "none"
        raise ProfileError(f"no shipped profile named {name!r} (shipped: {known}; or pass --profile PATH)")
    resource = resources.files("citynews_scraper").joinpath(PROFILE_DIR, f"{name}.toml")
    data = tomllib.loads(resource.read_text("utf-8"))
    profile = profile_from_dict(data, f"profile {name}")
    profile.name = profile.name or name
    return profile


def no_such_site(site: str, site_flag: str, start_flag: str, profile_flag: str) -> ProfileError:
    """The error for a site name that is no shipped profile, given without start URLs."""
    shipped = ", ".join(shipped_profiles()) or "none"
    return ProfileError(
        f"{site_flag}{site}: no shipped profile of that name (shipped: {shipped}); "
        f"add {start_flag}URL to label an ad-hoc crawl, or give {profile_flag}PATH"
    )


def resolve_profile(site: str | None = None, path: str | None = None) -> SiteProfile | None:
    """The profile named by ``--profile PATH`` or ``--site NAME`` (a shipped one), else None.

    ``--site`` alone with a name that is not shipped means "label an ad-hoc crawl": None.
    """
    if path:
        return load_profile_file(Path(path))
    if site and site in shipped_profiles():
        return load_shipped(site)
    return None
