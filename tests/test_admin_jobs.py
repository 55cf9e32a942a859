"""Admin jobs: re-crawls, re-index and re-extract started from the admin area as real processes
(loopback only), live progress, cancel, orphans after a web server restart or a killed crawl,
and one run in real Chromium."""
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from archive.store import Store
from conftest import ADMIN_PASSWORD, GOVNEWS, ROOT, audit_log, csrf_of, post_form, run_cli, setting_args, signed_in
from scraper.settings import LOOPBACK
from webui import auth
from webui import jobs as launcher
from webui.app import create_app

SODTTG = "sodttg.langson.gov.vn"
SODTTG_ARTICLES = 18
SLOW = {**LOOPBACK, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "CONCURRENT_REQUESTS": 1}
JSON = {"Accept": "application/json"}


@pytest.fixture
def data(admin_data):
    return admin_data


def make_app(data, origins, **settings):
    app = create_app(data)
    app.config["CRAWL_ORIGINS"] = {site: url for site, url in origins.items() if not site.endswith(".example")}
    app.config["CRAWL_SETTINGS"] = {**SLOW, **settings}
    return app


def token(client) -> str:
    return csrf_of(client.get("/admin/jobs").get_data(as_text=True))


def post(client, path, **form):
    return post_form(client, "/admin/jobs", path, **form)


def job_of(response) -> int:
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return int(re.fullmatch(r"/admin/jobs/(\d+)", response.headers["Location"]).group(1))


def state_of(client, job_id) -> dict:
    response = client.get(f"/admin/jobs/{job_id}.json", headers=JSON)
    assert response.status_code == 200
    return response.get_json()


def wait_until(client, job_id, done, timeout=120.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        shown = state_of(client, job_id)
        if done(shown):
            return shown
        assert time.monotonic() < deadline, f"job {job_id} still {shown['state']}: {shown}"
        time.sleep(0.5)


def ended(client, job_id, timeout=120.0) -> dict:
    return wait_until(client, job_id, lambda shown: not shown["running"], timeout)


def actions(data) -> list[str]:
    return [row["action"] for row in audit_log(data)]


# --- re-crawl, re-extract, re-index -------------------------------------------------------

def test_a_recrawl_runs_in_the_background_and_updates_the_index(sample_portal, data):
    app = make_app(data, sample_portal.origins, DOWNLOAD_DELAY=0.15)
    client = signed_in(app)
    page = client.get("/admin/jobs").get_data(as_text=True)
    assert f'name="site" value="{SODTTG}"' in page and 'value="baochinhphu.vn"' not in page  # mirrors only

    began = time.monotonic()
    job_id = job_of(post(client, "/admin/jobs/crawl", site=SODTTG))
    assert time.monotonic() - began < launcher.START_TIMEOUT
    again = post(client, "/admin/jobs/crawl", site=SODTTG)
    assert again.status_code == 409 and "jobs-message" in again.get_data(as_text=True)
    as_json = client.post("/admin/jobs/crawl", data={"site": SODTTG},
                          headers={**JSON, auth.CSRF_HEADER: token(client)})
    assert as_json.status_code == 409 and as_json.get_json()["jobs"] == [job_id]

    running = client.get(f"/admin/jobs/{job_id}")
    assert running.status_code == 200
    text = running.get_data(as_text=True)
    assert 'id="job-state"' in text and 'http-equiv="refresh"' in text and "admin.js" in text
    assert "<script>" not in text  # no inline script (CSP: 'self' only)

    shown = ended(client, job_id)
    assert shown["state"] == "finished", shown
    assert shown["figures"]["new"] == SODTTG_ARTICLES and shown["figures"]["pages"] > SODTTG_ARTICLES
    assert shown["figures"]["rate"] and shown["log"] and shown["site"] == SODTTG
    found = client.get(f"/api/search?site={SODTTG}").get_json()
    assert found["total"] == SODTTG_ARTICLES  # the crawl brought the index up to date
    listing = client.get("/admin/jobs").get_data(as_text=True)
    assert f'href="/admin/jobs/{job_id}"' in listing and f"<td>{SODTTG_ARTICLES}</td>" in listing
    assert 'http-equiv="refresh"' not in client.get(f"/admin/jobs/{job_id}").get_data(as_text=True)

    reextract = job_of(post(client, "/admin/jobs/reextract", site=SODTTG))
    shown = ended(client, reextract)
    assert shown["state"] == "finished" and shown["kind"] == "reextract", shown
    assert shown["figures"]["articles"] == SODTTG_ARTICLES and shown["figures"]["unchanged"] == SODTTG_ARTICLES

    reindex = job_of(post(client, "/admin/jobs/index"))
    shown = ended(client, reindex)
    assert shown["state"] == "finished" and shown["kind"] == "index", shown
    assert shown["figures"]["total"] == SODTTG_ARTICLES and "in the index" in shown["log"]
    assert actions(data)[:3] == ["re-index", "re-extract", "re-crawl"]


def test_an_admin_cancels_a_crawl_and_the_archive_stays_whole(sample_portal, data):
    app = make_app(data, sample_portal.origins, DOWNLOAD_DELAY=1)
    client = signed_in(app)
    job_id = job_of(post(client, "/admin/jobs/crawl", site=SODTTG))
    wait_until(client, job_id, lambda shown: (shown["figures"]["pages"] or 0) >= 3, timeout=60)

    assert client.post(f"/admin/jobs/{job_id}/cancel").status_code == 400  # no CSRF token
    began = time.monotonic()
    response = post(client, f"/admin/jobs/{job_id}/cancel")
    assert response.status_code == 303 and response.headers["Location"] == f"/admin/jobs/{job_id}"
    assert time.monotonic() - began < 5  # the request does not wait for the crawl to stop
    page = client.get(f"/admin/jobs/{job_id}").get_data(as_text=True)
    assert "alice" in page and 'id="job-cancel-request" class="notice">' in page

    shown = ended(client, job_id, timeout=launcher.CANCEL_GRACE + 15)
    assert time.monotonic() - began < launcher.CANCEL_GRACE + 15
    assert shown["state"] == "cancelled" and shown["cancel"]["by"] == "alice", shown
    assert shown["stats"]["finish_reason"] == "shutdown"  # stopped cleanly by SIGINT, not killed
    assert shown["figures"]["new"] < SODTTG_ARTICLES
    assert post(client, f"/admin/jobs/{job_id}/cancel").status_code == 409
    assert "cancel" in actions(data)

    with Store(data / "archive.sqlite3") as store:  # every record stored is whole
        records = list(store.iter_records())
        assert store.count() == len(records) == len({r["id"] for r in records}) == shown["figures"]["new"]
        assert all(r["title"] and r["body"] and r["url"] and r["site"] == SODTTG for r in records)
    index = run_cli("index", data=data)
    assert index.returncode == 0 and "Traceback" not in index.stderr, index.stderr


def test_recrawl_all_runs_one_process_for_every_site_and_cancels_together(sample_portal, data):
    app = make_app(data, sample_portal.origins, DOWNLOAD_DELAY=1)
    client = signed_in(app)
    response = post(client, "/admin/jobs/crawl", all="1")
    assert response.status_code == 303 and response.headers["Location"] == "/admin/jobs"
    with Store(data / "archive.sqlite3") as store:
        jobs = store.jobs()
    sites = sorted(site for site in app.config["CRAWL_ORIGINS"])
    assert sorted(j["site"] for j in jobs) == sites and len({j["pid"] for j in jobs}) == 1
    assert all(j["state"] == "running" for j in jobs)
    assert post(client, "/admin/jobs/crawl", all="1").status_code == 409
    assert post(client, "/admin/jobs/crawl", site=sites[0]).status_code == 409

    assert post(client, f"/admin/jobs/{jobs[0]['id']}/cancel").status_code == 303
    for job in jobs:
        shown = ended(client, job["id"], timeout=launcher.CANCEL_GRACE + 15)
        assert shown["state"] == "cancelled", shown


def test_a_crawl_started_elsewhere_between_check_and_start_is_refused_as_running(sample_portal, data, monkeypatch):
    """The launcher's quick check passes, then a crawl of the site starts elsewhere before the launched
    process makes its row: the archive refuses the second crawl and the admin gets 409, not a failure."""
    app = make_app(data, sample_portal.origins)
    client = signed_in(app)
    real_spawn, elsewhere = launcher._spawn, []

    def spawn_after_a_rival(data_dir, args, output=None):
        with Store(data / "archive.sqlite3") as store:
            elsewhere.append(store.create_job(SODTTG, pid=os.getpid()))
        return real_spawn(data_dir, args, output)

    monkeypatch.setattr(launcher, "_spawn", spawn_after_a_rival)
    response = client.post("/admin/jobs/crawl", data={"site": SODTTG},
                           headers={**JSON, auth.CSRF_HEADER: token(client)})
    assert response.status_code == 409, response.get_data(as_text=True)[:2000]
    assert response.get_json()["jobs"] == elsewhere
    with Store(data / "archive.sqlite3") as store:
        assert [job["id"] for job in store.jobs() if job["kind"] == "crawl"] == elsewhere
        store.finish_job(elsewhere[0], "finished")


# --- restarts, killed crawls and crawls of the command line ---------------------------------

def test_a_restarted_web_server_keeps_following_a_crawl_until_it_is_killed(sample_portal, data):
    first = signed_in(make_app(data, sample_portal.origins, DOWNLOAD_DELAY=1))
    job_id = job_of(post(first, "/admin/jobs/crawl", site=SODTTG))
    with Store(data / "archive.sqlite3") as store:
        pid = store.get_job(job_id)["pid"]
    assert pid != os.getpid()

    second = signed_in(make_app(data, sample_portal.origins))  # a new app over the same data
    assert state_of(second, job_id)["state"] == "running"
    assert post(second, "/admin/jobs/crawl", site=SODTTG).status_code == 409  # one crawl per site
    time.sleep(2.5)
    assert state_of(second, job_id)["state"] == "running"
    os.killpg(pid, signal.SIGKILL)
    shown = wait_until(second, job_id, lambda shown: not shown["running"], timeout=20)
    assert shown["state"] == "interrupted" and shown["error"], shown


def test_crawls_of_the_command_line_show_and_are_marked_interrupted_once_their_process_is_gone(
        sample_portal, data):
    failed = run_cli("crawl", SODTTG, "--origin", f"{SODTTG}=http://127.0.0.1:9", *setting_args(LOOPBACK),
                     "--no-index", data=data)
    assert failed.returncode == 1
    client = signed_in(make_app(data, sample_portal.origins))
    page = client.get("/admin/jobs").get_data(as_text=True)
    first = re.search(r'<tr id="job-(\d+)" class="state-failed">', page)
    assert first and SODTTG in page

    crawl = subprocess.Popen([GOVNEWS, "crawl", SODTTG, "--origin", f"{SODTTG}={sample_portal.origins[SODTTG]}",
                              *setting_args({**SLOW, "DOWNLOAD_DELAY": 1}), "--no-index", "--data", str(data)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not re.search(r'<tr id="job-(\d+)" class="state-running">', page):
            assert time.monotonic() < deadline
            time.sleep(0.3)
            page = client.get("/admin/jobs").get_data(as_text=True)
        job_id = int(re.search(r'<tr id="job-(\d+)" class="state-running">', page).group(1))
        assert state_of(client, job_id)["running"]
    finally:
        crawl.kill()
        crawl.wait()
    assert state_of(client, job_id)["state"] == "interrupted"  # seen by the next page view


def test_the_app_marks_orphaned_jobs_when_it_starts(data):
    with Store(data / "archive.sqlite3") as store:
        orphan = store.create_job(SODTTG, pid=2 ** 22 + 12345)  # no such process
    create_app(data)
    with Store(data / "archive.sqlite3") as store:
        assert store.get_job(orphan)["state"] == "interrupted"


# --- refusals -------------------------------------------------------------------------------

def test_strangers_and_forms_without_the_token_are_refused(sample_portal, data):
    app = make_app(data, sample_portal.origins)
    stranger = app.test_client()
    assert stranger.get("/admin/jobs").status_code == 302
    assert "/admin/sign-in" in stranger.get("/admin/jobs/1").headers["Location"]
    assert stranger.get("/admin/jobs/1.json", headers=JSON).status_code == 401
    for path in ("/admin/jobs/crawl", "/admin/jobs/index", "/admin/jobs/reextract", "/admin/jobs/1/cancel"):
        assert stranger.post(path, data={"site": SODTTG}).status_code == 401

    client = signed_in(app)
    for path in ("/admin/jobs/crawl", "/admin/jobs/index", "/admin/jobs/reextract", "/admin/jobs/1/cancel"):
        assert client.post(path, data={"site": SODTTG}).status_code == 400
        assert client.post(path, data={"site": SODTTG, "csrf_token": "wrong"}).status_code == 400
    with Store(data / "archive.sqlite3") as store:
        assert store.jobs() == []

    assert post(client, "/admin/jobs/crawl", site="baochinhphu.vn").status_code == 400  # no mirror for it
    assert post(client, "/admin/jobs/crawl", site="<script>").status_code == 400
    assert client.get("/admin/jobs/999").status_code == 404
    nothing = post(client, "/admin/jobs/reextract")  # no WARC files yet: the command says so
    assert nothing.status_code == 500 and "no WARC files" in nothing.get_data(as_text=True)


# --- in real Chromium -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def jobs_server(sample_portal, tmp_path_factory):
    from werkzeug.serving import make_server

    data = tmp_path_factory.mktemp("admin-jobs")
    with Store(data / "archive.sqlite3") as store:
        store.add_admin("alice", auth.hash_password(ADMIN_PASSWORD))
    server = make_server("127.0.0.1", 0, make_app(data, sample_portal.origins, DOWNLOAD_DELAY=0.3), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_an_admin_recrawls_a_site_and_watches_it_finish_in_the_browser(page, jobs_server, expected_articles):
    page.set_default_timeout(15_000)
    page.goto(jobs_server + "/admin/jobs")
    page.get_by_label("Tên đăng nhập").fill("alice")
    page.get_by_label("Mật khẩu").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(jobs_server + "/admin/jobs")

    page.get_by_role("button", name=f"Thu thập lại {SODTTG}").click()
    page.wait_for_url(re.compile(r"/admin/jobs/\d+$"))
    url = page.url
    state = page.locator("#job-state")
    expect(state).to_have_text("đang chạy")
    page.evaluate("window.notReloaded = true")
    expect(state).to_have_text("hoàn tất", timeout=120_000)
    assert page.url == url and page.evaluate("window.notReloaded") is True
    expect(page.locator('[data-figure="new"]')).to_have_text(str(SODTTG_ARTICLES))
    expect(page.locator("#job-cancel")).to_be_hidden()
    expect(page.locator("#job-log")).to_contain_text("Job")

    title = next(a["title"] for a in expected_articles if a["site"] == SODTTG)
    page.goto(jobs_server + "/search")
    page.get_by_label("Tìm trong kho tin").fill(f'"{title}"')
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.locator(".hit h2 a").first).to_have_text(title)


def test_a_job_page_escapes_its_log_and_works_without_javascript(data):
    log = data / "jobs" / "1.log"
    log.parent.mkdir()
    log.write_text("".join(f"line {n}\n" for n in range(80)) + "<script>alert(1)</script>\n", encoding="utf-8")
    with Store(data / "archive.sqlite3") as store:
        job_id = store.create_job(SODTTG, pid=os.getpid(), log_path=str(log))  # alive: "running"
        store.update_job(job_id, stats={"pages": 7, "new": 3, "changed": 1, "unchanged": 0, "errors": 0,
                                        "rate": 1.5})
    client = signed_in(create_app(data))
    page = client.get(f"/admin/jobs/{job_id}").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "line 31\n" in page and "line 30\n" not in page  # the last 50 lines
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert '<td data-figure="new">3</td>' in page and '<td data-figure="rate">1.5</td>' in page
    shown = client.get(f"/admin/jobs/{job_id}.json", headers=JSON).get_json()
    assert shown["log"].endswith("<script>alert(1)</script>") and shown["figures"]["pages"] == 7
    english = client.get(f"/admin/jobs/{job_id}?lang=en").get_data(as_text=True)
    assert "New articles" in english and ">running<" in english


# --- a web server process killed mid-crawl ------------------------------------------------

SERVER = """
import sys
from webui.app import create_app
app = create_app(sys.argv[1])
app.config["CRAWL_ORIGINS"] = dict(pair.split("=", 1) for pair in sys.argv[3:])
app.config["CRAWL_SETTINGS"] = {"DOWNLOAD_DELAY": 0.2, "CONCURRENT_REQUESTS": 1}
app.run(host="127.0.0.1", port=int(sys.argv[2]), threaded=True)
"""


def serve(data, port, origins):
    args = [f"{site}={url}" for site, url in origins.items() if not site.endswith(".example")]
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(data), str(port), *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            return process
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, "the web server did not start"
            time.sleep(0.2)


def browser_session(port):
    """A cookie-keeping HTTP client signed in as alice."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = f"http://127.0.0.1:{port}"
    form = opener.open(base + "/admin/sign-in").read().decode()
    body = urllib.parse.urlencode({"username": "alice", "password": ADMIN_PASSWORD, "csrf_token": csrf_of(form)})
    opener.open(base + "/admin/sign-in", body.encode()).read()
    return opener, base


def job_json(opener, base, job_id) -> dict:
    request = urllib.request.Request(f"{base}/admin/jobs/{job_id}.json", headers=JSON)
    return json.loads(opener.open(request).read())


def test_a_killed_web_server_loses_no_job_and_its_successor_follows_the_crawl(sample_portal, data):
    port = free_port()
    server = serve(data, port, sample_portal.origins)
    try:
        opener, base = browser_session(port)
        page = opener.open(base + "/admin/jobs").read().decode()
        body = urllib.parse.urlencode({"csrf_token": csrf_of(page), "site": SODTTG}).encode()
        landed = opener.open(base + "/admin/jobs/crawl", body).geturl()
        job_id = int(re.search(r"/admin/jobs/(\d+)$", landed).group(1))
    finally:
        server.kill()  # the web server dies mid-crawl: SIGKILL, no clean-up
        server.wait()
    with Store(data / "archive.sqlite3") as store:
        assert store.get_job(job_id)["state"] == "running"  # the crawl is its own process and goes on

    port = free_port()
    server = serve(data, port, sample_portal.origins)
    try:
        opener, base = browser_session(port)
        deadline = time.monotonic() + 120
        while (shown := job_json(opener, base, job_id))["running"]:
            assert time.monotonic() < deadline, shown
            time.sleep(0.5)
        assert shown["state"] == "finished", shown
        found = json.loads(opener.open(base + "/api/search?site=" + SODTTG).read())
        assert found["total"] == SODTTG_ARTICLES
    finally:
        server.kill()
        server.wait()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
