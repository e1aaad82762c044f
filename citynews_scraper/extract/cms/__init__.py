"""CMS parsers and the choice between them.

A parser is a module-level object with `name`, `score(page) -> float` (0 = not this CMS,
1 = certain) and `parse(page) -> Draft`.  `choose_parser` takes the best score; a site
profile or ``--cms`` can force one by name.
"""

from __future__ import annotations

from typing import Protocol

from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.errors import UnknownLayout
from citynews_scraper.extract.page import Page


class ArticleParser(Protocol):
    name: str

    def score(self, page: Page) -> float: ...

    def parse(self, page: Page) -> Draft: ...


def registry() -> dict[str, ArticleParser]:
    """Every known parser by name, most specific first."""
    from citynews_scraper.extract.cms import dedecms, discuz, empirecms, generic, phpcms, wordpress

    return {
        "discuz_x": discuz.PARSER,
        "dedecms": dedecms.PARSER,
        "phpcms": phpcms.PARSER,
        "empirecms": empirecms.PARSER,
        "wordpress": wordpress.PARSER,
        "generic": generic.PARSER,  # scores low on any page with text: the fallback
    }


def choose_parser(page: Page, forced: str | None = None) -> ArticleParser:
    """The parser for `page`: the forced one, else the detected CMS's, else the best-scoring one."""
    parsers = registry()
    if forced:
        if forced not in parsers:
            raise UnknownLayout(f"no parser named {forced!r} (known: {', '.join(parsers)})")
        return parsers[forced]
    # Detection (generator meta, markup, URL shapes: cms/detect.py) names the CMS; when it
    # finds none, the parsers' own scores decide (a parser may know markers detection
    # does not; the generic parser scores lowest).
    from citynews_scraper.extract.cms.detect import GENERIC, detect_cms

    detected = detect_cms(page)
    if detected != GENERIC and detected in parsers:
        return parsers[detected]
    best = max(parsers.values(), key=lambda parser: parser.score(page))
    if best.score(page) <= 0:
        raise UnknownLayout("no known CMS markup (not Discuz! X) and no generic parser matched")
    return best
