"""`citynews extract`: saved pages → record-v1 JSON lines (offline, no crawl)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, cast
from urllib.parse import quote

import lxml.html
from lxml import etree

from citynews_scraper.cli import EXIT_FAILURES, EXIT_OK, UsageError
from citynews_scraper.extract import ExtractionError, extract_article, merge_pages
from citynews_scraper.record import Article, schema_errors
from citynews_scraper.text.decode import codec_for
from citynews_scraper.text.script import SCRIPTS

SCRIPT_ENV = "CITYNEWS_SCRIPT"
# The URL a saved page names for itself (record-v1 wants the article's http(s) URL).
OWN_URL_XPATH = (
    "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
    " | //meta[@property='og:url' or @name='og:url']/@content"
)
# A page that names no URL gets one under this reserved host (RFC 2606 .invalid): record-v1
# needs an http(s) URL, and a file: URL would also make the page's relative links file: URLs.
PLACEHOLDER_HOST = "http://saved-page.invalid/"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract records from saved article pages",
        description="Extract one record-v1 JSON line per saved article page (or one per article with --merge).",
        epilog=("Without --url each FILE names its own URL: the page's <link rel=canonical> or og:url when it "
                "has one (Discuz! pages: their <base href> and article id).  A page that names none is still "
                f"extracted, under the placeholder URL {PLACEHOLDER_HOST}<file name>, with a note on stderr; "
                "pass --url to give the real one."),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="saved page bytes (as fetched, any charset)")
    parser.add_argument("--url", help="the URL the page was fetched from (default: the page's canonical link / "
                                      "og:url, or a placeholder; see below)")
    parser.add_argument("--header", action="append", default=[], metavar="'NAME: VALUE'",
                        help="an HTTP response header of the fetch, e.g. 'Content-Type: text/html; charset=gbk'")
    parser.add_argument("--encoding", help="decode with this charset (overrides header and meta)")
    parser.add_argument("--merge", action="store_true", help="the FILEs are the pages of one article: emit one record")
    parser.add_argument("--cms", help="force a parser (discuz_x, …) instead of detecting the CMS")
    parser.add_argument("--site", help="site profile name to put in the record")
    parser.add_argument("--script", choices=SCRIPTS, default=os.environ.get(SCRIPT_ENV) or None,
                        help=f"convert text to Simplified (hans) or Traditional (hant) script (env {SCRIPT_ENV})")
    parser.add_argument("--fetched-at", metavar="ISO8601", help="fetch time (UTC) for relative dates; default now")
    parser.add_argument("-o", "--output", metavar="FILE", help="write JSON lines here instead of stdout")
    parser.set_defaults(func=run)


def parse_headers(values: list[str]) -> dict[str, str]:
    """`--header 'Name: value'` strings → a header dict; a malformed one is a usage error."""
    headers: dict[str, str] = {}
    for value in values:
        name, sep, content = value.partition(":")
        if not sep or not name.strip():
            raise UsageError(f"--header {value!r}: expected 'Name: value'")
        headers[name.strip()] = content.strip()
    return headers


def _fetched_at(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(f"--fetched-at {value!r}: not an ISO 8601 time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _check_args(args: argparse.Namespace) -> None:
    if args.encoding and not codec_for(args.encoding):
        raise UsageError(f"--encoding {args.encoding!r}: unknown charset")
    if args.script and args.script not in SCRIPTS:
        raise UsageError(f"{SCRIPT_ENV}={args.script!r}: expected one of {', '.join(SCRIPTS)}")
    if args.url and not args.url.startswith(("http://", "https://")):
        raise UsageError(f"--url {args.url!r}: expected an http(s) URL")
    if args.url and len(args.files) > 1 and not args.merge:
        raise UsageError("--url names one page: give one FILE, or --merge for the pages of one article")


def read_file(path: str) -> bytes:
    """The file's bytes, or an ExtractionError-style message for the ways it can be unreadable."""
    target = Path(path)
    if target.is_dir():
        raise OSError("is a directory, expected a saved page")
    if not target.exists():
        raise OSError("no such file")
    return target.read_bytes()


def _jobs(args: argparse.Namespace) -> Iterator[tuple[str, list[str]]]:
    """(label for messages, files) per record to produce."""
    if args.merge:
        yield " + ".join(args.files), list(args.files)
    else:
        yield from ((path, [path]) for path in args.files)


def own_url(body: bytes) -> str | None:
    """The absolute http(s) URL a saved page gives for itself (canonical link, og:url)."""
    try:
        root = lxml.html.fromstring(body)
    except (etree.ParserError, ValueError):
        return None
    values = cast(list[str], root.xpath(OWN_URL_XPATH))  # a node-set of attribute values
    found = (value.strip() for value in values)
    return next((url for url in found if url.startswith(("http://", "https://"))), None)


def placeholder_url(path: str) -> str:
    return PLACEHOLDER_HOST + quote(Path(path).name)


def _extract(files: list[str], args: argparse.Namespace, headers: dict[str, str], now: datetime) -> Article:
    bodies = [read_file(path) for path in files]
    url = args.url or own_url(bodies[0]) or Path(files[0]).resolve().as_uri()
    article = _read(bodies, url, args, headers, now)
    if not article.url.startswith(("http://", "https://")):
        # The parser found no URL of its own either (Discuz! pages have <base href> + aid):
        # read again under the placeholder, so relative links resolve to http(s) ones too.
        article = _read(bodies, placeholder_url(files[0]), args, headers, now)
        # Not a failure (the record is complete), but the URL is not the page's: say so.
        print(f"citynews: {' + '.join(files)}: the page names no URL of its own; record url is "
              f"{article.url} (pass --url for the real one)", file=sys.stderr)
    problems = schema_errors(article.to_dict())
    if problems:
        raise ExtractionError(f"record fails record-v1: {'; '.join(problems)}")
    return article


def _read(bodies: list[bytes], url: str, args: argparse.Namespace, headers: dict[str, str],
          now: datetime) -> Article:
    options = dict(encoding=args.encoding, cms=args.cms, site=args.site, fetched_at=now, script=args.script)
    if args.merge:
        return merge_pages([(body, headers) for body in bodies], url, **options)
    return extract_article(bodies[0], url, headers, **options)


def run(args: argparse.Namespace) -> int:
    _check_args(args)
    headers = parse_headers(args.header)
    now = _fetched_at(args.fetched_at)
    failures = 0
    with _open_output(args.output) as out:
        for label, files in _jobs(args):
            try:
                article = _extract(files, args, headers, now)
            except (ExtractionError, OSError) as exc:
                failures += 1
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                print(f"citynews: {label}: {reason}", file=sys.stderr)
                continue
            out.write(article.to_json() + "\n")
            out.flush()
    return EXIT_FAILURES if failures else EXIT_OK


class _open_output:
    """stdout, or a UTF-8 file opened for the run (an unwritable path is a usage error)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.stream: IO[str] = sys.stdout

    def __enter__(self) -> IO[str]:
        if self.path:
            try:
                self.stream = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed in __exit__
            except OSError as exc:
                raise UsageError(f"-o {self.path}: {exc.strerror}") from exc
        elif hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.path:
            self.stream.close()
