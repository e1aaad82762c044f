"""The published date of a page of unknown layout: meta tags and visible text.

Every date on the visible lines is a candidate; a candidate ranks by where it is (the
header between title and body first, then the lines right after the body), whether a
label introduces it (发布时间：, 时间：, 发表于 …), whether it has a time, and how near it
is to the body.  Dates inside the body text are content, not the publication date,
unless labelled; link lists (related articles, archives) are skipped.  Relative forms
(3天前, 昨天 15:22) count only in the header or after a label.  A meta tag with a time
wins; a meta tag with only a day lends its day to a visible candidate with the time.
Parsing is `citynews_scraper.extract.dates`; the forms it lacks (US ``9/17/2004 5:54 AM``)
are rewritten here into one it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from citynews_scraper.extract import dates
from citynews_scraper.extract.generic import meta as meta_tags
from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.zones import Zones

DATE_LABEL = re.compile(
    r"(?:发布时间|發佈時間|发布日期|發布日期|发表时间|發表時間|发表日期|发表于|發表於|发布于|发稿时间|"
    r"更新时间|出版日期|上传时间|(?<![\u4e00-\u9fff])(?:时间|時間|日期)|Published|Posted|Date)\s*[:：]?\s*$",
    re.IGNORECASE,
)
# 08/05/2025 (四) 03:11: a weekday may stand between the day and the time.
US_DATE = re.compile(
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})"
    r"(?:\s*[(（]?(?:星期|週|周|禮拜|礼拜)?(?P<wd>[一二三四五六日天])[)）]?)?"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?"
)
# 2024 03/12 16:48:05: the year set apart from month/day (a dateline of separate spans).
YEAR_APART = re.compile(
    r"(?<![\d/.\-])(?P<y>(?:19|20)\d{2})\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
RELATIVE = re.compile(
    rf"{dates.RELATIVE_AGO.pattern}|{dates.HALF_HOUR.pattern}|{dates.JUST_NOW.pattern}|"
    r"(?:今天|昨天|前天)\s*\d{1,2}[:：]\d{2}"
)
# 发布时间：10-08 12:00 / 18-03-08 23:16: a labelled dateline without a (four-digit) year.
# The year comes from a meta date of the same day, else the latest year not after the
# fetch; a two-digit year is 20yy.
YEARLESS = re.compile(
    r"(?<![\d/.\-])(?:(?P<yy>\d{2})-)?(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?!\d)"
)
# A date after one of these is when the page was changed, not published (最后更新: …).
# 联合早报 writes 发布/… and 更新/…: a bare 更新 before a colon or a slash.
UPDATE_LABEL = re.compile(
    r"(?:(?:最后更新|最後更新|更新时间|更新時間|更新於|更新于|最后修改|修改时间|修改于|Updated)\s*[:：]?"
    r"|(?<![\u4e00-\u9fff])更新\s*[:：/])\s*$",
    re.IGNORECASE,
)
UPDATE_LABEL_CHARS = 12
MONTH_ONLY = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)")
# A month-only date is taken only from a line this short (a dateline, not a sentence).
MONTH_LINE = 30
# Datelines of reports sit under the title and the issuing body, a few lines in.
MONTH_EDGE_LINES = 6
# Link lists (related articles, archives) carry other articles' dates.
MAX_LINK_SHARE = 0.5
# Header first; a labelled date in or after the body next; an unlabelled one after the
# body, or a labelled one far away, last.  A label adds 1.
ZONE_RANK = {"header": 4, "body": 2, "tail": 2, "outside": 1}
# Header (4, 5) or labelled in/after the body (3): a dateline the page shows for itself.
STRONG_RANK = 3
OUTSIDE_HINT = re.compile(r"时间|時間|发表|發表|日期|发布")
# The label words a linked line needs before its dates are read (see `from_lines`).
LINKED_HINT = re.compile(r"时间|時間|发表|發表|日期|发布|發佈|发稿|Published|Posted|Date", re.IGNORECASE)
# Some templates set the dateline just above the headline (2024 03/12 16:48:05 / 来源：…):
# a short line this close above it (link lines such as share bars not counted) counts
# like a hinted one.
ABOVE_TITLE_LINES = 3
ABOVE_TITLE_CHARS = 40
# A body line this short holding a date is a header line the body extractor kept
# (``2022.01.20 16:31``), not a sentence that mentions a date.
SHORT_LINE = 60
EDGE_LINES = 3
# A date after the fetch clock is an event (活动将于…) in the text, but in the header (or
# just above the headline) it is the dateline all the same when it is this close: the clock
# of a saved page read without its save time is a guess, the page's dateline is not.
CLOCK_SLACK = timedelta(days=366)
# Relative forms (刚刚, 3天前) are dates only on short lines or after a label: in
# sentences they are words.
RELATIVE_LINE = 24


@dataclass(frozen=True)
class Found:
    """A published date: the moment and the text shown (or the meta value).

    `month_only` dates (``2003年5月``) have no day: the moment is the 1st of the month,
    and the record keeps only the raw text (record-v1 `published_at` is a full time).
    """

    moment: datetime
    raw: str
    has_time: bool
    month_only: bool = False
    # Shown in the header or after a label (not merely somewhere near the body).
    strong: bool = False


@dataclass(frozen=True)
class _Candidate:
    found: Found
    rank: tuple[int, int, int, int]


_WEEKDAYS = "一二三四五六"


def day_first(match: re.Match[str], years: dict[tuple[int, int], int] | None = None) -> bool:
    """Whether ``a/b/yyyy`` reads day/month (Hong Kong, Macau, Singapore, Britain) rather
    than month/day (the US).  A first number above 12 can only be the day; a shown weekday
    (``08/05/2025 (四)``) names the one reading it agrees with, and so does a meta date of
    the page (`years`: (month, day) → year); otherwise month/day, the reading `dates` and
    most English templates use.  The page's script or language is no guide: Taiwan writes
    y/m/d, Hong Kong d/m/y, and both in Traditional characters."""
    first, second, year = int(match["m"]), int(match["d"]), int(match["y"])
    if first > 12 >= second:
        return True
    if first > 12 or second > 12:
        return False
    if years and years.get((second, first)) == year and years.get((first, second)) != year:
        return True
    if not match.groupdict().get("wd"):
        return False
    weekday = 6 if match["wd"] in "日天" else _WEEKDAYS.index(match["wd"])
    try:
        return datetime(year, second, first).weekday() == weekday \
            and datetime(year, first, second).weekday() != weekday
    except ValueError:
        return False


def _rewritten(match: re.Match[str], ampm: bool = True, years: dict[tuple[int, int], int] | None = None) -> str:
    """A US or year-apart date as ``Y-m-d[ H:M:S[ am/pm]]``, a form `dates` reads
    (a day-first ``d/m/yyyy`` turned round, see `day_first`)."""
    month, day = (match["d"], match["m"]) if "wd" in match.re.groupindex and day_first(match, years) \
        else (match["m"], match["d"])
    text = f"{match['y']}-{month}-{day}"
    if match["H"]:
        text += f" {match['H']}:{match['M']}:{match['S'] or '00'}"
        text += f" {match['ampm']}" if ampm and match["ampm"] else ""
    return text


def dates_in(text: str, tz: tzinfo, now: datetime, relative: bool,
             years: dict[tuple[int, int], int] | None = None) -> list[tuple[int, Found]]:
    """Every date in one line: (start offset, Found).  `years` maps (month, day) to the
    year a meta tag gives that day (for datelines shown without a year)."""
    found: list[tuple[int, Found]] = []
    taken: list[tuple[int, int]] = []
    for pattern in dates.ABSOLUTE:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            moment = dates.parse_absolute(match.group(0), tz)
            if moment:
                taken.append(match.span())
                timed = bool(match.group("H") or match.group("Hc"))
                found.append((match.start(), Found(moment, match.group(0).strip(), timed)))
    for pattern, ampm in ((US_DATE, True), (YEAR_APART, False)):
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            moment = dates.parse_absolute(_rewritten(match, ampm, years), tz)
            if moment:
                taken.append(match.span())
                found.append((match.start(), Found(moment, match.group(0).strip(), bool(match["H"]))))
    if not found:
        found = _yearless(text, tz, now, years or {})
    if not found:
        for match in RELATIVE.finditer(text):
            if not (relative or _labelled(text, match.start())):
                continue
            moment = dates.parse_relative(match.group(0), now)
            if moment:
                found.append((match.start(), Found(moment, match.group(0).strip(), True)))
    return found


def _yearless(text: str, tz: tzinfo, now: datetime, years: dict[tuple[int, int], int]) -> list[tuple[int, Found]]:
    """Labelled ``MM-DD HH:MM`` / ``YY-MM-DD HH:MM`` datelines (see `YEARLESS`)."""
    found: list[tuple[int, Found]] = []
    for match in YEARLESS.finditer(text):
        if not _labelled(text, match.start()):
            continue
        month, day = int(match["m"]), int(match["d"])
        year = 2000 + int(match["yy"]) if match["yy"] else years.get((month, day), now.year)
        try:
            moment = datetime(year, month, day, int(match["H"]), int(match["M"]), tzinfo=tz)
            if not match["yy"] and (month, day) not in years and moment > now:
                moment = moment.replace(year=year - 1)
        except ValueError:  # 02-30: not a date
            continue
        found.append((match.start(), Found(moment, match.group(0).strip(), True)))
    return found


def meta_years(meta: dict[str, str], tz: tzinfo) -> dict[tuple[int, int], int]:
    """(month, day) → year of every date-like meta value (``dateupdate`` included)."""
    years: dict[tuple[int, int], int] = {}
    for key, value in meta.items():
        if "date" in key or "time" in key:
            moment = dates.parse_absolute(value, tz)
            if moment:
                years.setdefault((moment.month, moment.day), moment.year)
    return years


def _update(text: str, start: int) -> bool:
    """True for a date shown after 最后更新 / 更新时间: a change time, not the publication."""
    return bool(UPDATE_LABEL.search(text[max(0, start - UPDATE_LABEL_CHARS):start]))


def _bracketed(text: str, start: int, raw: str) -> bool:
    """True for ``标题(2004/10/10 17:06)``: a listed article's date after its title, not this
    page's.  A bracketed date that opens its line (``[ 2024-01-08 08:30 ] 来源：…``, old table
    layouts) is the page's own dateline."""
    before = text[:start].rstrip()
    after = text[start + len(raw):].lstrip()
    titled = bool(before[:-1].strip())
    return titled and before.endswith(("(", "（", "[", "【")) and after.startswith((")", "）", "]", "】"))


def _labelled(text: str, start: int) -> bool:
    return bool(DATE_LABEL.search(text[max(0, start - 12):start]))


def from_lines(lines: list[Line], zones: Zones, tz: tzinfo, now: datetime,
               years: dict[tuple[int, int], int] | None = None) -> Found | None:
    """The best-ranked visible date (see the module docstring), or None.  A best date
    without a time takes the time of another candidate shown for the same day."""
    candidates: list[_Candidate] = []
    above = _above_title(lines, zones.header_start)
    for index, line in enumerate(lines):
        zone = zones.where(index)
        # A short linked line right above the headline is still read for a labelled date:
        # WordPress links the date to the post (发布于 <a><time>…</time></a>) and sets that line
        # there.  (Below the headline, linked dated lines are forum floors and lists.)
        linked = line.link_share > MAX_LINK_SHARE
        if linked and (len(line.text) > ABOVE_TITLE_CHARS or not _just_above(index, zones.header_start)
                       or not LINKED_HINT.search(line.text)) or (
                zone == "outside" and not OUTSIDE_HINT.search(line.text) and index not in above):
            continue
        short = len(line.text) <= SHORT_LINE
        if zone == "body" and short and index < zones.body_start + EDGE_LINES:
            zone = "header"  # a header line the body extractor kept
        relative = zone == "header" and len(line.text) <= RELATIVE_LINE
        for start, found in dates_in(line.text, tz, now, relative, years):
            labelled = _labelled(line.text, start)
            if linked and not labelled or zone == "body" and not (labelled or short):
                continue
            if found.moment > now and not (found.moment <= now + CLOCK_SLACK and (
                    zone == "header" or _just_above(index, zones.header_start))):
                continue
            if not labelled and _bracketed(line.text, start, found.raw):
                continue
            distance = abs(index - zones.body_start) if zone != "tail" else abs(index - zones.body_end)
            # A change time (更新时间: …) is not labelled as published, and ranks below every
            # publication date of its zone.
            published = not _update(line.text, start)
            rank = ZONE_RANK[zone] + (labelled and published)
            candidates.append(_Candidate(found, (rank, int(published), int(found.has_time), -distance)))
    if not candidates:
        return None
    top = max(candidates, key=lambda c: c.rank)
    best = top
    if not top.found.has_time:
        timed = [c for c in candidates if c.found.has_time and c.found.moment.date() == top.found.moment.date()]
        best = max(timed, key=lambda c: c.rank) if timed else top
    return replace(best.found, strong=top.rank[0] >= STRONG_RANK)


def _just_above(index: int, header_start: int) -> bool:
    """True for the few lines right above the headline (a dateline set above it)."""
    return header_start - ABOVE_TITLE_LINES <= index < header_start


def _above_title(lines: list[Line], header_start: int) -> set[int]:
    """The short plain lines right above the headline (see `ABOVE_TITLE_LINES`)."""
    found: set[int] = set()
    index = header_start - 1
    while index >= 0 and len(found) < ABOVE_TITLE_LINES:
        if lines[index].link_share <= MAX_LINK_SHARE:
            if len(lines[index].text) > ABOVE_TITLE_CHARS:
                break
            found.add(index)
        index -= 1
    return found


def month_only(lines: list[Line], zones: Zones, tz: tzinfo) -> Found | None:
    """A ``2003年5月`` dateline in the header, at the body's edges or in the tail."""
    body = range(zones.body_start, zones.body_end)
    edges = [*body[:MONTH_EDGE_LINES], *body[-MONTH_EDGE_LINES:]]
    order = [*range(zones.header_start, zones.body_start), *edges, *range(zones.body_end, zones.tail_end)]
    for index in order:
        text = lines[index].text
        match = MONTH_ONLY.search(text) if len(text) <= MONTH_LINE else None
        if match and 1 <= int(match["m"]) <= 12:
            moment = datetime(int(match["y"]), int(match["m"]), 1, tzinfo=tz)
            return Found(moment, match.group(0), False, month_only=True)
    return None


def from_meta(meta: dict[str, str], tz: tzinfo) -> Found | None:
    """The publication time from meta tags (ISO 8601 or a form `dates` reads)."""
    pair = meta_tags.first(meta, meta_tags.PUBLISHED_KEYS)
    if not pair:
        return None
    raw = pair[1]
    try:
        moment = datetime.fromisoformat(raw)
        has_time = "T" in raw or ":" in raw
        moment = moment if moment.tzinfo else moment.replace(tzinfo=tz)
    except ValueError:
        parsed = dates.parse_absolute(raw, tz)
        if not parsed:
            return None
        moment, has_time = parsed, ":" in raw
    return Found(moment.astimezone(tz) if moment.tzinfo else moment, raw, has_time)


# A publication time a script sets for the page to show (WeChat's createTime, a page-data
# object's pubtime): read only when the page shows no date and no meta tag gives one.
# Searched in the lower-cased script text (an IGNORECASE scan of large scripts costs ms).
SCRIPT_TIME = re.compile(
    r"""(?:publish_?time|pub_?time|pub_?date|publish_?date|create_?time|news_?time|release_?time)["']?"""
    r"""\s*[=:]\s*["'](?P<value>(?:19|20)\d\d-\d{1,2}-\d{1,2}(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?)["']"""
)


def from_scripts(scripts: list[str], tz: tzinfo) -> Found | None:
    """The first script-set publication time with a time of day, else the first day."""
    found = [Found(moment, match["value"], ":" in match["value"])
             for text in scripts for match in SCRIPT_TIME.finditer(text.lower())
             if (moment := dates.parse_absolute(match["value"], tz))]
    return next((f for f in found if f.has_time), found[0] if found else None)


def published(meta: dict[str, str], lines: list[Line], zones: Zones, tz: tzinfo, now: datetime) -> Found | None:
    """The page's published date.  record-v1 keeps the date *as shown*, so a dateline in
    the header or after a label wins; a meta tag only lends it the time it lacks (same
    day).  Otherwise the meta date, then a weaker visible date, then a month-only one."""
    tagged = from_meta(meta, tz)
    shown = from_lines(lines, zones, tz, now, meta_years(meta, tz))
    if shown and shown.strong:
        if not shown.has_time and tagged and tagged.has_time and tagged.moment.date() == shown.moment.date():
            return Found(tagged.moment, shown.raw, True, strong=True)
        return shown
    return tagged or shown or month_only(lines, zones, tz)
