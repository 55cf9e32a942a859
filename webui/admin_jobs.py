"""The admin area's jobs: re-crawls, re-index and re-extract run in the background, with live
progress (the job page polls its .json every 2 s) and cancel.

The work is done by webui.jobs (the launcher: each job is its own OS process). These views only
start, show and cancel; every route is under /admin, so webui.auth.guard already refuses
strangers and POSTs without the CSRF token. For tests and the demo, app.config["CRAWL_ORIGINS"]
(site → base URL of a mirror) and app.config["CRAWL_SETTINGS"] (Scrapy settings) are passed to
the crawls; when CRAWL_ORIGINS is given, only its sites are offered, so a mirror setup never
reaches the real portals. Production leaves both empty.
"""
from datetime import datetime
from pathlib import Path

from flask import current_app, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest, NotFound

from archive.store import Store
from scraper.profiles import load_all_profiles
from webui import auth, i18n
from webui import jobs as launcher
from webui.admin_views import bp
from webui.common import data_dir, store

RECENT_JOBS = 50
FIGURES = {
    "crawl": ("pages", "new", "changed", "unchanged", "errors", "rate"),
    "reextract": ("files", "responses", "articles", "new", "changed", "unchanged", "invalid"),
    "index": ("indexed", "deleted", "total"),
}
LIST_FIGURES = ("new", "changed", "unchanged", "errors")


@bp.record
def _settle_orphans_on_start(state) -> None:
    """A restarted web server first marks the jobs whose process has gone meanwhile."""
    archive = Path(state.app.config["DATA_DIR"]) / "archive.sqlite3"
    if archive.exists():
        with Store(archive) as opened:
            launcher.refresh(opened)


# --- pages ------------------------------------------------------------------------------

@bp.get("/jobs")
@auth.login_required
def jobs():
    return _jobs_page()


@bp.get("/jobs/<int:job_id>")
@auth.login_required
def job(job_id: int):
    shown = _job_or_404(job_id)
    return render_template("admin/job.html", job=shown, figure_keys=FIGURES.get(shown["kind"], ()))


@bp.get("/jobs/<int:job_id>.json")
@auth.login_required
def job_json(job_id: int):
    return jsonify(_job_or_404(job_id))


# --- actions ----------------------------------------------------------------------------

@bp.post("/jobs/crawl")
@auth.login_required
def crawl():
    sites = crawlable_sites()
    if request.form.get("all") == "1":
        running = {j["site"] for j in launcher.running_jobs(store(), "crawl")}
        chosen = [s["id"] for s in sites if s["id"] not in running]
        if not chosen:
            return _refused(i18n.translate("admin.jobs.all_running"))
    else:
        site = request.form.get("site", "")
        if site not in {s["id"] for s in sites}:
            raise BadRequest(i18n.translate("admin.jobs.unknown_site"))
        chosen = [site]
    try:
        job_ids = launcher.start_crawls(data_dir(), chosen, current_app.config.get("CRAWL_ORIGINS") or None,
                                        current_app.config.get("CRAWL_SETTINGS") or None)
    except launcher.JobRunning as err:
        return _refused(i18n.translate("admin.jobs.crawl_running", site=", ".join(chosen)), err.job_ids)
    except launcher.JobError as err:
        return _failed(err)
    auth.audit("re-crawl", {"sites": ", ".join(chosen), "jobs": ", ".join(map(str, job_ids))})
    return _started(job_ids, to_list=len(job_ids) > 1 or request.form.get("all") == "1")


@bp.post("/jobs/index")
@auth.login_required
def reindex():
    try:
        job_id = launcher.start_reindex(data_dir())
    except launcher.JobRunning as err:
        return _refused(i18n.translate("admin.jobs.kind_running", kind=_kind_label("index")), err.job_ids)
    except launcher.JobError as err:
        return _failed(err)
    auth.audit("re-index", {"job": job_id})
    return _started([job_id])


@bp.post("/jobs/reextract")
@auth.login_required
def reextract():
    site = request.form.get("site") or None
    if site is not None and site not in _known_sites():
        raise BadRequest(i18n.translate("admin.jobs.unknown_site"))
    try:
        job_id = launcher.start_reextract(data_dir(), site)
    except launcher.JobRunning as err:
        return _refused(i18n.translate("admin.jobs.kind_running", kind=_kind_label("reextract")), err.job_ids)
    except launcher.JobError as err:
        return _failed(err)
    auth.audit("re-extract", {"site": site or "*", "job": job_id})
    return _started([job_id])


@bp.post("/jobs/<int:job_id>/cancel")
@auth.login_required
def cancel(job_id: int):
    _job_or_404(job_id)
    try:
        stopped = launcher.cancel(data_dir(), job_id, auth.current_admin())
    except launcher.JobError as err:
        return _refused(str(err), [job_id])
    auth.audit("cancel", {"job": job_id, **({"with": ", ".join(map(str, stopped))} if len(stopped) > 1 else {})})
    if _wants_json():
        return jsonify({"cancelling": stopped, "url": url_for("admin.job", job_id=job_id)}), 202
    return redirect(url_for("admin.job", job_id=job_id), 303)


# --- helpers ----------------------------------------------------------------------------

def crawlable_sites() -> list[dict]:
    """Sites a re-crawl can be started for: those with a profile, unless disabled in the archive
    (and, when CRAWL_ORIGINS is configured, only those it gives a mirror for)."""
    origins = current_app.config.get("CRAWL_ORIGINS") or {}
    rows = {s["id"]: s for s in store().sites()}
    sites = []
    for site_id, profile in sorted(load_all_profiles(data_dir()).items()):
        if rows.get(site_id, {}).get("enabled") is False or (origins and site_id not in origins):
            continue
        sites.append({"id": site_id, "name": profile.name, "articles": store().count(site=site_id)})
    return sites


def _known_sites() -> set[str]:
    return set(load_all_profiles(data_dir())) | {s["id"] for s in store().sites()}


def _jobs_page(message: str | None = None, status: int = 200, error: bool = False):
    launcher.refresh(store())
    rows = [_summary(j) for j in store().jobs(limit=RECENT_JOBS)]
    running = {j["site"] for j in rows if j["state"] == "running" and j["kind"] == "crawl"}
    return render_template("admin/jobs.html", jobs=rows, sites=crawlable_sites(), running_sites=running,
                           reextract_sites=[s["id"] for s in store().sites()], message=message, error=error,
                           list_figures=LIST_FIGURES), status


def _summary(job: dict) -> dict:
    stats = job["stats"] or {}
    return {**job, "state_label": _state_label(job["state"]), "kind_label": _kind_label(job["kind"]),
            "figures": {k: stats.get(k) for k in LIST_FIGURES}}


def _job_or_404(job_id: int) -> dict:
    archive = store()
    found = archive.get_job(job_id)
    if found is None:
        raise NotFound(i18n.translate("admin.jobs.no_job", id=job_id))
    if found["state"] == "running":
        launcher.refresh(archive)
        found = archive.get_job(job_id)
    return _detail(archive, found)


def _detail(archive, job: dict) -> dict:
    """A job as its page and its .json show it: figures, times, cancel request, log tails."""
    stats = job["stats"] or {}
    figures = {k: stats.get(k) for k in FIGURES.get(job["kind"], ())}
    if "rate" in figures and figures["rate"] is None and stats.get("pages") is not None:
        seconds = _seconds(job["started"], job["finished"] or job["updated"])
        figures["rate"] = round(stats["pages"] / seconds, 2) if seconds else None
    output = launcher.output_path(archive, job["id"])
    asked = launcher.cancel_request(archive, job["id"])
    working = launcher.still_working(archive, job)
    return {
        "id": job["id"], "kind": job["kind"], "kind_label": _kind_label(job["kind"]), "site": job["site"],
        "state": job["state"], "phase": "indexing" if working else None,
        "state_label": _state_label("indexing" if working else job["state"]),
        "running": job["state"] == "running" or working, "cancellable": job["state"] == "running",
        "started": job["started"], "updated": job["updated"], "finished": job["finished"], "pid": job["pid"],
        "error": job["error"], "figures": figures, "stats": stats,
        "errors_by_kind": stats.get("errors_by_kind") or {},
        "cancel": asked,
        "cancel_text": i18n.translate("admin.jobs.cancelled_by", user=asked["by"], at=_when(asked["at"]))
        if asked else "",
        "log": launcher.tail(job["log_path"]),
        "output": launcher.tail(output) if output and output != job["log_path"] else "",
    }


def _seconds(start: str | None, end: str | None) -> float | None:
    try:
        return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()
    except (TypeError, ValueError):
        return None


def _when(moment: str | None) -> str:
    return (moment or "")[:19].replace("T", " ")


def _state_label(state: str) -> str:
    key = f"admin.jobs.state.{state}"
    text = i18n.translate(key)
    return state if text == key else text


def _kind_label(kind: str) -> str:
    key = f"admin.jobs.kind.{kind}"
    text = i18n.translate(key)
    return kind if text == key else text


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def _started(job_ids: list[int], to_list: bool = False):
    target = url_for("admin.jobs") if to_list else url_for("admin.job", job_id=job_ids[0])
    if _wants_json():
        return jsonify({"jobs": job_ids, "url": target}), 202
    return redirect(target, 303)


def _refused(message: str, job_ids: list[int] | None = None):
    if _wants_json():
        return jsonify({"error": message, "status": 409, "jobs": job_ids or []}), 409
    return _jobs_page(message, 409, error=True)


def _failed(err: Exception):
    message = i18n.translate("admin.jobs.start_failed", error=str(err))
    if _wants_json():
        return jsonify({"error": message, "status": 500}), 500
    return _jobs_page(message, 500, error=True)


# --- app-wide template helpers for these pages ----------------------------------------------

@bp.app_template_filter("when")
def _when_filter(moment: str | None) -> str:
    return _when(moment)


i18n.register({
    "vi": {
        "admin.jobs": "Tác vụ thu thập",
        "admin.jobs.intro": "Thu thập lại, lập chỉ mục lại và trích xuất lại chạy nền; trang của mỗi tác vụ "
                            "cho thấy tiến độ trực tiếp.",
        "admin.jobs.start": "Bắt đầu tác vụ",
        "admin.jobs.sites": "Trang nguồn",
        "admin.jobs.site": "Trang",
        "admin.jobs.articles": "Bài trong kho",
        "admin.jobs.recrawl": "Thu thập lại",
        "admin.jobs.recrawl_site": "Thu thập lại {site}",
        "admin.jobs.recrawl_all": "Thu thập lại tất cả",
        "admin.jobs.reindex": "Lập chỉ mục lại",
        "admin.jobs.reextract": "Trích xuất lại",
        "admin.jobs.reextract_site": "Trang cần trích xuất lại",
        "admin.jobs.all_sites": "Tất cả các trang",
        "admin.jobs.running_now": "đang chạy",
        "admin.jobs.no_sites": "Không có trang nào để thu thập.",
        "admin.jobs.recent": "Tác vụ gần đây",
        "admin.jobs.empty": "Chưa có tác vụ nào.",
        "admin.jobs.id": "Số",
        "admin.jobs.kind": "Loại",
        "admin.jobs.state": "Trạng thái",
        "admin.jobs.started": "Bắt đầu",
        "admin.jobs.updated": "Cập nhật",
        "admin.jobs.finished": "Kết thúc",
        "admin.jobs.error": "Lỗi",
        "admin.jobs.errors_by_kind": "Lỗi theo loại",
        "admin.jobs.job": "Tác vụ {id}",
        "admin.jobs.figures": "Số liệu",
        "admin.jobs.log": "Nhật ký (50 dòng cuối)",
        "admin.jobs.output": "Đầu ra của tiến trình (50 dòng cuối)",
        "admin.jobs.no_log": "(trống)",
        "admin.jobs.cancel": "Hủy tác vụ",
        "admin.jobs.cancelled_by": "{user} yêu cầu hủy lúc {at}",
        "admin.jobs.back": "← Tất cả tác vụ",
        "admin.jobs.live": "Trang này tự cập nhật khi tác vụ đang chạy.",
        "admin.jobs.no_job": "Không có tác vụ {id}.",
        "admin.jobs.unknown_site": "Không có trang nguồn này.",
        "admin.jobs.crawl_running": "Đang có một lần thu thập {site} chạy: hãy chờ nó xong hoặc hủy nó.",
        "admin.jobs.all_running": "Mọi trang đều đang được thu thập.",
        "admin.jobs.kind_running": "Một tác vụ {kind} đang chạy: hãy chờ nó xong hoặc hủy nó.",
        "admin.jobs.start_failed": "Không bắt đầu được tác vụ: {error}",
        "admin.jobs.kind.crawl": "thu thập",
        "admin.jobs.kind.index": "lập chỉ mục",
        "admin.jobs.kind.reextract": "trích xuất lại",
        "admin.jobs.state.running": "đang chạy",
        "admin.jobs.state.finished": "hoàn tất",
        "admin.jobs.state.failed": "thất bại",
        "admin.jobs.state.cancelled": "đã hủy",
        "admin.jobs.state.interrupted": "bị gián đoạn",
        "admin.jobs.state.indexing": "đang cập nhật chỉ mục",
        "admin.jobs.fig.pages": "Trang đã tải",
        "admin.jobs.fig.new": "Bài mới",
        "admin.jobs.fig.changed": "Bài thay đổi",
        "admin.jobs.fig.unchanged": "Bài không đổi",
        "admin.jobs.fig.errors": "Lỗi",
        "admin.jobs.fig.rate": "Tốc độ (trang/giây)",
        "admin.jobs.fig.files": "Tệp WARC",
        "admin.jobs.fig.responses": "Phản hồi",
        "admin.jobs.fig.articles": "Bài",
        "admin.jobs.fig.invalid": "Không hợp lệ",
        "admin.jobs.fig.indexed": "Bản ghi đã lập chỉ mục",
        "admin.jobs.fig.deleted": "Đã xóa khỏi chỉ mục",
        "admin.jobs.fig.total": "Tổng trong chỉ mục",
        "admin.action.re-crawl": "thu thập lại",
        "admin.action.re-index": "lập chỉ mục lại",
        "admin.action.re-extract": "trích xuất lại",
        "admin.action.cancel": "hủy tác vụ",
    },
    "en": {
        "admin.jobs": "Crawl jobs",
        "admin.jobs.intro": "Re-crawls, re-indexing and re-extraction run in the background; each job's page "
                            "shows its progress live.",
        "admin.jobs.start": "Start a job",
        "admin.jobs.sites": "Sites",
        "admin.jobs.site": "Site",
        "admin.jobs.articles": "Articles archived",
        "admin.jobs.recrawl": "Re-crawl",
        "admin.jobs.recrawl_site": "Re-crawl {site}",
        "admin.jobs.recrawl_all": "Re-crawl all",
        "admin.jobs.reindex": "Re-index",
        "admin.jobs.reextract": "Re-extract",
        "admin.jobs.reextract_site": "Site to re-extract",
        "admin.jobs.all_sites": "All sites",
        "admin.jobs.running_now": "running",
        "admin.jobs.no_sites": "No site to crawl.",
        "admin.jobs.recent": "Recent jobs",
        "admin.jobs.empty": "No jobs yet.",
        "admin.jobs.id": "No.",
        "admin.jobs.kind": "Kind",
        "admin.jobs.state": "State",
        "admin.jobs.started": "Started",
        "admin.jobs.updated": "Updated",
        "admin.jobs.finished": "Finished",
        "admin.jobs.error": "Error",
        "admin.jobs.errors_by_kind": "Errors by kind",
        "admin.jobs.job": "Job {id}",
        "admin.jobs.figures": "Figures",
        "admin.jobs.log": "Log (last 50 lines)",
        "admin.jobs.output": "Process output (last 50 lines)",
        "admin.jobs.no_log": "(empty)",
        "admin.jobs.cancel": "Cancel the job",
        "admin.jobs.cancelled_by": "{user} asked for a cancel at {at}",
        "admin.jobs.back": "← All jobs",
        "admin.jobs.live": "This page updates itself while the job runs.",
        "admin.jobs.no_job": "There is no job {id}.",
        "admin.jobs.unknown_site": "There is no such site.",
        "admin.jobs.crawl_running": "A crawl of {site} is already running: wait for it or cancel it.",
        "admin.jobs.all_running": "Every site is being crawled already.",
        "admin.jobs.kind_running": "A {kind} job is already running: wait for it or cancel it.",
        "admin.jobs.start_failed": "The job could not be started: {error}",
        "admin.jobs.kind.crawl": "crawl",
        "admin.jobs.kind.index": "index",
        "admin.jobs.kind.reextract": "re-extract",
        "admin.jobs.state.running": "running",
        "admin.jobs.state.finished": "finished",
        "admin.jobs.state.failed": "failed",
        "admin.jobs.state.cancelled": "cancelled",
        "admin.jobs.state.interrupted": "interrupted",
        "admin.jobs.state.indexing": "updating the index",
        "admin.jobs.fig.pages": "Pages fetched",
        "admin.jobs.fig.new": "New articles",
        "admin.jobs.fig.changed": "Changed articles",
        "admin.jobs.fig.unchanged": "Unchanged articles",
        "admin.jobs.fig.errors": "Errors",
        "admin.jobs.fig.rate": "Rate (pages/s)",
        "admin.jobs.fig.files": "WARC files",
        "admin.jobs.fig.responses": "Responses",
        "admin.jobs.fig.articles": "Articles",
        "admin.jobs.fig.invalid": "Invalid",
        "admin.jobs.fig.indexed": "Records indexed",
        "admin.jobs.fig.deleted": "Removed from the index",
        "admin.jobs.fig.total": "In the index",
        "admin.action.re-crawl": "re-crawl",
        "admin.action.re-index": "re-index",
        "admin.action.re-extract": "re-extract",
        "admin.action.cancel": "cancel",
    },
})
