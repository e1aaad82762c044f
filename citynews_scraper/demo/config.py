"""`DemoConfig`: every knob of the demo portal, frozen so a config names one exact portal."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

# Portal time: Discuz! renders site-local time, UTC+8 by default.
SITE_TZ = timezone(timedelta(hours=8))

ENCODINGS = ("gbk", "utf-8", "big5")
# What record-v1 says a correct decoder reports for each portal charset (the GB and Big5
# families are widened to their supersets, see text/decode.py).
RECORD_ENCODING = {"gbk": "gb18030", "utf-8": "utf-8", "big5": "big5hkscs"}

FAULT_KINDS = ("5xx", "timeout", "reset", "charset", "truncate", "slow")
# Kinds after which the client has no usable page (it must retry); "charset" and "slow"
# answer 200 with the full page, so a client keeps what it got on the first attempt.
HARD_FAULTS = ("5xx", "timeout", "reset", "truncate")


@dataclass(frozen=True)
class DemoConfig:
    """One demo portal. Same config → same bytes on every URL (except the request log).

    - `articles`: ids 1..articles exist (some of them deleted); growing it keeps ids 1..N
      identical, newer ids have later dates.
    - `encoding`: ``gbk`` (default), ``utf-8`` or ``big5`` (Traditional text via OpenCC).
    - `rewrite`: article links as ``article-N-k.html``; `folders`: categories under
      ``/news/`` … with ``?mod=list&catid=N`` answering 301.
    - `static`: 生成静态 mode: articles at ``news/202401/00000012.html`` (page k:
      ``000000122.html``), channels at ``news/index.html``; implies folder categories, and
      ``?mod=view&aid=N`` answers 302 to the static file.
    - `gzip`: compress responses for clients that accept it (Discuz!'s ``output.gzip``).
    - `now`: the portal's frozen clock for relative dates; None → three hours after the
      newest article (so the newest articles always show 小时前 / 昨天 / N 天前).
    - `faults`: share of URLs that fail their first `fault_attempts` requests with one of
      `fault_kinds` (chosen per URL from the seed); robots.txt is never faulted.
    - `antitheft`: the first request of every article page gets Discuz!'s JS redirect to
      the same URL plus ``&_dsign=…``.
    - `edited`: article ids whose text was revised after publication (for recheck tests).
    """

    articles: int = 72
    seed: int = 20240601
    encoding: str = "gbk"
    rewrite: bool = False
    folders: bool = False
    static: bool = False
    perpage: int = 15
    gzip: bool = False
    now: datetime | None = None
    latency_ms: int = 0
    faults: float = 0.0
    fault_kinds: tuple[str, ...] = FAULT_KINDS
    fault_attempts: int = 1
    hang_seconds: float = 3.0
    slow_ms: int = 1500
    antitheft: bool = False
    deleted_share: float = 0.08
    multipage_share: float = 0.12
    edited: frozenset[int] = field(default_factory=frozenset)
    site_name: str = "萍乡城事网"

    def __post_init__(self) -> None:
        problems = config_problems(self)
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def traditional(self) -> bool:
        return self.encoding == "big5"

    @property
    def folder_urls(self) -> bool:
        """Categories live in folders (``/news/``): folder mode, or static mode."""
        return self.folders or self.static

    @property
    def record_encoding(self) -> str:
        return RECORD_ENCODING[self.encoding]

    def with_changes(self, **changes: object) -> DemoConfig:
        """A copy with some fields changed (e.g. ``articles`` to grow the portal)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def config_problems(config: DemoConfig) -> list[str]:
    """Every reason `config` cannot describe a portal (empty when it is fine)."""
    problems = []
    if config.encoding not in ENCODINGS:
        problems.append(f"encoding must be one of {', '.join(ENCODINGS)}, not {config.encoding!r}")
    if not 1 <= config.articles <= 1_000_000:
        problems.append(f"articles must be between 1 and 1,000,000, not {config.articles}")
    if config.perpage < 1:
        problems.append(f"perpage must be positive, not {config.perpage}")
    if not 0.0 <= config.faults <= 1.0:
        problems.append(f"faults is a share between 0 and 1, not {config.faults}")
    unknown = set(config.fault_kinds) - set(FAULT_KINDS)
    if unknown or not config.fault_kinds:
        problems.append(f"fault kinds must be a non-empty subset of {', '.join(FAULT_KINDS)}")
    if config.fault_attempts < 1:
        problems.append(f"fault_attempts must be at least 1, not {config.fault_attempts}")
    if config.now is not None and config.now.tzinfo is None:
        problems.append("now must be timezone-aware")
    return problems
