"""Site profiles published in Redis: a worker started with only ``--redis`` finds its site there.

`citynews enqueue` (or a worker given start URLs) publishes the profile as JSON; a worker
without ``--site`` works on the one site whose run is under way.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from citynews_scraper.distributed import run as shared_run
from citynews_scraper.distributed.config import DistributedError
from citynews_scraper.distributed.keys import SITES, SiteKeys
from citynews_scraper.profile import ProfileError, SiteProfile, profile_from_dict


def publish(server: Any, site: str, profile: SiteProfile) -> None:
    data = asdict(profile)
    server.set(SiteKeys(site).profile, json.dumps(data, ensure_ascii=False))
    server.sadd(SITES, site)


def load(server: Any, site: str) -> SiteProfile | None:
    raw = server.get(SiteKeys(site).profile)
    if not raw:
        return None
    data = _without_none(json.loads(raw))
    try:
        return profile_from_dict(data, f"profile of site {site!r} in Redis")
    except ProfileError as exc:
        raise DistributedError(str(exc)) from None


def _without_none(data: dict[str, Any]) -> dict[str, Any]:
    """asdict() writes unset values as null; the profile reader wants them absent."""
    return {k: _without_none(v) if isinstance(v, dict) else v for k, v in data.items() if v is not None}


def running_site(server: Any) -> str:
    """The one site with a run under way; `DistributedError` when there are none or several."""
    names = sorted(s.decode() if isinstance(s, bytes) else str(s) for s in server.smembers(SITES))
    running = [name for name in names if shared_run.current(server, SiteKeys(name))]
    if not running:
        raise DistributedError(
            "no crawl is under way in Redis: queue one with `citynews enqueue --redis URL "
            "--start-url URL` (or give this worker --start-url / --site)"
        )
    if len(running) > 1:
        raise DistributedError(
            f"crawls of several sites are under way ({', '.join(running)}): pick one with --site NAME"
        )
    return running[0]
