"""Scrapy settings, grouped by component. Each setting says why it has its value.

Benchmarks, tests and the demo override politeness with `-s`; the defaults are
for crawling other people's sites.
"""

from pathlib import Path

BOT_NAME = "ainews"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# --- Identity and politeness --------------------------------------------------------------
# Publishers block anonymous bots; a contact URL lets them reach us instead.
CONTACT_URL = "https://github.com/ai-news-crawler/ai-news-crawler"


def user_agent(contact_url: str) -> str:
    """The agent naming whom to contact; `scrapy crawl … -s CONTACT_URL=…` alone makes it
    the operator's (crawler.integration.commands.crawl; scrapyd users set USER_AGENT)."""
    return f"ainews-crawler/0.1 (+{contact_url})"


USER_AGENT = user_agent(CONTACT_URL)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True  # backs off when a site slows down
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # no article is 10 MB of HTML; bombs and dumps are
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COOKIES_ENABLED = False  # articles do not need sessions; consent cookies only add noise
# Scrapy's downloader lets a host's queue past CONCURRENT_REQUESTS_PER_DOMAIN when
# DOWNLOAD_DELAY is 0 (docs/upstream.md); ours holds the limit at any delay, waits out a
# host's Retry-After, and takes fleet-wide turns in distributed mode.
DOWNLOADER = "crawler.compat.scrapy.PoliteDownloader"
# Scrapy's default queue hands out the next request from the host with the fewest in the
# downloader, so a slow or held host waits alone; with CONCURRENT_REQUESTS_PER_IP it fails
# to start, and crawler.integration.politeness.PolitenessAddon (ADDONS) swaps it then.

# --- Retries ------------------------------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_AFTER_MAX = 120  # seconds; a longer Retry-After gives up and rejects with http_429
# Answers in a row with a Retry-After (and a status above) before a host's remaining pages
# this run are rejects host_unavailable: 200 pages answered 503 + Retry-After: 120 took 20 h.
HOST_RETRY_AFTER_LIMIT = 6  # 0: never give up
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.integration.retry.RetryAfterMiddleware": 550,
    # Inside the retries: it sees every attempt's answer, and refuses a given-up host's.
    "crawler.integration.unavailable_hosts.GiveUpOnUnavailableHosts": 555,
    # Scrapy's lets the first requests to a host past robots.txt (docs/upstream.md); ours
    # also keeps each host's file in the state store, shared by later runs and workers.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.integration.robots.RobotsTxtGate": 100,
}
ROBOTSTXT_CACHE_TTL = 86400  # seconds a robots.txt is reused when it sets no max-age (<= 24 h)

# --- Safety (issue: hostile web) -------------------------------------------------------------
# Private, loopback, link-local and reserved addresses are never requested, except these hosts
# (a list, or a comma-separated string on the command line). The demo and tests use loopback.
ALLOWED_PRIVATE_HOSTS: list[str] = []
# The check runs on resolved addresses at connect time (crawler/integration/ssrf.py); blocked
# requests are rejects with reason blocked_address. IP literals are refused before connecting.
TWISTED_DNS_RESOLVER = "crawler.integration.ssrf.SafeResolver"
DOWNLOADER_MIDDLEWARES = {
    **DOWNLOADER_MIDDLEWARES,
    "crawler.integration.ssrf.BlockPrivateAddresses": 560,
    # First of all: a request a JOBDIR run restored from disk enters this run's ledger.
    "crawler.integration.resumed_requests.CountResumedRequests": 10,
    # After decompression (590), before MetaRefreshMiddleware (580) reads response.text.
    "crawler.compat.w3lib.IgnoreNonTextCharsets": 585,
    # Outside RedirectMiddleware (600): a redirect to a broken URL is `bad_url`.
    "crawler.integration.redirect_targets.RefuseBrokenRedirects": 610,
    # A page that refreshes to itself is that page, not a redirect to a duplicate.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.integration.meta_refresh.MetaRefreshElsewhere": 580,
    # Before decompression (590): a compressed stream that stops early is `truncated`.
    "crawler.integration.truncated_streams.RejectTruncatedStreams": 595,
    # Scrapy's decompression, where a body its label cannot decode is `bad_response`.
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.integration.undecodable_bodies.DecompressOrRefuse": 590,
    # A 304 we did not ask for is no "not modified" (ours or the feed's), but bad_response.
    "crawler.integration.unsolicited_not_modified.RefuseUnsolicitedNotModified": 597,
}
# Only http(s) is ever fetched: a redirect or link to file:, data:, ftp: or s3: is not read.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
# An unwritable run directory stops the crawl (finish_reason output_error); this `crawl`
# command then exits 1, where Scrapy's would exit 0.
COMMANDS_MODULE = "crawler.integration.commands"

# --- Extraction workers (issue: throughput) ---------------------------------------------------
EXTRACT_WORKERS = None  # None: one process per CPU; 0: extract inline in the reactor (debugging)
EXTRACT_TIMEOUT = 30.0  # seconds; a page that takes longer is rejected as extract_timeout
# Megabytes of address space one extract worker may hold (0: no limit). A page that needs
# more is rejected as extract_out_of_memory and its worker replaced. A warmed-up worker holds
# about 90 MB and a large real page adds tens; 10 MB of tiny elements grew one to 1.4 GB.
EXTRACT_MEMORY_LIMIT = 1024
# Bytes of fetched pages waiting for the extract workers before Scrapy schedules no new
# request (its default is 5 MB). A few pages per worker keep the pool busy; each waiting
# page also holds its decoded text (Scrapy's middlewares call response.text), so at 5 MB
# the crawl's own process held about 20 MB more (bench/throughput.py).
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
# Scrapy starts this many asyncio tasks for every response's callback output (a per-response
# limit, not a global one). A page yields one item, and a feed or sitemap yields requests
# that are handed on at once: at Scrapy's 100, starting and stopping the idle tasks was
# about 15% of the crawl's own process (py-spy, bench/throughput.py crawl).
CONCURRENT_ITEMS = 8

# --- Extraction quality (issue: quality) -------------------------------------------------------
AI_RELEVANCE_THRESHOLD = 0.2  # below it a record from a non-AI-only source is off_topic
KEEP_OFF_TOPIC = False  # True: keep off-topic records (flagged) instead of rejecting them
BOILERPLATE_MIN_PAGES = 3  # a line seen on this many pages of one site is template

# RUN_OUTPUT is deliberately not set here: `scrapy fetch`, `shell`, `parse`, `view` and `check`
# turn it off at command priority, which a value in this file would override. Off, a
# process writes no run directory and opens no state store (crawler.integration.commands).

# --- State (issue: incremental crawls) ---------------------------------------------------------
STATE_URI = None  # None: OUTPUT_DIR/state.sqlite3; "" turns state off; or a path
NEAR_DUPLICATE_ACTION = "flag"  # "flag": keep later copies flagged near_duplicate; "skip"
NEAR_DUPLICATE_DISTANCE = 3  # SimHash bits; see crawler/core/simhash.py for the measurement
REFRESH_WINDOW = 172800  # seconds: seen articles younger than this are fetched again; 0: never

# --- Distributed mode (issue: scale out) -------------------------------------------------------
# One setting switches it on: REDIS_URL=redis://host:port/db. Without it nothing about Redis
# is imported. See crawler/integration/distributed.py and docs/scaling.md.
ADDONS = {
    "crawler.integration.distributed.DistributedAddon": 0,
    "crawler.integration.politeness.PolitenessAddon": 0,
}
REDIS_URL = None
IDLE_CLOSE_AFTER = 30.0  # seconds of an empty frontier before a worker closes
LEASE_TIMEOUT = 600.0  # seconds before a live worker's in-flight request is handed out again
# Seconds the fleet's request fingerprints outlive its last new one: the next hourly run starts
# afresh (crawler.integration.fleet_dupefilter).
FLEET_DUPEFILTER_TTL = 1800
WORKER_ID = None  # None: "<hostname>-<pid>"; written to run.json
WORKER_HEARTBEAT_TTL = 30  # seconds; a worker silent this long is dead: its leases return
# Per-host concurrency and delays for the whole fleet, not per worker: one Redis call per
# request (crawler/integration/host_gate.py, docs/scaling.md).
POLITENESS_SHARED = True

# --- Processing and output ----------------------------------------------------------------
ITEM_PIPELINES = {
    "pipelines.process.ProcessPagePipeline": 300,
    "pipelines.boilerplate.SiteBoilerplatePipeline": 500,
    "pipelines.dedup.DedupPipeline": 600,
    "pipelines.write.RunOutputPipeline": 800,
}
EXTENSIONS = {
    # A server that sends headers forever is a bad_response at 256 KiB, not gigabytes.
    "crawler.compat.twisted_headers.CapResponseHeaders": 0,
    # A chunk size of 20 hex digits is a bad_response, as one that is no number is.
    "crawler.compat.twisted_chunks.CapChunkSizes": 0,
    "crawler.integration.progress.ProgressLog": 500,
    "crawler.integration.crawl_delay.CrawlDelay": 510,
    # SIGTERM and Ctrl-C send nothing more: requests waiting for a host's delay are not
    # drained (two minutes at a Crawl-delay of 8 s), but counted as skips `stopped`.
    "crawler.integration.stop_promptly.StopPromptly": 540,
    # A JOBDIR left in a scheduled command: its finished run's seen list emptied.
    "crawler.integration.finished_jobdir.ClearFinishedJobdir": 550,
}
# Scrapy's, plus a counted skip for each request it still holds when a crawl stops early.
SCHEDULER = "crawler.integration.scheduler.LedgerScheduler"
# JOBDIR's queue, whose push on a full disk fails alone instead of wedging the queue.
SCHEDULER_DISK_QUEUE = "crawler.compat.queuelib.PickleLifoDiskQueue"
# Scrapy's, whose JOBDIR/requests.seen on a full disk keeps a fingerprint in memory instead of
# raising from the duplicate check.
DUPEFILTER_CLASS = "crawler.compat.scrapy_dupefilter.JobdirDupeFilter"
CRAWL_DELAY_MAX = 60.0  # seconds; a robots.txt Crawl-delay above this is capped
OUTPUT_DIR = "output"  # each run writes OUTPUT_DIR/<spider>/<run_id>/
SOURCES_FILE = str(Path(__file__).with_name("sources.yaml"))
LANGUAGES = ["en"]  # empty list: keep every language, flagged
MIN_WORDS = 50  # fewer words after cleaning is a reject (too_short)
MAX_WORDS = 30_000  # more is a dump, not an article: a reject (too_long)
FAVOR_PRECISION = True  # trafilatura mode; summarizers pay more for chrome than for a lost line
PROGRESS_INTERVAL = 30.0  # seconds between progress lines; 0 turns them off
SITE_MAX_PAGES = 200
# Requests waiting in the scheduler below which a spider makes more from the entries of the
# feeds and sitemaps it read; the rest wait in the spider, packed (spiders/backlog.py). A
# million Requests at once held 3.3 GB, and a SIGTERM waited for them all to be queued.
BACKLOG_PENDING_MAX = 1000
SITE_MAX_DEPTH = 3

# Dropped items are rejects already written to rejects.jsonl; one log line each is noise.
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
