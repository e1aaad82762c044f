"""Dates as Chinese portals show them → ISO 8601 with the site's offset. Pure.

Absolute forms: ``2013-4-22 16:10`` (Discuz! ``Y-n-j H:i``), zero-padded, with seconds,
``/`` or ``.`` separators, ``2022年10月25日 15:22`` (or ``09时12分``), 12-hour ``03:22 PM`` / ``下午3:22``,
date only.  Relative forms (Discuz! ``dgmdate`` format ``u``, SC and TC): 刚刚, N 秒前,
N 分钟前, 半小时前, N 小时前, 今天/昨天/前天 H:i, N 天前 — resolved against the fetch time
in site-local time, with seconds set to 0 (the page only shows minutes at best).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

from citynews_scraper.text.normalize import normalize_space

_AMPM = r"(?P<ampm>[AaPp]\.?[Mm]\.?)"
_CN_AMPM = r"(?P<cnampm>上午|下午|早上|晚上|中午)"
# 09时12分 / 9点30分(15秒): the hour-minute words some papers print instead of a colon.
_TIME_CN = r"(?P<Hc>\d{1,2})\s*[时時点點]\s*(?P<Mc>\d{1,2})\s*分(?:\s*(?P<Sc>\d{1,2})\s*秒)?"
_TIME = (
    rf"(?:{_CN_AMPM}\s*)?(?:(?P<H>\d{{1,2}})[:：](?P<M>\d{{2}})(?:[:：](?P<S>\d{{2}}))?(?:\s*{_AMPM})?"
    rf"|{_TIME_CN})"
)
_DATE_NUMERIC = r"(?P<y>(?:19|20)\d{2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
_DATE_CN = r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]?"
ABSOLUTE = [
    re.compile(rf"{date}(?:\s*(?:T|\s)?\s*{_TIME})?") for date in (_DATE_NUMERIC, _DATE_CN)
]

_RELATIVE_UNITS = {
    "秒": "seconds", "分钟": "minutes", "分鐘": "minutes", "小时": "hours", "小時": "hours",
    "天": "days", "周": "weeks", "週": "weeks",
}
RELATIVE_AGO = re.compile(r"(?P<n>\d+)\s*(?P<unit>秒|分钟|分鐘|小时|小時|天|周|週)\s*前")
HALF_HOUR = re.compile(r"半\s*(?:小时|小時)\s*前")
JUST_NOW = re.compile(r"刚刚|剛剛")
DAY_WORD = re.compile(rf"(?P<word>今天|昨天|前天)\s*(?:{_TIME})?")
_DAY_OFFSET = {"今天": 0, "昨天": 1, "前天": 2}


def _hour(match: re.Match[str]) -> int:
    hour = int(match.group("H") or match.group("Hc"))
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    cn = match.group("cnampm") or ""
    if (ampm == "pm" or cn in ("下午", "晚上")) and hour < 12:
        hour += 12
    elif (ampm == "am" or cn == "早上") and hour == 12:
        hour = 0
    return hour


def _time_of(match: re.Match[str]) -> tuple[int, int, int]:
    if match.group("H"):
        return _hour(match), int(match.group("M")), int(match.group("S") or 0)
    if match.group("Hc"):
        return _hour(match), int(match.group("Mc")), int(match.group("Sc") or 0)
    return 0, 0, 0


def parse_absolute(text: str, tz: tzinfo) -> datetime | None:
    """The first absolute date (and time) in `text`, as an aware datetime in `tz`."""
    for pattern in ABSOLUTE:
        match = pattern.search(text)
        if not match:
            continue
        try:
            hour, minute, second = _time_of(match)
            return datetime(
                int(match.group("y")), int(match.group("m")), int(match.group("d")),
                hour, minute, second, tzinfo=tz,
            )
        except ValueError:  # 2022-13-45: not a date after all
            continue
    return None


def parse_relative(text: str, now: datetime) -> datetime | None:
    """A relative date (``3 天前``, ``昨天 15:22``…) resolved against `now` (site-local, aware)."""
    base = now.replace(second=0, microsecond=0)
    if JUST_NOW.search(text):
        return base
    if HALF_HOUR.search(text):
        return base - timedelta(minutes=30)
    match = RELATIVE_AGO.search(text)
    if match:
        return base - timedelta(**{_RELATIVE_UNITS[match.group("unit")]: int(match.group("n"))})
    match = DAY_WORD.search(text)
    if match:
        day = base - timedelta(days=_DAY_OFFSET[match.group("word")])
        if match.group("H"):
            hour, minute, second = _time_of(match)
            return day.replace(hour=hour, minute=minute, second=second)
        return day.replace(hour=0, minute=0)
    return None


def parse_date(text: str | None, now: datetime, tz: tzinfo, title: str | None = None) -> datetime | None:
    """A shown date → aware datetime: `title` (Discuz! puts the absolute time there) first,
    then an absolute form in `text`, then a relative form against `now`."""
    for candidate in (title, text):
        if candidate:
            found = parse_absolute(normalize_space(candidate), tz)
            if found:
                return found
    return parse_relative(normalize_space(text), now.astimezone(tz)) if text else None


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with seconds and offset: ``2022-10-25T15:22:00+08:00``."""
    return moment.replace(microsecond=0).isoformat() if moment else None
