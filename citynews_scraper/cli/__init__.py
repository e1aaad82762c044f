"""`citynews` command line: the only layer that prints.

Each subcommand lives in its own module ``citynews_scraper.cli.<name>_cmd`` exposing
``add_parser(subparsers) -> None`` (which sets ``func`` via ``set_defaults``).  A handler
returns the exit status.  Expected failures raise `UsageError` (exit 2) or print one line
to stderr themselves; no traceback reaches the user for them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from citynews_scraper import __version__

COMMANDS = ("extract", "crawl", "demo", "enqueue", "merge")

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad argument or configuration: one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would print the whole usage block
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="citynews", description="Crawl Chinese city news portals into record-v1 JSON Lines.")
    parser.add_argument("--version", action="version", version=f"citynews {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"citynews_scraper.cli.{name}_cmd").add_parser(subparsers)
    return parser


def error_line(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"citynews: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return int(args.func(args))
    except UsageError as exc:
        error_line(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        error_line("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
