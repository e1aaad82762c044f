"""Downloader middlewares: Scrapy's retries, plus a backoff before each retry.

Scrapy's RetryMiddleware re-schedules a failed request at once; a struggling portal
(5xx, 429) deserves a pause.  The delay logic is a module function; the middleware is a
thin adapter around Scrapy's own class.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future

BACKOFF_META = "citynews_backoff"


def backoff_delay(retry_number: int, base: float, cap: float, retry_after: float | None = None) -> float:
    """Seconds to wait before retry number `retry_number` (1 = first retry).

    Exponential (base, 2·base, 4·base …) capped at `cap`; a server's Retry-After wins when
    it asks for longer (still capped).

    >>> [backoff_delay(n, 1.0, 10.0) for n in (1, 2, 3, 4, 5)]
    [1.0, 2.0, 4.0, 8.0, 10.0]
    >>> backoff_delay(1, 1.0, 10.0, retry_after=5)
    5.0
    """
    delay = base * 2 ** max(retry_number - 1, 0)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return float(min(delay, cap))


def retry_after_seconds(value: bytes | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (seconds or an HTTP date) in seconds, None when absent or unreadable.

    >>> retry_after_seconds(b"7"), retry_after_seconds(None), retry_after_seconds(b"soon")
    (7.0, None, None)
    """
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware whose retried requests wait `backoff_delay` seconds before download."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("CITYNEWS_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("CITYNEWS_BACKOFF_MAX", 60.0)

    async def process_request(self, request: Request, spider: object = None) -> None:
        delay = request.meta.get(BACKOFF_META)
        if delay:
            from twisted.internet import reactor, task

            # maybe_deferred_to_future: a bare Deferred cannot be awaited under the asyncio reactor.
            await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))

    def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            self._mark(result, retry_after_seconds(response.headers.get(b"Retry-After")))
            self.crawler.stats.inc_value(f"citynews/retries/http_{response.status}")
        return result

    def process_exception(
        self, request: Request, exception: Exception, spider: object = None
    ) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            self._mark(result, None)
            self.crawler.stats.inc_value(f"citynews/retries/{type(exception).__name__}")
        return result

    def _mark(self, request: Request, retry_after: float | None) -> None:
        request.meta[BACKOFF_META] = backoff_delay(request.meta.get("retry_times", 1), self.base, self.cap, retry_after)
