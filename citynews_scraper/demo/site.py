"""The portal's structure: category tree, which ids are deleted, dates, and the list index.

Everything about an article id that the lists need (category, deleted, date) is a cheap
hash of (seed, id), so a 100,000-article portal indexes in well under a second and
never generates article text it does not serve.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from citynews_scraper.demo.config import SITE_TZ, DemoConfig
from citynews_scraper.demo.vocab import CATEGORIES, CATEGORY_WEIGHTS, Category

# Article 1 is published here; later ids are later.  The first ids are spread out like a
# small portal's archive (a demo of 72 spans about two months); past STEP_CHANGE_AT they
# come every 40 minutes so even 100,000 articles stay within a few years.
ORIGIN = datetime(2024, 1, 3, 8, 0, tzinfo=SITE_TZ)
EARLY_STEP = timedelta(hours=20)
LATE_STEP = timedelta(minutes=40)
STEP_CHANGE_AT = 600

BY_ID: dict[int, Category] = {c.catid: c for c in CATEGORIES}


def unit(seed: int, *parts: object) -> float:
    """A deterministic number in [0, 1) for (seed, parts): stable across runs and machines."""
    key = ":".join(map(str, (seed, *parts))).encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") / 2**64


def ancestors(catid: int) -> list[Category]:
    """The category and its ancestors, top first."""
    chain = []
    current: int | None = catid
    while current is not None:
        chain.append(BY_ID[current])
        current = BY_ID[current].parent
    return chain[::-1]


def children(catid: int | None) -> list[Category]:
    """Direct sub-categories (``None``: the top channels), in display order."""
    return [c for c in CATEGORIES if c.parent == catid]


def siblings(catid: int) -> list[Category]:
    """Categories with the same parent, itself included (Discuz!'s 相关分类)."""
    return children(BY_ID[catid].parent)


def category_of(seed: int, aid: int) -> int:
    """The category article `aid` was published in."""
    total = sum(weight for _, weight in CATEGORY_WEIGHTS)
    point = unit(seed, "cat", aid) * total
    for catid, weight in CATEGORY_WEIGHTS:
        point -= weight
        if point < 0:
            return catid
    return CATEGORY_WEIGHTS[-1][0]


def is_deleted(config: DemoConfig, aid: int) -> bool:
    """Deleted articles have even ids, so both neighbours are live and can still link them."""
    return aid % 2 == 0 and unit(config.seed, "deleted", aid) < 2 * config.deleted_share


def dateline(seed: int, aid: int) -> datetime:
    """Publication time (site-local, whole minutes): strictly increasing with the id."""
    early = min(aid, STEP_CHANGE_AT)
    base = ORIGIN + EARLY_STEP * (early - 1) + LATE_STEP * max(0, aid - STEP_CHANGE_AT)
    step = EARLY_STEP if aid <= STEP_CHANGE_AT else LATE_STEP
    jitter_minutes = int(unit(seed, "time", aid) * step.total_seconds() / 60 * 0.8)
    return base + timedelta(minutes=jitter_minutes)


def portal_now(config: DemoConfig) -> datetime:
    """The portal's clock: `config.now`, or three hours after the newest article."""
    if config.now is not None:
        return config.now.astimezone(SITE_TZ)
    return dateline(config.seed, config.articles) + timedelta(hours=3)


@dataclass
class PortalIndex:
    """Which live ids every category list shows (the category and all its descendants)."""

    config: DemoConfig

    @cached_property
    def _tables(self) -> tuple[bytearray, dict[int, array], bytearray]:
        cats = bytearray(self.config.articles + 1)
        deleted = bytearray(self.config.articles + 1)
        lists: dict[int, array] = {c.catid: array("i") for c in CATEGORIES}
        for aid in range(1, self.config.articles + 1):
            catid = category_of(self.config.seed, aid)
            cats[aid] = catid
            if is_deleted(self.config, aid):
                deleted[aid] = 1
                continue
            for category in ancestors(catid):
                lists[category.catid].append(aid)
        return cats, lists, deleted

    def category(self, aid: int) -> int:
        return self._tables[0][aid]

    def exists(self, aid: int) -> bool:
        return 1 <= aid <= self.config.articles

    def live(self, aid: int) -> bool:
        # From the table built above: a hash per call was most of a list page's 热门阅读 block.
        return self.exists(aid) and not self._tables[2][aid]

    def count(self, catid: int) -> int:
        return len(self._tables[1][catid])

    def newest_first(self, catid: int, start: int, stop: int) -> list[int]:
        """Live ids of `catid`'s list, newest first, positions [start, stop)."""
        ids = self._tables[1][catid]
        n = len(ids)
        return [ids[n - 1 - i] for i in range(start, min(stop, n))]

    def neighbours(self, aid: int) -> tuple[int | None, int | None]:
        """Previous and next live article of the same category (上一篇 / 下一篇)."""
        catid = self.category(aid)
        ids = self._tables[1][catid]
        pos = bisect_left(ids, aid)
        after_pos = pos + 1 if pos < len(ids) and ids[pos] == aid else pos
        prev = next((ids[i] for i in range(pos - 1, -1, -1) if self.category(ids[i]) == catid), None)
        after = next((ids[i] for i in range(after_pos, len(ids)) if self.category(ids[i]) == catid), None)
        return prev, after

    def latest(self, count: int) -> list[int]:
        """The newest `count` ids, deleted ones included (a stale DIY block still shows them)."""
        top = self.config.articles
        return list(range(top, max(0, top - count), -1))
