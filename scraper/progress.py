"""Live progress of a crawl: on the terminal, and in the job's row for the admin pages."""
import sys
import time
from pathlib import Path

from scrapy import signals
from twisted.internet import task

from archive.store import Store
from scraper.pipelines import job_tally


class CrawlProgress:
    """Every few seconds: a status line (rewritten in place on a terminal, a plain line otherwise)
    and the job's running counts in the archive."""

    def __init__(self, crawler, interval: float, stream=None):
        self.crawler = crawler
        self.interval = interval
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.loop = None

    @classmethod
    def from_crawler(cls, crawler):
        progress = cls(crawler, crawler.settings.getfloat("GOVNEWS_PROGRESS_INTERVAL"))
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def spider_opened(self, spider):
        if self.interval > 0:
            self.loop = task.LoopingCall(self.report, spider)
            self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.stream.isatty():
            self.stream.write("\n")

    def report(self, spider):
        tally = job_tally(self.crawler.stats.get_stats())
        elapsed = max(time.monotonic() - self.started, 1e-6)
        tally["rate"] = round(tally["pages"] / elapsed, 2)
        self.write_line(spider, tally)
        self.save(spider, tally)

    def write_line(self, spider, tally):
        errors = tally["errors"]
        line = (f"{spider.name.split(':', 1)[-1]}: {tally['pages']} pages, {tally['new']} new, "
                f"{tally['changed']} changed, {tally['unchanged']} unchanged, {errors} errors, "
                f"{tally['rate']:.1f} pages/s")
        if self.stream.isatty():
            self.stream.write("\r\033[K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def save(self, spider, tally):
        job_id = getattr(spider, "job_id", None)
        data = self.crawler.settings.get("GOVNEWS_DATA")
        if job_id is None or not data:
            return
        with Store(Path(data) / "archive.sqlite3") as store:
            store.update_job(job_id, stats=tally)
