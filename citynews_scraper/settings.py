"""Scrapy settings for citynews_scraper: polite by default, every value overridable.

Precedence (lowest first): these project defaults → the site profile's ``[politeness]``
and ``[limits]`` (applied by the spider at "spider" priority) → command-line flags
(applied by the runner at "cmdline" priority).  See docs/crawling.md.
"""

from citynews_scraper import __version__

BOT_NAME = "citynews_scraper"
SPIDER_MODULES = ["citynews_scraper.spiders"]
NEWSPIDER_MODULE = "citynews_scraper.spiders"
# `scrapy crawl portal` gives one line, not a traceback, for a bad profile or a held site lock.
COMMANDS_MODULE = "citynews_scraper.cli.scrapy_commands"

PROJECT_URL = "https://pypi.org/project/citynews_scraper/"
# An identifying User-Agent: portal admins can see who we are and how to reach us.
USER_AGENT = f"citynews_scraper/{__version__} (+{PROJECT_URL})"

# --- politeness -------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30

# Retries with exponential backoff (see middlewares.BackoffRetryMiddleware): 5xx, 429,
# 408 and network errors (timeouts, resets, truncated bodies) are retried.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 520, 521, 522, 524, 408, 429]
CITYNEWS_BACKOFF_BASE = 1.0     # seconds before the first retry; doubled for each further one
CITYNEWS_BACKOFF_MAX = 60.0     # cap, also for a server's Retry-After
# Failures are listed in the manifest; the log line per give-up would flood a terminal.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"

# A size cap that also holds for compressed bodies: Scrapy's HttpCompressionMiddleware
# checks DOWNLOAD_MAXSIZE against the *decompressed* size (tested in tests/crawl).
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "citynews_scraper.middlewares.BackoffRetryMiddleware": 550,
}
ITEM_PIPELINES = {
    "citynews_scraper.pipelines.ValidatePipeline": 100,
    "citynews_scraper.pipelines.DedupePipeline": 200,
    "citynews_scraper.harvest.HarvestFilterPipeline": 300,
    "citynews_scraper.harvest.HarvestStatePipeline": 950,
    "citynews_scraper.pipelines.JsonlWriterPipeline": 900,
}
EXTENSIONS = {
    "citynews_scraper.extensions.ManifestExtension": 900,
    "citynews_scraper.extensions.ProgressExtension": 910,
    "citynews_scraper.harvest.HarvestExtension": 950,  # after the manifest: it adds the harvest section
}

# Scrapy runs the outputs of every callback through CONCURRENT_ITEMS asyncio tasks (default
# 100, created per response); our callbacks yield at most one item, so 100 tasks per page
# were a third of the crawl loop's CPU.
CONCURRENT_ITEMS = 8

# --- safety and quiet -------------------------------------------------------------------
# Scrapy ≥ 2.18 ships a code-executing HTTP control server on by default: never for a crawler
# that runs unattended.  The telnet console is off for the same reason.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 60.0
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

# --- citynews options (set by profile / flags) ------------------------------------------
CITYNEWS_OUTPUT = None          # JSONL path; default output/<site or host>/<UTC timestamp>.jsonl
CITYNEWS_OUTPUT_DIR = "output"
CITYNEWS_MAX_ARTICLES = 0       # 0 = no limit
CITYNEWS_MAX_LIST_PAGES = 0     # list pages followed per channel; 0 = no limit
CITYNEWS_PROGRESS = None        # a callable(snapshot: dict) the CLI passes to draw its live line
CITYNEWS_PROGRESS_INTERVAL = 0.5
CITYNEWS_BARE = False
# Incremental harvesting (docs/cron.md); `citynews crawl` sets the state folder unless --no-state.
CITYNEWS_STATE_DIR = None       # None: no crawl state (every run is a full crawl)
CITYNEWS_FULL = False           # ignore what the state knows (still update it)
CITYNEWS_OVERLAP_PAGES = 1      # list pages of only known articles before a channel stops
CITYNEWS_SINCE = None           # YYYY-MM-DD: skip and stop at articles published before it
CITYNEWS_RECHECK_DAYS = 0       # re-fetch articles published in the last N days; write changed ones
# Processes that read article pages beside the crawl loop; None = one per core but one (max 4),
# 0 = read them in the crawl process (see spiders/extraction.py).
CITYNEWS_EXTRACT_WORKERS = None           # benchmark: article pages fetched but not parsed or written
