"""The admin area's crawl schedules (/admin/schedules): a per-site interval or time of day.

The schedules are kept in the archive (Store.set_schedule…), the same ones `govnews schedule`
shows and sets; webui.scheduler starts the crawls. Every route is under /admin, so
webui.auth.guard refuses strangers and POSTs without the CSRF token; every change is audited.
"""
from flask import redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest, NotFound

from archive import schedules as rules
from scraper.profiles import load_all_profiles
from webui import auth, i18n
from webui.admin_views import bp
from webui.common import data_dir, store


@bp.get("/schedules")
@auth.login_required
def schedules():
    return _page()


@bp.post("/schedules/<site>")
@auth.login_required
def schedule_set(site: str):
    if site not in load_all_profiles(data_dir()):
        raise BadRequest(i18n.translate("admin.schedules.unknown_site"))
    kind = request.form.get("kind")
    every = (request.form.get("every") or "").strip()
    at = (request.form.get("at") or "").strip()
    try:
        if kind == "every":
            saved = store().set_schedule(site, every_hours=rules.check_every(every.replace(",", ".")))
        elif kind == "at":
            saved = store().set_schedule(site, at_time=rules.check_at(at))
        else:
            raise rules.ScheduleError("one", "choose an interval or a time of day")
    except rules.ScheduleError as err:
        return _page(i18n.translate(f"admin.schedules.invalid.{err.code}"), 400, error=True)
    auth.audit("schedule set", {"site": site, **_rule_detail(saved)})
    return redirect(url_for("admin.schedules", _anchor=f"schedule-{site}"), 303)


@bp.post("/schedules/<site>/remove")
@auth.login_required
def schedule_remove(site: str):
    if not store().remove_schedule(site):
        raise NotFound(i18n.translate("admin.schedules.none_for", site=site))
    auth.audit("schedule removed", {"site": site})
    return redirect(url_for("admin.schedules"), 303)


@bp.post("/schedules/<site>/enabled")
@auth.login_required
def schedule_enable(site: str):
    on = request.form.get("enabled") == "1"
    if not store().enable_schedule(site, on):
        raise NotFound(i18n.translate("admin.schedules.none_for", site=site))
    auth.audit("schedule enabled" if on else "schedule disabled", {"site": site})
    return redirect(url_for("admin.schedules", _anchor=f"schedule-{site}"), 303)


def _page(message: str | None = None, status: int = 200, error: bool = False):
    profiles = load_all_profiles(data_dir())
    kept = {s["site"]: s for s in store().schedules()}
    rows = []
    for site in sorted(set(profiles) | set(kept)):
        schedule = kept.get(site)
        rows.append({"site": site, "name": profiles[site].name if site in profiles else "",
                     "known": site in profiles, "schedule": schedule,
                     "rule": _rule_text(schedule) if schedule else "",
                     "next_local": rules.local(schedule["next_run"], schedule["timezone"]) if schedule else "",
                     "last_local": rules.local(schedule["last_run"], schedule["timezone"]) if schedule else ""})
    return render_template("admin/schedules.html", rows=rows, message=message, error=error,
                           min_hours=rules.MIN_HOURS, max_hours=rules.MAX_HOURS), status


def _rule_text(schedule: dict) -> str:
    if schedule["every_hours"] is not None:
        return i18n.translate("admin.schedules.every_text", hours=f"{schedule['every_hours']:g}")
    return i18n.translate("admin.schedules.at_text", at=schedule["at_time"], zone=schedule["timezone"])


def _rule_detail(schedule: dict) -> dict:
    if schedule["every_hours"] is not None:
        return {"every_hours": f"{schedule['every_hours']:g}"}
    return {"at": schedule["at_time"], "timezone": schedule["timezone"]}


i18n.register({
    "vi": {
        "admin.schedules": "Lịch thu thập",
        "admin.schedules.intro": "Mỗi trang nguồn có thể được thu thập lại tự động: cứ sau một số giờ, hoặc mỗi ngày "
                                 "vào một giờ cố định. Máy chủ web khởi động các lần thu thập này; lệnh "
                                 "govnews schedule cũng xem và đặt được lịch.",
        "admin.schedules.site": "Trang",
        "admin.schedules.rule": "Lịch",
        "admin.schedules.next_run": "Lần chạy tới",
        "admin.schedules.last_run": "Lần chạy trước",
        "admin.schedules.change": "Đặt lịch",
        "admin.schedules.none": "chưa có lịch",
        "admin.schedules.off": "đang tắt",
        "admin.schedules.every_text": "cứ {hours} giờ một lần",
        "admin.schedules.at_text": "hằng ngày lúc {at} ({zone})",
        "admin.schedules.kind_every": "Cứ sau (giờ)",
        "admin.schedules.kind_at": "Hằng ngày lúc",
        "admin.schedules.save": "Lưu lịch",
        "admin.schedules.save_site": "Lưu lịch cho {site}",
        "admin.schedules.remove": "Xóa lịch",
        "admin.schedules.enable": "Bật",
        "admin.schedules.disable": "Tắt",
        "admin.schedules.job": "tác vụ {id}",
        "admin.schedules.unknown_site": "Không có trang nguồn này.",
        "admin.schedules.none_for": "Trang {site} chưa có lịch.",
        "admin.schedules.invalid.every": "Khoảng cách phải là một số giờ từ 0,25 đến 720.",
        "admin.schedules.invalid.at": "Giờ trong ngày phải có dạng HH:MM, từ 00:00 đến 23:59.",
        "admin.schedules.invalid.one": "Hãy chọn hoặc khoảng cách theo giờ, hoặc một giờ trong ngày.",
        "admin.schedules.invalid.timezone": "Múi giờ không hợp lệ.",
        "admin.schedules.invalid.site": "Thiếu trang nguồn.",
        "admin.action.schedule set": "đặt lịch thu thập",
        "admin.action.schedule removed": "xóa lịch thu thập",
        "admin.action.schedule enabled": "bật lịch thu thập",
        "admin.action.schedule disabled": "tắt lịch thu thập",
        "admin.action.scheduled crawl": "thu thập theo lịch",
        "admin.action.scheduled crawl skipped": "bỏ qua lần thu thập theo lịch",
        "admin.action.scheduled crawl failed": "thu thập theo lịch thất bại",
    },
    "en": {
        "admin.schedules": "Crawl schedules",
        "admin.schedules.intro": "Each site can be re-crawled automatically: every so many hours, or daily at a "
                                 "set time. The web server starts these crawls; govnews schedule shows and sets "
                                 "the same schedules from the shell.",
        "admin.schedules.site": "Site",
        "admin.schedules.rule": "Schedule",
        "admin.schedules.next_run": "Next run",
        "admin.schedules.last_run": "Last run",
        "admin.schedules.change": "Set the schedule",
        "admin.schedules.none": "no schedule",
        "admin.schedules.off": "off",
        "admin.schedules.every_text": "every {hours} hours",
        "admin.schedules.at_text": "daily at {at} ({zone})",
        "admin.schedules.kind_every": "Every (hours)",
        "admin.schedules.kind_at": "Daily at",
        "admin.schedules.save": "Save",
        "admin.schedules.save_site": "Save the schedule of {site}",
        "admin.schedules.remove": "Remove",
        "admin.schedules.enable": "Turn on",
        "admin.schedules.disable": "Turn off",
        "admin.schedules.job": "job {id}",
        "admin.schedules.unknown_site": "There is no such site.",
        "admin.schedules.none_for": "{site} has no schedule.",
        "admin.schedules.invalid.every": "The interval must be a number of hours from 0.25 to 720.",
        "admin.schedules.invalid.at": "The time of day must be HH:MM, from 00:00 to 23:59.",
        "admin.schedules.invalid.one": "Choose either an interval in hours or a time of day.",
        "admin.schedules.invalid.timezone": "Unknown time zone.",
        "admin.schedules.invalid.site": "No site given.",
        "admin.action.schedule set": "schedule set",
        "admin.action.schedule removed": "schedule removed",
        "admin.action.schedule enabled": "schedule turned on",
        "admin.action.schedule disabled": "schedule turned off",
        "admin.action.scheduled crawl": "scheduled crawl",
        "admin.action.scheduled crawl skipped": "scheduled crawl skipped",
        "admin.action.scheduled crawl failed": "scheduled crawl failed",
    },
})
