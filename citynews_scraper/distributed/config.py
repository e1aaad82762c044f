"""The distributed switch: which Redis, which worker, and the Scrapy settings of a worker.

``--redis URL`` beats ``CITYNEWS_REDIS_URL``, which beats the profile's ``redis`` key.
Without any of them `redis_url` is None and nothing in this package is used.
"""

from __future__ import annotations

import os
import socket
from typing import Any
from urllib.parse import urlsplit

from citynews_scraper.distributed.keys import SiteKeys

ENV_URL = "CITYNEWS_REDIS_URL"
URL_SCHEMES = ("redis", "rediss", "unix")
DEFAULT_IDLE_EXIT = 30.0
# A worker renews its heartbeat every third of this; a worker silent for longer is dead and
# the requests it held go back to the queue.
DEFAULT_HEARTBEAT_TTL = 15.0
# How often an idle worker looks at the shared queue (Scrapy itself only looks every 5 s).
POLL_INTERVAL = 0.05


class DistributedError(Exception):
    """Redis unreachable, no site to work on, a worker id in use …; the message is one line."""


def redis_url(flag: str | None, profile_url: str | None = None) -> str | None:
    """The Redis URL of this run (None: a single-machine run); `DistributedError` if malformed."""
    url = flag or os.environ.get(ENV_URL) or profile_url
    if not url:
        return None
    if urlsplit(url).scheme not in URL_SCHEMES:
        raise DistributedError(f"--redis: expected redis://HOST:PORT/DB, not {url!r}")
    return url


def default_worker_id() -> str:
    """``<host>-<pid>``: unique among live workers, readable in the logs."""
    return safe_id(f"{socket.gethostname()}-{os.getpid()}")


def safe_id(text: str) -> str:
    """A worker id usable in Redis keys and file names.

    >>> safe_id("node 1/a")
    'node_1_a'
    """
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text) or "worker"


def connect(url: str) -> Any:
    """A Redis client that answered PING; `DistributedError` (one line) when it cannot."""
    try:
        import redis
        import scrapy_redis  # type: ignore[import-untyped]  # noqa: F401 - a missing extra: one line
    except ImportError:
        raise DistributedError(
            "distributed crawling needs the distributed extra: pip install 'citynews_scraper[distributed]'"
        ) from None

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30)
        client.ping()
    except (redis.RedisError, OSError, ValueError) as exc:
        raise DistributedError(f"cannot reach Redis at {url}: {exc}") from None
    return client


def worker_settings(url: str, site: str, worker: str, idle_exit: float, heartbeat_ttl: float) -> dict[str, Any]:
    """Scrapy settings that turn a crawl into a worker of the shared crawl of `site`."""
    keys = SiteKeys(site)
    return {
        "SCHEDULER": "citynews_scraper.distributed.scheduler.SharedScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "citynews_scraper.distributed.queue.ReliableQueue",
        "SCHEDULER_QUEUE_KEY": keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
        # The queue outlives every worker: the last one out must not flush what others share.
        "SCHEDULER_PERSIST": True,
        "REDIS_URL": url,
        "CITYNEWS_REDIS_SITE": site,
        "CITYNEWS_WORKER_ID": worker,
        "CITYNEWS_IDLE_EXIT": idle_exit,
        "CITYNEWS_HEARTBEAT_TTL": heartbeat_ttl,
        "CITYNEWS_POLL_INTERVAL": POLL_INTERVAL,
        # Scrapy's JOBDIR is for a local queue; the queue is in Redis now.
        "JOBDIR": None,
    }


def worker_output(output: str | None, worker: str) -> str | None:
    """``-o out.jsonl`` → ``out-<worker>.jsonl`` (each worker writes its own file).

    >>> worker_output("dump/out.jsonl", "w1"), worker_output(None, "w1")
    ('dump/out-w1.jsonl', None)
    """
    if not output:
        return None
    head, dot, ext = output.rpartition(".")
    if not dot or "/" in ext:
        return f"{output}-{worker}"
    return f"{head}-{worker}.{ext}"
