"""Issue 5's crawl state (`output.state.StateStore`) in Redis, shared by every worker of a site.

Layout under ``citynews:<site>:state:``:

- ``articles``: hash key → JSON {url, content_hash, published_at, first_seen, last_seen, status};
- ``live``, ``deleted``, ``failed``: sets of keys by status; ``confirmed``: keys confirmed by a
  run that walked every channel to its end;
- ``published``: sorted set of live keys by publication time (for ``--recheck-days``);
- ``channels``: hash list URL → JSON {newest_key, newest_url, newest_date, seen_at};
- ``failed_lists``: hash list URL → when a run could not read it (read first by the next run);
- ``runs``: hash run id → JSON {status, written, finished_at}.

The run itself (id, start, running or ended) is the shared run of `distributed.run`: every
worker of a run sees the same run id, and what any of them wrote in it is `done` for a worker
that joins later.  `finish_run` confirms the articles only when
the run ended its walk (``finished``) and the crawl is drained, so a worker leaving early never
confirms another worker's half-done walk.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from citynews_scraper.distributed import run as shared_run
from citynews_scraper.distributed.keys import SiteKeys
from citynews_scraper.output.state import (
    DELETED,
    FAILED,
    FINISHED,
    LIVE,
    PARTIAL,
    RunInfo,
    StoredArticle,
    _iso,
    _utc,
)

STATUSES = (LIVE, DELETED, FAILED)


class RedisStateStore:
    """`StateStore` for a distributed run; `output` is this worker's own output file."""

    def __init__(self, server: Any, keys: SiteKeys) -> None:
        self.server = server
        self.keys = keys

    @property
    def location(self) -> str:
        kwargs = self.server.connection_pool.connection_kwargs
        where = kwargs.get("path") or f"{kwargs.get('host')}:{kwargs.get('port')}/{kwargs.get('db', 0)}"
        return f"redis://{where} {self.keys.state('*')}"

    def _key(self, part: str) -> str:
        return self.keys.state(part)

    # --- runs ------------------------------------------------------------------------
    def begin_run(self, output: str, mode: str, now: datetime) -> RunInfo:
        """The shared run (begun by enqueue or the first worker).  Not *resumed*: joining a run
        under way is normal for a worker (`distributed.harvest` says whether it continues its own file)."""
        run = shared_run.begin(self.server, self.keys, mode)
        return RunInfo(run.id, output, mode, False, run.started_at)

    def last_run_status(self) -> str | None:
        runs = self.server.hgetall(self._key("runs"))
        if not runs:
            return None
        last = max(runs, key=lambda k: int(k))
        return str(json.loads(runs[last])["status"])

    def finish_run(self, run: RunInfo, status: str, written: int, now: datetime) -> None:
        """This worker's part of the run; a finished walk of a drained crawl confirms every article."""
        field = str(run.id)
        old = self.server.hget(self._key("runs"), field)
        total = (json.loads(old)["written"] if old else 0) + written
        complete = status == FINISHED and shared_run.drained(self.server, self.keys)
        info = {
            "status": status if complete or status != FINISHED else PARTIAL,
            "written": total,
            "finished_at": _iso(now),
        }
        self.server.hset(self._key("runs"), field, json.dumps(info))
        if complete:
            self.server.sunionstore(self._key("confirmed"), [self._key("confirmed"), self._key(LIVE)])

    # --- articles --------------------------------------------------------------------
    def known_keys(self) -> set[str]:
        """Confirmed, deleted and failed articles (they stop a channel's pagination)."""
        return _texts(self.server.sunion([self._key("confirmed"), self._key(DELETED), self._key(FAILED)]))

    def done_keys(self) -> set[str]:
        """Live articles not confirmed yet: written in the run under way (by any worker)."""
        return _texts(self.server.sdiff([self._key(LIVE), self._key("confirmed")]))

    def article(self, key: str) -> StoredArticle | None:
        raw = self.server.hget(self._key("articles"), key)
        return _stored(key, raw) if raw else None

    def articles_with_status(self, status: str) -> list[StoredArticle]:
        return self._many(sorted(_texts(self.server.smembers(self._key(status)))))

    def published_since(self, moment: datetime) -> list[StoredArticle]:
        keys = _texts(self.server.zrangebyscore(self._key("published"), moment.timestamp(), "+inf"))
        return [a for a in self._many(sorted(keys)) if a.status == LIVE]

    def _many(self, keys: list[str]) -> list[StoredArticle]:
        if not keys:
            return []
        values = self.server.hmget(self._key("articles"), keys)
        return [_stored(key, raw) for key, raw in zip(keys, values, strict=True) if raw]

    def record_article(
        self, key: str, url: str, content_hash: str | None, published_at: str | None, now: datetime
    ) -> None:
        self.record_many([(key, url, content_hash, published_at)], now)

    def record_many(self, rows: Iterable[tuple[str, str, str | None, str | None]], now: datetime) -> None:
        """Written articles (new, or re-fetched with a changed text), in one round trip."""
        rows = list(rows)
        if not rows:
            return
        stamp = _iso(now)
        old = self.server.hmget(self._key("articles"), [row[0] for row in rows])
        pipe = self.server.pipeline()
        for (key, url, content_hash, published_at), raw in zip(rows, old, strict=True):
            first = json.loads(raw)["first_seen"] if raw else stamp
            published = _utc(published_at)
            value = {
                "url": url,
                "content_hash": content_hash,
                "published_at": published,
                "first_seen": first,
                "last_seen": stamp,
                "status": LIVE,
            }
            pipe.hset(self._key("articles"), key, json.dumps(value))
            self._set_status(pipe, key, LIVE)
            if published:
                pipe.zadd(self._key("published"), {key: datetime.fromisoformat(published).timestamp()})
        pipe.execute()

    def record_status(self, key: str, url: str, status: str, now: datetime) -> None:
        """A deleted or failed article; never downgrades a live one to failed."""
        stamp = _iso(now)
        raw = self.server.hget(self._key("articles"), key)
        value = (
            json.loads(raw) if raw else {"url": url, "content_hash": None, "published_at": None, "first_seen": stamp}
        )
        if value.get("status") == LIVE and status == FAILED:
            status = LIVE
        value.update({"last_seen": stamp, "status": status})
        pipe = self.server.pipeline()
        pipe.hset(self._key("articles"), key, json.dumps(value))
        self._set_status(pipe, key, status)
        pipe.execute()

    def _set_status(self, pipe: Any, key: str, status: str) -> None:
        for other in STATUSES:
            if other != status:
                pipe.srem(self._key(other), key)
        pipe.sadd(self._key(status), key)

    def touch(self, keys: Iterable[str], now: datetime) -> None:
        keys = list(keys)
        if not keys:
            return
        stamp = _iso(now)
        pipe = self.server.pipeline()
        for key, raw in zip(keys, self.server.hmget(self._key("articles"), keys), strict=True):
            if raw:
                value = json.loads(raw)
                value["last_seen"] = stamp
                pipe.hset(self._key("articles"), key, json.dumps(value))
        pipe.execute()

    def counts(self) -> dict[str, int]:
        counts = {status: int(self.server.scard(self._key(status))) for status in STATUSES}
        return {status: n for status, n in counts.items() if n}

    # --- channels --------------------------------------------------------------------
    def record_channel(
        self, url: str, newest_key: str | None, newest_url: str | None, newest_date: str | None, now: datetime
    ) -> None:
        value = {"newest_key": newest_key, "newest_url": newest_url, "newest_date": newest_date, "seen_at": _iso(now)}
        self.server.hset(self._key("channels"), url, json.dumps(value))

    def channels(self) -> dict[str, dict[str, str | None]]:
        raw = self.server.hgetall(self._key("channels"))
        return {_text(k): json.loads(v) for k, v in sorted(raw.items(), key=lambda kv: _text(kv[0]))}

    # --- list pages a run could not read ---------------------------------------------
    def record_list_failed(self, url: str, now: datetime) -> None:
        self.server.hset(self._key("failed_lists"), url, _iso(now))

    def list_recovered(self, url: str) -> None:
        self.server.hdel(self._key("failed_lists"), url)

    def failed_lists(self) -> list[str]:
        return sorted(_texts(self.server.hkeys(self._key("failed_lists"))))

    def close(self) -> None:
        """The connection belongs to the worker (it outlives the store)."""


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _texts(values: Iterable[Any]) -> set[str]:
    return {_text(v) for v in values}


def _stored(key: str, raw: Any) -> StoredArticle:
    value = json.loads(raw)
    return StoredArticle(key, value["url"], value.get("content_hash"), value.get("published_at"), value["status"])
