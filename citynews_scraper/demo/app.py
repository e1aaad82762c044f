"""The portal as a function of requests: (method, target) → `Reply`, with faults decided.

No sockets here: `server.py` carries replies over HTTP and performs the network-level
faults (hang, reset, truncate, delay) that a `Reply` asks for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from citynews_scraper.demo import render
from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.content import article
from citynews_scraper.demo.faults import AttemptCounter, active_fault
from citynews_scraper.demo.site import PortalIndex
from citynews_scraper.demo.urls import Route, dsign, list_href, route, static_href

# The charset a "charset" fault claims instead of the real one.
LYING_CHARSET = {"gbk": "utf-8", "utf-8": "gbk", "big5": "utf-8"}


@dataclass
class Reply:
    """One response. `fault` names a network-level misbehaviour for the server to act out."""

    status: int
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)
    fault: str | None = None


class PortalApp:
    """Routes requests, renders pages, counts attempts and injects the configured faults.

    `config` can be replaced while serving (`update`) to grow the portal between runs.
    """

    def __init__(self, config: DemoConfig, base_url: str, *, count_attempts: bool = True) -> None:
        self.base_url = base_url
        self.attempts = AttemptCounter()
        # Without faults the counts only feed `DemoPortal.attempts`; a benchmark measuring
        # memory can switch them off (one dict entry per URL otherwise).
        self._count_all = count_attempts
        self._lock = threading.Lock()
        self._antitheft_served: set[str] = set()
        self._set(config)

    def _set(self, config: DemoConfig) -> None:
        index = PortalIndex(config)
        index.count(1)  # build the list index now, not inside the first request
        self._state = (config, render.Ctx(config, self.base_url, index))

    @property
    def config(self) -> DemoConfig:
        return self._state[0]

    @property
    def ctx(self) -> render.Ctx:
        return self._state[1]

    def update(self, config: DemoConfig) -> None:
        """Serve `config` from now on (e.g. more articles); attempt counts are kept."""
        with self._lock:
            self._set(config)

    def respond(self, method: str, target: str) -> Reply:
        config, ctx = self._state
        where = route(config, target)
        counted = self._count_all or config.faults > 0 or config.antitheft
        attempt = self.attempts.next(where.key) if counted else 1
        fault = active_fault(config, where.key, attempt)
        if fault in ("5xx", "timeout", "reset"):
            return _hard_fault(fault, attempt)
        reply = self._page(config, ctx, where, target)
        if fault == "charset" and reply.status == 200 and reply.headers[0][1].startswith("text/html"):
            reply.headers[0] = ("Content-Type", f"text/html; charset={LYING_CHARSET[config.encoding]}")
        elif fault in ("truncate", "slow"):
            reply.fault = fault
        return reply

    def _page(self, config: DemoConfig, ctx: render.Ctx, where: Route, target: str) -> Reply:
        kind = where.kind
        if kind == "home":
            return _html(ctx, 200, render.render_home(ctx))
        if kind == "robots":
            return Reply(200, render.ROBOTS_TXT.encode("ascii"), [("Content-Type", "text/plain")])
        if kind == "list":
            return self._list(ctx, int(where.params["catid"]), int(where.params["page"]))
        if kind == "redirect":
            page = int(where.params["page"])
            location = list_href(self.base_url, config, int(where.params["catid"]), page)
            return Reply(301, b"", [("Content-Type", "text/html"), ("Location", location)])
        if kind == "article":
            return self._article(config, ctx, where, target)
        if kind == "static_redirect":
            return self._static_redirect(config, ctx, int(where.params["aid"]), int(where.params["page"]))
        if kind == "comment":
            aid = int(where.params["aid"])
            if not ctx.index.live(aid):
                return _html(ctx, 404, render.render_message(ctx, "deleted"))
            return _html(ctx, 200, render.render_comment_page(ctx, aid))
        if kind == "no_category":
            return _html(ctx, 404, render.render_message(ctx, "no_category"))
        if kind == "trap":
            return _html(ctx, 200, render.render_trap(ctx, where.key))
        if kind == "attachment":
            return Reply(200, render.PIXEL, [("Content-Type", "image/gif")])
        if kind == "control":
            return self._control(where)
        return Reply(404, b"<html><body><h1>404 Not Found</h1></body></html>", [("Content-Type", "text/html")])

    def _list(self, ctx: render.Ctx, catid: int, page: int) -> Reply:
        return _html(ctx, 200, render.render_list(ctx, catid, page))

    def _article(self, config: DemoConfig, ctx: render.Ctx, where: Route, target: str) -> Reply:
        aid, page = int(where.params["aid"]), int(where.params["page"])
        if not ctx.index.live(aid) or page > len(article(config, aid).pages):
            return _html(ctx, 404, render.render_message(ctx, "deleted"))
        if config.antitheft and where.params["dsign"] != dsign(config, aid) and self._first_view(where.key):
            joiner = "&" if "?" in target else "?"
            location = self.base_url + target.lstrip("/") + f"{joiner}_dsign={dsign(config, aid)}"
            return _html(ctx, 200, render.render_antitheft(ctx, location))
        return _html(ctx, 200, render.render_article(ctx, aid, page))

    def _static_redirect(self, config: DemoConfig, ctx: render.Ctx, aid: int, page: int) -> Reply:
        """portal_view.php: with static files made, a dynamic view redirects to the file."""
        if not ctx.index.live(aid) or page > len(article(config, aid).pages):
            return _html(ctx, 404, render.render_message(ctx, "deleted"))
        location = self.base_url + static_href(config, aid, page)
        return Reply(302, b"", [("Content-Type", "text/html"), ("Location", location)])

    def _first_view(self, key: str) -> bool:
        with self._lock:
            first = key not in self._antitheft_served
            self._antitheft_served.add(key)
            return first

    def _control(self, where: Route) -> Reply:
        """Test hooks for a portal in another process (robots.txt disallows them).

        ``/_demo/grow?articles=N`` serves N articles from now on; ``/_demo/edit?aids=3,5``
        revises those articles' text.  The answer is the new state as ``key=value`` lines.
        """
        params = {k: str(v) for k, v in where.params.items()}
        try:
            if where.key == "_demo/grow" and params.get("articles", "").isdigit():
                self.update(self.config.with_changes(articles=int(params["articles"])))
            elif where.key == "_demo/edit" and all(a.isdigit() for a in params.get("aids", "x").split(",")):
                aids = {int(a) for a in params["aids"].split(",")}
                self.update(self.config.with_changes(edited=self.config.edited | aids))
            elif where.key != "_demo/state":
                return Reply(404, b"unknown control request\n", [("Content-Type", "text/plain")])
        except ValueError as error:
            return Reply(400, f"{error}\n".encode(), [("Content-Type", "text/plain; charset=utf-8")])
        edited = ",".join(map(str, sorted(self.config.edited)))
        state = f"articles={self.config.articles}\nedited={edited}\n"
        return Reply(200, state.encode(), [("Content-Type", "text/plain")])


def _html(ctx: render.Ctx, status: int, text: str) -> Reply:
    return Reply(status, render.encode_page(ctx.config, text), [("Content-Type", render.content_type(ctx.config))])


def _hard_fault(fault: str, attempt: int) -> Reply:
    if fault == "5xx":
        status = (503, 500, 502)[attempt % 3]
        body = f"<html><body><h1>{status} Service Unavailable</h1><p>Discuz! Database Error</p></body></html>".encode()
        return Reply(status, body, [("Content-Type", "text/html"), ("Retry-After", "0")])
    return Reply(0, b"", [], fault=fault)
