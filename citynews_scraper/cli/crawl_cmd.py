"""`citynews crawl`: crawl a portal (site profile or start URLs) into JSONL plus a run manifest.

Exit status: 0 done; 1 done, but the error rate is above ``--max-error-rate`` (or nothing
could be crawled: every start URL failed, the site is not a portal we know); 2 a usage or
profile error; 3 another run of the site holds the lock (cli/harvest_args.py, docs/cron.md).
Expected failures print one ``citynews: error: …`` line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import fields
from typing import IO, Any

from citynews_scraper.cli import EXIT_FAILURES, EXIT_OK, UsageError, error_line
from citynews_scraper.cli.argtypes import at_least_one, count, number
from citynews_scraper.cli.distributed_args import add_distributed_arguments, run_worker, wants_redis
from citynews_scraper.cli.harvest_args import (
    DEFAULT_MAX_ERROR_RATE,
    EXIT_HELP,
    add_harvest_arguments,
    error_rate_status,
    harvest_options,
    harvest_rows,
    harvested,
    take_lock,
)
from citynews_scraper.output.manifest import Manifest
from citynews_scraper.profile import Politeness, ProfileError
from citynews_scraper.runner import CrawlOptions, CrawlResult, build_profile, run_crawl

# How many lost articles the summary shows (all of them are in the manifest).
SHOWN_LOSSES = 10


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "crawl",
        help="crawl a portal into record-v1 JSON Lines",
        description="Crawl a news portal from its home page (or list pages) to every live article; "
        "write one JSON line per article and a run manifest beside it.",
        epilog=EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_crawl_arguments(parser)
    parser.set_defaults(func=run)


def add_crawl_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_argument_group("what to crawl")
    where.add_argument("--start-url", dest="start_urls", action="extend", nargs="+", default=[], metavar="URL",
                       help="a portal home, channel list or article URL (repeatable)")
    where.add_argument("--site",
                       help="a shipped profile name, or a label for an ad-hoc crawl (output folder, record `site`)")
    where.add_argument("--profile", dest="profile_path", metavar="PATH", help="a site profile TOML file")
    where.add_argument("--cms", help="force the CMS parser (discuz_x) instead of detecting it")
    where.add_argument("--encoding", help="charset hint for the site's pages (the bytes are still checked)")
    where.add_argument("--timezone", help="site timezone: IANA name or +HH:MM (default +08:00)")
    where.add_argument("--script", choices=("hans", "hant"), help="convert text to Simplified / Traditional script")
    out = parser.add_argument_group("output and limits")
    out.add_argument("-o", "--output", metavar="FILE.jsonl",
                     help="write here (default output/<site or host>/<UTC time>.jsonl)")
    out.add_argument("--output-dir", default="output", metavar="DIR",
                     help="root of the default output paths (default: output)")
    out.add_argument("--max-articles", type=count, metavar="N", help="stop after N articles written")
    out.add_argument("--max-list-pages", type=count, metavar="N", help="follow at most N list pages per channel")
    out.add_argument("--no-state", action="store_true",
                     help="read and write no crawl state: a full crawl that leaves no trace for the next run")
    polite = parser.add_argument_group("politeness (defaults are polite; the profile can change them)")
    polite.add_argument("--concurrency", type=at_least_one, metavar="N",
                        help="requests in parallel per host (default 2)")
    polite.add_argument("--delay", type=number, metavar="S", help="seconds between requests to a host (default 0.5)")
    polite.add_argument("--no-autothrottle", dest="autothrottle", action="store_const", const=False,
                        help="fixed delay instead of AutoThrottle")
    polite.add_argument("--no-robots", dest="robots", action="store_const", const=False, help="ignore robots.txt")
    polite.add_argument("--timeout", type=number, metavar="S", help="seconds per request (default 30)")
    polite.add_argument("--retries", type=count, metavar="N", help="retries on 5xx/429/timeouts/resets (default 3)")
    polite.add_argument("--backoff", type=number, metavar="S",
                        help="wait before the first retry, doubled after (default 1)")
    polite.add_argument("--max-size-mb", type=number, metavar="MB",
                        help="largest page, also after decompression (default 16)")
    polite.add_argument("--user-agent", metavar="UA", help="User-Agent (default identifies citynews_scraper)")
    polite.add_argument("--extract-workers", type=count, metavar="N",
                        help="processes reading article pages (default: cores - 1, max 4; 0: in the crawl process)")
    talk = parser.add_argument_group("messages")
    talk.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary (for cron)")
    talk.add_argument("--log-file", metavar="FILE", help="write Scrapy's log (INFO) to FILE")
    talk.add_argument("--log-level", choices=("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), help="Scrapy log level")
    add_harvest_arguments(parser)
    add_distributed_arguments(parser)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)  # benchmark baseline


def options_from_args(args: argparse.Namespace) -> CrawlOptions:
    given = vars(args)
    polite = {f.name: given[f.name] for f in fields(Politeness) if f.name in given}
    names = CrawlOptions.__dataclass_fields__
    values = {k: v for k, v in given.items() if k in names and k not in ("progress", "politeness")}
    return CrawlOptions(**values, politeness=Politeness(**polite))


def run(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    if wants_redis(args):  # one worker of a shared crawl (cli/distributed_args.py)
        return run_worker(args, options)
    if not options.start_urls and not options.site and not options.profile_path:
        raise UsageError("nothing to crawl: give --start-url URL, --site NAME or --profile PATH")
    try:
        profile = build_profile(options)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    harvest_options(options, args, profile)
    locked = take_lock(options.state_dir, profile)
    if locked is not None:
        return locked
    line = LiveLine(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
    options.progress = line.callback() if line else None
    result = run_crawl(options, profile)
    return report(result, quiet=args.quiet, bare=args.bare, max_error_rate=args.max_error_rate)


def report(result: CrawlResult, quiet: bool, out: IO[str] = sys.stdout, bare: bool = False,
           max_error_rate: float = DEFAULT_MAX_ERROR_RATE) -> int:
    """Print the summary (unless quiet) and the one-line errors; the exit status."""
    manifest = result.manifest
    if manifest is None:
        error_line("the crawl ended before it started (see --log-file for Scrapy's log)")
        return EXIT_FAILURES
    if not quiet:
        print_summary(manifest, out)
    written = manifest.counts.get("articles_written", 0)
    if written or bare or harvested(manifest):
        return EXIT_OK if bare else error_rate_status(manifest, max_error_rate)
    for problem in manifest.problems:
        error_line(problem)
    if not manifest.problems:
        lost = len([loss for loss in manifest.lost if loss["what"] == "article"])
        error_line(f"no article could be written ({lost} lost, {manifest.counts.get('deleted', 0)} deleted; "
                   f"see {manifest.output.get('manifest', 'the manifest')})")
    return EXIT_FAILURES


class LiveLine:
    """One progress line on a terminal, redrawn in place."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def callback(self) -> Callable[[dict[str, Any], bool], None]:
        """A plain function for the settings (Scrapy deep-copies settings; a bound method would
        drag the stream along)."""

        def draw(snap: dict[str, Any], final: bool) -> None:
            self.update(snap, final)

        return draw

    def update(self, snap: dict[str, Any], final: bool) -> None:
        text = (
            f"[{snap['elapsed']:7.1f}s] pages {snap['pages']} · lists {snap['lists']} · "
            f"articles {snap['articles']} ({snap['rate']:.1f}/s) · deleted {snap['deleted']} · "
            f"retries {snap['retries']} · errors {snap['errors']}"
        )
        self.stream.write("\r" + text + "\x1b[K" + ("\n" if final else ""))
        self.stream.flush()


def print_summary(manifest: Manifest, out: IO[str]) -> None:
    counts = manifest.counts
    stats = manifest.stats
    rows = [
        ("articles written", counts.get("articles_written", 0)),
        ("rejected (schema)", counts.get("articles_rejected", 0)),
        ("duplicates dropped", counts.get("duplicates", 0)),
        ("deleted (404)", counts.get("deleted", 0)),
        ("failed", _failed(counts)),
        ("list pages", counts.get("list_pages", 0)),
        ("list pages failed", counts.get("list_pages_failed", 0)),
        ("article pages", counts.get("article_pages", 0)),
        ("anti-scraping pages passed", counts.get("antiscraping_followed", 0)),
        ("retries", counts.get("retries", 0)),
        ("requests", stats.get("downloader/request_count", 0)),
        ("time", f"{float(stats.get('elapsed_time_seconds', 0)):.1f} s"),
    ]
    rows += harvest_rows(manifest.harvest)  # runs with crawl state: what it saved
    width = max(len(name) for name, _ in rows)
    print(f"crawl finished ({manifest.finish_reason}): {manifest.site or ', '.join(manifest.start_urls)}", file=out)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}", file=out)
    for loss in manifest.lost[:SHOWN_LOSSES]:
        print(f"  lost {loss['what']}: {loss['url']} — {loss['reason']}", file=out)
    if len(manifest.lost) > SHOWN_LOSSES:
        print(f"  … and {len(manifest.lost) - SHOWN_LOSSES} more lost (see the manifest)", file=out)
    for label in ("records", "manifest"):
        if label in manifest.output:
            print(f"  {label:<{width}}  {manifest.output[label]}", file=out)


def _failed(counts: dict[str, Any]) -> str:
    kinds = counts.get("failed_by_kind", {})
    detail = ", ".join(f"{kind} {n}" for kind, n in kinds.items())
    return f"{counts.get('failed', 0)}" + (f" ({detail})" if detail else "")
