"""`citynews enqueue`: queue a site's start URLs for the workers of a shared crawl and exit.

Workers (``citynews crawl --redis URL``, on any machine) then take the work; see
docs/distributed.md.  Exit status 0 when queued (or already queued in the run under way),
2 for a usage error, a bad profile or an unreachable Redis.
"""

from __future__ import annotations

import argparse
import sys

from citynews_scraper.cli import EXIT_OK, UsageError
from citynews_scraper.profile import ProfileError
from citynews_scraper.runner import CrawlOptions, build_profile


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "enqueue",
        help="queue a site's start URLs for distributed workers",
        description="Put a site's start URLs into the shared Redis queue (and its profile beside them) for "
        "workers started with `citynews crawl --redis URL`; then exit.",
    )
    parser.add_argument(
        "--redis", metavar="URL", help="redis://HOST:PORT/DB (or $CITYNEWS_REDIS_URL, or the profile's redis)"
    )
    parser.add_argument(
        "--start-url",
        dest="start_urls",
        action="extend",
        nargs="+",
        default=[],
        metavar="URL",
        help="a portal home, channel list or article URL (repeatable)",
    )
    parser.add_argument("--site", help="a shipped profile name, or the label of an ad-hoc crawl")
    parser.add_argument("--profile", dest="profile_path", metavar="PATH", help="a site profile TOML file")
    for name in ("cms", "encoding", "timezone"):
        parser.add_argument(f"--{name}", help=f"as for citynews crawl --{name}")
    parser.add_argument("--script", choices=("hans", "hant"), help="as for citynews crawl --script")
    parser.add_argument(
        "--no-state", action="store_true", help="do not queue the articles the site's state says failed last time"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from citynews_scraper.distributed.config import DistributedError, connect, redis_url
    from citynews_scraper.distributed.enqueue import enqueue
    from citynews_scraper.spiders.incremental import state_name

    if not args.start_urls and not args.site and not args.profile_path:
        raise UsageError("nothing to queue: give --start-url URL, --site NAME or --profile PATH")
    options = CrawlOptions(
        start_urls=args.start_urls,
        site=args.site,
        profile_path=args.profile_path,
        cms=args.cms,
        encoding=args.encoding,
        timezone=args.timezone,
        script=args.script,
    )
    try:
        profile = build_profile(options)
        url = redis_url(args.redis, profile.redis)
        if url is None:
            raise UsageError("no Redis: give --redis redis://HOST:PORT/DB (or set CITYNEWS_REDIS_URL)")
        done = enqueue(connect(url), url, state_name(profile), profile, state=not args.no_state)
    except (ProfileError, DistributedError) as exc:
        raise UsageError(str(exc)) from None
    if not args.quiet:
        run_text = f"new run {done.run_id}" if done.new_run else f"run {done.run_id}, already under way"
        print(
            f"site {done.site}: {done.queued} requests queued ({run_text}; {done.already_seen} already queued in it"
            f"{f'; {done.carried_over} failed last time' if done.carried_over else ''}). "
            f"Start workers with: citynews crawl --redis {url}",
            file=sys.stdout,
        )
    return EXIT_OK
