"""Background jobs started from the admin area: re-crawls, re-index and re-extract.

Every job runs the ordinary command line as its own OS process (`python -m govnews.cli crawl|
index|reextract … --data DIR`), in a session and process group of its own, with its standard
output and error in DATA_DIR/jobs/launch-….out. The web server never hosts Scrapy: a crawl that
crashes takes nothing else down, and a web server that stops or restarts leaves its jobs running.

Job rows (the archive's jobs table is the only state; nothing lives only in this process):

- crawl: the crawl process makes one row per site itself (scraper.runner.run_crawls, with its
  own pid) and closes each when its spider closes (finished, failed, or cancelled after SIGINT).
  start_crawl waits (START_TIMEOUT) until the rows with the child's pid exist, and returns their
  ids; if the child exits first, StartFailed carries the tail of its output.
- reextract: likewise, `govnews reextract` makes and closes its own row (scraper.reextract).
- index: `govnews index` keeps no jobs of its own, so the launcher makes the row (first with the
  web server's pid, which is alive, then the child's) and passes the hidden option
  `--report-job ID`, with which the command closes that row itself (finished with the index
  figures as stats, failed, or cancelled on SIGINT). So every kind of job is closed by its own
  process, whether or not the web server that started it is still there.

A watcher thread per child waits for it (this also reaps it: an unreaped child is a zombie, and a
zombie's pid still looks alive), records its exit code (meta job_exit:<id>) and then settles rows
its process left "running": "cancelled" if an admin asked for a cancel, "interrupted" if a signal
ended it, else "failed" with the exit code. A crawl or re-extract closes its row before it brings
the index up to date; still_working() tells the job page that its process is still at it, so
the page says "updating the index" until the results are searchable.

Cancel (cancel(data_dir, job_id, actor)): the request (who, when) is recorded first in the
archive's meta table under job_cancel:<id> (the process's own finish_job rewrites the job's stats
and error, the meta row outlives that), then the process group gets SIGINT (Scrapy, reextract
and index all shut down cleanly on it), and a thread sends SIGKILL after CANCEL_GRACE seconds if
the process is still there. Rows of a cancelled job end "cancelled" even when the process closed
them as failed or interrupted while stopping. A crawl started from the command line (not a group
leader) is signalled by its pid alone.

Orphans: refresh(store) runs when the app starts and on every jobs page: a "running" job whose
process is gone is marked "cancelled" if a cancel was asked for, else "interrupted"
(scraper.runner.mark_orphaned_jobs). A job therefore shows "running" exactly while its process
lives, across restarts of the web server.

One crawl per site, one re-index and one re-extract at a time: checked against the jobs table
(a running row whose process is alive) under a lock of this process. Several web server
processes would need the check in the database (a unique partial index on running jobs).
"""
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from archive.store import Store, utc_now
from govnews.cli import EXIT_BUSY
from scraper import runner

START_TIMEOUT = 30.0  # seconds to wait for a started command to make its job rows
CANCEL_GRACE = 20.0  # seconds between SIGINT and SIGKILL
POLL = 0.1
RECENT = 1000  # jobs looked at for running ones (as scraper.runner.mark_orphaned_jobs does)
TAIL_LINES = 50
TAIL_BYTES = 64 * 1024
CANCEL_KEY = "job_cancel:{}"
OUTPUT_KEY = "job_output:{}"
EXIT_KEY = "job_exit:{}"
BUSY_AFTER_CLOSE = 3600  # seconds after its row closed a launched process may still be working

_start_lock = threading.Lock()


class JobError(Exception):
    """A job that could not be started or cancelled; the message says why."""


class JobRunning(JobError):
    """A job of that kind (for that site) is already running."""

    def __init__(self, message: str, job_ids: list[int]):
        super().__init__(message)
        self.job_ids = job_ids


class CrawlRunning(JobRunning):
    """The site already has a running crawl."""


class StartFailed(JobError):
    """The command ended before it made its job rows; `output` is the tail of what it printed."""

    def __init__(self, message: str, output: str):
        super().__init__(f"{message}\n{output}".rstrip())
        self.output = output


# --- starting ---------------------------------------------------------------------------

def start_crawl(data_dir, site, origins: dict | None = None, settings: dict | None = None) -> int:
    """Start a re-crawl of one site (a profile id); returns its job id once the crawl made it."""
    return start_crawls(data_dir, [site], origins, settings)[0]


def start_crawls(data_dir, sites: list[str], origins: dict | None = None,
                 settings: dict | None = None) -> list[int]:
    """Start one crawl process for these sites (one job each); refused if any already runs."""
    if not sites:
        raise JobError("no site to crawl")
    data_dir = Path(data_dir)
    args = ["crawl", *sites]
    for site in sites:
        if origins and origins.get(site):
            args += ["--origin", f"{site}={origins[site]}"]
    for name, value in (settings or {}).items():
        args += ["-s", f"{name}={value}"]
    with _start_lock:
        _refuse_running_crawls(data_dir, sites)
        child, output = _spawn(data_dir, args)
        try:
            job_ids = _wait_for_rows(data_dir, child, output, "crawl", len(sites))
        except StartFailed as err:
            if child.returncode != EXIT_BUSY:
                raise
            # Another process (a shell, another worker) started one since the check: the archive refused it.
            _refuse_running_crawls(data_dir, sites)
            raise CrawlRunning((err.output.strip().splitlines() or [str(err)])[-1], []) from None
    _watch(data_dir, child, job_ids)
    return job_ids


def _refuse_running_crawls(data_dir: Path, sites: list[str]) -> None:
    with Store(data_dir / "archive.sqlite3") as store:
        busy = [job for job in running_jobs(store, "crawl") if job["site"] in sites]
    if busy:
        names = ", ".join(sorted({job["site"] for job in busy}))
        raise CrawlRunning(f"a crawl of {names} is already running (job "
                           f"{', '.join(str(job['id']) for job in busy)})", [job["id"] for job in busy])


def start_reindex(data_dir) -> int:
    """Bring the index up to date with the archive (`govnews index`) in the background."""
    data_dir = Path(data_dir)
    with _start_lock:
        with Store(data_dir / "archive.sqlite3") as store:
            _refuse_second(store, "index")
            output = _output_path(data_dir)
            job_id = store.create_job(None, kind="index", pid=os.getpid(), log_path=str(output))
            store.set_meta(OUTPUT_KEY.format(job_id), str(output))
            try:
                child, _ = _spawn(data_dir, ["index", "--report-job", str(job_id)], output)
            except BaseException as err:
                store.finish_job(job_id, "failed", error=f"could not start: {err}")
                raise
            store.update_job(job_id, pid=child.pid)
    _watch(data_dir, child, [job_id])
    return job_id


def start_reextract(data_dir, site: str | None = None) -> int:
    """Rebuild records from the kept WARC files (`govnews reextract [--site S]`) in the background."""
    data_dir = Path(data_dir)
    with _start_lock:
        with Store(data_dir / "archive.sqlite3") as store:
            _refuse_second(store, "reextract")
        child, output = _spawn(data_dir, ["reextract", *(["--site", site] if site else [])])
        job_id = _wait_for_rows(data_dir, child, output, "reextract", 1)[0]
    with Store(data_dir / "archive.sqlite3") as store:
        if not (store.get_job(job_id) or {}).get("log_path"):
            store.update_job(job_id, log_path=str(output))
    _watch(data_dir, child, [job_id])
    return job_id


def _refuse_second(store: Store, kind: str) -> None:
    busy = running_jobs(store, kind)
    if busy:
        raise JobRunning(f"a {kind} job is already running (job {busy[0]['id']})", [j["id"] for j in busy])


def running_jobs(store: Store, kind: str | None = None) -> list[dict]:
    """Jobs in state "running" whose process is alive (of one kind, if given)."""
    return [job for job in store.jobs(limit=RECENT) if job["state"] == "running"
            and (kind is None or job["kind"] == kind) and runner._process_alive(job["pid"])]


def _output_path(data_dir: Path) -> Path:
    (data_dir / "jobs").mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        path = data_dir / "jobs" / f"launch-{stamp}-{n}.out"
        try:
            path.touch(exist_ok=False)
            return path
        except FileExistsError:
            continue
    raise JobError("cannot name an output file in " + str(data_dir / "jobs"))


def _spawn(data_dir: Path, args: list[str], output: Path | None = None) -> tuple[subprocess.Popen, Path]:
    output = output or _output_path(data_dir)
    command = [sys.executable, "-m", "govnews.cli", *args, "--data", str(data_dir)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with open(output, "ab") as out:
        out.write(f"$ govnews {' '.join(args)} --data {data_dir}\n".encode())
        out.flush()
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                 start_new_session=True, env=env, close_fds=True)
    return child, output


def _wait_for_rows(data_dir: Path, child: subprocess.Popen, output: Path, kind: str, count: int) -> list[int]:
    """The ids of the `count` job rows of `kind` the child makes; StartFailed if it ends first."""
    deadline = time.monotonic() + START_TIMEOUT
    with Store(data_dir / "archive.sqlite3") as store:
        while True:
            exited = child.poll() is not None
            ids = sorted(job["id"] for job in store.jobs(limit=RECENT)
                         if job["pid"] == child.pid and job["kind"] == kind)
            if len(ids) >= count:
                for job_id in ids:
                    store.set_meta(OUTPUT_KEY.format(job_id), str(output))
                return ids
            if exited:
                raise StartFailed(f"govnews {kind} ended (exit code {child.returncode}) before it started a job:",
                                  tail(output, 15))
            if time.monotonic() > deadline:
                _signal(child.pid, signal.SIGKILL)
                child.wait()
                raise StartFailed(f"govnews {kind} made no job within {START_TIMEOUT:.0f} s and was stopped:",
                                  tail(output, 15))
            time.sleep(POLL)


def _watch(data_dir: Path, child: subprocess.Popen, job_ids: list[int]) -> None:
    def wait_and_settle():
        code = child.wait()
        with Store(data_dir / "archive.sqlite3") as store:
            for job_id in job_ids:
                store.set_meta(EXIT_KEY.format(job_id), code)
                settle(store, job_id, code)

    threading.Thread(target=wait_and_settle, name=f"job-watch-{child.pid}", daemon=True).start()


def settle(store: Store, job_id: int, exit_code: int | None = None) -> None:
    """Close a job its process left open, once that process is gone; a cancelled job ends "cancelled"."""
    job = store.get_job(job_id)
    if job is None:
        return
    asked = cancel_request(store, job_id)
    if job["state"] == "running":
        if asked:
            store.finish_job(job_id, "cancelled", error=f"cancelled by {asked['by']}; the process ended "
                                                         f"(exit code {exit_code}) before it closed the job")
        elif exit_code is not None and exit_code < 0:
            store.finish_job(job_id, "interrupted", error=f"the process was ended by signal {-exit_code} "
                                                           "before it closed the job")
        else:
            store.finish_job(job_id, "failed", error=f"the process ended (exit code {exit_code}) "
                                                     "before it closed the job")
    elif asked and job["state"] in ("failed", "interrupted"):
        store.update_job(job_id, state="cancelled",
                         error=f"cancelled by {asked['by']}" + (f"; {job['error']}" if job["error"] else ""))


def refresh(store: Store) -> None:
    """Running jobs whose process is gone: cancelled if asked, else interrupted."""
    for job in store.jobs(limit=RECENT):
        if job["state"] == "running" and not runner._process_alive(job["pid"]) and cancel_request(store, job["id"]):
            settle(store, job["id"])
    runner.mark_orphaned_jobs(store)


# --- cancelling -------------------------------------------------------------------------

def cancel_request(store: Store, job_id: int) -> dict | None:
    """Who asked for the job's cancel, and when ({"by", "at"}), or None."""
    raw = store.get_meta(CANCEL_KEY.format(job_id))
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def cancel(data_dir, job_id: int, actor: str | None = None) -> list[int]:
    """Stop a running job: SIGINT to its process group now, SIGKILL after CANCEL_GRACE seconds.

    Returns the ids of the jobs stopped with it (the jobs of one process: a crawl of several
    sites). Returns at once; JobError if the job is not running.
    """
    data_dir = Path(data_dir)
    with Store(data_dir / "archive.sqlite3") as store:
        job = store.get_job(job_id)
        if job is None:
            raise JobError(f"no job {job_id}")
        if job["state"] != "running" or not runner._process_alive(job["pid"]):
            raise JobError(f"job {job_id} is not running ({job['state']})")
        pid = job["pid"]
        if pid == os.getpid():
            raise JobError(f"job {job_id} has not started its process yet")
        together = [j["id"] for j in running_jobs(store) if j["pid"] == pid]
        request = json.dumps({"by": actor or "?", "at": utc_now()}, ensure_ascii=False)
        for other in together:
            store.set_meta(CANCEL_KEY.format(other), request)
    _signal(pid, signal.SIGINT)

    def escalate():
        deadline = time.monotonic() + CANCEL_GRACE
        while time.monotonic() < deadline:
            if not runner._process_alive(pid):
                break
            time.sleep(0.2)
        else:
            _signal(pid, signal.SIGKILL)
            for _ in range(50):  # our own child is reaped by its watcher; give it a moment
                if not runner._process_alive(pid):
                    break
                time.sleep(0.1)
        if not runner._process_alive(pid):
            with Store(data_dir / "archive.sqlite3") as store:
                for other in together:
                    job = store.get_job(other)
                    if job and job["state"] == "running":
                        settle(store, other, -signal.SIGKILL)

    threading.Thread(target=escalate, name=f"job-cancel-{pid}", daemon=True).start()
    return together


def _signal(pid: int, sig: int) -> None:
    """The whole process group when the process leads one (jobs started here), else the process."""
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass


# --- reading ----------------------------------------------------------------------------

def tail(path, lines: int = TAIL_LINES) -> str:
    """The last `lines` lines of a text file ("" if there is none)."""
    if not path:
        return ""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(size - TAIL_BYTES, 0))
            data = f.read()
    except OSError:
        return ""
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    kept = text.splitlines()
    if size > TAIL_BYTES and kept:
        kept = kept[1:]  # the first one is probably cut
    return "\n".join(kept[-lines:])


def still_working(store: Store, job: dict) -> bool:
    """A launched job whose row is closed but whose process still works (a crawl or re-extract
    brings the index up to date after closing its job): its results are not searchable yet."""
    if job["state"] == "running" or not job["pid"] or job["pid"] == os.getpid():
        return False
    if output_path(store, job["id"]) is None or store.get_meta(EXIT_KEY.format(job["id"])) is not None:
        return False  # not started here, or its exit was seen
    try:
        closed = datetime.fromisoformat(job["finished"]).timestamp()
    except (TypeError, ValueError):
        return False
    return time.time() - closed < BUSY_AFTER_CLOSE and runner._process_alive(job["pid"])


def output_path(store: Store, job_id: int) -> str | None:
    """The file holding the standard output and error of the process a launched job ran in."""
    return store.get_meta(OUTPUT_KEY.format(job_id))
