"""citynews_scraper: crawl Chinese city news portals into clean record-v1 JSON Lines."""

from citynews_scraper.extract import ExtractionError, extract_article, merge_pages
from citynews_scraper.record import Article, Image

__version__ = "0.1.0"
__all__ = ["Article", "ExtractionError", "Image", "__version__", "extract_article", "merge_pages"]
