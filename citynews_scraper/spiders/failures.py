"""Download failures as (kind, one-line reason) for stats and the manifest."""

from __future__ import annotations

import re

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

# Exception class names → stable kinds (stats keys, manifest); checked by name because the
# same failure surfaces as Scrapy, Twisted or builtin classes depending on the handler.
_KINDS = (
    ("TimeoutError", "timeout"), ("DownloadTimeoutError", "timeout"), ("TCPTimedOutError", "timeout"),
    ("ConnectionRefusedError", "connection_refused"), ("DownloadConnectionRefusedError", "connection_refused"),
    ("DNSLookupError", "dns_error"), ("CannotResolveHostError", "dns_error"),
    ("ResponseDataLossError", "truncated_body"), ("_DataLoss", "truncated_body"),
    ("ResponseFailed", "connection_lost"), ("ConnectionLost", "connection_lost"), ("ConnectionDone", "connection_lost"),
    ("DownloadFailedError", "connection_lost"), ("ConnectError", "connect_error"),
)


def describe_failure(failure: Failure) -> tuple[str, str]:
    """(kind, reason) for a request's errback failure."""
    exc = failure.value
    if isinstance(exc, HttpError):
        status = exc.response.status
        retried = status >= 500 or status == 429
        return f"http_{status}", f"HTTP {status} (after retries)" if retried else f"HTTP {status}"
    if isinstance(exc, IgnoreRequest):
        text = str(exc) or type(exc).__name__
        if "robots" in text.lower():
            return "robots_txt", "forbidden by robots.txt"
        if "offsite" in text.lower() or "allowed_domains" in text.lower():
            return "offsite_redirect", f"redirected off the site: {text}"
        if "max" in text.lower() and "size" in text.lower():
            return "too_large", text
        return "ignored", text
    name = type(exc).__name__
    for cls_name, kind in _KINDS:
        if name == cls_name:
            return kind, f"{kind.replace('_', ' ')}: {_short(exc)}"
    return _snake(name), f"{name}: {_short(exc)}"


def _short(exc: BaseException) -> str:
    reasons = getattr(exc, "reasons", None)  # Twisted's ResponseFailed wraps a list of Failures
    if reasons:
        return "; ".join(_short(getattr(r, "value", r)) for r in reasons)[:200]
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
