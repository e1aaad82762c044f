"""The Redis keys of one site's distributed crawl, all under ``citynews:<site>:``.

One place names them, so the scheduler, the dupefilter, the state store, ``citynews
enqueue`` and the tests agree.  `site` is the state name of the profile (its name, else
the first start URL's host and port), already safe for a key.
"""

from __future__ import annotations

from dataclasses import dataclass

ROOT = "citynews"
SITES = f"{ROOT}:sites"  # set of site names that have a profile in Redis


@dataclass(frozen=True)
class SiteKeys:
    site: str

    @property
    def prefix(self) -> str:
        return f"{ROOT}:{self.site}"

    @property
    def requests(self) -> str:
        """The shared request queue (scrapy-redis priority queue: a sorted set)."""
        return f"{self.prefix}:requests"

    @property
    def dupefilter(self) -> str:
        """Fingerprints of every request scheduled in the current run (a set)."""
        return f"{self.prefix}:dupefilter"

    @property
    def workers(self) -> str:
        """Ids of the workers that may hold requests (a set)."""
        return f"{self.prefix}:workers"

    def processing(self, worker: str) -> str:
        """Requests a worker has taken and not finished (hash token → score and request)."""
        return f"{self.prefix}:processing:{worker}"

    def heartbeat(self, worker: str) -> str:
        """Present while the worker lives (a key with a time to live, renewed)."""
        return f"{self.prefix}:heartbeat:{worker}"

    @property
    def run(self) -> str:
        """The current run (hash: id, status, started_at, mode)."""
        return f"{self.prefix}:run"

    @property
    def profile(self) -> str:
        """The site profile as JSON (published by enqueue or a seeding worker)."""
        return f"{self.prefix}:profile"

    @property
    def cms(self) -> str:
        """The CMS the start page showed (shared so every worker reads articles with it)."""
        return f"{self.prefix}:cms"

    def state(self, part: str) -> str:
        """Crawl-state keys (distributed.state)."""
        return f"{self.prefix}:state:{part}"
