"""Crawl schedules: the next-run arithmetic, the archive's schedules, `govnews schedule`, the admin
page /admin/schedules, and the server's scheduler (one lock holder, each due run started once,
surviving restarts), with a real crawl of the sample portal on loopback."""
import os
import re
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest
from conftest import ROOT, audit_log, post_form, run_cli, signed_in, table_row

from archive import schedules as rules
from archive.store import MIGRATIONS, SCHEMA_VERSION, Store
from scraper.settings import LOOPBACK
from webui import scheduler
from webui import jobs as launcher
from webui.app import create_app

SODTTG = "sodttg.langson.gov.vn"
LANGSON = "langson.gov.vn"
UTC = timezone.utc


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.fixture
def data(admin_data):
    return admin_data


@pytest.fixture
def apps():
    """Apps made by make_app; their schedulers are stopped (and locks given up) afterwards."""
    made = []
    yield made
    for app in made:
        scheduler.stop(app)


def make_app(apps, data, origins=None):
    app = create_app(data)
    app.config["SCHEDULER"] = False  # no thread: the tests call scheduler.tick themselves
    app.config["CRAWL_ORIGINS"] = {SODTTG: origins[SODTTG]} if origins else {SODTTG: "http://127.0.0.1:9"}
    app.config["CRAWL_SETTINGS"] = dict(LOOPBACK)
    apps.append(app)
    return app


def post(client, path, **form):
    return post_form(client, "/admin/schedules", path, **form)


def row_of(page: str, site: str) -> str:
    return table_row(page, f"schedule-{site}")


def make_due(data, site, when="2020-01-01T00:00:00+00:00"):
    """Pretend the schedule's next run passed long ago (a server that was down for years)."""
    with Store(data / "archive.sqlite3") as store:
        assert store.claim_schedule(site, store.get_schedule(site)["next_run"], when)


# --- the next-run arithmetic ------------------------------------------------------------

def test_an_interval_counts_from_the_moment_given():
    assert rules.next_run({"every_hours": 6}, at("2025-03-10T20:00:00+00:00")) == at("2025-03-11T02:00:00+00:00")
    assert rules.next_run({"every_hours": 0.25}, datetime(2025, 1, 1)) == at("2025-01-01T00:15:00+00:00")  # naive: UTC


def test_a_time_of_day_is_on_the_schedules_clock_across_day_and_year_boundaries():
    daily = {"at_time": "06:30", "timezone": "Asia/Ho_Chi_Minh"}  # 06:30 in Hanoi is 23:30 UTC the day before
    assert rules.next_run(daily, at("2025-03-10T23:00:00+00:00")) == at("2025-03-10T23:30:00+00:00")
    assert rules.next_run(daily, at("2025-03-10T23:30:00+00:00")) == at("2025-03-11T23:30:00+00:00")  # strictly after
    assert rules.next_run(daily, at("2025-03-10T17:30:00+00:00")) == at("2025-03-10T23:30:00+00:00")  # 00:30 local
    assert rules.next_run(daily, at("2025-03-10T12:00:00+07:00")) == at("2025-03-11T06:30:00+07:00")
    late = {"at_time": "23:59", "timezone": "Asia/Ho_Chi_Minh"}
    assert rules.next_run(late, at("2025-12-31T23:58:00+07:00")) == at("2025-12-31T23:59:00+07:00")
    assert rules.next_run(late, at("2025-12-31T23:59:30+07:00")) == at("2026-01-01T23:59:00+07:00")
    assert rules.next_run({"at_time": "00:00"}, at("2025-02-28T12:00:00+07:00")) == at("2025-03-01T00:00:00+07:00")
    berlin = {"at_time": "06:00", "timezone": "Europe/Berlin"}  # across a DST change: 23 hours later
    assert rules.next_run(berlin, at("2025-03-29T05:00:00+00:00")) == at("2025-03-30T04:00:00+00:00")


def test_rules_are_validated():
    assert rules.check_at("6:05") == "06:05" and rules.check_at("23:59") == "23:59" and rules.check_at("00:00")
    for bad in ("24:00", "12:60", "noon", "", None, "1230", "-1:00"):
        with pytest.raises(rules.ScheduleError):
            rules.check_at(bad)
    assert rules.parse_every("30m") == 0.5 and rules.parse_every("6h") == 6 and rules.parse_every("2d") == 48
    assert rules.parse_every("1.5") == 1.5 and rules.parse_every("15m") == 0.25 and rules.parse_every("30d") == 720
    for bad in ("10m", "31d", "0", "-6h", "6 hours", "nan", "inf", ""):
        with pytest.raises(rules.ScheduleError):
            rules.parse_every(bad)
    with pytest.raises(rules.ScheduleError):
        rules.check_every(float("nan"))
    assert rules.format_hours(0.5) == "30m" and rules.format_hours(48) == "2d" and rules.format_hours(6) == "6h"


# --- the archive ------------------------------------------------------------------------

def test_the_store_keeps_schedules(tmp_path):
    now = at("2025-03-10T20:00:00+00:00")
    with Store(tmp_path / "archive.sqlite3") as store:
        made = store.set_schedule(SODTTG, every_hours=6, now=now)
        assert made["next_run"] == "2025-03-11T02:00:00+00:00" and made["enabled"] and made["last_run"] is None
        assert made["timezone"] == "Asia/Ho_Chi_Minh" and made["at_time"] is None
        for wrong in ({}, {"every_hours": 6, "at_time": "06:00"}, {"every_hours": 0.1}, {"every_hours": 721},
                      {"at_time": "25:00"}, {"at_time": "06:00", "timezone": "Mars/Olympus"}):
            with pytest.raises(ValueError):
                store.set_schedule(LANGSON, **wrong)
        assert store.get_schedule(LANGSON) is None
        with pytest.raises(sqlite3.IntegrityError):  # the table itself refuses a rule of both kinds
            store._conn.execute("INSERT INTO schedules (site, every_hours, at_time, created, updated) "
                                "VALUES ('x', 1, '06:00', 'now', 'now')")

        assert store.due_schedules(now + timedelta(hours=5)) == []
        due = store.due_schedules(now + timedelta(hours=6))
        assert [s["site"] for s in due] == [SODTTG]
        assert store.claim_schedule(SODTTG, due[0]["next_run"], "2025-03-11T08:00:00+00:00")
        assert not store.claim_schedule(SODTTG, due[0]["next_run"], "2025-03-11T09:00:00+00:00")  # taken
        assert store.mark_schedule_run(SODTTG, 7, "2025-03-11T08:00:00+00:00", ran_at="2025-03-11T02:00:05+00:00")

        replaced = store.set_schedule(SODTTG, at_time="06:30", now=now)  # the rule changes, the history stays
        assert replaced["every_hours"] is None and replaced["at_time"] == "06:30"
        assert replaced["next_run"] == "2025-03-10T23:30:00+00:00" and replaced["last_job"] == 7
        assert replaced["created"] == made["created"]

        assert store.enable_schedule(SODTTG, False, now=now)
        assert store.get_schedule(SODTTG)["next_run"] is None and store.due_schedules(now + timedelta(days=9)) == []
        assert store.enable_schedule(SODTTG, True, now=now + timedelta(days=1))
        assert store.get_schedule(SODTTG)["next_run"] == "2025-03-11T23:30:00+00:00"
        assert not store.enable_schedule(LANGSON, True)
        assert store.remove_schedule(SODTTG) and not store.remove_schedule(SODTTG) and store.schedules() == []


def test_an_archive_of_the_previous_version_gains_the_schedules_table(tmp_path):
    path = tmp_path / "archive.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:-1]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        store.set_schedule(SODTTG, every_hours=1)
        assert [s["site"] for s in store.schedules()] == [SODTTG]


# --- the command line and the admin page --------------------------------------------------

def test_the_command_line_and_the_admin_page_show_and_change_the_same_schedules(data, apps):
    made = run_cli("schedule", "set", SODTTG, "--every", "6h", data=data)
    assert made.returncode == 0 and f"{SODTTG}: every 6h; next run" in made.stdout, made.stderr
    for args, message in ((("set", "no.such.site", "--at", "06:00"), "no site profile no.such.site"),
                          (("set", LANGSON, "--every", "5m"), "between 0.25 and 720 hours"),
                          (("set", LANGSON, "--at", "24:00"), "HH:MM from 00:00 to 23:59"),
                          (("set", LANGSON, "--every", "often"), "30m, 6h or 2d"),
                          (("remove", LANGSON), f"{LANGSON} has no schedule")):
        refused = run_cli("schedule", *args, data=data)
        assert refused.returncode == 1 and message in refused.stderr and "Traceback" not in refused.stderr, args
    assert run_cli("schedule", "set", LANGSON, data=data).returncode == 2  # --every or --at is required

    client = signed_in(make_app(apps, data))
    assert 'href="/admin/schedules"' in client.get("/admin").get_data(as_text=True)
    page = client.get("/admin/schedules?lang=en").get_data(as_text=True)
    row = row_of(page, SODTTG)
    assert "every 6 hours" in row and "<time datetime=" in row and 'value="6"' in row
    assert "no schedule" in row_of(page, LANGSON)

    assert client.post(f"/admin/schedules/{LANGSON}", data={"kind": "at", "at": "07:15"}).status_code == 400  # no CSRF
    assert post(client, f"/admin/schedules/{LANGSON}", kind="at", at="07:15").status_code == 303
    listing = run_cli("schedule", "list", data=data)
    assert listing.returncode == 0
    assert re.search(rf"{re.escape(LANGSON)} +daily at 07:15 \(Asia/Ho_Chi_Minh\) +next \d{{4}}-\d\d-\d\d 07:15",
                     listing.stdout), listing.stdout
    assert re.search(rf"{re.escape(SODTTG)} +every 6h", listing.stdout)

    bad = post(client, f"/admin/schedules/{LANGSON}", kind="every", every="0.1")
    assert bad.status_code == 400 and "schedules-message" in bad.get_data(as_text=True)
    assert post(client, f"/admin/schedules/{LANGSON}", kind="at", at="7h").status_code == 400
    assert post(client, f"/admin/schedules/{LANGSON}", every="2").status_code == 400  # no kind chosen
    assert post(client, "/admin/schedules/no.such.site", kind="every", every="2").status_code == 400
    assert post(client, f"/admin/schedules/{SODTTG}/enabled", enabled="0").status_code == 303
    assert re.search(rf"{re.escape(SODTTG)} +every 6h +off", run_cli("schedule", "list", data=data).stdout)
    assert "every 6 hours (off)" in row_of(client.get("/admin/schedules?lang=en").get_data(as_text=True), SODTTG)
    assert "(đang tắt)" in row_of(client.get("/admin/schedules?lang=vi").get_data(as_text=True), SODTTG)

    assert run_cli("schedule", "remove", LANGSON, data=data).returncode == 0
    assert "no schedule" in row_of(client.get("/admin/schedules?lang=en").get_data(as_text=True), LANGSON)
    assert post(client, f"/admin/schedules/{SODTTG}/remove").status_code == 303
    assert post(client, f"/admin/schedules/{SODTTG}/remove").status_code == 404
    assert "no schedules" in run_cli("schedule", "list", data=data).stdout

    trail = [(row["actor"], row["action"]) for row in audit_log(data) if "schedule" in row["action"]]
    assert trail[::-1] == [("command line", "schedule set"), ("alice", "schedule set"),
                           ("alice", "schedule disabled"), ("command line", "schedule removed"),
                           ("alice", "schedule removed")]
    stranger = make_app(apps, data).test_client()
    assert stranger.get("/admin/schedules").status_code == 302
    assert stranger.post(f"/admin/schedules/{SODTTG}", data={"kind": "every", "every": "1"}).status_code == 401


# --- the scheduler ------------------------------------------------------------------------

LOCK_HOLDER = """
import fcntl, sys, time
f = open(sys.argv[1], "a+")
fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
print("locked", flush=True)
time.sleep(120)
"""


def wait_for_exit(data, job_id, timeout=120.0) -> dict:
    """The job once its process has ended (the crawl also brought the index up to date)."""
    deadline = time.monotonic() + timeout
    with Store(data / "archive.sqlite3") as store:
        while True:
            job = store.get_job(job_id)
            if job["state"] != "running" and store.get_meta(launcher.EXIT_KEY.format(job_id)) is not None:
                return job
            assert time.monotonic() < deadline, f"job {job_id} still {job['state']}"
            time.sleep(0.3)


def test_the_scheduler_starts_a_due_crawl_once_only_while_it_holds_the_lock(sample_portal, data, apps):
    assert run_cli("schedule", "set", SODTTG, "--every", "6h", data=data).returncode == 0
    make_due(data, SODTTG)  # due since 2020: the server was down; it runs once, not once per 6 h missed
    app = make_app(apps, data, sample_portal.origins)

    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(data / scheduler.LOCK_NAME)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert scheduler.tick(app) == {} and not scheduler.holds_lock(app)  # another process schedules
        with Store(data / "archive.sqlite3") as store:
            assert store.get_schedule(SODTTG)["next_run"] == "2020-01-01T00:00:00+00:00" and store.jobs() == []
    finally:
        holder.kill()  # the holder dies: the kernel releases its lock
        holder.wait()

    began = datetime.now(UTC)
    started = scheduler.tick(app)
    assert list(started) == [SODTTG] and scheduler.holds_lock(app)
    job_id = started[SODTTG]
    assert (data / scheduler.LOCK_NAME).read_text().strip() == str(os.getpid())
    assert scheduler.tick(app) == {}  # the run is not started again
    with Store(data / "archive.sqlite3") as store:
        kept = store.get_schedule(SODTTG)
        assert kept["last_job"] == job_id and store.due_schedules() == []
        assert began - timedelta(seconds=1) <= rules.parse_iso(kept["last_run"]) <= datetime.now(UTC)
        assert rules.parse_iso(kept["next_run"]) == rules.parse_iso(kept["last_run"]) + timedelta(hours=6)
    entry = next(row for row in audit_log(data) if row["action"] == "scheduled crawl")
    assert entry["actor"] == "scheduler" and entry["detail"]["site"] == SODTTG and entry["detail"]["job"] == job_id

    job = wait_for_exit(data, job_id)
    assert job["state"] == "finished" and job["site"] == SODTTG and job["stats"]["new"] > 0, job
    assert scheduler.tick(app) == {}

    restarted = make_app(apps, data, sample_portal.origins)  # a second app (a restart, or another worker)
    assert scheduler.tick(restarted) == {} and not scheduler.holds_lock(restarted)  # the first holds the lock
    page = signed_in(restarted).get("/admin/schedules?lang=en").get_data(as_text=True)
    row = row_of(page, SODTTG)
    assert "every 6 hours" in row and f'href="/admin/jobs/{job_id}"' in row
    scheduler.stop(app)  # the first one goes away: the other takes over at its next tick
    make_due(data, SODTTG, datetime.now(UTC).replace(microsecond=0).isoformat())
    with Store(data / "archive.sqlite3") as store:  # a crawl still running is skipped (and rescheduled)
        running = store.create_job(SODTTG, pid=os.getpid())
    assert scheduler.tick(restarted) == {} and scheduler.holds_lock(restarted)
    skipped = audit_log(data)[0]
    assert skipped["action"] == "scheduled crawl skipped" and skipped["detail"]["jobs"] == str(running)
    with Store(data / "archive.sqlite3") as store:
        assert store.due_schedules() == [] and store.get_schedule(SODTTG)["last_job"] == job_id
        assert [j["id"] for j in store.jobs()] == [running, job_id]


def test_two_apps_over_one_data_directory_schedule_once(data, apps):
    first, second = make_app(apps, data), make_app(apps, data)
    assert scheduler.tick(first) == {} and scheduler.holds_lock(first)  # nothing due yet; the lock is taken
    with Store(data / "archive.sqlite3") as store:
        store.set_schedule(LANGSON, at_time="06:00")
    make_due(data, LANGSON)
    assert scheduler.tick(second) == {} and not scheduler.holds_lock(second)
    with Store(data / "archive.sqlite3") as store:
        assert [s["site"] for s in store.due_schedules()] == [LANGSON]  # untouched by the second
    assert scheduler.tick(first) == {}  # claimed, but no mirror for it in CRAWL_ORIGINS: never the real portal
    skipped = audit_log(data)[0]
    assert skipped["actor"] == "scheduler" and skipped["action"] == "scheduled crawl skipped"
    assert "no mirror" in skipped["detail"]["reason"]
    with Store(data / "archive.sqlite3") as store:
        assert store.due_schedules() == [] and store.jobs() == []
        assert rules.parse_iso(store.get_schedule(LANGSON)["next_run"]) > datetime.now(UTC)


def test_the_thread_ticks_and_the_switches(data, apps, monkeypatch):
    monkeypatch.setattr(scheduler, "TICK", 0.2)
    monkeypatch.setenv(scheduler.ENV, "1")
    app = create_app(data)
    apps.append(app)
    app.config["CRAWL_ORIGINS"] = {SODTTG: "http://127.0.0.1:9"}
    thread = scheduler.start(app)
    assert thread is not None and thread.is_alive() and scheduler.start(app) is thread  # started by create_app
    with Store(data / "archive.sqlite3") as store:
        store.set_schedule(LANGSON, every_hours=1)
    make_due(data, LANGSON)
    deadline = time.monotonic() + 10
    while not any(row["action"] == "scheduled crawl skipped" for row in audit_log(data)):
        assert time.monotonic() < deadline, "the scheduler thread did not tick"
        time.sleep(0.1)
    assert scheduler.holds_lock(app)
    scheduler.stop(app)
    assert not thread.is_alive() and not scheduler.holds_lock(app)

    monkeypatch.setenv(scheduler.ENV, "0")
    quiet = create_app(data)
    assert not scheduler.enabled(quiet) and scheduler.start(quiet) is None
    quiet.config["SCHEDULER"] = True
    assert scheduler.enabled(quiet)
    monkeypatch.delenv(scheduler.ENV)
    other = create_app(data)
    apps.append(other)
    assert scheduler.enabled(other)
    other.testing = True
    assert not scheduler.enabled(other)
