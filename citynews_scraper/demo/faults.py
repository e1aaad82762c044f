"""Fault injection: which URLs fail, how, and for how many attempts.

A URL's fault is a pure function of (seed, canonical URL), so runs are repeatable; it
fails only its first `fault_attempts` requests and then answers normally, so a client that
retries gets every page.  `AttemptCounter` keeps the per-URL request counts.
"""

from __future__ import annotations

import threading
from collections import Counter

from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.site import unit

# URLs never faulted: robots.txt (a crawler that cannot read it has to give up on politeness)
# and the control endpoints tests use.
EXEMPT_PREFIXES = ("robots.txt", "_demo/")


def fault_kind(config: DemoConfig, key: str) -> str | None:
    """The fault URL `key` suffers on its first attempts, or None (most URLs)."""
    if config.faults <= 0 or key.startswith(EXEMPT_PREFIXES):
        return None
    if unit(config.seed, "fault", key) >= config.faults:
        return None
    kinds = config.fault_kinds
    return kinds[int(unit(config.seed, "fault-kind", key) * len(kinds))]


def active_fault(config: DemoConfig, key: str, attempt: int) -> str | None:
    """The fault to inject on the `attempt`-th request (1-based) of `key`, if any."""
    return fault_kind(config, key) if attempt <= config.fault_attempts else None


class AttemptCounter:
    """Thread-safe count of requests per canonical URL."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def next(self, key: str) -> int:
        """Count one more request of `key`; returns its attempt number (1 for the first)."""
        with self._lock:
            self._counts[key] += 1
            return self._counts[key]

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)
