"""`citynews merge`: one dump from the per-worker files of a distributed crawl.

Exit status 0 when merged (bad lines, e.g. a killed worker's last line, are reported and
counted in the manifest), 2 for a usage error or an unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from citynews_scraper.cli import EXIT_OK, UsageError, error_line
from citynews_scraper.output.merge import merge

SHOWN_BAD_LINES = 5


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "merge",
        help="merge the JSONL files of distributed workers into one dump",
        description="Combine worker files (…-<worker-id>.jsonl, and a killed worker's .jsonl.part) into one "
        "JSON Lines dump, keeping one record per article id and content hash, with the worker manifests summed.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="worker JSONL files")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.jsonl", help="the merged dump (manifest beside it)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    inputs = [Path(name) for name in args.files]
    for path in inputs:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        if path.resolve() == Path(args.output).resolve():
            raise UsageError(f"{path}: the output cannot be one of the inputs")
    try:
        result = merge(inputs, args.output)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot merge: {exc}") from None
    for bad in result.bad_lines[:SHOWN_BAD_LINES]:
        error_line(f"skipped {bad}")
    if len(result.bad_lines) > SHOWN_BAD_LINES:
        error_line(f"… and {len(result.bad_lines) - SHOWN_BAD_LINES} more bad lines (see the manifest)")
    if not args.quiet:
        print(
            f"{result.written} records written to {result.output} from {len(inputs)} files "
            f"({result.read} read; {result.duplicate_id} duplicate ids, "
            f"{result.duplicate_hash} duplicate texts dropped); "
            f"manifest {result.manifest}",
            file=sys.stdout,
        )
        for name in result.skipped_inputs:
            print(f"  skipped {name}: a rejects file, not records", file=sys.stdout)
        for name in result.missing_manifests:
            print(
                f"  no manifest beside {name} (a worker that did not finish): its counts are missing", file=sys.stdout
            )
    return EXIT_OK
