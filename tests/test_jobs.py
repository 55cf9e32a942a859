"""Crawl jobs: live progress, counts, failed and orphaned jobs."""
import os
import re
import subprocess

import pytest

from archive.store import Store
from govnews.cli import EXIT_BUSY
from conftest import crawl_args, run_cli, setting_args
from scraper.settings import LOOPBACK

SODTTG = "sodttg.langson.gov.vn"


def _loopback_settings():
    return setting_args(LOOPBACK)


def test_progress_is_printed_as_plain_lines_when_not_a_terminal(sample_portal, tmp_path):
    result = run_cli("crawl", SODTTG, "--origin", f"{SODTTG}={sample_portal.origins[SODTTG]}", *_loopback_settings(),
                     "-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
                     "-s", "GOVNEWS_PROGRESS_INTERVAL=0.2", data=tmp_path, check=True)
    lines = [line for line in result.stderr.splitlines()
             if re.fullmatch(rf"{SODTTG}: \d+ pages, \d+ new, \d+ changed, \d+ unchanged, \d+ errors, [\d.]+ pages/s",
                             line)]
    assert len(lines) >= 2 and "\r" not in result.stderr
    assert re.search(r"job \d+ sodttg.langson.gov.vn: finished pages \d+, new 18,", result.stdout)


def test_a_site_that_cannot_be_reached_is_a_failed_job(tmp_path):
    result = run_cli("crawl", SODTTG, "--origin", f"{SODTTG}=http://127.0.0.1:9", *_loopback_settings(),
                     "--no-index", data=tmp_path)
    assert result.returncode == 1
    with Store(tmp_path / "archive.sqlite3") as store:
        job = store.jobs()[0]
    assert job["state"] == "failed" and job["stats"]["errors_by_kind"]


def test_a_job_left_running_by_a_killed_crawl_is_marked_interrupted(tmp_path):
    with Store(tmp_path / "archive.sqlite3") as store:
        orphan = store.create_job(SODTTG, pid=2 ** 22 + 12345)  # above any pid_max: no such process
    run_cli("crawl", SODTTG, "--origin", f"{SODTTG}=http://127.0.0.1:9", *_loopback_settings(), "--no-index",
            data=tmp_path)
    with Store(tmp_path / "archive.sqlite3") as store:
        assert store.get_job(orphan)["state"] == "interrupted"


def test_progress_on_a_terminal_rewrites_one_status_line(sample_portal, tmp_path):
    import os
    import pty

    from conftest import GOVNEWS, ROOT

    leader, follower = pty.openpty()
    args = ["crawl", SODTTG, "--origin", f"{SODTTG}={sample_portal.origins[SODTTG]}", *_loopback_settings(),
            "-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
            "-s", "GOVNEWS_PROGRESS_INTERVAL=0.2", "--no-index", "--data", str(tmp_path)]
    process = subprocess.Popen([GOVNEWS, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the crawl has ended
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=60) == 0
    text = output.decode("utf-8", errors="replace")
    assert text.count("\r\x1b[K") >= 2 and f"{SODTTG}: " in text


def test_one_running_crawl_per_site_whoever_starts_it(tmp_path, sample_portal):
    """A crawl row running for a site (its process alive: this one) refuses a second crawl of it,
    from the shell as from anywhere else, and nothing of the refused run is left behind."""
    from archive.store import SiteCrawlRunning

    data = tmp_path / "data"
    with Store(data / "archive.sqlite3") as store:
        running = store.create_job(SODTTG, pid=os.getpid())
        with pytest.raises(SiteCrawlRunning, match=f"job {running}"):
            store.create_job(SODTTG, pid=os.getpid())
        store.create_job(SODTTG, kind="reextract", pid=os.getpid())  # other kinds are not crawls
    result = run_cli(*crawl_args(sample_portal.origins), data=data)
    assert result.returncode == EXIT_BUSY
    assert f"a crawl of {SODTTG} is already running (job {running})" in result.stderr
    with Store(data / "archive.sqlite3") as store:
        assert [job["id"] for job in store.jobs() if job["kind"] == "crawl"] == [running]
        store.finish_job(running, "finished")
        assert store.create_job(SODTTG, pid=os.getpid()) > running
