"""Shared fixtures: the sample portal served on loopback and an archive crawled from it by the real CLI."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# No web app of the tests (nor `govnews serve` they start) runs the crawl scheduler unless a test
# turns it on: tests/test_admin_schedules.py drives webui.scheduler.tick directly.
os.environ.setdefault("GOVNEWS_SCHEDULER", "0")
GOVNEWS = str(Path(sys.executable).parent / "govnews")


def run_cli(*args, data: Path | None = None, check=False, timeout=300) -> subprocess.CompletedProcess:
    """Run the installed `govnews` command as a user would."""
    command = [GOVNEWS, *map(str, args)] + (["--data", str(data)] if data else [])
    env = {k: v for k, v in os.environ.items() if k != "GOVNEWS_DATA"}
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def setting_args(settings: dict) -> list[str]:
    """`-s NAME=VALUE` arguments of `govnews crawl` for Scrapy settings."""
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


def crawl_args(origins: dict[str, str]) -> list[str]:
    from govnews.demo import crawl_arguments

    return crawl_arguments(origins)


@pytest.fixture(scope="session")
def sample_portal():
    from govnews.sample_portal import SamplePortal

    with SamplePortal() as portal:
        yield portal


@pytest.fixture(scope="session")
def expected_articles() -> list[dict]:
    data = json.loads((ROOT / "data" / "sample_portal" / "expected.json").read_text(encoding="utf-8"))
    return data["articles"] if isinstance(data, dict) else data


@pytest.fixture(scope="session")
def crawled(sample_portal, tmp_path_factory):
    """A data directory holding the whole sample portal, crawled and indexed once per test session."""
    data = tmp_path_factory.mktemp("crawled")
    sample_portal.hits.clear()
    result = run_cli(*crawl_args(sample_portal.origins), data=data, check=True)
    return {"data": data, "output": result.stdout, "hits": list(sample_portal.hits)}


# --- real Chromium for the browser tests (Playwright drives the system's browser) ---------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def live_server(crawled):
    """The web interface over the crawled sample archive, served on loopback in a thread."""
    import threading

    from werkzeug.serving import make_server

    from webui.app import create_app

    server = make_server("127.0.0.1", 0, create_app(crawled["data"]), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN"}


@pytest.fixture(scope="module")
def app(crawled):
    """The web interface over the crawled sample archive (Flask's test client: `client`)."""
    from webui.app import create_app

    return create_app(crawled["data"])


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


# --- the admin area ---------------------------------------------------------------------

ADMIN_PASSWORD = "đúng-mật-khẩu-2025"  # non-ASCII on purpose


def add_admin(data_dir: Path, username: str = "alice") -> None:
    from archive.store import Store
    from webui import auth

    with Store(Path(data_dir) / "archive.sqlite3") as store:
        store.add_admin(username, auth.hash_password(ADMIN_PASSWORD))


@pytest.fixture
def admin_data(tmp_path, monkeypatch):
    """An empty data directory whose archive has the admin "alice"."""
    from webui import auth

    monkeypatch.delenv(auth.SECRET_KEY_ENV, raising=False)
    add_admin(tmp_path)
    return tmp_path


def csrf_of(page: str) -> str:
    import re

    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_in(client, username="alice", password=ADMIN_PASSWORD, next_=None, **kwargs):
    token = csrf_of(client.get("/admin/sign-in", **kwargs).get_data(as_text=True))
    form = {"csrf_token": token, "username": username, "password": password}
    if next_ is not None:
        form["next"] = next_
    return client.post("/admin/sign-in", data=form, **kwargs)


def post_form(client, page: str, path: str, **form):
    """POST the form to path with the CSRF token that the admin page `page` carries."""
    token = csrf_of(client.get(page).get_data(as_text=True))
    return client.post(path, data={"csrf_token": token, **form})


def table_row(page: str, row_id: str) -> str:
    """The table row <tr id="row_id"> of an HTML page."""
    import re

    found = re.search(rf'<tr id="{re.escape(row_id)}".*?</tr>', page, re.DOTALL)
    assert found, f"no row {row_id}"
    return found.group(0)


def audit_log(data_dir: Path) -> list[dict]:
    """The admin audit log of a data directory, newest first."""
    from archive.store import Store

    with Store(Path(data_dir) / "archive.sqlite3") as store:
        return store.audit_log(1000)


def signed_in(app):
    """A test client of app, signed in as alice."""
    client = app.test_client()
    assert sign_in(client).status_code == 302
    return client
