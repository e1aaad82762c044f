"""The `portal` spider: from a portal's home (or any list/article URL) to every live article, once.

Navigation only.  Listing pages go through `extract.listing.parse_listing` (article links,
next page, channels); article pages through `extract.read_page` (one page) and
`extract.build_article` (all pages merged), run in extraction workers (spiders/extraction.py).
Links are classified and keyed by
`extract.urls` so every URL form of an article maps to one aid.

Request priorities keep the queue short (and memory flat on 100,000-article portals):
further pages of an article first, then articles, then list pages.  Article links found only
outside a list's own entries (DIY blocks, sidebars, hot lists) wait until the crawl is idle:
a list that lists the article meanwhile wins, with its URL form, summary and date.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from citynews_scraper.extract import ExtractionError, PageResult
from citynews_scraper.extract.article import check_body
from citynews_scraper.extract.listing import ListEntry, Listing, parse_listing
from citynews_scraper.extract.urls import (
    Kind,
    UrlRules,
    article_page_url,
    canonical,
    dsign_target,
    list_key,
    same_site,
    without_dsign,
)
from citynews_scraper.output.manifest import Loss
from citynews_scraper.profile import ProfileError, SiteProfile, check_start_url, no_such_site, resolve_profile
from citynews_scraper.spiders.extraction import CheckedArticle, Extractor, PageJob, Step, auto_workers
from citynews_scraper.spiders.failures import describe_failure
from citynews_scraper.spiders.gc_tuning import tune_gc
from citynews_scraper.spiders.incremental import Harvest, open_harvest
from citynews_scraper.spiders.politeness import apply_profile_settings

PRIORITY_ARTICLE_PAGE = 30
PRIORITY_ARTICLE = 20
PRIORITY_LIST = 0
# Article pages are requested with 404 allowed through: Discuz! answers a deleted article
# with HTTP 404 plus a showmessage page, which we count as "deleted", not as a failure.
ARTICLE_STATUSES = [404]
ANTITHEFT_KINDS = ("antitheft", "anti_scraping")
NOT_A_PORTAL = "not a Discuz! X portal: no portal markup and no article links found (try --cms or a profile)"


def response_headers(response: Response) -> dict[str, str]:
    """Scrapy's byte headers as the str mapping the extract layer takes."""
    return {
        key.decode("latin-1"): b", ".join(values).decode("latin-1")
        for key, values in response.headers.items()
    }


class PortalSpider(Spider):
    """Crawl one site described by a `SiteProfile` (see citynews_scraper.profile)."""

    name = "portal"

    def __init__(self, profile: SiteProfile, bare: bool = False, workers: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.profile = profile
        self.workers = workers
        self.extractor = Extractor(0)  # in-process until the site answers (see _start_extractor)
        self.extractor_started = False
        self.article_cms = profile.cms
        self.allowed_domains = list(profile.allowed_domains)
        self.rules = UrlRules(profile.article_patterns)
        self.tz = profile.tz
        self.bare = bare
        self.seen_articles: set[int | str] = set()  # aids (ints), else canonical URLs
        self.seen_lists: set[str] = set()
        # Article links seen only outside a list's own entries, by aid: requested when the
        # crawl is idle unless a list entry claims the article first (see _article_requests).
        self.incidental: dict[int | str, str] = {}
        self.defer_incidental = True
        self.lost: list[Loss] = []
        self.deleted: list[str] = []
        self.start_problems: dict[str, str] = {}
        self.start_parsers: dict[str, str | None] = {}
        self.harvest = Harvest(rules=self.rules, tz=self.tz)  # inert until from_crawler opens the state

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> PortalSpider:
        profile = kwargs.pop("site_profile", None) or profile_from_args(kwargs)
        apply_profile_settings(crawler.settings, profile)
        workers = crawler.settings.get("CITYNEWS_EXTRACT_WORKERS")
        workers = auto_workers() if workers in (None, "", "auto") else int(workers)
        spider = cls(profile, bare=crawler.settings.getbool("CITYNEWS_BARE"), workers=workers, **kwargs)
        spider._set_crawler(crawler)
        spider.harvest = open_harvest(crawler.settings, profile, spider.rules)
        # Distributed workers share one queue: a link held back in one worker's memory would be
        # lost with it, so they request incidental links at once (as before).
        spider.defer_incidental = not crawler.settings.get("CITYNEWS_REDIS_SITE")
        crawler.signals.connect(spider.request_incidental, signal=signals.spider_idle)
        crawler.signals.connect(spider.offsite_redirect, signal=signals.request_scheduled)
        return spider

    # --- start -------------------------------------------------------------------------
    async def start(self) -> Any:
        tune_gc()  # the crawl allocates at a high rate: see spiders/gc_tuning.py
        for url in self.profile.start_urls:
            self.seen_lists.add(list_key(url))
            ref = self.rules.article_ref(url)
            # Page k of an article is read from page 1 (its pager leads back to page k, which the
            # dupefilter would drop: the article would vanish without a trace).
            first = ref.first_page_url if ref and ref.page > 1 else url
            yield Request(
                first, callback=self.parse_start, errback=self.start_failed, priority=PRIORITY_LIST,
                meta={"cn_role": "start", "cn_start": url, "cn_depth": 1, "handle_httpstatus_list": ARTICLE_STATUSES},
            )
        for url in self.harvest.carry_over():  # the last run's failed articles and --recheck-days
            yield self._article_request(url, None)
        for url in self.harvest.carry_over_lists():  # and the list pages it could not read
            for request in self._list_request(url, 1):
                yield request

    async def parse_start(self, response: Response) -> list[Any]:
        """A start URL may be a home, a list or an article page."""
        if self.rules.classify(response.url) is Kind.ARTICLE:
            return await self.parse_article(response)
        if response.status == 404:
            self.start_problems[requested(response).url] = "HTTP 404 (not found)"
            return []
        return list(self.parse_listing_page(response))

    def start_failed(self, failure: Failure) -> None:
        kind, reason = describe_failure(failure)
        url = failed(failure).meta.get("cn_start") or failed(failure).url  # as the user gave it
        self.start_problems[url] = reason
        self._stat(f"citynews/start/failed/{kind}")
        self.lost.append(Loss(url, reason, kind, what="start"))

    # --- listing pages -----------------------------------------------------------------
    def parse_listing_page(self, response: Response) -> Iterator[Request]:
        role = response.meta.get("cn_role", "list")
        try:
            check_body(response.body)
            listing = parse_listing(
                response.body, response.url, response_headers(response), encoding=self.profile.encoding,
                cms=self.profile.cms, fetched_at=_now(), tz=self.tz, rules=self.rules,
            )
        except ExtractionError as exc:
            self._lose_list(response.url, exc.message, exc.kind, role)
            return
        if role == "start":
            self.start_parsers[requested(response).url] = listing.parser
            if listing.parser == "discuz_x" and not self.profile.cms:
                # The portal is Discuz!: read its articles with that parser instead of scoring
                # every parser on every page (the worker still detects when a page does not fit).
                self.article_cms = "discuz_x"
            self._stat(f"citynews/start/parser/{listing.parser}")
        if listing.parser is None:
            self._stat("citynews/lists/unrecognised")
            if role == "start":
                self.start_problems[requested(response).url] = NOT_A_PORTAL
            return
        self._stat("citynews/lists/pages")
        self._start_extractor()
        yield from self._article_requests(listing)
        if not self.harvest.follow_next(listing, response.url, _now()):  # incremental: known pages end a channel
            listing.next_page = None
        yield from self._list_requests(listing, response.meta.get("cn_depth", 1))

    def _article_requests(self, listing: Listing) -> Iterator[Request]:
        own = len(listing.entries) if listing.main_count is None else listing.main_count
        for index, entry in enumerate(listing.entries):
            if not same_site(entry.url, self.allowed_domains) or self._limit_reached():
                continue
            ref = self.rules.article_ref(entry.url)
            key = ref.key if ref else canonical(entry.url)
            mark = int(ref.aid) if ref and ref.aid.isdigit() else key  # an int: 30 B less per article
            incidental = index >= own and self.defer_incidental
            if mark in self.seen_articles or (incidental and mark in self.incidental):
                continue
            if self.harvest.skip_article(key, entry):
                continue
            url = ref.first_page_url if ref else entry.url
            if incidental:
                # Held back: the home page's blocks link articles before their channel list is
                # read; the list entry (its URL form, summary, date) must win, whatever the order.
                self.incidental[mark] = url
                continue
            self.incidental.pop(mark, None)
            self.seen_articles.add(mark)
            yield self._article_request(url, entry)

    def request_incidental(self) -> None:
        """On idle (every list read): request the held-back links no list entry claimed."""
        pending, self.incidental = self.incidental, {}
        fresh = [(mark, url) for mark, url in pending.items() if mark not in self.seen_articles]
        if not fresh or self._limit_reached():
            return
        self._stat("citynews/articles/incidental", len(fresh))
        for mark, url in fresh:
            self.seen_articles.add(mark)
            self.crawler.engine.crawl(self._article_request(url, None))
        raise DontCloseSpider

    def _article_request(self, url: str, entry: ListEntry | None) -> Request:
        return Request(
            url, callback=self.parse_article, errback=self.article_failed, priority=PRIORITY_ARTICLE,
            meta={"cn_role": "article", "cn_entry": _light_entry(entry), "handle_httpstatus_list": ARTICLE_STATUSES},
        )

    def _list_requests(self, listing: Listing, depth: int) -> Iterator[Request]:
        limit = self.profile.limits.max_list_pages
        if listing.next_page:
            if limit and depth >= limit:
                self._stat("citynews/lists/limit_reached")
            else:
                yield from self._list_request(listing.next_page, depth + 1)
        for url in listing.channels:
            yield from self._list_request(url, 1)

    def _list_request(self, url: str, depth: int) -> Iterator[Request]:
        key = list_key(url)
        if key in self.seen_lists or not same_site(url, self.allowed_domains):
            return
        if self.rules.classify(url) in (Kind.NEVER, Kind.ARTICLE):
            return
        self.seen_lists.add(key)
        yield Request(
            url, callback=self.parse_listing_page, errback=self.list_failed, priority=PRIORITY_LIST,
            meta={"cn_role": "list", "cn_depth": depth},
        )

    def list_failed(self, failure: Failure) -> None:
        kind, reason = describe_failure(failure)
        self._lose_list(failed(failure).url, reason, kind, failed(failure).meta.get("cn_role", "list"))

    def _lose_list(self, url: str, reason: str, kind: str, role: str) -> None:
        if role == "start":
            self.start_problems[url] = reason
        self._stat("citynews/lists/failed")
        self._stat(f"citynews/lists/failed/{kind}")
        self.lost.append(Loss(url, reason, kind, what="list"))

    # --- article pages -----------------------------------------------------------------
    async def parse_article(self, response: Response) -> list[Any]:
        """Page 1 (or, via `cn_pages`, page k) of an article; read in an extraction worker.

        A coroutine returning its outputs, not an async generator: Scrapy then runs them
        through the spider middlewares' plain generators, not a stack of async ones."""
        self._stat("citynews/articles/pages")
        if self.bare:  # benchmark baseline: fetched, not read (a 404 is still told apart)
            if response.status == 404:
                self._stat("citynews/articles/deleted")
            return []
        fetched = response.meta.get("cn_fetched") or _now()
        job = PageJob(
            response.body, without_dsign(response.url), response_headers(response), self.profile.encoding,
            self.article_cms, fetched, self.tz, self.profile.name, self.profile.script,
            list(response.meta.get("cn_pages", ())), cms_inferred=self.article_cms != self.profile.cms,
            entry=response.meta.get("cn_entry"),
        )
        self._start_extractor()
        step = await self.extractor.step(job)
        error = step.error()
        if error is not None:
            return list(self._article_failed(response, error))
        if step.article is None:
            return list(self._next_page_request(response, step.pages, fetched, len(step.pages) + 1, step.count))
        return [self._finished(step)]

    def _finished(self, step: Step) -> CheckedArticle:
        for name in step.filled:
            self._stat(f"citynews/articles/filled_from_list/{name}")
        if step.count > 1:
            self._stat("citynews/articles/multipage")
        assert step.article is not None
        return CheckedArticle.of(step.article, step.schema_errors)

    def _next_page_request(
        self, response: Response, pages: list[PageResult], fetched: datetime, number: int, count: int,
    ) -> Iterator[Request]:
        known: dict[int, str] = {}
        for page in pages:
            known.update(page.draft.page_urls)
        first = pages[0].draft.url or _first_url(response)
        url = known.get(number) or article_page_url(first, number, self.rules)
        if not url:
            self._lose_article(first, f"page {number} of {count}: no link to it in the pager", "pager")
            return
        meta = dict(response.meta)
        meta.update({"cn_pages": pages, "cn_fetched": fetched, "cn_first": first, "cn_dsign": False})
        yield Request(
            url, callback=self.parse_article, errback=self.article_failed, priority=PRIORITY_ARTICLE_PAGE,
            meta={k: v for k, v in meta.items() if k.startswith("cn_") or k == "handle_httpstatus_list"},
        )

    def _article_failed(self, response: Response, exc: ExtractionError) -> Iterator[Request]:
        target = None
        if exc.kind in ANTITHEFT_KINDS or exc.kind in ("not_an_article", "unknown_layout"):
            target = dsign_target(response.body.decode("latin-1"), response.url)
        if target and not response.meta.get("cn_dsign"):
            # Discuz! anti-scraping page: follow its script redirect once (same URL + _dsign).
            self._stat("citynews/antiscraping/followed")
            meta = {k: v for k, v in response.meta.items() if k.startswith("cn_") or k == "handle_httpstatus_list"}
            meta["cn_dsign"] = True
            yield requested(response).replace(url=target, meta=meta, dont_filter=True)
            return
        if response.status == 404 and not response.meta.get("cn_pages"):
            self._stat("citynews/articles/deleted")
            self.deleted.append(_first_url(response))
            return
        page = len(response.meta.get("cn_pages", ())) + 1
        prefix = f"page {page}: " if page > 1 else ""
        kind = "antiscraping" if target or exc.kind in ANTITHEFT_KINDS else exc.kind
        self._lose_article(_first_url(response), prefix + exc.message, kind)

    def article_failed(self, failure: Failure) -> None:
        kind, reason = describe_failure(failure)
        request = failed(failure)
        page = len(request.meta.get("cn_pages", ())) + 1
        url = request.meta.get("cn_first") or request.url
        self._lose_article(url, (f"page {page}: " if page > 1 else "") + reason, kind)
        if request.meta.get("cn_role") == "start":
            self.start_problems[request.meta.get("cn_start") or request.url] = reason

    def offsite_redirect(self, request: Request) -> None:
        """Count a redirect off the site: Scrapy's OffsiteMiddleware drops it from this same
        signal with no errback, so without this the article would vanish without a trace."""
        if "redirect_urls" not in request.meta or not self.allowed_domains:
            return
        if request.dont_filter or request.meta.get("allow_offsite") or same_site(request.url, self.allowed_domains):
            return
        role = request.meta.get("cn_role", "list")
        first = request.meta.get("cn_first") or request.meta["redirect_urls"][0]
        reason = f"redirected off the site to {request.url}"
        if role == "article":
            self._lose_article(first, reason, "offsite_redirect")
        else:
            self._lose_list(first, reason, "offsite_redirect", role)

    def _lose_article(self, url: str, reason: str, kind: str) -> None:
        self._stat(f"citynews/failed/{kind}")
        self.lost.append(Loss(url, reason, kind))

    def closed(self, reason: str) -> None:
        """Stop the extraction workers; explain a run that wrote nothing (each start URL gets its reason)."""
        if self.extractor.fallbacks:
            self._stat("citynews/extract/pool_failed", self.extractor.fallbacks)
        self.extractor.close()
        usage = resource.getrusage(resource.RUSAGE_SELF)  # the crawl loop alone, not the workers
        self.crawler.stats.set_value("citynews/process/cpu_seconds", round(usage.ru_utime + usage.ru_stime, 2))
        if self.bare or self.crawler.stats.get_value("citynews/articles/written", 0) or self.harvest.skipped():
            return
        for url in self.profile.start_urls:
            if url in self.start_problems:
                continue
            parser = self.start_parsers.get(url)
            if parser != "discuz_x" and not self.profile.cms:
                self.start_problems[url] = NOT_A_PORTAL
            elif not self.lost and not self.deleted:
                self.start_problems[url] = "no article links found from this page"

    # --- helpers -----------------------------------------------------------------------
    def _start_extractor(self) -> None:
        """Start the extraction workers once the site answers with a page we can read (a run
        that fails at its start page never spawns them)."""
        if self.extractor_started or self.bare:
            return
        self.extractor_started = True
        self.extractor = Extractor(self.workers)
        self._stat("citynews/extract/workers", self.extractor.workers)

    def _limit_reached(self) -> bool:
        # Counted on records written, not links requested: deleted and failed articles do not
        # use up the limit (the writer caps the requests still in flight).
        limit = self.profile.limits.max_articles
        return bool(limit) and self.crawler.stats.get_value("citynews/articles/written", 0) >= limit

    def _stat(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)


def requested(response: Response) -> Request:
    """The request a response answers (always set for responses that reach a callback)."""
    assert response.request is not None
    return response.request


def failed(failure: Failure) -> Request:
    """The request of an errback's failure (Scrapy attaches it as `failure.request`)."""
    request: Request = getattr(failure, "request")  # noqa: B009 - set dynamically by Scrapy
    return request


def profile_from_args(args: Mapping[str, Any]) -> SiteProfile:
    """The profile for ``scrapy crawl portal -a site=NAME | -a profile=PATH | -a start_url=URL[,URL]``.

    The `site`, `profile`, `start_url`, `cms`, `encoding` and `timezone` arguments are
    consumed (removed from `args` when it is a dict).
    """
    pop = args.pop if isinstance(args, dict) else args.get
    site, path = pop("site", None), pop("profile", None)
    start = [u for u in str(pop("start_url", "") or "").replace(",", " ").split() if u]
    profile = resolve_profile(site, path)
    if profile is None and site and not start:
        raise no_such_site(site, "-a site=", "-a start_url=", "-a profile=")
    profile = profile or SiteProfile(name=site, start_urls=[])
    if start:
        profile.start_urls = start
        for url in start:
            check_start_url(url)
    for key in ("cms", "encoding", "timezone"):
        value = pop(key, None)
        if value:
            setattr(profile, key, value)
    if not profile.start_urls:
        raise ProfileError("no start URLs: pass -a site=NAME (a shipped profile), -a profile=PATH or -a start_url=URL")
    return profile.check()


def _now() -> datetime:
    return datetime.now(UTC)


def _first_url(response: Response) -> str:
    return response.meta.get("cn_first") or requested(response).url


def _light_entry(entry: ListEntry | None) -> ListEntry | None:
    """Only what `fill_from_listing` uses travels with the request."""
    if entry is None or (entry.summary is None and entry.published_at_raw is None):
        return None
    return ListEntry(url=entry.url, summary=entry.summary, published_at_raw=entry.published_at_raw)
