"""The admin area's portals page: every site profile with its article count, its last crawl and
its next scheduled crawl; enable or disable a portal; add or edit a profile in the browser; and
"test this profile" on one URL.

Profiles typed in the browser are checked exactly as files are: the text is written to a file
named <id>.toml (in a scratch folder inside DATA_DIR/profiles) and read with
scraper.profiles.load_profile; a ProfileError is shown next to the field it names, with the path
of the file it would have been (DATA_DIR/profiles/<id>.toml). A profile that passes is moved into
place atomically (os.replace), where `govnews sites|crawl|extract --data DIR` and the launcher
(scraper.profiles.load_all_profiles) find it: a data-directory profile overrides the bundled one
of the same id. Nothing is written for a profile that fails.

Every route is under /admin, so webui.auth.guard refuses strangers and POSTs without the CSRF token.
"""
import http.client
import os
import re
import shutil
import tempfile
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from flask import redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest, NotFound

from archive.record import InvalidRecord, build_record
from scraper.extraction import extract_html
from scraper.htmltext import looks_like_html
from scraper.profiles import (
    PROFILE_DIR,
    Profile,
    ProfileError,
    data_profile_dir,
    is_bundled,
    load_all_profiles,
    load_profile,
    load_profiles,
)
from scraper.settings import USER_AGENT
from webui import auth, i18n
from webui.admin_jobs import crawlable_sites
from webui.admin_views import bp
from webui.common import data_dir, store

RECENT_JOBS = 1000  # jobs looked at for each site's last crawl
FIGURES = ("new", "changed", "unchanged", "errors")
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]{0,199}")  # a site id is also a file name
MAX_TOML = 100_000  # characters of profile text accepted from the browser
FETCH_TIMEOUT = 15  # seconds
FETCH_MAXSIZE = 10 * 1024 * 1024  # bytes, as the crawler's DOWNLOAD_MAXSIZE
BODY_SHOWN = 600  # characters of the body shown by "test this profile"
NEW_PROFILE = """\
id = "example.gov.vn"                      # must be the site's host; the file is named after it
name = ""
agency = ""                                # goes into every record of the site
province = ""
start_urls = ["https://example.gov.vn/"]
allowed_domains = ["example.gov.vn"]
language = "vi"
crawl_delay = 2.0
# article_patterns = ['^/tin-tuc/[^/]+\\.html$']

[selectors]
# title = "h1"
# date = ".date"
# body = ".content"
"""


# --- pages ------------------------------------------------------------------------------

@bp.get("/portals")
@auth.login_required
def portals():
    profiles, problem = _profiles_or_bundled()
    archive = store()
    rows = {s["id"]: s for s in archive.sites()}
    last = _last_crawls(archive)
    upcoming = _next_crawls(archive)
    crawlable = {s["id"] for s in crawlable_sites()}
    shown = []
    for site_id, profile in profiles.items():
        bundled = is_bundled(profile)
        shown.append({
            "id": site_id, "name": profile.name, "province": profile.province, "bundled": bundled,
            "overrides": not bundled and (PROFILE_DIR / f"{site_id}.toml").is_file(),
            "articles": archive.count(site=site_id),
            "enabled": rows.get(site_id, {}).get("enabled", True) is not False,
            "last": last.get(site_id), "next": _earliest(upcoming.get(site_id), upcoming.get("*")),
            "crawlable": site_id in crawlable,
        })
    return render_template("admin/portals.html", portals=shown, problem=problem, figures=FIGURES,
                           saved=request.args.get("saved"), has_schedules=_schedules_of(archive) is not None)


@bp.post("/portals/<site_id>/enabled")
@auth.login_required
def set_enabled(site_id: str):
    profiles, _ = _profiles_or_bundled()
    if site_id not in profiles and store().get_site(site_id) is None:
        raise NotFound(i18n.translate("admin.portals.unknown", id=site_id))
    value = request.form.get("enabled")
    if value not in ("0", "1"):
        raise BadRequest(i18n.translate("admin.portals.bad_enabled"))
    store().upsert_site({"id": site_id, "enabled": value == "1"})
    auth.audit("portal enabled" if value == "1" else "portal disabled", {"site": site_id})
    return redirect(url_for("admin.portals"), 303)


@bp.route("/portals/new", methods=["GET", "POST"])
@auth.login_required
def new_portal():
    if request.method == "GET":
        return _edit_page(None, NEW_PROFILE)
    text = _typed_text()
    site_id = _id_in(text)
    if site_id is not None and not SAFE_ID.fullmatch(site_id):
        return _edit_page(None, text, _own_error("id", i18n.translate("admin.portals.bad_id")), 422)
    if site_id is not None and site_id in _known_ids():
        return _edit_page(None, text, _own_error("id", i18n.translate("admin.portals.exists", id=site_id)), 422)
    return _save(site_id or "profile", text, is_new=True)


@bp.route("/portals/<site_id>/edit", methods=["GET", "POST"])
@auth.login_required
def edit_portal(site_id: str):
    if site_id not in _known_ids() or not SAFE_ID.fullmatch(site_id):
        raise NotFound(i18n.translate("admin.portals.unknown", id=site_id))
    if request.method == "GET":
        return _edit_page(site_id, _profile_file(site_id).read_text(encoding="utf-8"))
    return _save(site_id, _typed_text(), is_new=False)


@bp.route("/portals/<site_id>/test", methods=["GET", "POST"])
@auth.login_required
def test_portal(site_id: str):
    profiles, _ = _profiles_or_bundled()
    profile = profiles.get(site_id)
    if profile is None:
        raise NotFound(i18n.translate("admin.portals.unknown", id=site_id))
    if request.method == "GET":
        return render_template("admin/portal_test.html", profile=profile, url=profile.start_urls[0],
                               result=None, error=None)
    url = (request.form.get("url") or "").strip()[:2000]
    try:
        result = _test(profile, url)
        error = None
    except TestFailed as err:
        result, error = None, str(err)
    return render_template("admin/portal_test.html", profile=profile, url=url, result=result, error=error), \
        200 if error is None else 422


# --- saving -----------------------------------------------------------------------------

def _save(site_id: str, text: str, is_new: bool):
    """Check the text as the file DATA_DIR/profiles/<site_id>.toml; save it there if it passes."""
    folder = data_profile_dir(data_dir())
    target = folder / f"{site_id}.toml"
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".check-", dir=folder))
    try:
        candidate = scratch / f"{site_id}.toml"
        candidate.write_text(text, encoding="utf-8")
        try:
            profile = load_profile(candidate)
        except ProfileError as err:
            message = str(err).replace(str(candidate), str(target))
            error = {"field": err.field, "message": message, "line": _line_of(text, err.field)}
            return _edit_page(None if is_new else site_id, text, error, 422)
        os.replace(candidate, target)  # the same folder: atomic
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    auth.audit("profile saved", {"site": profile.id, "file": str(target), **({"new": "yes"} if is_new else {})})
    return redirect(url_for("admin.portals", saved=profile.id), 303)


def _edit_page(site_id: str | None, text: str, error: dict | None = None, status: int = 200):
    profiles, _ = _profiles_or_bundled()
    profile = profiles.get(site_id) if site_id else None
    return render_template("admin/portal_edit.html", site_id=site_id, text=text, error=error,
                           bundled=bool(profile and is_bundled(profile)), target=str(
                               data_profile_dir(data_dir()) / f"{site_id or '<id>'}.toml")), status


def _typed_text() -> str:
    text = (request.form.get("toml") or "").replace("\r\n", "\n")
    if len(text) > MAX_TOML:
        raise BadRequest(i18n.translate("admin.portals.too_long", limit=MAX_TOML))
    return text


def _id_in(text: str) -> str | None:
    """The id the text gives, if it is TOML with a text id (else load_profile reports the problem)."""
    try:
        value = tomllib.loads(text).get("id")
    except tomllib.TOMLDecodeError:
        return None
    return value if isinstance(value, str) else None


def _own_error(field: str, message: str) -> dict:
    return {"field": field, "message": message, "line": None}


def _line_of(text: str, field: str | None) -> int | None:
    """The line of the text where the field is set (1-based), if it can be found."""
    if not field:
        return None
    table, _, key = field.rpartition(".")
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", stripped)
        if header:
            current = header.group(1)
            continue
        match = re.match(r"""["']?([A-Za-z0-9_.-]+?)["']?\s*=""", stripped)
        if not match:
            continue
        name = match.group(1)
        if (current == table and name == key) or (not current and name == field):
            return number
    return None


def _profile_file(site_id: str) -> Path:
    saved = data_profile_dir(data_dir()) / f"{site_id}.toml"
    return saved if saved.is_file() else PROFILE_DIR / f"{site_id}.toml"


def _profiles_or_bundled() -> tuple[dict[str, Profile], str | None]:
    """Every profile; the bundled ones alone (and the problem) if a data-directory file is broken."""
    try:
        return load_all_profiles(data_dir()), None
    except ProfileError as err:
        return load_profiles(PROFILE_DIR), str(err)


def _known_ids() -> set[str]:
    ids = {p.stem for p in PROFILE_DIR.glob("*.toml")}
    folder = data_profile_dir(data_dir())
    return ids | ({p.stem for p in folder.glob("*.toml")} if folder.is_dir() else set())


# --- crawls -----------------------------------------------------------------------------

def _last_crawls(archive) -> dict[str, dict]:
    """Each site's newest crawl job: when, its state and its figures."""
    from webui.admin_jobs import _state_label

    found = {}
    for job in archive.jobs(limit=RECENT_JOBS):
        if job["kind"] != "crawl" or not job["site"] or job["site"] in found:
            continue
        stats = job["stats"] or {}
        found[job["site"]] = {"id": job["id"], "started": job["started"], "finished": job["finished"],
                              "state": job["state"], "state_label": _state_label(job["state"]),
                              "figures": {k: stats.get(k) for k in FIGURES}}
    return found


def _schedules_of(archive):
    schedules = getattr(archive, "schedules", None)
    return schedules if callable(schedules) else None


def _next_crawls(archive) -> dict[str, str]:
    """The next scheduled crawl of each site ("*": of every site), when the archive keeps schedules."""
    schedules = _schedules_of(archive)
    if schedules is None:
        return {}
    try:
        rows = [dict(row) for row in schedules()]
    except Exception:  # noqa: BLE001  (the schedules are another page's business; this column is a hint)
        return {}
    upcoming: dict[str, str] = {}
    for row in rows:
        if row.get("enabled") is False or row.get("kind") not in (None, "crawl"):
            continue
        when = next((row[k] for k in ("next_run", "next_run_at", "next_at", "next") if row.get(k)), None)
        if not when:
            continue
        sites = row.get("sites") or row.get("site") or "*"
        for site in (sites.split(",") if isinstance(sites, str) else sites):
            site = str(site).strip() or "*"
            upcoming[site] = _earliest(upcoming.get(site), str(when))
    return upcoming


def _earliest(*moments: str | None) -> str | None:
    present = [m for m in moments if m]
    return min(present) if present else None


# --- "test this profile" ----------------------------------------------------------------

class TestFailed(Exception):
    """The page could not be fetched or read; the message says why."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise TestFailed(i18n.translate("admin.portals.test.bad_redirect", url=newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch(url: str) -> tuple[bytes, str, str]:
    """(body, final URL, Content-Type) of an http(s) page, at most FETCH_MAXSIZE bytes."""
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise TestFailed(i18n.translate("admin.portals.test.bad_url"))
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request_ = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
    try:
        with opener.open(request_, timeout=FETCH_TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > FETCH_MAXSIZE:
                raise TestFailed(i18n.translate("admin.portals.test.too_big", limit=FETCH_MAXSIZE // 2**20))
            body = response.read(FETCH_MAXSIZE + 1)
            if len(body) > FETCH_MAXSIZE:
                raise TestFailed(i18n.translate("admin.portals.test.too_big", limit=FETCH_MAXSIZE // 2**20))
            return body, response.geturl(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        raise TestFailed(i18n.translate("admin.portals.test.http_status", status=err.code,
                                        reason=err.reason or "")) from None
    except urllib.error.URLError as err:
        raise TestFailed(i18n.translate("admin.portals.test.unreachable", error=str(err.reason))) from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise TestFailed(i18n.translate("admin.portals.test.unreachable",
                                        error=f"{type(err).__name__}: {err}")) from None


def _test(profile: Profile, url: str) -> dict:
    """What `govnews extract URL --explain` shows for the page, extracted with this profile."""
    body, final_url, content_type = _fetch(url)
    if not looks_like_html(content_type, body):
        raise TestFailed(i18n.translate("admin.portals.test.not_html", type=content_type or "?"))
    try:
        extraction = extract_html(body, final_url, profile, content_type or None)
    except ValueError as err:
        raise TestFailed(i18n.translate("admin.portals.test.unreadable", error=str(err))) from None
    problem = None
    try:
        record = build_record(extraction.record)
    except (ValueError, InvalidRecord) as err:
        record, problem = extraction.record, str(err)
    fields = []
    for name, value in record.items():
        if value in (None, "", [], {}):
            continue
        fields.append({"name": name, "value": _shown(name, value), "source": extraction.explain.get(name, "")})
    return {"url": final_url, "is_article": extraction.is_article, "fields": fields, "problem": problem,
            "content_type": content_type}


def _shown(name: str, value) -> str:
    if isinstance(value, list):
        text = "; ".join(_shown(name, v) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, ""))
    else:
        text = str(value)
    return text[:BODY_SHOWN] + "…" if len(text) > BODY_SHOWN else text


i18n.register({
    "vi": {
        "admin.portals": "Trang nguồn",
        "admin.portals.intro": "Mọi hồ sơ trang nguồn: hồ sơ đi kèm phần mềm và hồ sơ quản trị viên lưu trong thư "
                               "mục dữ liệu (ghi đè hồ sơ đi kèm cùng mã).",
        "admin.portals.portal": "Trang",
        "admin.portals.articles": "Bài trong kho",
        "admin.portals.last_crawl": "Lần thu thập gần nhất",
        "admin.portals.next_crawl": "Lần thu thập kế tiếp",
        "admin.portals.status": "Tình trạng",
        "admin.portals.actions": "Thao tác",
        "admin.portals.never": "chưa thu thập",
        "admin.portals.bundled": "đi kèm",
        "admin.portals.data_dir": "thư mục dữ liệu",
        "admin.portals.overrides": "thư mục dữ liệu, ghi đè hồ sơ đi kèm",
        "admin.portals.enabled": "đang bật",
        "admin.portals.disabled": "đang tắt",
        "admin.portals.enable": "Bật",
        "admin.portals.disable": "Tắt",
        "admin.portals.edit": "Sửa hồ sơ",
        "admin.portals.test": "Thử hồ sơ",
        "admin.portals.recrawl": "Thu thập lại",
        "admin.portals.new": "Thêm hồ sơ trang nguồn",
        "admin.portals.saved": "Đã lưu hồ sơ {id}.",
        "admin.portals.broken": "Một hồ sơ trong thư mục dữ liệu bị lỗi, chỉ hiện các hồ sơ đi kèm: {error}",
        "admin.portals.unknown": "Không có hồ sơ trang nguồn {id}.",
        "admin.portals.bad_enabled": "Thiếu giá trị bật/tắt.",
        "admin.portals.bad_id": "Mã chỉ gồm chữ cái, chữ số, dấu chấm và gạch nối, bắt đầu bằng chữ cái hoặc "
                                "chữ số (mã cũng là tên tệp).",
        "admin.portals.exists": "Đã có hồ sơ {id}: hãy sửa hồ sơ đó.",
        "admin.portals.too_long": "Hồ sơ dài quá {limit} ký tự.",
        "admin.portals.edit_title": "Sửa hồ sơ {id}",
        "admin.portals.new_title": "Hồ sơ trang nguồn mới",
        "admin.portals.toml": "Hồ sơ (TOML)",
        "admin.portals.help": "Hồ sơ được kiểm tra đúng như khi đọc từ tệp, rồi lưu vào {path}. Xem docs/profiles.md.",
        "admin.portals.bundled_note": "Đây là hồ sơ đi kèm; khi lưu, một bản sao trong thư mục dữ liệu sẽ ghi đè nó.",
        "admin.portals.error_field": "Trường {field}",
        "admin.portals.error_line": "dòng {line}",
        "admin.portals.save": "Kiểm tra và lưu",
        "admin.portals.back": "← Tất cả trang nguồn",
        "admin.portals.test_title": "Thử hồ sơ {id}",
        "admin.portals.test.url": "Địa chỉ trang cần thử",
        "admin.portals.test.run": "Tải và trích xuất",
        "admin.portals.test.intro": "Tải một trang (http/https) và trích xuất nó với hồ sơ này, như lệnh "
                                    "govnews extract --explain.",
        "admin.portals.test.field": "Trường",
        "admin.portals.test.value": "Giá trị",
        "admin.portals.test.source": "Lấy từ",
        "admin.portals.test.is_article": "Là bài viết",
        "admin.portals.test.not_article": "Không phải trang bài viết (theo hồ sơ hoặc theo nội dung trang).",
        "admin.portals.test.invalid": "Chưa thành bản ghi hợp lệ: {error}",
        "admin.portals.test.bad_url": "Cần một địa chỉ http:// hoặc https://.",
        "admin.portals.test.bad_redirect": "Trang chuyển hướng sang một địa chỉ không phải http(s): {url}",
        "admin.portals.test.too_big": "Trang lớn hơn {limit} MB.",
        "admin.portals.test.http_status": "Máy chủ trả lời HTTP {status} {reason}.",
        "admin.portals.test.unreachable": "Không tải được trang: {error}",
        "admin.portals.test.not_html": "Đây không phải trang HTML (Content-Type: {type}).",
        "admin.portals.test.unreadable": "Không đọc được trang: {error}",
        "admin.action.profile saved": "lưu hồ sơ trang nguồn",
        "admin.action.portal enabled": "bật trang nguồn",
        "admin.action.portal disabled": "tắt trang nguồn",
    },
    "en": {
        "admin.portals": "Portals",
        "admin.portals.intro": "Every site profile: those bundled with govnews and those admins saved in the data "
                               "directory (which override a bundled profile of the same id).",
        "admin.portals.portal": "Portal",
        "admin.portals.articles": "Articles archived",
        "admin.portals.last_crawl": "Last crawl",
        "admin.portals.next_crawl": "Next crawl",
        "admin.portals.status": "Status",
        "admin.portals.actions": "Actions",
        "admin.portals.never": "never crawled",
        "admin.portals.bundled": "bundled",
        "admin.portals.data_dir": "data directory",
        "admin.portals.overrides": "data directory, overrides the bundled profile",
        "admin.portals.enabled": "enabled",
        "admin.portals.disabled": "disabled",
        "admin.portals.enable": "Enable",
        "admin.portals.disable": "Disable",
        "admin.portals.edit": "Edit profile",
        "admin.portals.test": "Test this profile",
        "admin.portals.recrawl": "Re-crawl",
        "admin.portals.new": "Add a portal profile",
        "admin.portals.saved": "Profile {id} saved.",
        "admin.portals.broken": "A profile in the data directory is broken; only the bundled ones are shown: {error}",
        "admin.portals.unknown": "There is no site profile {id}.",
        "admin.portals.bad_enabled": "Enable or disable: the value is missing.",
        "admin.portals.bad_id": "An id holds only letters, digits, dots and hyphens, and starts with a letter or "
                                "digit (it is also the file name).",
        "admin.portals.exists": "There is a profile {id} already: edit that one.",
        "admin.portals.too_long": "The profile is longer than {limit} characters.",
        "admin.portals.edit_title": "Edit profile {id}",
        "admin.portals.new_title": "New portal profile",
        "admin.portals.toml": "Profile (TOML)",
        "admin.portals.help": "The profile is checked exactly as a file is, then saved as {path}. See docs/profiles.md.",
        "admin.portals.bundled_note": "This is a bundled profile; saving puts a copy in the data directory, which "
                                      "overrides it.",
        "admin.portals.error_field": "Field {field}",
        "admin.portals.error_line": "line {line}",
        "admin.portals.save": "Check and save",
        "admin.portals.back": "← All portals",
        "admin.portals.test_title": "Test profile {id}",
        "admin.portals.test.url": "URL of the page to try",
        "admin.portals.test.run": "Fetch and extract",
        "admin.portals.test.intro": "Fetches one page (http/https) and extracts it with this profile, as "
                                    "govnews extract --explain does.",
        "admin.portals.test.field": "Field",
        "admin.portals.test.value": "Value",
        "admin.portals.test.source": "Came from",
        "admin.portals.test.is_article": "Article page",
        "admin.portals.test.not_article": "Not an article page (by the profile's patterns or the page itself).",
        "admin.portals.test.invalid": "Not a valid record yet: {error}",
        "admin.portals.test.bad_url": "An http:// or https:// URL is needed.",
        "admin.portals.test.bad_redirect": "The page redirects to a URL that is not http(s): {url}",
        "admin.portals.test.too_big": "The page is larger than {limit} MB.",
        "admin.portals.test.http_status": "The server answered HTTP {status} {reason}.",
        "admin.portals.test.unreachable": "The page could not be fetched: {error}",
        "admin.portals.test.not_html": "This is not an HTML page (Content-Type: {type}).",
        "admin.portals.test.unreadable": "The page could not be read: {error}",
        "admin.action.profile saved": "profile saved",
        "admin.action.portal enabled": "portal enabled",
        "admin.action.portal disabled": "portal disabled",
    },
})
