"""The item pipeline: every extracted record goes into the archive; the crawl job keeps the tally."""
import logging
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import DropItem

from archive.record import InvalidRecord
from archive.store import Store

OUTCOMES = ("new", "changed", "unchanged", "invalid")


class ArchivePipeline:
    def __init__(self, data_dir: Path, stats):
        self.data_dir = Path(data_dir)
        self.stats = stats
        self.store: Store | None = None
        self.log_handlers: dict = {}

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("GOVNEWS_DATA", "data"), crawler.stats)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self, spider=None):
        self.store = Store(self.data_dir / "archive.sqlite3")
        for outcome in OUTCOMES:
            self.stats.set_value(f"govnews/{outcome}", 0)

    def process_item(self, item, spider=None):
        record = {k: v for k, v in item.items() if not k.startswith("_")}
        try:
            outcome = self.store.upsert(record)
        except InvalidRecord as err:
            self.stats.inc_value("govnews/invalid")
            raise DropItem(f"not archived: {err}") from None
        self.stats.inc_value(f"govnews/{outcome}")
        return item

    def close_spider(self, spider=None):
        if self.store is not None:
            self.store.close()

    def spider_closed(self, spider, reason):
        if getattr(spider, "job_id", None) is None:
            return
        tally = {k: self.stats.get_value(f"govnews/{k}", 0) for k in OUTCOMES}
        tally["pages"] = self.stats.get_value("response_received_count", 0)
        tally["errors"] = self.stats.get_value("log_count/ERROR", 0)
        tally["finish_reason"] = reason
        state = "finished" if reason == "finished" else ("cancelled" if reason == "shutdown" else "failed")
        with Store(self.data_dir / "archive.sqlite3") as store:
            store.finish_job(spider.job_id, state, stats=tally)
        logging.getLogger(__name__).info("Job %s %s: %s", spider.job_id, state, tally)
