"""A crawl killed with SIGKILL (no chance to clean up) loses nothing it had archived: the archive holds
only whole records, the WARC files read up to their last whole record, and the next crawl completes
the archive without writing a record twice."""
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from archive.record import build_record
from archive.store import Store
from conftest import GOVNEWS, ROOT, crawl_args, run_cli
from scraper.reextract import reextract
from scraper.warc import warc_path, whole_records

SLOW = ["-s", "DOWNLOAD_DELAY=0.2", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]


def archived_count(archive: Path) -> int:
    """Records in the archive, read without taking any lock a crawl could wait on."""
    try:
        with sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def start_crawl(origins: dict[str, str], data: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "GOVNEWS_DATA"}
    command = [GOVNEWS, *crawl_args(origins), *SLOW, "--no-index", "--data", str(data)]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_when_archived(process: subprocess.Popen, archive: Path, records: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    try:
        while archived_count(archive) < records:
            assert process.poll() is None, "the crawl ended before it could be killed"
            assert time.monotonic() < deadline, "the crawl archived too little in time"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def test_a_killed_crawl_keeps_whole_records_and_the_next_crawl_completes(sample_portal, expected_articles, tmp_path):
    data = tmp_path / "data"
    archive = data / "archive.sqlite3"
    kill_when_archived(start_crawl(sample_portal.origins, data), archive, records=5)

    with sqlite3.connect(archive) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(archive) as store:
        records = list(store.iter_records())
        crawl_jobs = store.jobs()
    assert 5 <= len(records) < len(expected_articles)
    assert all(build_record(record) == record for record in records)
    # A site crawled to its end before the kill says so; the others were left with nobody to.
    states = [job["state"] for job in crawl_jobs]
    assert "running" in states and set(states) <= {"running", "finished"}

    for job in crawl_jobs:
        kept = list(whole_records(warc_path(data, job["id"])))
        assert kept[0].rec_type == "warcinfo"
        requested = {r.rec_headers.get_header("WARC-Concurrent-To") for r in kept if r.rec_type == "request"}
        responses = [r.rec_headers.get_header("WARC-Record-ID") for r in kept if r.rec_type == "response"]
        assert all(record_id in requested for record_id in responses[:-1])  # only the last may be torn off

    # The WARC is written before the spider sees a page: everything archived can be rebuilt from it.
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    counts = reextract(copy)
    assert (counts["unchanged"], counts["changed"]) == (len(records), 0)

    run_cli(*crawl_args(sample_portal.origins), "--no-index", data=data, check=True)
    with Store(archive) as store:
        by_url = {}
        for record in store.iter_records():
            by_url.setdefault(record["url"], []).append(record)
            assert len(store.revisions(record["id"])) == 1, record["url"]
    assert sorted(by_url) == sorted(a["url"] for a in expected_articles)
    assert all(len(found) == 1 and found[0]["revision"] == 1 for found in by_url.values())
    with Store(archive) as store:
        killed = [store.get_job(job["id"]) for job in crawl_jobs if job["state"] == "running"]
    assert killed and all(job["state"] == "interrupted" for job in killed)
