"""`citynews crawl`'s harvesting options (state, incremental runs, lock) and exit statuses.

Kept apart from crawl_cmd.py so the crawl command stays about crawling; see docs/cron.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from citynews_scraper.cli import EXIT_FAILURES, EXIT_OK, UsageError, error_line
from citynews_scraper.cli.argtypes import at_least_one, count
from citynews_scraper.output.health import error_rate
from citynews_scraper.output.lock import LockHeld
from citynews_scraper.output.manifest import Manifest
from citynews_scraper.output.state import SqliteStateStore, StateError, state_path
from citynews_scraper.profile import SiteProfile
from citynews_scraper.runner import CrawlOptions

EXIT_LOCKED = 3
EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped by a signal (Ctrl-C)
DEFAULT_MAX_ERROR_RATE = 5.0
EXIT_HELP = """exit status:
  0  done
  1  done, but more than --max-error-rate of the list pages and articles failed
     (or nothing could be crawled at all); the manifest lists every loss
  2  usage or configuration error (bad flag, profile or state file)
  3  another run of the same site holds the lock (nothing was done)
  130  stopped by Ctrl-C or SIGTERM before the end (the next run continues it)

Incremental by default: with a state file (output/state/<site>.sqlite) only new articles are
fetched and written; a killed run started again continues its .part output.  See docs/cron.md."""
# Manifest ``harvest`` counters that show a run found articles and chose not to fetch them.
HARVEST_SKIPS = ("skipped_known", "skipped_done", "skipped_older", "done", "older", "unchanged", "lists_stopped")


def add_harvest_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("harvesting (state, incremental runs, resume; see docs/cron.md)")
    group.add_argument("--state", dest="state", metavar="DIR",
                       help="crawl state folder (default: <output-dir>/state); one SQLite file and lock per site")
    group.add_argument("--full", action="store_true",
                       help="crawl everything, ignoring what the state knows (and update it)")
    group.add_argument("--overlap-pages", type=at_least_one, metavar="N",
                       help="stop a channel after N list pages holding only known articles (default 1)")
    group.add_argument("--since", metavar="DATE", help="skip articles published before DATE (YYYY-MM-DD, site time)")
    group.add_argument("--recheck-days", type=count, metavar="N",
                       help="re-fetch articles published in the last N days; write those whose text changed")
    group.add_argument("--max-error-rate", type=_percent, default=DEFAULT_MAX_ERROR_RATE, metavar="PCT",
                       help="exit status 1 when more than PCT %% of list pages and articles failed (default 5)")


def _percent(text: str) -> float:
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a percentage, not {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"expected a percentage from 0 to 100, not {text!r}")
    return value


def harvest_options(options: CrawlOptions, args: argparse.Namespace, profile: SiteProfile) -> None:
    """Fill the harvest fields of `options` from the flags; `UsageError` for bad combinations."""
    from citynews_scraper.spiders.incremental import parse_since

    if args.since:
        try:
            parse_since(args.since, profile.tz)
        except ValueError:
            raise UsageError(f"--since: expected a date YYYY-MM-DD, not {args.since!r}") from None
    if args.no_state and (args.full or args.recheck_days or args.state or args.overlap_pages):
        raise UsageError("--no-state cannot be combined with --state, --full, --overlap-pages or --recheck-days")
    options.state_dir = None if args.no_state else (args.state or str(Path(options.output_dir) / "state"))
    options.full, options.since = bool(args.full), args.since
    options.overlap_pages, options.recheck_days = args.overlap_pages, args.recheck_days


def take_lock(state_dir: str | None, profile: SiteProfile) -> int | None:
    """Lock the site for this process and check its state file: None to go on, else the exit status."""
    from citynews_scraper.spiders.incremental import lock_site, state_name

    if not state_dir:
        return None
    try:
        lock_site(state_dir, profile)
    except LockHeld as exc:
        error_line(str(exc))
        return EXIT_LOCKED
    except OSError as exc:
        raise UsageError(f"--state {state_dir}: cannot create the lock file: {exc.strerror}") from None
    try:
        SqliteStateStore(state_path(state_dir, state_name(profile))).close()
    except (StateError, OSError) as exc:
        raise UsageError(str(exc)) from None
    return None


def harvested(manifest: Manifest) -> bool:
    """The run met articles it did not need to fetch or write (nothing new is then fine)."""
    return any(manifest.harvest.get(name) for name in HARVEST_SKIPS)


def error_rate_status(manifest: Manifest, max_error_rate: float) -> int:
    """EXIT_OK; EXIT_FAILURES with one line when the error rate is above the limit;
    EXIT_INTERRUPTED when Ctrl-C or SIGTERM stopped the run before its end."""
    if manifest.finish_reason == "shutdown":
        more = " (the next run with the same command continues it)" if manifest.harvest.get("partial_output") else ""
        error_line(f"interrupted before the end{more}")
        return EXIT_INTERRUPTED
    rate = error_rate(manifest.counts, manifest.harvest)
    if not rate.above(max_error_rate):
        return EXIT_OK
    error_line(f"error rate {rate.percent:.1f} % ({rate.errors} of {rate.attempts} list pages and articles) "
               f"is above --max-error-rate {max_error_rate:g} %; see {manifest.output.get('manifest', 'the manifest')}")
    return EXIT_FAILURES


def harvest_rows(harvest: dict[str, Any]) -> list[tuple[str, Any]]:
    """Summary-table rows for a run with crawl state (none without)."""
    if not harvest or harvest.get("mode", "none") == "none":
        return []
    mode = harvest["mode"]
    if harvest.get("resumed"):
        mode += f", continued a stopped run ({harvest.get('recovered_records', 0)} records were already written)"
    rows: list[tuple[str, Any]] = [
        ("harvest", mode),
        ("known articles skipped", harvest.get("skipped_known", 0)),
        ("channels stopped early", harvest.get("lists_stopped", 0)),
    ]
    carried = harvest.get("carried_failed", 0) + harvest.get("lists_carried_over", 0)
    if carried:
        rows.append(("retried from last run", carried))
    if harvest.get("rechecked"):
        rows.append(("re-checked (changed)", f"{harvest['rechecked']} ({harvest.get('changed', 0)})"))
    if harvest.get("partial_output"):
        rows.append(("partial output", harvest["partial_output"]))
    return rows
