"""Shared helpers for the demo-portal tests: an in-process app (no sockets) and page parsing."""

from __future__ import annotations

import pytest
from parsel import Selector

from citynews_scraper.demo.app import PortalApp, Reply
from citynews_scraper.demo.config import DemoConfig

BASE = "http://127.0.0.1:8123/"


def get(app: PortalApp, target: str) -> Reply:
    return app.respond("GET", target)


def page(app: PortalApp, target: str) -> Selector:
    """GET `target` and parse it, decoding with the portal's own charset."""
    reply = get(app, target)
    codec = {"gbk": "gbk", "utf-8": "utf-8", "big5": "big5"}[app.config.encoding]
    return Selector(text=reply.body.decode(codec))


@pytest.fixture
def app() -> PortalApp:
    return PortalApp(DemoConfig(), BASE)
