"""Scrapy settings for govnews crawls: polite by default; loopback runs relax them by settings."""

USER_AGENT = "govnews/0.1 (+https://github.com/govnews/govnews; archive of government news)"

DEFAULTS = {
    "BOT_NAME": "govnews",
    "USER_AGENT": USER_AGENT,
    "ROBOTSTXT_OBEY": True,
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
    "DOWNLOAD_DELAY": 1.0,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 2.0,
    "AUTOTHROTTLE_MAX_DELAY": 60.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 3,
    "DOWNLOAD_TIMEOUT": 30,
    "DEPTH_LIMIT": 12,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",  # on the console; each job's log file has INFO too
    "ITEM_PIPELINES": {"scraper.pipelines.ArchivePipeline": 300},
    "EXTENSIONS": {"scraper.progress.CrawlProgress": 500},
    # Seconds between progress lines on the terminal and progress saved to the job (0: none).
    "GOVNEWS_PROGRESS_INTERVAL": 2.0,
    # Our downloader middlewares, one line each (priority: lower runs closer to the engine).
    "DOWNLOADER_MIDDLEWARES": {
        # beside the downloader, so bodies are kept as on the wire (before decompression)
        "scraper.warc.WarcMiddleware": 950,
        # beside RetryMiddleware (550), so they see each failure before it becomes a retry, and
        # engine side of HttpCompressionMiddleware (590), so the guard sniffs decompressed bodies
        "scraper.politeness.HostPacingMiddleware": 560,
        "scraper.politeness.ResponseGuardMiddleware": 570,
    },
    # A response larger than this is cancelled while it downloads; the warning comes earlier.
    "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 4 * 1024 * 1024,
    # robots.txt Crawl-delay (which Scrapy parses but does not apply) paces each host, up to a cap.
    "GOVNEWS_OBEY_CRAWL_DELAY": True,
    "GOVNEWS_MAX_CRAWL_DELAY": 60.0,
    # A failing host (5xx, timeouts: what RetryMiddleware retries) waits BASE seconds, doubling with
    # each failure in a row up to MAX, and halving back with each success; a retry waits likewise.
    "GOVNEWS_BACKOFF_BASE": 2.0,
    "GOVNEWS_BACKOFF_MAX": 120.0,
    # After this many failures in a row a host gets no more requests in this crawl (0: never).
    "GOVNEWS_HOST_FAILURE_LIMIT": 10,
    # Re-crawls revalidate a known article (conditional GET) at most once per this many hours.
    "GOVNEWS_REVALIDATE_HOURS": 168,
    # Trap guard: after this many pages in a row of one URL shape that lead only to more of that
    # shape (an endless calendar), the crawl stops following that shape.
    "GOVNEWS_TRAP_RUN": 25,
    # A profile's crawl_delay raises the per-site delay; loopback runs turn this off.
    "GOVNEWS_PROFILE_DELAY": True,
}

# For sites served on 127.0.0.1 by tests, benchmarks and the demo: no waiting between requests.
LOOPBACK = {
    "GOVNEWS_BACKOFF_BASE": 0.1,
    "GOVNEWS_BACKOFF_MAX": 2.0,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "RETRY_TIMES": 1,
    "GOVNEWS_PROFILE_DELAY": False,
}
