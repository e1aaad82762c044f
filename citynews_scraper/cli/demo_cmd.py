"""`citynews demo`: start the bundled demo portal, crawl it from its home page, check the result.

The portal (citynews_scraper.demo) serves on 127.0.0.1 on a free port in a background
thread; the crawl is the same one `citynews crawl` runs (in this process).  At the end the
dump is compared field by field with the portal's ground truth.  Exit status 0 when every
live article was written once and matches, 1 otherwise, 2 for bad options.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from citynews_scraper.cli import EXIT_FAILURES, EXIT_OK, UsageError, error_line
from citynews_scraper.cli.crawl_cmd import LiveLine, print_summary
from citynews_scraper.output.compare import compare_records
from citynews_scraper.output.manifest import Manifest
from citynews_scraper.runner import CrawlOptions, run_crawl

if TYPE_CHECKING:
    from citynews_scraper.demo import DemoPortal

SITE = "demo"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    from citynews_scraper.demo.config import ENCODINGS, DemoConfig

    parser = subparsers.add_parser(
        "demo",
        help="crawl the bundled demo portal end to end and check the result",
        description="Start a sample Discuz! X3.4 portal on 127.0.0.1, crawl it from its home page into "
        "output/demo/…, print the summary and compare every record with the portal's ground truth.",
    )
    parser.add_argument("--articles", type=int, default=DemoConfig.articles, metavar="N",
                        help=f"articles on the portal (default {DemoConfig.articles}; up to 100,000)")
    parser.add_argument("--encoding", choices=ENCODINGS, default="gbk", help="the portal's charset (default gbk)")
    parser.add_argument("--rewrite", action="store_true", help="article links as article-N-1.html")
    parser.add_argument("--folders", action="store_true", help="channels under /news/… (?mod=list answers 301)")
    parser.add_argument("--faults", type=float, default=0.0, metavar="SHARE",
                        help="share of URLs that fail their first request (5xx, timeouts, resets, …)")
    parser.add_argument("--antitheft", action="store_true", help="the anti-scraping redirect on first views")
    parser.add_argument("--seed", type=int, default=DemoConfig.seed, help="content seed")
    parser.add_argument("-o", "--output", metavar="FILE.jsonl",
                        help="write here (default output/demo/<UTC time>.jsonl)")
    parser.add_argument("--polite", action="store_true", help="keep the polite crawl delays (slow on purpose)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only the final check line")
    parser.add_argument("--log-file", metavar="FILE", help="write Scrapy's log (INFO) to FILE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from citynews_scraper.demo import DemoConfig, DemoPortal

    try:
        config = DemoConfig(articles=args.articles, encoding=args.encoding, rewrite=args.rewrite, folders=args.folders,
                            faults=args.faults, antitheft=args.antitheft, seed=args.seed)
    except ValueError as exc:
        raise UsageError(f"demo portal: {exc}") from None
    portal = DemoPortal(config)
    base_url = portal.start()
    try:
        if not args.quiet:
            print(f"demo portal: {base_url} ({config.articles} articles, {config.encoding}"
                  f"{', rewrite' if config.rewrite else ''}{', folders' if config.folders else ''})", file=sys.stderr)
        options = CrawlOptions(start_urls=[base_url], site=SITE, output=args.output, log_file=args.log_file)
        if not args.polite:
            lift_politeness(options)
        line = LiveLine(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
        options.progress = line.callback() if line else None
        result = run_crawl(options)
        return check(result.manifest, portal, quiet=args.quiet)
    finally:
        portal.stop()


def lift_politeness(options: CrawlOptions) -> None:
    """Our own server on 127.0.0.1: the polite delays only slow the demo down (--polite keeps them)."""
    polite = options.politeness
    polite.delay, polite.autothrottle, polite.concurrency, polite.timeout = 0.0, False, 4, 10.0
    options.backoff = 0.2


def check(manifest: Manifest | None, portal: DemoPortal, quiet: bool) -> int:
    """Print the summary and the ground-truth check line; the exit status."""
    if manifest is None:
        error_line("the demo crawl did not run (see --log-file)")
        return EXIT_FAILURES
    if not quiet:
        print_summary(manifest, sys.stdout)
    path = Path(manifest.output["records"])
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    result = compare_records(records, portal.ground_truth(), expected_values={"site": SITE})
    print(f"{result.matched}/{result.expected} articles match the ground truth")
    for problem in result.first_problems():
        print(f"  {problem}")
    return EXIT_OK if result.ok else EXIT_FAILURES
