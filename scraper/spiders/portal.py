"""One spider for every portal: a site profile (data) says what is special about a site.

Discovery: links, paginated listings, sitemaps (robots.txt and /sitemap.xml, indexes) and feeds.
Re-crawls: articles already in the archive are revalidated with conditional GET at most once per
interval, and a listing whose page holds only known articles is not paged further.
"""
import email.utils
import re
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap

from archive.record import canonical_url
from archive.store import Store
from scraper import discovery
from scraper.dates import parse_iso
from scraper.extraction import ATTACHMENT_EXTENSIONS, extract_html
from scraper.htmltext import looks_like_html
from scraper.profiles import Profile

_SKIP_EXTENSIONS = ATTACHMENT_EXTENSIONS + (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".mp3", ".mp4", ".avi", ".css", ".js", ".xml", ".rss")
_NOT_CRAWLED = r"/(?:admin|login|dang-nhap|search|tim-kiem)(?:/|$|\.)"


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, profile: Profile | None = None, start_urls=(), origin: str | None = None,
                 job_id: int | None = None, since: str | None = None, **kwargs):
        super().__init__(name=f"portal:{profile.id if profile else 'generic'}", **kwargs)
        self.profile = profile
        self.origin = origin.rstrip("/") if origin else None
        self.job_id = job_id
        self.since = since
        seeds = list(start_urls) or list(profile.start_urls if profile else ())
        if not seeds:
            raise ValueError("nothing to crawl: give a site profile or start URLs")
        self.seeds = [self.to_origin(u) for u in seeds]
        self.hosts = {urlsplit(u).netloc.lower() for u in self.seeds}
        self.seen_records: set[str] = set()
        self.requested: set[str] = set()
        self.skipped: set[str] = set()
        self.barren_runs: Counter = Counter()
        self.known: dict[str, dict] = {}
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.revalidate_after = timedelta(hours=settings.getfloat("GOVNEWS_REVALIDATE_HOURS"))
        spider.trap_run = settings.getint("GOVNEWS_TRAP_RUN")
        if settings.get("GOVNEWS_DATA"):
            spider.open_archive(Path(settings["GOVNEWS_DATA"]) / "archive.sqlite3")
        crawler.signals.connect(spider.close_archive, signal=scrapy.signals.spider_closed)
        crawler.signals.connect(spider.robots_parsed, signal=scrapy.signals.robots_parsed)
        return spider

    # -- the archive's knowledge of the site ------------------------------------------------
    # `known` is what the archive held when the crawl started; pages fetched during this crawl are
    # in `requested`, so a listing is never judged "all known" by articles found minutes ago.
    def open_archive(self, path: Path) -> None:
        self.store = Store(path)
        site = self.profile.id if self.profile else None
        self.known = {url: {} for url in self.store.record_urls(site)}
        self.known.update(self.store.fetch_states(site))

    def close_archive(self, spider=None):
        if self.store is not None:
            self.store.close()

    def identity(self, url: str) -> str:
        """The archive's URL for a fetched URL (a mirror's URL maps back to the real site)."""
        if self.origin and self.profile and urlsplit(url).netloc == urlsplit(self.origin).netloc:
            real = urlsplit(self.profile.start_urls[0])
            parts = urlsplit(url)
            url = urlunsplit((real.scheme, real.netloc, parts.path, parts.query, ""))
        return canonical_url(url)

    def to_origin(self, url: str) -> str:
        """With a mirror origin (the sample portal on loopback), URLs of the real host go to the mirror."""
        if not self.origin or not self.profile:
            return url
        if (urlsplit(url).hostname or "").lower() not in self.profile.allowed_domains:
            return url  # a subdomain is another site, even where the profile's domains cover it
        origin = urlsplit(self.origin)
        parts = urlsplit(url)
        return urlunsplit((origin.scheme, origin.netloc, parts.path, parts.query, ""))

    # -- discovery ----------------------------------------------------------------------------
    async def start(self):
        for seed in self.seeds:
            self.requested.add(seed)
            yield scrapy.Request(seed, callback=self.parse, errback=self.request_failed)
            if not self.settings.getbool("ROBOTSTXT_OBEY"):
                for request in self.sitemap_requests(seed, []):
                    yield request

    def robots_parsed(self, robotparser, request):
        """robots.txt (fetched once, by Scrapy's robots middleware) names the sitemaps."""
        named = getattr(getattr(robotparser, "rp", None), "sitemaps", None) or []
        for sitemap_request in self.sitemap_requests(request.url, list(named)):
            self.crawler.engine.crawl(sitemap_request)

    def sitemap_requests(self, site_url: str, named: list[str]):
        """Sitemaps named by robots.txt, else /sitemap.xml; never one on a host outside the crawl."""
        urls = [self.to_origin(urljoin(site_url, u)) for u in named]
        urls = [u for u in urls if self._follows(u, listing=True)] or [urljoin(site_url, "/sitemap.xml")]
        for url in urls:
            if url not in self.requested:
                self.requested.add(url)
                yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.ignore)

    def parse_sitemap(self, response):
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # a broken sitemap is only a lost hint: the links still lead to every page
            self.logger.warning("Ignoring unreadable sitemap %s", response.url)
            return
        for entry in sitemap:
            url = self.to_origin(entry["loc"])
            if sitemap.type == "sitemapindex":
                if self._follows(url, listing=True):
                    yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.ignore)
                continue
            lastmod = parse_iso(entry.get("lastmod", "") or "")
            if self.since and lastmod and lastmod[:10] < self.since:
                self.crawler.stats.inc_value("govnews/skipped_before_since")
                continue
            yield from self.article_request(url, changed_since=lastmod)

    def parse_feed(self, response):
        for link, when in discovery.feed_links(response.body):
            published = _feed_date(when)
            if self.since and published and published[:10] < self.since:
                continue
            yield from self.article_request(self.to_origin(urljoin(response.url, link)), changed_since=published)

    def request_failed(self, failure):
        """One line and a count per failed page; a page that robots.txt or a paused host keeps us
        from fetching is a decision, not an error."""
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            self.logger.info("Not fetched: %s (%s)", failure.request.url, failure.value)
            return
        kind = (f"http_{failure.value.response.status}" if failure.check(HttpError)
                else failure.type.__name__)
        self.crawler.stats.inc_value(f"govnews/failed/{kind}")
        self.logger.warning("Could not fetch %s: %s", failure.request.url, kind)

    def ignore(self, failure):
        self.logger.debug("Optional discovery URL not available: %s", failure.request.url)

    # -- pages ------------------------------------------------------------------------------
    def parse(self, response):
        if response.status == 304:
            self.not_modified(response)
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if not looks_like_html(content_type, response.body):
            self.crawler.stats.inc_value("govnews/skipped_not_html")
            return
        started = time.process_time()
        try:
            extraction = extract_html(response.body, response.url, self.profile, content_type or None)
        except ValueError as err:
            self.logger.warning("Cannot read %s: %s", response.url, err)
            self.crawler.stats.inc_value("govnews/unreadable")
            return
        finally:
            self.crawler.stats.inc_value("govnews/cpu_ms_extract", (time.process_time() - started) * 1000)
        if extraction.is_article:
            yield from self.article_item(response, extraction.record)
        yield from self.follow_links(response, extraction.is_article)

    def article_item(self, response, record):
        url = record.get("url")
        if url in self.seen_records:
            return
        self.seen_records.add(url)
        published = record.get("published")
        if self.since and published and published[:10] < self.since:
            self.crawler.stats.inc_value("govnews/skipped_before_since")
            return
        # The pipeline records the fetch once the record is stored: a crawl killed in between
        # must not leave a page "checked" that the archive does not hold.
        yield {**record, "_fetched_from": response.url, "_fetch": self.fetch_state(response)}

    def not_modified(self, response):
        """A 304: the archive's copy is current; one request, no write to the records."""
        self.crawler.stats.inc_value("govnews/not_modified")
        self.crawler.stats.inc_value("govnews/unchanged")
        self.remember_fetch(response)

    def fetch_state(self, response) -> dict:
        return {"url": self.identity(response.url), "site": self.profile.id if self.profile else None,
                "status": response.status, "etag": _header(response.headers, "ETag"),
                "last_modified": _header(response.headers, "Last-Modified")}

    def remember_fetch(self, response):
        if self.store is not None:
            self.store.record_fetch(**self.fetch_state(response))

    def follow_links(self, response, is_article: bool):
        links = self.page_links(response)
        fresh = [(url, paging) for url, paging in links if url not in self.requested]
        if not is_article and self.looks_barren(response.url, fresh):
            return
        stop_paging = not is_article and self.listing_exhausted(response, links)
        for url, paging in fresh:
            if paging and stop_paging:
                self.crawler.stats.inc_value("govnews/paging_stopped")
                continue
            if self.identity(url) in self.known:
                yield from self.article_request(url)
            else:
                yield from self.page_request(url)
        yield from self.feed_requests(response)

    def feed_requests(self, response):
        """RSS and Atom feeds announced by <link rel="alternate">."""
        for link in response.xpath("//link[@rel='alternate'][@href]"):
            if (link.attrib.get("type") or "").lower() not in discovery.FEED_TYPES:
                continue
            url = self.link_url(response, link.attrib["href"])
            if self._follows(url, listing=True) and url not in self.requested:
                self.requested.add(url)
                yield scrapy.Request(url, callback=self.parse_feed, errback=self.ignore)

    def link_url(self, response, href: str) -> str:
        """Where a link on the page leads, as the crawl requests it (mirrored, canonical)."""
        return canonical_url(self.to_origin(urljoin(response.url, href.strip())))

    def page_links(self, response) -> list[tuple[str, bool]]:
        """(URL, is a pagination link) for every link of the page that the crawl may follow."""
        found = {}
        for anchor in response.xpath("//a[@href]"):
            url = self.link_url(response, anchor.attrib["href"])
            if not self._follows(url):
                continue
            text = " ".join(anchor.xpath(".//text()").getall())
            paging = discovery.is_pagination(url, text, anchor.attrib.get("rel", ""))
            found[url] = found.get(url, False) or paging
        return list(found.items())

    def looks_barren(self, url: str, fresh) -> bool:
        """Trap guard: pages of one URL shape that only ever lead to more of the same shape
        (an endless calendar, session ids) stop being followed after a run of them."""
        shape = discovery.url_shape(url)
        if any(discovery.url_shape(link) != shape for link, _ in fresh):
            self.barren_runs[shape] = 0
            return False
        self.barren_runs[shape] += 1
        if self.barren_runs[shape] >= self.trap_run:
            self.crawler.stats.inc_value("govnews/trap_pages_cut")
            return True
        return False

    def listing_exhausted(self, response, links) -> bool:
        """Re-crawl: a listing page that holds only known articles (or only ones older than
        --since) is the last one worth paging through."""
        articles = [u for u, paging in links if not paging and self._is_article_link(u)]
        if articles and all(self.identity(u) in self.known for u in articles):
            return True
        if self.since:
            wanted = set(articles)
            anchors = [a.root for a in response.xpath("//a[@href]") if self.link_url(response, a.attrib["href"]) in wanted]
            dates = [d for d in map(discovery.item_date, anchors) if d]
            return bool(dates) and all(d[:10] < self.since for d in dates)
        return False

    def _is_article_link(self, url: str) -> bool:
        by_profile = self.profile.is_article_url(url) if self.profile else None
        return by_profile if by_profile is not None else self.identity(url) in self.known

    # -- requests ---------------------------------------------------------------------------
    def page_request(self, url: str):
        self.requested.add(url)
        yield scrapy.Request(url, callback=self.parse, errback=self.request_failed)

    def article_request(self, url: str, changed_since: str | None = None):
        """A new article is fetched; a known one is revalidated with conditional GET, at most once
        per interval unless a sitemap or feed says it changed after the last check."""
        if not self._follows(url) or url in self.requested:
            return
        state = self.known.get(self.identity(url))
        if state is None:
            yield from self.page_request(url)
            return
        if self.recently_checked(state) and not _later(changed_since, state.get("checked")):
            # Not marked as requested: a sitemap or feed read later may still say it changed.
            if url not in self.skipped:
                self.skipped.add(url)
                self.crawler.stats.inc_value("govnews/skipped_known")
            return
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            headers["If-Modified-Since"] = state["last_modified"]
        self.requested.add(url)
        yield scrapy.Request(url, callback=self.parse, errback=self.request_failed, headers=headers,
                             meta={"handle_httpstatus_list": [304]})

    def recently_checked(self, state: dict) -> bool:
        checked = state.get("checked")
        if not checked:
            return False
        return datetime.now(timezone.utc) - datetime.fromisoformat(checked) < self.revalidate_after

    def _follows(self, url: str, listing: bool = False) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() not in self.hosts:
            return False
        if not listing and parts.path.lower().endswith(_SKIP_EXTENSIONS):
            return False
        return not re.search(_NOT_CRAWLED, parts.path, re.IGNORECASE)


def _header(headers, name: str) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None


def _later(changed: str | None, checked: str | None) -> bool:
    """Did a sitemap's lastmod or a feed's date come after the page was last checked?"""
    if not changed or not checked:
        return False
    changed_at = datetime.fromisoformat(changed)
    if changed_at.tzinfo is None:  # a bare date: the end of that day in Vietnam
        changed_at = changed_at.replace(hour=23, minute=59, tzinfo=timezone(timedelta(hours=7)))
    return changed_at > datetime.fromisoformat(checked)


def _feed_date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError):
        return parse_iso(text)
