"""The admin area's portals page (loopback only): every profile with its article count and last
crawl, enable/disable, profiles added and edited in the browser (checked exactly as files are,
saved where `govnews sites` finds them), and "test this profile" on a page of the sample portal."""
import json
import re
import socket

import pytest
from conftest import ROOT, add_admin, audit_log, post_form, run_cli, setting_args, signed_in, table_row
from markupsafe import escape

from archive.store import Store
from scraper.profiles import (
    ProfileError,
    load_all_profiles,
    load_profile,
    load_profiles,
)
from scraper.settings import LOOPBACK
from webui.app import create_app

SODTTG = "sodttg.langson.gov.vn"
NEW_ID = "sotnmt.langson.gov.vn"
VALID = f"""\
id = "{NEW_ID}"
name = "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"
agency = "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"
province = "Lạng Sơn"
start_urls = ["https://{NEW_ID}/"]
crawl_delay = 2.0
article_patterns = ['^/tin-tuc/[^/]+\\.html$']

[selectors]
title = "h1.news-title"
"""


def expected_for(site: str) -> list[dict]:
    data = json.loads((ROOT / "data" / "sample_portal" / "expected.json").read_text(encoding="utf-8"))
    return [a for a in (data["articles"] if isinstance(data, dict) else data) if a["site"] == site]


@pytest.fixture
def data(admin_data):
    return admin_data


@pytest.fixture(scope="module")
def crawled_sodttg(sample_portal, tmp_path_factory):
    """A data directory with one crawl of the sample portal's sodttg site (the real CLI)."""
    data = tmp_path_factory.mktemp("portals")
    run_cli("crawl", SODTTG, "--origin", f"{SODTTG}={sample_portal.origins[SODTTG]}", *setting_args(LOOPBACK),
            "--no-index", data=data, check=True)
    add_admin(data)
    return data


def make_app(data, origins=None):
    app = create_app(data)
    if origins:
        app.config["CRAWL_ORIGINS"] = {s: u for s, u in origins.items() if not s.endswith(".example")}
        app.config["CRAWL_SETTINGS"] = dict(LOOPBACK)
    return app


def post(client, path, **form):
    return post_form(client, "/admin/portals", path, **form)


def row_of(page: str, site: str) -> str:
    return table_row(page, f"portal-{site}")


def actions(data) -> list[str]:
    return [row["action"] for row in audit_log(data)]


def file_error(tmp_path, site_id: str, text: str, data) -> ProfileError:
    """The error load_profile gives for the text as the file DATA_DIR/profiles/<id>.toml."""
    folder = tmp_path / "as-a-file"
    folder.mkdir(exist_ok=True)
    path = folder / f"{site_id}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    err = caught.value
    return ProfileError(str(err).replace(str(path), str(data / "profiles" / f"{site_id}.toml")), err.field)


# --- the list -----------------------------------------------------------------------------

def test_the_portals_page_lists_every_profile_with_its_articles_and_last_crawl(crawled_sodttg):
    client = signed_in(make_app(crawled_sodttg))
    response = client.get("/admin/portals?lang=en")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'href="/admin/portals"' in page  # the nav link
    articles = len(expected_for(SODTTG))
    with Store(crawled_sodttg / "archive.sqlite3") as store:
        assert store.count(site=SODTTG) == articles
        job = next(j for j in store.jobs() if j["kind"] == "crawl" and j["site"] == SODTTG)
    for site_id in load_profiles():
        row = row_of(page, site_id)
        assert f'<a href="/admin/portals/{site_id}/edit">' in row and f'/admin/portals/{site_id}/test' in row
        assert "bundled" in row and ">Disable</button>" in row and "enabled" in row
        assert f'<input type="hidden" name="site" value="{site_id}">' in row  # re-crawl
        if site_id != SODTTG:
            assert '<td class="articles">0</td>' in row and "never crawled" in row
    row = row_of(page, SODTTG)
    assert f'<td class="articles">{articles}</td>' in row
    assert f'href="/admin/jobs/{job["id"]}"' in row and "finished" in row
    assert f'data-figure="new">{articles}<' in row and 'data-figure="changed">0<' in row
    assert ('class="next-crawl"' in page) == hasattr(Store, "schedules")


def test_strangers_are_refused(data):
    client = make_app(data).test_client()
    for path in ("/admin/portals", "/admin/portals/new", f"/admin/portals/{SODTTG}/edit",
                 f"/admin/portals/{SODTTG}/test"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].startswith("/admin/sign-in")
    assert client.post(f"/admin/portals/{SODTTG}/enabled", data={"enabled": "0"}).status_code == 401
    assert client.post("/admin/portals/new", data={"toml": VALID}).status_code == 401
    assert not (data / "profiles").exists()


def test_posts_without_the_csrf_token_are_refused(data):
    client = signed_in(make_app(data))
    assert client.post(f"/admin/portals/{SODTTG}/enabled", data={"enabled": "0"}).status_code == 400
    assert client.post("/admin/portals/new", data={"toml": VALID}).status_code == 400
    assert client.post(f"/admin/portals/{SODTTG}/test", data={"url": "http://127.0.0.1:9/"}).status_code == 400
    with Store(data / "archive.sqlite3") as store:
        assert store.get_site(SODTTG) is None
    assert not (data / "profiles").exists()


# --- enable and disable -----------------------------------------------------------------------

def test_a_disabled_portal_is_not_offered_for_a_crawl_until_enabled_again(data, sample_portal):
    client = signed_in(make_app(data, sample_portal.origins))
    offered = f'name="site" value="{SODTTG}"'
    assert offered in client.get("/admin/jobs").get_data(as_text=True)

    response = post(client, f"/admin/portals/{SODTTG}/enabled", enabled="0")
    assert response.status_code == 303 and response.headers["Location"] == "/admin/portals"
    with Store(data / "archive.sqlite3") as store:
        assert store.get_site(SODTTG)["enabled"] is False
    row = row_of(client.get("/admin/portals?lang=en").get_data(as_text=True), SODTTG)
    assert "disabled" in row and ">Enable</button>" in row and offered not in row
    assert offered not in client.get("/admin/jobs").get_data(as_text=True)
    assert post(client, "/admin/jobs/crawl", site=SODTTG).status_code == 400  # the launcher refuses it too

    assert post(client, f"/admin/portals/{SODTTG}/enabled", enabled="1").status_code == 303
    with Store(data / "archive.sqlite3") as store:
        assert store.get_site(SODTTG)["enabled"] is True
    assert offered in client.get("/admin/jobs").get_data(as_text=True)
    assert actions(data)[:2] == ["portal enabled", "portal disabled"]
    assert post(client, "/admin/portals/nosuch.gov.vn/enabled", enabled="0").status_code == 404


# --- adding and editing profiles ------------------------------------------------------------

@pytest.mark.parametrize("change, field", [
    (('crawl_delay = 2.0', 'crawl_delay = "fast"'), "crawl_delay"),
    (('title = "h1.news-title"', 'title = "h1[[news"'), "selectors.title"),
    (('start_urls = [', 'start_url = ['), "start_url"),
    (('id = "', 'id = "../'), "id"),  # an id that is no file name
])
def test_a_new_profile_with_a_bad_field_shows_the_file_error_and_saves_nothing(data, tmp_path, change, field):
    client = signed_in(make_app(data))
    text = VALID.replace(*change)
    expected = file_error(tmp_path, NEW_ID, text, data) if field != "id" else None
    response = post(client, "/admin/portals/new", toml=text)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    error = re.search(r'<p class="notice error" role="alert" id="profile-error" data-field="([^"]*)">(.*?)</p>',
                      page, re.DOTALL)
    assert error, page
    assert error.group(1) == field
    if expected is not None:
        assert expected.field == field
        assert str(escape(str(expected))) in error.group(2)  # word for word what the file gives
    assert page.index('id="profile-error"') < page.index('<textarea id="profile-toml"')
    assert 'aria-describedby="profile-error"' in page
    assert str(escape(text)) in page  # the text is kept for correcting
    folder = data / "profiles"
    assert not folder.exists() or list(folder.iterdir()) == []  # nothing saved, no scratch left behind
    assert "profile saved" not in actions(data)


def test_a_bad_selector_message_names_the_field_and_its_line(data, tmp_path):
    client = signed_in(make_app(data))
    text = VALID.replace('title = "h1.news-title"', 'title = "h1[[news"')
    page = post(client, "/admin/portals/new", toml=text).get_data(as_text=True)
    line = text.splitlines().index('title = "h1[[news"') + 1
    assert "selectors.title" in page and f"line {line}" in page.replace("dòng", "line")
    expected = file_error(tmp_path, NEW_ID, text, data)
    assert "is not valid CSS" in str(expected) and str(escape(str(expected))) in page


def test_a_valid_new_profile_is_saved_in_the_data_directory_and_listed_by_govnews_sites(data):
    client = signed_in(make_app(data))
    assert "example.gov.vn" in client.get("/admin/portals/new").get_data(as_text=True)
    response = post(client, "/admin/portals/new", toml=VALID)
    assert response.status_code == 303 and response.headers["Location"] == f"/admin/portals?saved={NEW_ID}"
    saved = data / "profiles" / f"{NEW_ID}.toml"
    assert saved.read_text(encoding="utf-8") == VALID
    assert [p.name for p in (data / "profiles").iterdir()] == [saved.name]
    assert load_profile(saved).id == NEW_ID
    assert actions(data)[0] == "profile saved"

    listed = run_cli("sites", "--json", data=data, check=True)
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert rows[NEW_ID]["name"] == "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"
    assert set(load_profiles()) < set(rows)  # the bundled ones too
    elsewhere = run_cli("sites", "--json", data=data / "other", check=True)
    assert NEW_ID not in {row["id"] for row in json.loads(elsewhere.stdout)}  # only in its data directory

    page = client.get("/admin/portals?lang=en").get_data(as_text=True)
    row = row_of(page, NEW_ID)
    assert "data directory" in row and "bundled" not in row
    again = post(client, "/admin/portals/new", toml=VALID)  # the id is taken now
    assert again.status_code == 422 and 'data-field="id"' in again.get_data(as_text=True)


def test_editing_a_bundled_profile_saves_an_overriding_copy(data, tmp_path):
    client = signed_in(make_app(data))
    bundled = (ROOT / "scraper" / "profiles" / f"{SODTTG}.toml").read_text(encoding="utf-8")
    page = client.get(f"/admin/portals/{SODTTG}/edit").get_data(as_text=True)
    assert str(escape(bundled)) in page and 'id="bundled-note"' in page

    bad = bundled.replace("crawl_delay = 2.0", 'crawl_delay = "fast"')
    response = post(client, f"/admin/portals/{SODTTG}/edit", toml=bad)
    assert response.status_code == 422
    assert str(escape(str(file_error(tmp_path, SODTTG, bad, data)))) in response.get_data(as_text=True)
    assert not (data / "profiles" / f"{SODTTG}.toml").exists()

    renamed = bundled.replace('name = "Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn"', 'name = "Sở DT&TG Lạng Sơn"')
    assert renamed != bundled
    assert post(client, f"/admin/portals/{SODTTG}/edit", toml=renamed).status_code == 303
    assert load_all_profiles(data)[SODTTG].name == "Sở DT&TG Lạng Sơn"
    assert load_all_profiles()[SODTTG].name != "Sở DT&TG Lạng Sơn"  # the bundled file is untouched
    rows = {row["id"]: row for row in json.loads(run_cli("sites", "--json", data=data, check=True).stdout)}
    assert rows[SODTTG]["name"] == "Sở DT&TG Lạng Sơn"
    row = row_of(client.get("/admin/portals?lang=en").get_data(as_text=True), SODTTG)
    assert "overrides the bundled profile" in row
    assert post(client, "/admin/portals/nosuch.gov.vn/edit", toml=renamed).status_code == 404


# --- "test this profile" --------------------------------------------------------------------

def test_testing_a_profile_on_a_sample_page_shows_its_title_and_date(data, sample_portal):
    client = signed_in(make_app(data))
    article = expected_for(SODTTG)[0]
    url = sample_portal.origins[SODTTG] + article["path"]
    assert client.get(f"/admin/portals/{SODTTG}/test").status_code == 200
    response = post(client, f"/admin/portals/{SODTTG}/test", url=url)
    assert response.status_code == 200, response.get_data(as_text=True)[:3000]
    page = response.get_data(as_text=True)
    title = re.search(r'<tr data-field="title">.*?<td class="value">(.*?)</td><td class="source">(.*?)</td>', page,
                      re.DOTALL)
    assert title and title.group(1) == str(escape(article["title"]))
    assert title.group(2)  # where it came from
    published = re.search(r'<tr data-field="published">.*?<td class="value">(.*?)</td>', page, re.DOTALL)
    assert published and published.group(1) == article["published"]
    assert 'id="test-is-article">✓' in page
    body = re.search(r'<tr data-field="body">.*?<td class="value">(.*?)</td>', page, re.DOTALL).group(1)
    assert len(body) < 1000 and body.endswith("…")  # shortened


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("where, message", [
    ("/no/such/page.html", "HTTP 404"),
    ("/sitemap.xml", "not an HTML page"),
    ("closed", "could not be fetched"),
    ("ftp://127.0.0.1/x.html", "http:// or https://"),
    ("file:///etc/passwd", "http:// or https://"),
])
def test_testing_a_profile_on_a_bad_url_shows_a_message(data, sample_portal, where, message):
    client = signed_in(make_app(data))
    url = (f"http://127.0.0.1:{closed_port()}/" if where == "closed" else
           where if ":" in where else sample_portal.origins[SODTTG] + where)
    response = post(client, f"/admin/portals/{SODTTG}/test?lang=en", url=url)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="test-error"' in page and message in page and "root:" not in page
    assert post(client, "/admin/portals/nosuch.gov.vn/test", url=url).status_code == 404


def test_the_next_crawl_is_shown_when_the_archive_keeps_schedules(data, monkeypatch):
    monkeypatch.setattr(Store, "schedules", lambda self: [
        {"site": SODTTG, "kind": "crawl", "next_run": "2030-01-02T03:00:00+00:00"},
        {"site": SODTTG, "kind": "crawl", "next_run": "2030-01-01T03:00:00+00:00"},
        {"site": None, "kind": "crawl", "next_run": "2031-01-01T00:00:00+00:00"},
        {"site": SODTTG, "kind": "crawl", "next_run": "2029-01-01T00:00:00+00:00", "enabled": False},
    ], raising=False)
    page = signed_in(make_app(data)).get("/admin/portals").get_data(as_text=True)
    assert 'datetime="2030-01-01T03:00:00+00:00"' in row_of(page, SODTTG)
    assert 'datetime="2031-01-01T00:00:00+00:00"' in row_of(page, "moh.gov.vn")  # a schedule of every site
