"""Stock Discuz! X3.4 markup for every page the demo portal serves (discuz-x.md §3–§6).

Each `render_*` function returns the page as text; `encode_page` turns it into bytes in
the portal's charset (characters the charset lacks become ``&#N;`` entities, as on real
GBK/Big5 sites).  The pages live in `citynews_scraper.demo.pages`, one module per template.
"""

from __future__ import annotations

from citynews_scraper.demo.pages.article import related_ids, render_article
from citynews_scraper.demo.pages.frame import Ctx, content_type, encode_page
from citynews_scraper.demo.pages.home import render_home
from citynews_scraper.demo.pages.listing import hot_ids, list_pages, render_list
from citynews_scraper.demo.pages.other import (
    PIXEL,
    ROBOTS_TXT,
    render_antitheft,
    render_comment_page,
    render_message,
    render_trap,
)

__all__ = [
    "PIXEL", "ROBOTS_TXT", "Ctx", "content_type", "encode_page", "hot_ids", "list_pages", "related_ids",
    "render_antitheft", "render_article", "render_comment_page", "render_home", "render_list",
    "render_message", "render_trap",
]
