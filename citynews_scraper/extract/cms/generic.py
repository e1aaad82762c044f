"""Generic fallback parser (being written)."""
from __future__ import annotations
from citynews_scraper.extract.draft import Draft
from citynews_scraper.extract.page import Page
from citynews_scraper.extract.generic import body

class GenericParser:
    name = "generic"
    def score(self, page: Page) -> float:
        return 0.01
    def parse(self, page: Page) -> Draft:
        return Draft(paragraphs=body.extract_paragraphs(page.selector.root, page.url))

PARSER = GenericParser()
