"""Fixtures shared by the folders whose tests crawl a live demo portal (crawl/, harvest/, distributed/)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from citynews_scraper.demo import DemoConfig, DemoPortal


@pytest.fixture
def demo() -> Iterator[Callable[..., DemoPortal]]:
    """A factory: ``demo(**DemoConfig fields)`` → a started DemoPortal (stopped after the test)."""
    started: list[DemoPortal] = []

    def start(**config: Any) -> DemoPortal:
        portal = DemoPortal(DemoConfig(**config))
        portal.start()
        started.append(portal)
        return portal

    yield start
    for portal in started:
        portal.stop()
