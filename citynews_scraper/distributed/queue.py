"""A reliable scrapy-redis priority queue: taken requests wait in their worker's processing hash.

scrapy-redis's `PriorityQueue` pops a request and forgets it: a worker killed with requests
in flight loses them.  Here a pop *moves* the request, in one server-side step (a Lua
script), into ``processing:<worker>`` under a token; the scheduler acknowledges the token
once the request is fully handled (its callback ran, its items were written, the requests it
yielded are queued).  What a worker still holds when it dies goes back to the queue:

- on start-up, a worker gives back what its previous life (same worker id) left;
- every worker looks for workers whose heartbeat key has expired and gives their requests
  back (`recover`), atomically, so two workers never both re-queue them;
- a worker that stops (Ctrl-C, SIGTERM) gives back what it holds.

So every request is handled at least once; a request re-run after a kill may write an
article that the dead worker had already written, which ``citynews merge`` drops.
"""

from __future__ import annotations

import logging
from itertools import count
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue  # type: ignore[import-untyped]

from citynews_scraper.distributed.keys import SiteKeys

logger = logging.getLogger(__name__)
TOKEN_META = "citynews_redis_token"

# Pop the best request and park it under the token, with its score for a later give-back.
POP = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return false end
redis.call('HSET', KEYS[2], ARGV[1], popped[2] .. ' ' .. popped[1])
return popped[1]
"""
_GIVE_BACK_BODY = """
local entries = redis.call('HGETALL', KEYS[2])
local n = 0
for i = 2, #entries, 2 do
  local value = entries[i]
  local space = string.find(value, ' ', 1, true)
  redis.call('ZADD', KEYS[1], tonumber(string.sub(value, 1, space - 1)), string.sub(value, space + 1))
  n = n + 1
end
redis.call('DEL', KEYS[2])
"""
GIVE_BACK = _GIVE_BACK_BODY + "return n\n"
# KEYS: queue, processing, heartbeat, workers; ARGV: worker id.  -1: the worker is alive.
RECOVER = (
    "if redis.call('EXISTS', KEYS[3]) == 1 then return -1 end\n"
    + _GIVE_BACK_BODY
    + "redis.call('SREM', KEYS[4], ARGV[1])\nreturn n\n"
)


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue (a sorted set) with per-worker processing hashes."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        settings = spider.crawler.settings
        self.keys = SiteKeys(settings.get("CITYNEWS_REDIS_SITE"))
        self.worker: str = settings.get("CITYNEWS_WORKER_ID")
        self.processing = self.keys.processing(self.worker)
        self._tokens = count(1)
        self._pop = server.register_script(POP)
        self._give_back = server.register_script(GIVE_BACK)
        self._recover = server.register_script(RECOVER)
        self.undecodable = 0

    def pop(self, timeout: int = 0) -> Request | None:
        token = str(next(self._tokens))
        data = self._pop(keys=[self.key, self.processing], args=[token])
        if not data:
            return None
        try:
            request = self._decode_request(data)
        except Exception as exc:  # noqa: BLE001 - a request we cannot rebuild must not stop the worker
            logger.error("dropped a queued request that cannot be decoded: %s", exc)
            self.undecodable += 1
            self.ack(token)
            return None
        request.meta[TOKEN_META] = token
        return request

    def ack(self, token: str) -> None:
        """The request under `token` is done: forget it."""
        self.server.hdel(self.processing, token)

    def held(self) -> int:
        """Requests this worker has taken and not finished."""
        return int(self.server.hlen(self.processing))

    def give_back(self) -> int:
        """Put every request this worker holds back into the queue; how many."""
        return int(self._give_back(keys=[self.key, self.processing]))

    def recover(self) -> dict[str, int]:
        """Give back the requests of every registered worker whose heartbeat expired."""
        recovered = {}
        for raw in self.server.smembers(self.keys.workers):
            worker = raw.decode() if isinstance(raw, bytes) else str(raw)
            if worker == self.worker:
                continue
            n = int(
                self._recover(
                    keys=[self.key, self.keys.processing(worker), self.keys.heartbeat(worker), self.keys.workers],
                    args=[worker],
                )
            )
            if n >= 0:
                recovered[worker] = n
        return recovered
