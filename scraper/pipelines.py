"""The item pipeline: every extracted record goes into the archive; the crawl job keeps the tally."""
import logging
import time
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import DropItem

from archive.record import InvalidRecord
from archive.store import Store

OUTCOMES = ("new", "changed", "unchanged", "invalid")


def job_tally(stats: dict) -> dict:
    """A crawl's counts as its job keeps them: pages, articles by outcome, errors by kind."""
    tally = {k: stats.get(f"govnews/{k}", 0) for k in OUTCOMES}
    tally.update({k.split("/", 1)[1]: v for k, v in stats.items() if k.startswith("govnews/") and k.count("/") == 1})
    tally["pages"] = stats.get("response_received_count", 0)
    tally["errors_by_kind"] = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("govnews/failed/")}
    tally["errors"] = sum(tally["errors_by_kind"].values()) + stats.get("log_count/ERROR", 0)
    return tally


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
        started = time.process_time()
        try:
            outcome = self.store.upsert(record)
        except InvalidRecord as err:
            self.stats.inc_value("govnews/invalid")
            raise DropItem(f"not archived: {err}") from None
        finally:
            self.stats.inc_value("govnews/cpu_ms_store", (time.process_time() - started) * 1000)
        self.stats.inc_value(f"govnews/{outcome}")
        if item.get("_fetch"):
            self.store.record_fetch(**item["_fetch"])
        return item

    def close_spider(self, spider=None):
        if self.store is not None:
            self.store.close()

    def spider_closed(self, spider, reason):
        if getattr(spider, "job_id", None) is None:
            return
        tally = job_tally(self.stats.get_stats())
        tally["finish_reason"] = reason
        state = "finished" if reason == "finished" else ("cancelled" if reason == "shutdown" else "failed")
        if state == "finished" and tally["pages"] == 0:
            state = "failed"  # nothing could be fetched: the site is down or unreachable
        with Store(self.data_dir / "archive.sqlite3") as store:
            store.finish_job(spider.job_id, state, stats=tally)
        logging.getLogger(__name__).info("Job %s %s: %s", spider.job_id, state, tally)
