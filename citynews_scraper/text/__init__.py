"""Text layer: bytes → str (charset decisions), repairs, normalisation. Pure; no Scrapy, no I/O."""

from citynews_scraper.text.decode import Decoded, decode
from citynews_scraper.text.normalize import normalize_space
from citynews_scraper.text.repair import RepairLog, clean_text, finish_log

__all__ = ["Decoded", "RepairLog", "clean_text", "decode", "finish_log", "normalize_space"]
