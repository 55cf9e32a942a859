"""The web server's crawl scheduler: starts the crawls of the archive's schedules when they are due.

create_app calls start(app): a daemon thread that calls tick(app) every TICK seconds (the first
time TICK seconds after the start). The
schedules live in the archive (Store.set_schedule…, the admin page /admin/schedules and
`govnews schedule`), so they survive restarts; nothing is kept in this process but the lock.

One scheduler per data directory, however many worker processes serve it: a tick first takes an
exclusive, non-blocking flock on DATA_DIR/scheduler.lock (the file holds the winner's pid) and
keeps it for the life of the app (of its process). The other workers' ticks find it taken and do
nothing. When the holder dies, the kernel releases its lock and another worker takes over at its
next tick. (flock locks belong to an open file: two apps in one process each open the file, so
only one of them schedules; the descriptor is not inherited by the crawls started, which are
spawned with close_fds.) On top of the lock, each run is claimed in the database
(Store.claim_schedule: a compare-and-set of next_run), so even two schedulers that do not share
the lock file could not start the same run twice.

A due schedule (on, next_run ≤ now) runs once: its next run is counted from the moment the run
starts (archive.schedules.next_run), so a server that was down for days starts each past-due
crawl once, not once per missed run. The crawl is started with webui.jobs.start_crawl, with the
app's CRAWL_ORIGINS and CRAWL_SETTINGS; the schedule records last_run, last_job and next_run,
and the audit log gets a row (actor "scheduler", action "scheduled crawl"). A site whose crawl
is still running is skipped until its next run ("scheduled crawl skipped"); a crawl that could
not be started is logged as "scheduled crawl failed" and tried again at the next run. When
CRAWL_ORIGINS is configured (tests, the demo), sites without a mirror are skipped, so a mirror
setup never reaches the real portals; a site disabled in the archive's sites table is skipped.

On or off: app.config["SCHEDULER"] when set (checked at every tick, so it can be turned off
after create_app); otherwise off when $GOVNEWS_SCHEDULER is 0/false/no/off or app.testing, and
on in every other case, so `govnews serve` and a WSGI server running create_app schedule. The
test suite sets GOVNEWS_SCHEDULER=0 (tests/conftest.py); its tests drive tick(app) directly.
"""
import fcntl
import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from archive import schedules as rules
from archive.store import Store
from webui import jobs as launcher

TICK = 30.0  # seconds between two looks at the schedules
ENV = "GOVNEWS_SCHEDULER"
LOCK_NAME = "scheduler.lock"
ACTOR = "scheduler"
_OFF = ("0", "false", "no", "off")
_EXTENSION = "govnews_scheduler"

log = logging.getLogger(__name__)


@dataclass
class _State:
    lock_file: object = None
    thread: threading.Thread | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    guard: threading.Lock = field(default_factory=threading.Lock)  # one tick at a time per app


def enabled(app) -> bool:
    if app.config.get("SCHEDULER") is not None:
        return bool(app.config["SCHEDULER"])
    if os.environ.get(ENV, "").strip().lower() in _OFF:
        return False
    return not app.testing


def start(app) -> threading.Thread | None:
    """Start the app's scheduler thread (once), unless the scheduler is off; returns the thread."""
    if not enabled(app):
        return None
    state = _state(app)
    if state.thread is None or not state.thread.is_alive():
        state.stop.clear()
        state.thread = threading.Thread(target=_loop, args=(app, state), name="govnews-scheduler", daemon=True)
        state.thread.start()
    return state.thread


def stop(app, timeout: float = 5.0) -> None:
    """Stop the thread (if any) and give up the lock, so another scheduler can take over."""
    state = _state(app)
    state.stop.set()
    if state.thread is not None and state.thread is not threading.current_thread():
        state.thread.join(timeout)
    with state.guard:
        if state.lock_file is not None:
            state.lock_file.close()  # closing the descriptor releases the flock
            state.lock_file = None


def holds_lock(app) -> bool:
    return _state(app).lock_file is not None


def tick(app) -> dict[str, int]:
    """Start the crawls that are due, if this app holds the scheduler lock; {site: job id} started."""
    state = _state(app)
    with state.guard:
        if not _take_lock(app, state):
            return {}
        return _run_due(app)


# --- internals --------------------------------------------------------------------------

def _state(app) -> _State:
    return app.extensions.setdefault(_EXTENSION, _State())


def _loop(app, state: _State) -> None:
    # The first tick comes TICK seconds after the start, when whoever called create_app has
    # finished configuring the app (CRAWL_ORIGINS…) and it serves.
    while not state.stop.wait(TICK):
        if enabled(app):
            try:
                tick(app)
            except Exception:  # a bad tick must not end the scheduler
                log.exception("scheduler tick failed")


def _take_lock(app, state: _State) -> bool:
    if state.lock_file is not None:
        return True
    data_dir = Path(app.config["DATA_DIR"])
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = open(data_dir / LOCK_NAME, "a+", encoding="ascii")  # noqa: SIM115  (held open: the lock); close-on-exec
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError: another process (or app) schedules
        handle.close()
        return False
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    state.lock_file = handle
    return True


def _run_due(app) -> dict[str, int]:
    data_dir = Path(app.config["DATA_DIR"])
    origins = app.config.get("CRAWL_ORIGINS") or None
    settings = app.config.get("CRAWL_SETTINGS") or None
    started = {}
    with Store(data_dir / "archive.sqlite3") as store:
        for schedule in store.due_schedules():
            site = schedule["site"]
            begun = datetime.now(timezone.utc)
            following = rules.iso(rules.next_run(schedule, begun))
            if not store.claim_schedule(site, schedule["next_run"], following):
                continue  # claimed by someone else meanwhile
            detail = {"site": site, "next_run": following}
            if origins and site not in origins:
                store.audit(ACTOR, "scheduled crawl skipped", {**detail, "reason": "no mirror in CRAWL_ORIGINS"})
                continue
            if (store.get_site(site) or {}).get("enabled") is False:
                store.audit(ACTOR, "scheduled crawl skipped", {**detail, "reason": "site disabled"})
                continue
            try:
                job_id = launcher.start_crawl(data_dir, site, origins=origins, settings=settings)
            except launcher.CrawlRunning as err:
                store.audit(ACTOR, "scheduled crawl skipped",
                            {**detail, "reason": "a crawl is running", "jobs": ", ".join(map(str, err.job_ids))})
                continue
            except launcher.JobError as err:
                store.audit(ACTOR, "scheduled crawl failed", {**detail, "error": str(err)[:1000]})
                continue
            store.mark_schedule_run(site, job_id, following, ran_at=rules.iso(begun))
            store.audit(ACTOR, "scheduled crawl", {"site": site, "job": job_id, "next_run": following})
            started[site] = job_id
    return started
