"""The admin area's front door: accounts, sign-in and sign-out, CSRF, lockout and the audit log."""
import html
import json
import logging
import os
import re
import sqlite3
import stat
import subprocess
from datetime import timedelta

import pytest
from werkzeug.security import check_password_hash

from archive.store import Store
from conftest import ADMIN_PASSWORD, GOVNEWS, ROOT, add_admin, audit_log, csrf_of, sign_in
from webui import auth
from webui.app import create_app

PASSWORD = ADMIN_PASSWORD
OTHER = "a-different-password"


def admin_cli(*args, data, password=None) -> subprocess.CompletedProcess:
    """`govnews admin …` as a user runs it, with the password (if any) on standard input."""
    env = {k: v for k, v in os.environ.items() if k not in ("GOVNEWS_DATA", auth.SECRET_KEY_ENV)}
    return subprocess.run([GOVNEWS, "admin", *args, "--data", str(data)], input=password, capture_output=True,
                          text=True, timeout=60, env=env, cwd=ROOT)


@pytest.fixture
def delays(monkeypatch):
    """The delays failed sign-ins would sleep (they are not slept: the tests stay fast)."""
    slept = []
    monkeypatch.setattr(auth, "sleep", slept.append)
    monkeypatch.delenv(auth.SECRET_KEY_ENV, raising=False)
    auth._unknown_failures.clear()
    return slept


@pytest.fixture
def data(tmp_path, delays):
    add_admin(tmp_path)
    return tmp_path


@pytest.fixture
def app(data):
    return create_app(data)


@pytest.fixture
def client(app):
    return app.test_client()


# --- accounts --------------------------------------------------------------------------

def test_the_command_line_adds_an_admin_with_a_hashed_password(tmp_path, delays):
    result = admin_cli("add", "bob", "--password-stdin", data=tmp_path, password=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "admin bob added" in result.stdout
    assert PASSWORD not in result.stdout + result.stderr
    with Store(tmp_path / "archive.sqlite3") as store:
        stored = store.get_admin("bob")["password_hash"]
        assert stored != PASSWORD and PASSWORD not in stored and stored.startswith("scrypt:")
        assert check_password_hash(stored, PASSWORD) and not check_password_hash(stored, OTHER)
        assert store.audit_log()[0]["action"] == "admin added"
    assert stored not in result.stdout + result.stderr
    raw = (tmp_path / "archive.sqlite3").read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("*-wal"))
    assert PASSWORD.encode() not in raw

    listing = admin_cli("list", data=tmp_path)
    assert listing.returncode == 0 and "bob" in listing.stdout and "never" in listing.stdout
    assert stored not in listing.stdout
    rows = json.loads(admin_cli("list", "--json", data=tmp_path).stdout)
    assert [r["username"] for r in rows] == ["bob"] and "password_hash" not in rows[0]

    client = create_app(tmp_path).test_client()
    response = sign_in(client, "bob")
    assert response.status_code == 302 and response.headers["Location"] == "/admin"


def test_adding_an_existing_admin_sets_a_new_password(tmp_path, delays):
    assert admin_cli("add", "bob", "--password-stdin", data=tmp_path, password=PASSWORD).returncode == 0
    changed = admin_cli("add", "bob", "--password-stdin", data=tmp_path, password=OTHER + "\n")
    assert changed.returncode == 0 and "password of admin bob changed" in changed.stdout
    with Store(tmp_path / "archive.sqlite3") as store:
        assert check_password_hash(store.get_admin("bob")["password_hash"], OTHER)
        assert [a["username"] for a in store.admins()] == ["bob"]


@pytest.mark.parametrize("args, password, message", [
    (["add", "bob", "--password-stdin"], "short\n", "at least 10 characters"),
    (["add", "bob", "--password-stdin"], "\n", "at least 10 characters"),
    (["add", "bob"], PASSWORD, "not a terminal"),
    (["add", "<script>", "--password-stdin"], PASSWORD, "a username has only"),
])
def test_the_command_line_refuses_bad_passwords_and_names(tmp_path, args, password, message):
    result = admin_cli(*args, data=tmp_path, password=password)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    with Store(tmp_path / "archive.sqlite3") as store:
        assert store.admins() == []


def test_the_password_is_asked_twice_on_a_terminal(tmp_path):
    pty = pytest.importorskip("pty")
    import select

    def run(first: str, second: str) -> tuple[int, str]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: a real terminal, as when a person types the command
            try:
                os.execv(GOVNEWS, [GOVNEWS, "admin", "add", "carol", "--data", str(tmp_path)])
            finally:
                os._exit(127)
        output, answers = b"", [first, second]
        while True:
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if answers and output.count(b": ") > 2 - len(answers):
                os.write(fd, (answers.pop(0) + "\n").encode())
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), output.decode(errors="replace")

    code, output = run(PASSWORD, OTHER)
    assert code == 1 and "differ" in output and PASSWORD not in output
    code, output = run(PASSWORD, PASSWORD)
    assert code == 0 and "admin carol added" in output and PASSWORD not in output
    with Store(tmp_path / "archive.sqlite3") as store:
        assert check_password_hash(store.get_admin("carol")["password_hash"], PASSWORD)


def test_store_accounts(tmp_path):
    with Store(tmp_path / "archive.sqlite3") as store:
        store.add_admin("alice", "hash-1")
        with pytest.raises(ValueError, match="already"):
            store.add_admin("alice", "hash-2")
        assert store.set_password("alice", "hash-3") and not store.set_password("nobody", "x")
        assert store.get_admin("alice")["password_hash"] == "hash-3" and store.get_admin("nobody") is None
        assert [store.record_failed_sign_in("alice", 3, "2099-01-01T00:00:00+00:00") for _ in range(4)] == [1, 2, 3, 4]
        assert store.get_admin("alice")["locked_until"] == "2099-01-01T00:00:00+00:00"
        assert store.record_failed_sign_in("nobody", 3, "2099-01-01") is None
        store.reset_failures("alice")
        admin = store.get_admin("alice")
        assert (admin["failed_count"], admin["locked_until"]) == (0, None) and admin["last_sign_in"]
        assert store.admins() == [{k: v for k, v in admin.items() if k != "password_hash"}]


def test_store_audit_log_is_newest_first_and_pages(tmp_path):
    with Store(tmp_path / "archive.sqlite3") as store:
        for n in range(5):
            store.audit("alice", "sign-in", {"n": n, "note": "Lạng Sơn"}, "127.0.0.1")
        store.audit(None, "sign-out")
        log = store.audit_log(limit=3)
        assert [e["action"] for e in log] == ["sign-out", "sign-in", "sign-in"]
        assert log[0]["detail"] is None and log[0]["actor"] is None
        assert log[1]["detail"] == {"n": 4, "note": "Lạng Sơn"} and log[1]["address"] == "127.0.0.1"
        assert [e["detail"]["n"] for e in store.audit_log(limit=3, offset=3)] == [2, 1, 0]


# --- signing in and out ------------------------------------------------------------------

def test_sign_in_opens_a_session_with_safe_cookie_flags(client, data):
    response = sign_in(client)
    assert response.status_code == 302 and response.headers["Location"] == "/admin"
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax" and not cookie.secure  # plain HTTP here
    set_cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie and "Expires=" in set_cookie
    page = client.get("/admin")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "alice" in text and 'href="/admin/audit"' in text
    event = audit_log(data)[0]
    assert (event["actor"], event["action"], event["address"]) == ("alice", "sign-in", "127.0.0.1")
    with Store(data / "archive.sqlite3") as store:
        assert store.get_admin("alice")["last_sign_in"]


def test_the_session_cookie_is_secure_over_https(client):
    response = sign_in(client, base_url="https://govnews.example")
    assert response.status_code == 302
    assert "Secure" in response.headers["Set-Cookie"]
    assert client.get_cookie("session", domain="govnews.example").secure


def test_sign_in_rotates_the_session(client):
    before = csrf_of(client.get("/admin/sign-in").get_data(as_text=True))
    old_cookie = client.get_cookie("session").value
    sign_in(client)
    assert client.get_cookie("session").value != old_cookie
    after = csrf_of(client.get("/admin").get_data(as_text=True))
    assert after != before
    stale = client.post("/admin/sign-out", data={"csrf_token": before})
    assert stale.status_code == 400


def test_a_wrong_password_shows_the_form_again_and_is_audited(client, data, delays, caplog):
    caplog.set_level(logging.DEBUG)
    response = sign_in(client, password=OTHER)
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert 'name="password"' in page and 'role="alert"' in page and 'value="alice"' in page
    assert OTHER not in page
    assert client.get("/admin").status_code == 302  # still a stranger
    event = audit_log(data)[0]
    assert (event["actor"], event["action"]) == ("alice", "failed sign-in")
    assert event["detail"]["result"] == "failed" and event["address"] == "127.0.0.1"
    assert delays == [auth.FIRST_DELAY]
    assert OTHER not in caplog.text and PASSWORD not in caplog.text
    assert OTHER not in json.dumps(audit_log(data), ensure_ascii=False)


def test_an_unknown_user_is_answered_like_a_wrong_password(client, data, delays, monkeypatch):
    checked = []
    original = auth.check_password_hash
    monkeypatch.setattr(auth, "check_password_hash", lambda h, p: checked.append(h) or original(h, p))
    known = sign_in(client, "alice", OTHER)
    unknown = sign_in(client, "mallory", OTHER)
    assert known.status_code == unknown.status_code == 401
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True).replace("mallory", "alice")
    assert len(checked) == 2 and all(h.startswith("scrypt:") for h in checked)  # a hash was compared both times
    assert delays == [auth.FIRST_DELAY, auth.FIRST_DELAY]
    event = audit_log(data)[0]
    assert (event["actor"], event["action"], event["detail"]["result"]) == ("mallory", "failed sign-in", "failed")
    for _ in range(5):
        sign_in(client, "mallory", OTHER)
    assert delays[-1] == auth.MAX_DELAY  # unknown names are slowed down like real ones


def test_failures_are_slowed_then_locked_until_the_lock_expires(client, data, delays, monkeypatch):
    start = auth.now()
    monkeypatch.setattr(auth, "now", lambda: start)
    for _ in range(auth.MAX_FAILURES):
        assert sign_in(client, password=OTHER).status_code == 401
    assert delays == [0.25, 0.5, 1.0, 2.0, 2.0]  # growing, capped
    assert [e["action"] for e in audit_log(data)[:2]] == ["lockout", "failed sign-in"]

    refused = sign_in(client)  # the right password, but the account is locked
    assert refused.status_code == 401 and client.get("/admin").status_code == 302
    assert audit_log(data)[0]["detail"]["reason"] == "locked"
    monkeypatch.setattr(auth, "now", lambda: start + timedelta(seconds=auth.LOCK_SECONDS - 1))
    assert sign_in(client).status_code == 401

    monkeypatch.setattr(auth, "now", lambda: start + timedelta(seconds=auth.LOCK_SECONDS + 1))
    assert sign_in(client).status_code == 302
    assert client.get("/admin").status_code == 200
    with Store(data / "archive.sqlite3") as store:
        admin = store.get_admin("alice")
    assert (admin["failed_count"], admin["locked_until"]) == (0, None)


def test_setting_a_new_password_lifts_a_lock(client, data, delays):
    for _ in range(auth.MAX_FAILURES):
        sign_in(client, password=OTHER)
    assert sign_in(client).status_code == 401
    assert admin_cli("add", "alice", "--password-stdin", data=data, password=OTHER).returncode == 0
    assert sign_in(client, password=OTHER).status_code == 302


def test_sign_out_clears_the_session(client, data):
    sign_in(client)
    token = csrf_of(client.get("/admin").get_data(as_text=True))
    response = client.post("/admin/sign-out", data={"csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"].startswith("/admin/sign-in")
    assert client.get_cookie("session") is None
    assert client.get("/admin").status_code == 302
    assert audit_log(data)[0]["action"] == "sign-out" and audit_log(data)[0]["actor"] == "alice"


def test_a_changed_password_ends_existing_sessions(client, data):
    sign_in(client)
    assert client.get("/admin").status_code == 200
    with Store(data / "archive.sqlite3") as store:
        store.set_password("alice", auth.hash_password(OTHER))
    assert client.get("/admin").status_code == 302


def test_a_session_ends_after_its_lifetime_even_when_used(client, monkeypatch):
    start = auth.now()
    monkeypatch.setattr(auth, "now", lambda: start)
    sign_in(client)
    monkeypatch.setattr(auth, "now", lambda: start + auth.SESSION_LIFETIME - timedelta(minutes=1))
    assert client.get("/admin").status_code == 200
    monkeypatch.setattr(auth, "now", lambda: start + auth.SESSION_LIFETIME + timedelta(minutes=1))
    assert client.get("/admin").status_code == 302


# --- strangers, CSRF and redirects ------------------------------------------------------

@pytest.mark.parametrize("path", ["/admin", "/admin/", "/admin/audit", "/admin/audit?page=2", "/admin/nosuchpage"])
def test_strangers_are_sent_to_the_sign_in_page(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/sign-in?next=")


def test_after_signing_in_the_stranger_lands_where_they_were_going(client):
    location = client.get("/admin/audit?page=1").headers["Location"]
    page = client.get(location).get_data(as_text=True)
    assert 'name="next" value="/admin/audit?page=1"' in page
    response = sign_in(client, next_="/admin/audit?page=1")
    assert response.headers["Location"] == "/admin/audit?page=1"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin", "/\\evil.example",
                                    "/search", "javascript:alert(1)", "http://localhost/admin", "/administrator"])
def test_next_is_only_followed_to_local_admin_pages(client, target):
    response = sign_in(client, next_=target)
    assert response.status_code == 302 and response.headers["Location"] == "/admin"
    page = client.get(f"/admin/sign-in?next={target}").get_data(as_text=True)  # signed in: redirected
    assert not page or "evil" not in page


def test_strangers_get_401_for_posts_and_json(client):
    assert client.post("/admin/sign-out").status_code == 401
    assert client.post("/admin/sign-out", data={"csrf_token": "x"}).status_code == 401
    response = client.get("/admin/audit", headers={"Accept": "application/json"})
    assert response.status_code == 401 and response.get_json()["status"] == 401


def test_a_post_without_or_with_a_wrong_csrf_token_is_refused(client, data):
    client.get("/admin/sign-in")
    missing = client.post("/admin/sign-in", data={"username": "alice", "password": PASSWORD})
    wrong = client.post("/admin/sign-in", data={"username": "alice", "password": PASSWORD, "csrf_token": "nope"})
    assert missing.status_code == wrong.status_code == 400
    assert client.get("/admin").status_code == 302  # neither signed in
    fresh = create_app(data).test_client()  # no session at all, so no token to match
    assert fresh.post("/admin/sign-in", data={"username": "alice", "password": PASSWORD, "csrf_token": ""}).status_code == 400

    sign_in(client)
    assert client.post("/admin/sign-out").status_code == 400
    assert client.post("/admin/sign-out", data={"csrf_token": "nope"}).status_code == 400
    assert client.post("/admin/sign-out", data={"csrf_token": "ắ"}).status_code == 400  # not ASCII either
    assert client.get("/admin").status_code == 200  # still signed in
    token = csrf_of(client.get("/admin").get_data(as_text=True))
    assert client.post("/admin/sign-out", headers={"X-CSRF-Token": token}).status_code == 302


def test_admin_pages_are_in_the_chosen_language(client):
    assert "Đăng nhập" in client.get("/admin/sign-in").get_data(as_text=True)
    assert "Sign in" in client.get("/admin/sign-in?lang=en").get_data(as_text=True)
    sign_in(client)
    assert "Audit log" in client.get("/admin/audit").get_data(as_text=True)


# --- the audit page ------------------------------------------------------------------------

def test_the_audit_page_lists_events_newest_first_and_escapes_them(client, data):
    sign_in(client, "<script>alert(1)</script>", OTHER)
    with Store(data / "archive.sqlite3") as store:
        store.audit("alice", "re-crawl", {"site": "<b>langson</b>"}, "127.0.0.1")
    sign_in(client)
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "<script>alert" not in page and "<b>langson" not in page
    assert html.escape("<script>alert(1)</script>") in page and "&lt;b&gt;langson&lt;/b&gt;" in page
    rows = re.findall(r'<tr class="action-([\w-]+)">', page)
    assert rows == ["sign-in", "re-crawl", "failed-sign-in"]
    landing = client.get("/admin").get_data(as_text=True)
    assert "<script>alert" not in landing


def test_the_audit_page_pages(client, data, monkeypatch):
    monkeypatch.setattr("webui.admin_views.AUDIT_PER_PAGE", 3)
    with Store(data / "archive.sqlite3") as store:
        for n in range(7):
            store.audit("alice", "test", {"n": n})
    sign_in(client)  # the 8th event
    first = client.get("/admin/audit").get_data(as_text=True)
    assert 'href="/admin/audit?page=2"' in first and "n: 6" in first and "n: 5" in first and "n: 4" not in first
    third = client.get("/admin/audit?page=3").get_data(as_text=True)
    assert "n: 1" in third and "n: 0" in third and "n: 2" not in third and 'href="/admin/audit?page=2"' in third and "page=4" not in third
    assert client.get("/admin/audit?page=junk").status_code == 200


# --- the session key ---------------------------------------------------------------------

def test_the_secret_key_is_kept_private_and_reused(tmp_path, monkeypatch):
    monkeypatch.delenv(auth.SECRET_KEY_ENV, raising=False)
    first = create_app(tmp_path)
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert first.secret_key == key_file.read_text().strip() and len(first.secret_key) == 64
    assert create_app(tmp_path).secret_key == first.secret_key
    monkeypatch.setenv(auth.SECRET_KEY_ENV, "from-the-environment")
    assert create_app(tmp_path).secret_key == "from-the-environment"


def test_a_session_survives_a_restart(data):
    client = create_app(data).test_client()
    sign_in(client)
    restarted = create_app(data).test_client()
    restarted.set_cookie("session", client.get_cookie("session").value)
    assert restarted.get("/admin").status_code == 200


def test_the_public_site_sets_no_session_cookie(client):
    assert "Set-Cookie" not in client.get("/search?q=x").headers
    assert "Set-Cookie" not in client.get("/healthz").headers


def test_an_old_archive_gains_the_admin_tables(tmp_path):
    from archive.store import MIGRATIONS
    path = tmp_path / "archive.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    before_admins = 4  # the archive schema before the admin tables
    for step in MIGRATIONS[:before_admins]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {before_admins}")
    conn.close()
    with Store(path) as store:
        store.add_admin("alice", "hash")
        store.audit("alice", "sign-in")
        assert store.admins()[0]["username"] == "alice" and store.audit_log()[0]["action"] == "sign-in"
