"""A bundled demo Discuz! X3.4 portal that knows its own ground truth.

Public API::

    from citynews_scraper.demo import DemoConfig, DemoPortal, ground_truth

    with DemoPortal(DemoConfig(articles=500, rewrite=True)) as portal:
        portal.base_url                # "http://127.0.0.1:PORT/" (start page: the home)
        portal.ground_truth()          # record-v1 dicts of every live article (fetched_at None)
        portal.live_article_urls(), portal.deleted_article_urls()
        portal.request_log             # [(method, path, status)]; portal.attempts per URL
        portal.update(articles=520)    # grow while running
    DemoPortal(config, port=0, request_log_path=None, keep_records=True)

Also ``python -m citynews_scraper.demo --port 0 …`` (first stdout line: the base URL).
"""

from citynews_scraper.demo.config import FAULT_KINDS, DemoConfig
from citynews_scraper.demo.content import ground_truth
from citynews_scraper.demo.server import DemoPortal

__all__ = ["FAULT_KINDS", "DemoConfig", "DemoPortal", "ground_truth"]
