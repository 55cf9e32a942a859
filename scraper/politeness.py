"""Politeness towards the portals, as downloader middlewares driven by settings.

HostPacingMiddleware paces each host (download slot): at least its robots.txt Crawl-delay, an
exponential backoff while it fails, and a pause for the rest of the crawl once it keeps failing.
ResponseGuardMiddleware keeps binary content served as HTML away from extraction and counts the
responses dropped for outgrowing DOWNLOAD_MAXSIZE.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from scrapy import signals
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.utils.asyncio import sleep
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object

logger = logging.getLogger(__name__)


@dataclass
class HostPace:
    crawl_delay: float = 0.0
    backoff: float = 0.0
    failures: int = 0  # in a row
    paused: bool = False
    natural_delay: float | None = None  # the slot's own delay and jitter, before we raised them
    natural_jitter: float | None = None
    set_delay: float | None = None  # what we last put on the slot
    set_jitter: float | None = None

    @property
    def floor(self) -> float:
        return max(self.crawl_delay, self.backoff)


class HostPacingMiddleware:
    """Settings: GOVNEWS_OBEY_CRAWL_DELAY, GOVNEWS_MAX_CRAWL_DELAY, GOVNEWS_BACKOFF_BASE,
    GOVNEWS_BACKOFF_MAX, GOVNEWS_HOST_FAILURE_LIMIT (0: never pause). A failure is what
    RetryMiddleware would retry: a status in RETRY_HTTP_CODES or an exception in RETRY_EXCEPTIONS."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.backoff_base = settings.getfloat("GOVNEWS_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("GOVNEWS_BACKOFF_MAX")
        self.failure_limit = settings.getint("GOVNEWS_HOST_FAILURE_LIMIT")
        self.max_crawl_delay = settings.getfloat("GOVNEWS_MAX_CRAWL_DELAY")
        self.robots_user_agent = settings.get("ROBOTSTXT_USER_AGENT")
        self.default_user_agent = settings.get("USER_AGENT")
        self.failing_statuses = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.failing_exceptions = tuple(load_object(name) for name in settings.getlist("RETRY_EXCEPTIONS"))
        self.hosts: dict[str, HostPace] = {}
        crawler.signals.connect(self.request_reached_downloader, signal=signals.request_reached_downloader)
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)
        if settings.getbool("GOVNEWS_OBEY_CRAWL_DELAY"):
            crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def downloader(self):
        return self.crawler.engine.downloader

    def pace(self, key: str) -> HostPace:
        return self.hosts.setdefault(key, HostPace())

    # -- downloader middleware ----------------------------------------------------------------
    async def process_request(self, request):
        key = self.downloader.get_slot_key(request)
        self._refuse_if_paused(key, request)
        retries = request.meta.get("retry_times", 0)
        if retries:
            await sleep(min(self.backoff_max, self.backoff_base * 2 ** (retries - 1)))
            self._refuse_if_paused(key, request)

    def process_exception(self, request, exception):
        if isinstance(exception, self.failing_exceptions):
            key = self.downloader.get_slot_key(request)
            self._failed(key, type(exception).__name__)
            self._pace_slot(key)

    # -- signals: they come before the downloader picks the slot's next request -----------------
    def request_reached_downloader(self, request):
        self._pace_slot(request.meta["download_slot"])

    def response_downloaded(self, response, request):
        key = request.meta["download_slot"]
        if response.status in self.failing_statuses:
            self._failed(key, f"HTTP {response.status}", _retry_after(response))
        else:
            self._succeeded(key)
        self._pace_slot(key)  # also after AutoThrottle, which has just set the slot's delay

    def robots_parsed(self, robotparser, request):
        # The same user agent RobotsTxtMiddleware checks the rules for.
        user_agent = self.robots_user_agent or request.headers.get(b"User-Agent") or self.default_user_agent
        delay = robotparser.crawl_delay(user_agent)
        if not delay:
            return
        key = self.downloader.get_slot_key(request)
        if delay > self.max_crawl_delay:
            logger.warning("robots.txt of %s asks for a Crawl-delay of %s s; using %s s", key, delay,
                           self.max_crawl_delay, extra={"spider": self.crawler.spider})
            delay = self.max_crawl_delay
        self.pace(key).crawl_delay = delay
        self.crawler.stats.set_value(f"govnews/crawl_delay/{key}", delay)
        logger.info("Pacing %s at one request every %s s (robots.txt Crawl-delay)", key, delay,
                    extra={"spider": self.crawler.spider})
        self._pace_slot(key)

    # -- failures, backoff, pause ---------------------------------------------------------------
    def _failed(self, key: str, reason: str, retry_after: float = 0.0) -> None:
        pace = self.pace(key)
        pace.failures += 1
        pace.backoff = min(self.backoff_max, max(pace.backoff * 2, self.backoff_base, retry_after))
        self.crawler.stats.inc_value("govnews/host_failures")
        if self.failure_limit and pace.failures >= self.failure_limit and not pace.paused:
            self._pause(key, pace, reason)

    def _succeeded(self, key: str) -> None:
        pace = self.hosts.get(key)
        if pace is not None:
            pace.failures = 0
            pace.backoff = pace.backoff / 2 if pace.backoff / 2 >= self.backoff_base else 0.0

    def _pause(self, key: str, pace: HostPace, reason: str) -> None:
        pace.paused = True
        self.crawler.stats.inc_value("govnews/host_paused")
        logger.warning("Pausing host %s for the rest of the crawl: %d failures in a row (last: %s)",
                       key, pace.failures, reason, extra={"spider": self.crawler.spider})
        slot = self.downloader.slots.get(key)
        while slot is not None and slot.queue:
            request, queued = slot.queue.popleft()
            self.crawler.stats.inc_value("govnews/host_paused_dropped")
            queued.errback(IgnoreRequest(f"host {key} is paused"))

    def _refuse_if_paused(self, key: str, request) -> None:
        pace = self.hosts.get(key)
        if pace is not None and pace.paused:
            self.crawler.stats.inc_value("govnews/host_paused_dropped")
            raise IgnoreRequest(f"host {key} is paused after repeated failures: {request.url}")

    # -- the slot ------------------------------------------------------------------------------
    def _pace_slot(self, key: str) -> None:
        """Raise the slot's delay to the host's floor, or give the slot back its own delay.

        Scrapy varies each wait by ±jitter; a raised slot waits exactly the floor instead, so no
        wait comes out shorter than a Crawl-delay."""
        slot, pace = self.downloader.slots.get(key), self.hosts.get(key)
        if slot is None or pace is None:
            return
        if slot.delay != pace.set_delay:  # set by Scrapy, AutoThrottle or a new slot
            pace.natural_delay = slot.delay
        if slot.jitter != pace.set_jitter:
            pace.natural_jitter = slot.jitter
        if pace.natural_delay * (1 - min(pace.natural_jitter, 1.0)) >= pace.floor:
            slot.delay, slot.jitter = pace.natural_delay, pace.natural_jitter
        else:
            slot.delay, slot.jitter = pace.floor, 0.0
        pace.set_delay, pace.set_jitter = slot.delay, slot.jitter


def _retry_after(response) -> float:
    value = response.headers.get(b"Retry-After", b"").decode("latin-1").strip()
    return float(value) if value.isdigit() else 0.0


# -- response guards -----------------------------------------------------------------------------
SNIFF_BYTES = 2048
BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office 97 document"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"\x1f\x8b", "gzip data"),
)
# UTF-16 and UTF-32 text is full of NUL bytes; its byte order mark tells it apart.
TEXT_BYTE_ORDER_MARKS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0c\r\x1b") + b"\x7f"
# Random or compressed bytes are about 11 % control bytes; text, even with a stray NUL, is nearly none.
MAX_CONTROL_SHARE = 0.05


class ResponseGuardMiddleware:
    """Drops binary bodies that claim to be HTML (stat govnews/dropped_binary) and counts
    downloads Scrapy cancelled for outgrowing DOWNLOAD_MAXSIZE (stat govnews/dropped_too_large)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        content_type = _content_type(response)
        if not _claims_html(content_type, urlparse_cached(response).path):
            return response
        kind = binary_kind(response.body[:SNIFF_BYTES])
        if kind:
            self.crawler.stats.inc_value("govnews/dropped_binary")
            logger.warning("Dropping %s: %s served as %s", response.url, kind, content_type or "no content type",
                           extra={"spider": self.crawler.spider})
            raise IgnoreRequest(f"binary content served as HTML: {response.url}")
        return response

    def process_exception(self, request, exception):
        # In a running crawl Scrapy's HTTP handlers cancel a download only when it outgrows the
        # maximum size (DOWNLOAD_MAXSIZE, or the request's download_maxsize meta).
        if isinstance(exception, DownloadCancelledError):
            self.crawler.stats.inc_value("govnews/dropped_too_large")


def binary_kind(head: bytes) -> str | None:
    """What binary content `head` (a body's first bytes) starts, or None for text."""
    for signature, kind in BINARY_SIGNATURES:
        if head.startswith(signature):
            return kind
    if not head or head.startswith(TEXT_BYTE_ORDER_MARKS):
        return None
    control = len(head) - len(head.translate(None, CONTROL_BYTES))
    return "binary data" if control / len(head) > MAX_CONTROL_SHARE else None


def _content_type(response) -> str:
    return response.headers.get(b"Content-Type", b"").decode("latin-1").split(";")[0].strip().lower()


def _claims_html(content_type: str, path: str) -> bool:
    return not content_type or "html" in content_type or path.lower().endswith((".html", ".htm"))
