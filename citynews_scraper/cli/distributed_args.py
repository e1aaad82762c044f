"""`citynews crawl --redis URL`: the crawl as one worker of a shared crawl (docs/distributed.md).

Kept apart from crawl_cmd.py, which only asks `wants_redis` and hands over to `run_worker`.
A worker given start URLs (``--start-url``, ``--profile``, a shipped ``--site``) seeds them
(the shared dupefilter lets the first worker's through); a worker given only ``--redis``
(and perhaps ``--site``) joins the crawl that ``citynews enqueue`` queued.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from typing import Any

from citynews_scraper.cli import EXIT_OK, UsageError
from citynews_scraper.cli.argtypes import seconds
from citynews_scraper.cli.harvest_args import harvest_options
from citynews_scraper.output.manifest import run_paths
from citynews_scraper.profile import ProfileError, SiteProfile, resolve_profile
from citynews_scraper.runner import CrawlOptions, build_profile

OVERRIDES = ("cms", "encoding", "timezone", "script")


def add_distributed_arguments(parser: argparse.ArgumentParser) -> None:
    from citynews_scraper.distributed.config import (
        DEFAULT_HEARTBEAT_TTL,
        DEFAULT_IDLE_EXIT,
        ENV_URL,
    )

    group = parser.add_argument_group("distributed crawling (shared Redis queue; see docs/distributed.md)")
    group.add_argument(
        "--redis",
        metavar="URL",
        help=f"be one worker of a shared crawl: redis://HOST:PORT/DB (or ${ENV_URL}, or the profile's redis)",
    )
    group.add_argument(
        "--worker-id", metavar="ID", help="this worker's name (default: host-pid); its output is <name>-<ID>.jsonl"
    )
    group.add_argument(
        "--idle-exit",
        type=seconds,
        default=DEFAULT_IDLE_EXIT,
        metavar="S",
        help=f"leave once the shared crawl has been drained for S seconds (default {DEFAULT_IDLE_EXIT:g})",
    )
    group.add_argument(
        "--heartbeat-ttl",
        type=seconds,
        default=DEFAULT_HEARTBEAT_TTL,
        metavar="S",
        help="a worker silent for S seconds is dead: its requests go back to the queue "
        f"(default {DEFAULT_HEARTBEAT_TTL:g})",
    )


def wants_redis(args: argparse.Namespace) -> bool:
    """``--redis``, ``CITYNEWS_REDIS_URL`` or a profile with ``redis``."""
    from citynews_scraper.distributed.config import ENV_URL

    if getattr(args, "redis", None) or os.environ.get(ENV_URL):
        return True
    try:
        profile = resolve_profile(args.site, args.profile_path)
    except ProfileError:
        return False  # the single-machine path reports the profile's problem
    return bool(profile and profile.redis)


def run_worker(args: argparse.Namespace, options: CrawlOptions) -> int:
    from citynews_scraper.cli.crawl_cmd import LiveLine, report
    from citynews_scraper.distributed.config import DistributedError

    try:
        profile, worker, settings = plan(args, options)
    except (DistributedError, ProfileError) as exc:
        raise UsageError(str(exc)) from None
    from citynews_scraper.distributed.worker import run_worker_crawl

    line = LiveLine(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
    options.progress = line.callback() if line else None
    if not args.quiet:
        print(f"worker {worker} on site {settings['CITYNEWS_REDIS_SITE']} ({settings['REDIS_URL']})", file=sys.stderr)
    result = run_worker_crawl(options, profile, settings)
    manifest = result.manifest
    if (
        manifest is not None
        and not manifest.problems
        and not manifest.lost
        and not (manifest.counts.get("list_pages") or manifest.counts.get("article_pages"))
    ):
        if not args.quiet:
            print(f"worker {worker}: the shared crawl gave this worker no work", file=sys.stderr)
        return EXIT_OK
    return report(result, quiet=args.quiet, bare=args.bare, max_error_rate=args.max_error_rate)


def plan(args: argparse.Namespace, options: CrawlOptions) -> tuple[SiteProfile, str, dict[str, Any]]:
    """The worker's profile, id and Scrapy settings; sets its output and harvest options."""
    from citynews_scraper.distributed import run as shared_run
    from citynews_scraper.distributed import sites
    from citynews_scraper.distributed.config import (
        DistributedError,
        connect,
        default_worker_id,
        redis_url,
        safe_id,
        worker_output,
        worker_settings,
    )
    from citynews_scraper.distributed.keys import SiteKeys
    from citynews_scraper.spiders.incremental import state_name

    if args.state:
        raise UsageError("--state: with --redis the crawl state lives in Redis (--no-state: none)")
    flagged = resolve_profile(options.site, options.profile_path) if (options.site or options.profile_path) else None
    url = redis_url(args.redis, flagged.redis if flagged else None)
    assert url is not None  # wants_redis said so
    server = connect(url)
    seed = bool(options.start_urls or options.profile_path or (flagged and flagged.start_urls))
    if seed:
        profile = build_profile(options)
        site = state_name(profile)
        sites.publish(server, site, profile)
    else:
        site = safe_id(options.site) if options.site else sites.running_site(server)
        stored = sites.load(server, site)
        if stored is None or shared_run.current(server, SiteKeys(site)) is None:
            raise DistributedError(
                f"no crawl of site {site!r} is under way in Redis: queue one with `citynews enqueue`"
            )
        profile = stored
        for key in OVERRIDES:
            if getattr(options, key):
                setattr(profile, key, getattr(options, key))
    worker = safe_id(args.worker_id) if args.worker_id else default_worker_id()
    if server.exists(SiteKeys(site).heartbeat(worker)):
        raise DistributedError(
            f"worker id {worker!r} is in use by a live worker of site {site!r}; pick another --worker-id"
        )
    harvest_options(options, args, profile)
    state = options.state_dir is not None
    options.state_dir = None  # no SQLite state, no site lock: the state is in Redis
    output = options.output or str(run_paths(None, profile.label, datetime.now(UTC), options.output_dir).output)
    options.output = worker_output(output, worker)
    if seed:
        shared_run.begin(server, SiteKeys(site))
    settings = worker_settings(url, site, worker, args.idle_exit, args.heartbeat_ttl)
    settings.update({"CITYNEWS_REDIS_SEED": seed, "CITYNEWS_REDIS_STATE": state})
    return profile, worker, settings
