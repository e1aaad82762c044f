"""``python -m citynews_scraper.demo``: serve a demo portal until killed.

The first line on stdout is the base URL (flushed), so a test or benchmark can start the
portal in a subprocess and read where it listens.  SIGTERM and SIGINT stop it cleanly.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from types import FrameType

from citynews_scraper.demo.config import (
    ENCODINGS,
    FAULT_KINDS,
    DemoConfig,
)
from citynews_scraper.demo.server import DemoPortal


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m citynews_scraper.demo",
                                     description="Serve the bundled demo Discuz! X3.4 portal on 127.0.0.1.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 (default): a free port")
    parser.add_argument("--articles", type=int, default=DemoConfig.articles)
    parser.add_argument("--seed", type=int, default=DemoConfig.seed)
    parser.add_argument("--encoding", choices=ENCODINGS, default="gbk")
    parser.add_argument("--rewrite", action="store_true", help="article links as article-N-k.html")
    parser.add_argument("--folders", action="store_true", help="categories under /news/ …; ?mod=list answers 301")
    parser.add_argument("--static", action="store_true", help="生成静态: articles as news/YYYYMM/000000NN.html")
    parser.add_argument("--gzip", action="store_true", help="compress responses for clients that accept gzip")
    parser.add_argument("--perpage", type=int, default=DemoConfig.perpage)
    parser.add_argument("--now", type=datetime.fromisoformat, default=None,
                        help="the portal's clock, ISO 8601 with offset (default: 3 h after the newest article)")
    parser.add_argument("--latency-ms", type=int, default=0, help="delay every response")
    parser.add_argument("--faults", type=float, default=0.0, help="share of URLs that fail their first attempts")
    parser.add_argument("--fault-kinds", default=",".join(FAULT_KINDS),
                        help="comma-separated subset of " + ",".join(FAULT_KINDS))
    parser.add_argument("--fault-attempts", type=int, default=1, help="failing attempts per faulted URL")
    parser.add_argument("--hang-seconds", type=float, default=DemoConfig.hang_seconds)
    parser.add_argument("--antitheft", action="store_true", help="Discuz! anti-scraping redirect on first views")
    parser.add_argument("--edited", default="", metavar="IDS",
                        help="comma-separated article ids whose text was revised")
    parser.add_argument("--request-log", metavar="FILE", help="append one JSON line per request")
    parser.add_argument("--ground-truth", metavar="FILE", help="write the expected records (JSON Lines)")
    return parser


def config_from(args: argparse.Namespace) -> DemoConfig:
    return DemoConfig(
        articles=args.articles, seed=args.seed, encoding=args.encoding, rewrite=args.rewrite,
        folders=args.folders, static=args.static, gzip=args.gzip, perpage=args.perpage, now=args.now,
        latency_ms=args.latency_ms,
        faults=args.faults, fault_kinds=tuple(k.strip() for k in args.fault_kinds.split(",") if k.strip()),
        fault_attempts=args.fault_attempts, hang_seconds=args.hang_seconds, antitheft=args.antitheft,
        edited=frozenset(int(a) for a in args.edited.split(",") if a.strip()),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = config_from(args)
    except ValueError as error:
        print(f"demo portal: error: {error}", file=sys.stderr)
        return 2
    done = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        done.set()

    # Handlers first: a caller may send SIGTERM as soon as it has read the URL line.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # Nobody can read the in-memory log of a subprocess: keep only the file.
    portal = DemoPortal(config, host=args.host, port=args.port, request_log_path=args.request_log, keep_records=False)
    try:
        base = portal.start()
    except OSError as error:
        print(f"demo portal: error: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        if args.ground_truth:
            portal.write_ground_truth(args.ground_truth)
        print(base, flush=True)
        while not done.wait(0.5):
            pass
    finally:
        portal.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
