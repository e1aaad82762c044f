"""Extraction layer: pure functions of (url, bytes, headers) → Article. No Scrapy, no I/O."""

from citynews_scraper.extract.article import PageResult, build_article, extract_article, merge_pages, read_page
from citynews_scraper.extract.errors import (
    BinaryBody,
    EmptyBody,
    ExtractionError,
    MergeError,
    NotAnArticle,
    UnknownLayout,
)

__all__ = [
    "BinaryBody", "EmptyBody", "ExtractionError", "MergeError", "NotAnArticle", "PageResult",
    "UnknownLayout", "build_article", "extract_article", "merge_pages", "read_page",
]
