"""One spider for every portal: a site profile (data) says what is special about a site."""
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from scraper.extraction import ATTACHMENT_EXTENSIONS, extract_html
from scraper.profiles import Profile

_SKIP_EXTENSIONS = ATTACHMENT_EXTENSIONS + (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".mp3", ".mp4", ".avi", ".css", ".js", ".xml", ".rss")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, profile: Profile | None = None, start_urls=(), origin: str | None = None,
                 job_id: int | None = None, **kwargs):
        super().__init__(name=f"portal:{profile.id if profile else 'generic'}", **kwargs)
        self.profile = profile
        self.origin = origin.rstrip("/") if origin else None
        self.job_id = job_id
        seeds = list(start_urls) or list(profile.start_urls if profile else ())
        if not seeds:
            raise ValueError("nothing to crawl: give a site profile or start URLs")
        self.seeds = [self.to_origin(u) for u in seeds]
        self.hosts = {urlsplit(u).netloc.lower() for u in self.seeds}
        self.seen_records: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.profile and crawler.settings.getbool("GOVNEWS_PROFILE_DELAY"):
            spider.download_delay = max(spider.profile.crawl_delay, crawler.settings.getfloat("DOWNLOAD_DELAY"))
        return spider

    def to_origin(self, url: str) -> str:
        """With a mirror origin (the sample portal on loopback), URLs of the real host go to the mirror."""
        if not self.origin or not self.profile or not self.profile.owns(url):
            return url
        origin = urlsplit(self.origin)
        parts = urlsplit(url)
        return urlunsplit((origin.scheme, origin.netloc, parts.path, parts.query, ""))

    async def start(self):
        for seed in self.seeds:
            yield scrapy.Request(seed, callback=self.parse)
            root = urlunsplit(urlsplit(seed)[:2] + ("/robots.txt", "", ""))
            yield scrapy.Request(root, callback=self.parse_robots, errback=self.ignore, priority=5)

    def parse_robots(self, response):
        """Sitemaps named by robots.txt, or /sitemap.xml; never one on a host outside the crawl."""
        urls = [self.to_origin(u) for u in sitemap_urls_from_robots(response.body, base_url=response.url)]
        urls = [u for u in urls if self._follows(u, sitemap=True)] or [urljoin(response.url, "/sitemap.xml")]
        for url in urls:
            yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.ignore)

    def parse_sitemap(self, response):
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # a broken sitemap is only a lost hint: the links still lead to every page
            self.logger.warning("Ignoring unreadable sitemap %s", response.url)
            return
        for entry in sitemap:
            url = self.to_origin(entry["loc"])
            if not self._follows(url):
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.ignore)
            else:
                yield scrapy.Request(url, callback=self.parse)

    def ignore(self, failure):
        self.logger.debug("Optional discovery URL not available: %s", failure.request.url)

    def parse(self, response):
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if not content_type.lower().startswith(_HTML_TYPES) and not response.body.lstrip()[:1] == b"<":
            self.crawler.stats.inc_value("govnews/skipped_not_html")
            return
        try:
            extraction = extract_html(response.body, response.url, self.profile, content_type or None)
        except ValueError as err:
            self.logger.warning("Cannot read %s: %s", response.url, err)
            self.crawler.stats.inc_value("govnews/unreadable")
            return
        if extraction.is_article:
            url = extraction.record.get("url")
            if url not in self.seen_records:
                self.seen_records.add(url)
                yield {**extraction.record, "_fetched_from": response.url}
        yield from self.follow_links(response)

    def follow_links(self, response):
        for href in response.css("a::attr(href)").getall():
            url = self.to_origin(urljoin(response.url, href.strip()))
            if self._follows(url):
                yield scrapy.Request(url, callback=self.parse)

    def _follows(self, url: str, sitemap: bool = False) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() not in self.hosts:
            return False
        if not sitemap and parts.path.lower().endswith(_SKIP_EXTENSIONS):
            return False
        return not re.search(r"/(?:admin|login|dang-nhap|search|tim-kiem)(?:/|$|\.)", parts.path, re.IGNORECASE)

