"""Running crawls: one crawl job per site, all sites of one command in one Scrapy process."""
import logging
import os
import signal
from dataclasses import dataclass
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.store import Store
from scraper import settings as crawl_settings
from scraper.profiles import Profile
from scraper.spiders.portal import PortalSpider


@dataclass
class CrawlTarget:
    site: str
    profile: Profile | None = None
    start_urls: tuple[str, ...] = ()
    origin: str | None = None


class _JobLog(logging.Handler):
    """Copies one spider's log lines into its job's log file."""

    def __init__(self, path: Path, spider_name: str):
        super().__init__(level=logging.INFO)
        self.spider_name = spider_name
        self.file = logging.FileHandler(path, encoding="utf-8")
        self.file.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))

    def emit(self, record):
        spider = getattr(record, "spider", None)
        if spider is None or getattr(spider, "name", None) == self.spider_name:
            self.file.emit(record)


def run_crawls(data_dir: Path, targets: list[CrawlTarget], overrides: dict | None = None,
               since: str | None = None) -> list[int]:
    """Crawl every target (blocking); returns the job ids, whose rows hold the outcome."""
    data_dir = Path(data_dir)
    (data_dir / "jobs").mkdir(parents=True, exist_ok=True)
    settings = {**crawl_settings.DEFAULTS, **(overrides or {}), "GOVNEWS_DATA": str(data_dir)}
    settings["DOWNLOAD_SLOTS"] = profile_delays(targets, Settings(settings))
    # Scrapy installs its own SIGINT/SIGTERM handlers; what runs after the crawl (the demo's web
    # server) must get the usual ones back.
    saved_handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    process = CrawlerProcess(settings)
    job_ids, handlers = [], []
    with Store(data_dir / "archive.sqlite3") as store:
        mark_orphaned_jobs(store)
        # All the jobs or none: a site whose crawl is running elsewhere (SiteCrawlRunning) stops them all.
        with store.transaction():
            created = []
            for target in targets:
                store.upsert_site(_site_row(target))
                job_id = store.create_job(target.site, kind="crawl", pid=os.getpid())
                created.append((target, job_id, data_dir / "jobs" / f"{job_id}.log"))
                store.update_job(job_id, log_path=str(created[-1][2]))
        for target, job_id, log_path in created:
            handler = _JobLog(log_path, f"portal:{target.profile.id if target.profile else 'generic'}")
            logging.getLogger().addHandler(handler)
            handlers.append(handler)
            process.crawl(PortalSpider, profile=target.profile, start_urls=target.start_urls,
                          origin=target.origin, job_id=job_id, since=since)
            job_ids.append(job_id)
    try:
        process.start()
    finally:
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.file.close()
        for sig, previous in saved_handlers.items():
            signal.signal(sig, previous)
        _mark_unfinished(data_dir, job_ids)
    return job_ids


def profile_delays(targets: list[CrawlTarget], settings: Settings) -> dict:
    """Each profile's crawl_delay as a floor for its hosts' download slots."""
    slots = dict(settings.getdict("DOWNLOAD_SLOTS"))
    if not settings.getbool("GOVNEWS_PROFILE_DELAY"):
        return slots
    for target in targets:
        if target.profile:
            delay = max(target.profile.crawl_delay, settings.getfloat("DOWNLOAD_DELAY"))
            slots.update({domain: {"delay": delay} for domain in target.profile.allowed_domains})
    return slots


def mark_orphaned_jobs(store: Store) -> None:
    """A job still "running" whose process is gone was killed: say so instead of pretending."""
    for job in store.jobs(limit=1000):
        if job["state"] == "running" and not _process_alive(job["pid"]):
            store.finish_job(job["id"], "interrupted", error="the crawl process ended without closing the job")


def _process_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _site_row(target: CrawlTarget) -> dict:
    profile = target.profile
    if profile is None:
        return {"id": target.site, "base_url": target.start_urls[0]}
    return {"id": profile.id, "name": profile.name, "agency": profile.agency, "province": profile.province,
            "base_url": profile.start_urls[0]}


def _mark_unfinished(data_dir: Path, job_ids: list[int]) -> None:
    """A job whose spider never closed (it failed to start) must not stay "running"."""
    with Store(data_dir / "archive.sqlite3") as store:
        for job_id in job_ids:
            job = store.get_job(job_id)
            if job and job["state"] == "running":
                store.finish_job(job_id, "failed", error="the crawl stopped before the spider closed")
