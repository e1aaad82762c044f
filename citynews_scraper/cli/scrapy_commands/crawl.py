"""``scrapy crawl portal -a …``: Scrapy's own crawl command, with the portal's expected failures
(a bad profile, a site lock held by another run, an unreadable state file) as one line.

Scrapy creates the spider inside its event loop, so an exception from `from_crawler` reaches
the user as an asyncio traceback and exit status 0.  The profile, the lock and the state file
are checked here first, the way ``citynews crawl`` does; the spider then gets the lock this
process already holds.
"""

from __future__ import annotations

import argparse

from scrapy.commands import crawl

from citynews_scraper.cli import EXIT_USAGE, UsageError, error_line
from citynews_scraper.cli.harvest_args import take_lock
from citynews_scraper.profile import ProfileError
from citynews_scraper.spiders.portal import PortalSpider, profile_from_args


class Command(crawl.Command):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args[:1] == [PortalSpider.name]:
            status = self._check_portal(opts.spargs)
            if status is not None:
                self.exitcode = status
                return
        super().run(args, opts)

    def _check_portal(self, spargs: dict[str, str]) -> int | None:
        """None when the crawl can start, else the exit status (after one line on stderr)."""
        assert self.settings is not None
        try:
            profile = profile_from_args(dict(spargs))  # a copy: the spider consumes its own
            return take_lock(self.settings.get("CITYNEWS_STATE_DIR"), profile)
        except (ProfileError, UsageError) as exc:
            error_line(str(exc))
            return EXIT_USAGE
