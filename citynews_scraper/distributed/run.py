"""One crawl run of a site across workers: begun by `citynews enqueue` or the first seeding
worker, joined by the others, over when a worker leaves a drained crawl.

A new run empties the dupefilter (the last run's fingerprints would filter every URL); a run
whose workers were all killed stays open, so the next worker continues it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from citynews_scraper.distributed.keys import SiteKeys

RUNNING, ENDED = "running", "ended"
# KEYS: run, dupefilter; ARGV: now, mode.  Returns {id, started_at, 1 if new}.
BEGIN = """
if redis.call('HGET', KEYS[1], 'status') == 'running' then
  return {redis.call('HGET', KEYS[1], 'id'), redis.call('HGET', KEYS[1], 'started_at'), 0}
end
local id = redis.call('HINCRBY', KEYS[1], 'id', 1)
redis.call('HSET', KEYS[1], 'status', 'running', 'started_at', ARGV[1], 'mode', ARGV[2])
redis.call('DEL', KEYS[2])
return {tostring(id), ARGV[1], 1}
"""


@dataclass(frozen=True)
class Run:
    id: int
    started_at: str
    new: bool


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def begin(server: Any, keys: SiteKeys, mode: str = "incremental") -> Run:
    """Join the running run of the site, or start a new one (atomically)."""
    run_id, started, new = server.eval(BEGIN, 2, keys.run, keys.dupefilter, stamp(), mode)
    return Run(int(run_id), _text(started), bool(int(new)))


def current(server: Any, keys: SiteKeys) -> Run | None:
    """The running run, if any."""
    values = {_text(k): _text(v) for k, v in server.hgetall(keys.run).items()}
    if values.get("status") != RUNNING:
        return None
    return Run(int(values["id"]), values.get("started_at", ""), False)


def drained(server: Any, keys: SiteKeys) -> bool:
    """No request queued and none taken by any registered worker."""
    if server.zcard(keys.requests):
        return False
    return not any(server.hlen(keys.processing(_text(w))) for w in server.smembers(keys.workers))


def end(server: Any, keys: SiteKeys) -> bool:
    """Close the run when the crawl is drained (a worker leaving after its idle time); True if closed."""
    if not drained(server, keys):
        return False
    server.hset(keys.run, mapping={"status": ENDED, "ended_at": stamp()})
    return True


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
