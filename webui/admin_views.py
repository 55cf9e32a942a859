"""The admin area: sign-in and sign-out, the landing page and the audit log.

Every /admin request passes webui.auth.guard first (registered here for the whole app, so
routes under /admin that other blueprints add are guarded too): strangers are refused and every
POST needs the session's CSRF token. Templates get `csrf_token()` and `admin_user`.
"""
from flask import Blueprint, g, redirect, render_template, request, session, url_for

from webui import auth, i18n
from webui.common import store

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.before_app_request(auth.guard)

AUDIT_PER_PAGE = 50
MAX_AUDIT_PAGE = 10_000


@bp.app_context_processor
def _admin_helpers() -> dict:
    return {"csrf_token": auth.csrf_token, "csrf_field": auth.CSRF_FIELD, "admin_user": g.get("admin")}


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    target = auth.safe_next(request.values.get("next"))
    if request.method == "GET":
        if auth.current_admin():
            return redirect(target)
        return render_template("admin/sign_in.html", next=target, username="", failed=False,
                               signed_out=request.args.get("out") == "1")
    username = auth.typed_username(request.form.get("username"))
    password = request.form.get("password") or ""
    if auth.sign_in(username, password):
        auth.open_session(username, store().get_admin(username)["password_hash"])
        return redirect(target)
    return render_template("admin/sign_in.html", next=target, username=username, failed=True,
                           signed_out=False), 401


@bp.post("/sign-out")
@auth.login_required
def sign_out():
    auth.audit("sign-out")
    session.clear()
    return redirect(url_for("admin.sign_in", out=1))


@bp.get("")
@auth.login_required
def index():
    moment = auth.now().isoformat(timespec="seconds")
    admins = [{**a, "locked_until": a["locked_until"] if (a["locked_until"] or "") > moment else None}
              for a in store().admins()]
    return render_template("admin/index.html", admins=admins, recent=_entries(store().audit_log(10)))


@bp.get("/audit")
@auth.login_required
def audit():
    page = request.args.get("page", "1")
    page = min(int(page), MAX_AUDIT_PAGE) if page.isdigit() and int(page) > 0 else 1
    rows = store().audit_log(AUDIT_PER_PAGE + 1, (page - 1) * AUDIT_PER_PAGE)
    return render_template("admin/audit.html", entries=_entries(rows[:AUDIT_PER_PAGE]), page=page,
                           older=url_for("admin.audit", page=page + 1) if len(rows) > AUDIT_PER_PAGE else None,
                           newer=url_for("admin.audit", page=page - 1) if page > 1 else None)


def _entries(rows: list[dict]) -> list[dict]:
    """Audit rows as shown: the action in the page's language, the detail as "key: value" pairs."""
    return [{**row, "label": _action_label(row["action"]),
             "details": [f"{k}: {v}" for k, v in row["detail"].items()] if isinstance(row["detail"], dict)
             else ([str(row["detail"])] if row["detail"] is not None else [])}
            for row in rows]


def _action_label(action: str) -> str:
    key = f"admin.action.{action}"
    text = i18n.translate(key)
    return action if text == key else text


i18n.register({
    "vi": {
        "admin.title": "Quản trị",
        "admin.sign_in": "Đăng nhập",
        "admin.sign_in.title": "Đăng nhập quản trị",
        "admin.sign_out": "Đăng xuất",
        "admin.signed_out": "Bạn đã đăng xuất.",
        "admin.username": "Tên đăng nhập",
        "admin.password": "Mật khẩu",
        "admin.failed": "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang tạm khóa sau nhiều lần đăng nhập "
                        "sai. Hãy thử lại sau.",
        "admin.required": "Trang này chỉ dành cho quản trị viên đã đăng nhập.",
        "admin.csrf": "Biểu mẫu đã hết hạn hoặc thiếu mã bảo mật: hãy tải lại trang rồi thử lại.",
        "admin.signed_in_as": "Đang đăng nhập với tên {user}",
        "admin.nav": "Khu vực quản trị",
        "admin.overview": "Tổng quan",
        "admin.accounts": "Tài khoản quản trị",
        "admin.accounts.add": "Thêm tài khoản hoặc đổi mật khẩu bằng lệnh govnews admin add TÊN.",
        "admin.created": "Tạo lúc",
        "admin.last_sign_in": "Đăng nhập lần cuối",
        "admin.never": "chưa bao giờ",
        "admin.failures": "Lần sai liên tiếp",
        "admin.locked_until": "Khóa đến",
        "admin.recent": "Hoạt động gần đây",
        "admin.audit": "Nhật ký quản trị",
        "admin.audit.all": "Xem toàn bộ nhật ký",
        "admin.audit.page": "Trang {page}",
        "admin.audit.at": "Thời điểm",
        "admin.audit.actor": "Người thực hiện",
        "admin.audit.action": "Hành động",
        "admin.audit.detail": "Chi tiết",
        "admin.audit.address": "Địa chỉ",
        "admin.audit.empty": "Chưa có sự kiện nào.",
        "admin.audit.newer": "← Mới hơn",
        "admin.audit.older": "Cũ hơn →",
        "admin.action.sign-in": "đăng nhập",
        "admin.action.failed sign-in": "đăng nhập thất bại",
        "admin.action.lockout": "khóa tài khoản",
        "admin.action.sign-out": "đăng xuất",
        "admin.action.admin added": "thêm quản trị viên",
        "admin.action.password changed": "đổi mật khẩu",
    },
    "en": {
        "admin.title": "Administration",
        "admin.sign_in": "Sign in",
        "admin.sign_in.title": "Admin sign-in",
        "admin.sign_out": "Sign out",
        "admin.signed_out": "You have signed out.",
        "admin.username": "Username",
        "admin.password": "Password",
        "admin.failed": "Wrong username or password, or the account is locked for a while after repeated "
                        "failures. Try again later.",
        "admin.required": "This page is for signed-in admins only.",
        "admin.csrf": "The form has expired or lacks its security token: reload the page and try again.",
        "admin.signed_in_as": "Signed in as {user}",
        "admin.nav": "Admin area",
        "admin.overview": "Overview",
        "admin.accounts": "Admin accounts",
        "admin.accounts.add": "Add an account or change a password with govnews admin add NAME.",
        "admin.created": "Created",
        "admin.last_sign_in": "Last sign-in",
        "admin.never": "never",
        "admin.failures": "Failures in a row",
        "admin.locked_until": "Locked until",
        "admin.recent": "Recent activity",
        "admin.audit": "Audit log",
        "admin.audit.all": "The whole audit log",
        "admin.audit.page": "Page {page}",
        "admin.audit.at": "When",
        "admin.audit.actor": "Who",
        "admin.audit.action": "Action",
        "admin.audit.detail": "Detail",
        "admin.audit.address": "Address",
        "admin.audit.empty": "No events yet.",
        "admin.audit.newer": "← Newer",
        "admin.audit.older": "Older →",
        "admin.action.sign-in": "sign-in",
        "admin.action.failed sign-in": "failed sign-in",
        "admin.action.lockout": "lockout",
        "admin.action.sign-out": "sign-out",
        "admin.action.admin added": "admin added",
        "admin.action.password changed": "password changed",
    },
})
