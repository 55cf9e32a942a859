"""Admin sign-in: password hashes, the lockout policy, the session cookie, CSRF tokens and the guard.

Admin accounts live in the archive (`govnews admin add USER`). A signed-in admin's session (a
signed cookie) carries the username and a fingerprint of the password hash, so changing a
password signs that admin out everywhere. Every request to /admin is guarded before it reaches
a view, whichever blueprint serves it: strangers are sent to the sign-in page (or get 401), and
every POST must carry the session's CSRF token (a form field `csrf_token` or the header
`X-CSRF-Token`), else 400.

Failed sign-ins are slowed (a delay growing with the failures in a row, capped) and every
MAX_FAILURES-th failure in a row locks the account for LOCK_SECONDS. Unknown usernames take the
same path as wrong passwords: a hash is compared, the delay is slept, the answer is the same.
"""
import functools
import hashlib
import hmac
import logging
import os
import secrets
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app, g, jsonify, redirect, render_template, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from werkzeug.exceptions import BadRequest
from werkzeug.security import check_password_hash, generate_password_hash

from webui import i18n
from webui.common import clean_text, store

log = logging.getLogger(__name__)

HASH_METHOD = "scrypt"
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # longer ones are refused unhashed: hashing megabytes is a denial of service
MAX_USERNAME = 100

# The lockout policy (module attributes, so tests can patch them and `sleep` and `now`).
MAX_FAILURES = 5  # every 5th failure in a row locks the account…
LOCK_SECONDS = 15 * 60  # …for 15 minutes
FIRST_DELAY = 0.25  # seconds slept after the first failure in a row, doubled after each further one…
MAX_DELAY = 2.0  # …up to this
sleep = time.sleep


def now() -> datetime:
    return datetime.now(timezone.utc)


SESSION_LIFETIME = timedelta(hours=12)
SECRET_KEY_FILE = "secret_key"
SECRET_KEY_ENV = "GOVNEWS_SECRET_KEY"
PREFIX = "/admin"
PUBLIC_ENDPOINTS = {"admin.sign_in"}  # the only /admin views strangers may reach
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


# --- passwords -------------------------------------------------------------------------

def hash_password(password: str) -> str:
    return generate_password_hash(password, method=HASH_METHOD)


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None if it will do."""
    if len(password) < MIN_PASSWORD:
        return f"the password must have at least {MIN_PASSWORD} characters"
    if len(password) > MAX_PASSWORD:
        return f"the password must have at most {MAX_PASSWORD} characters"
    return None


def username_problem(username: str) -> str | None:
    """Why a new username is refused, or None if it will do."""
    if not username or len(username) > MAX_USERNAME:
        return f"a username has 1 to {MAX_USERNAME} characters"
    if not all(ch.isalnum() or ch in "._@-" for ch in username):
        return "a username has only letters, digits and . _ @ -"
    return None


@functools.cache
def _dummy_hash() -> str:
    """What unknown usernames are checked against, so they cost as much time as known ones."""
    return hash_password(secrets.token_urlsafe(16))


def failure_delay(failures: int) -> float:
    """Seconds to sleep after the `failures`th failed sign-in in a row."""
    return min(FIRST_DELAY * 2 ** (max(failures, 1) - 1), MAX_DELAY)


# Failures in a row of usernames with no account, so their delays grow like real ones
# (kept in memory only, and forgotten in bulk when too many names pile up).
_unknown_failures: dict[str, int] = {}
_UNKNOWN_MAX = 10_000


def sign_in(username: str, password: str) -> bool:
    """Check a sign-in, count and audit it; True if the admin may come in.

    A failure sleeps a growing delay; so does an unknown username, which is also checked
    against a hash, so neither the answer nor its time tells whether the account exists.
    """
    address = request.remote_addr
    archive = store()
    admin = archive.get_admin(username) if username else None
    when = now()
    locked = bool(admin and admin["locked_until"] and datetime.fromisoformat(admin["locked_until"]) > when)
    if len(password) > MAX_PASSWORD:
        check_password_hash(_dummy_hash(), "")
        matches = False
    else:
        matches = check_password_hash(admin["password_hash"] if admin else _dummy_hash(), password)
    if matches and not locked:
        archive.reset_failures(username)
        archive.audit(username, "sign-in", None, address)
        log.info("admin %r signed in from %s", username, address)
        return True
    until = None
    if locked:
        failures, reason = admin["failed_count"], "locked"
    elif admin:
        until = (when + timedelta(seconds=LOCK_SECONDS)).isoformat(timespec="seconds")
        failures = archive.record_failed_sign_in(username, MAX_FAILURES, until) or 1
        reason = "wrong password"
    else:
        if len(_unknown_failures) >= _UNKNOWN_MAX:
            _unknown_failures.clear()
        failures = _unknown_failures[username] = _unknown_failures.get(username, 0) + 1
        reason = "unknown user"
    archive.audit(username, "failed sign-in", {"result": "failed", "reason": reason, "failures": failures},
                  address)
    log.info("failed sign-in as %r from %s (%s)", username, address, reason)
    if until and failures % MAX_FAILURES == 0:
        archive.audit(username, "lockout", {"failures": failures, "until": until}, address)
        log.warning("admin %r locked until %s after %d failed sign-ins", username, until, failures)
    sleep(failure_delay(failures))
    return False


# --- the session -----------------------------------------------------------------------

def secret_key(data_dir: Path) -> str:
    """$GOVNEWS_SECRET_KEY, else the key kept in DATA_DIR/secret_key (made, mode 0600, on first use).

    A key that outlives restarts keeps admins signed in across them. If the data directory
    cannot be written, a key for this process only is used (sessions end with it).
    """
    if os.environ.get(SECRET_KEY_ENV):
        return os.environ[SECRET_KEY_ENV]
    path = Path(data_dir) / SECRET_KEY_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            key = path.read_text(encoding="ascii").strip()
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
            if key:
                return key
            raise OSError(f"{path} is empty") from None
        key = secrets.token_hex(32)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(key + "\n")
        return key
    except OSError as err:
        log.warning("cannot keep the session key in %s (%s): admins are signed out when the server stops",
                    path, err)
        return secrets.token_hex(32)


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, marked Secure whenever the request came over HTTPS.

    Deciding per request here (rather than by changing app.config in a before_request hook,
    which the threads serving other requests share) keeps the cookie usable on plain-HTTP
    loopback (`govnews serve`, `govnews demo`) and Secure as soon as the site is served over
    HTTPS. Behind a proxy that terminates TLS, have it send X-Forwarded-Proto and wrap the app
    in werkzeug's ProxyFix so request.is_secure tells the truth, or set SESSION_COOKIE_SECURE.
    """

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure


def _fingerprint(password_hash: str) -> str:
    """Ties a session to the password it was opened with, without putting the hash in the cookie."""
    key = current_app.secret_key
    key = key.encode() if isinstance(key, str) else key
    return hmac.new(key, password_hash.encode(), hashlib.sha256).hexdigest()[:32]


def open_session(username: str, password_hash: str) -> None:
    """A fresh session for a signed-in admin: nothing of the stranger's session is kept."""
    session.clear()
    session.permanent = True
    session["admin"] = username
    session["key"] = _fingerprint(password_hash)
    session["since"] = int(now().timestamp())
    session[CSRF_FIELD] = secrets.token_urlsafe(32)


def current_admin() -> str | None:
    """The signed-in admin's username, or None (also when the account is gone, its password changed,
    or the session is older than SESSION_LIFETIME: the cookie's expiry slides with each request)."""
    if "admin" in g:
        return g.admin
    g.admin = None
    username, since = session.get("admin"), session.get("since")
    fresh = isinstance(since, int) and now().timestamp() - since < SESSION_LIFETIME.total_seconds()
    if isinstance(username, str) and fresh:
        admin = store().get_admin(username)
        if admin and hmac.compare_digest(str(session.get("key", "")), _fingerprint(admin["password_hash"])):
            g.admin = username
    return g.admin


def audit(action: str, detail: dict | None = None) -> None:
    """Record an action of the signed-in admin in the audit log, with the client's address."""
    store().audit(current_admin(), action, detail, request.remote_addr)


def csrf_token() -> str:
    """The session's CSRF token (made on first use): every form posting to /admin carries it."""
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str) or not token:
        token = session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    """400 unless the request carries the session's CSRF token."""
    expected = session.get(CSRF_FIELD)
    given = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if not (isinstance(expected, str) and expected and given
            and hmac.compare_digest(given.encode(), expected.encode())):
        raise BadRequest(i18n.translate("admin.csrf"))


# --- refusing strangers ----------------------------------------------------------------

def is_admin_path(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a local /admin path, else /admin."""
    if not target or "\\" in target or any(not ch.isprintable() for ch in target):
        return PREFIX
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not is_admin_path(parts.path):
        return PREFIX
    return target


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def refuse_stranger():
    """A redirect to the sign-in page for a browser's GET; 401 for anything else."""
    if request.method in ("GET", "HEAD") and not _wants_json():
        here = request.path + ("?" + request.query_string.decode("latin-1") if request.query_string else "")
        return redirect(url_for("admin.sign_in", next=here))
    message = i18n.translate("admin.required")
    if _wants_json():
        return jsonify({"error": message, "status": 401}), 401
    return render_template("error.html", code=401, message=message), 401


def guard():
    """Before every request: /admin needs a signed-in admin, and every POST there a CSRF token."""
    if not is_admin_path(request.path):
        return None
    if "lang" not in g:  # this hook may run before the app's own; refusals are in the page's language
        g.lang = i18n.choose_language()
    if request.endpoint not in PUBLIC_ENDPOINTS and current_admin() is None:
        return refuse_stranger()
    if request.method not in SAFE_METHODS:
        check_csrf()
    return None


def login_required(view):
    """For admin views (the guard already covers /admin; this keeps a view safe wherever it is mounted)."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if current_admin() is None:
            return refuse_stranger()
        if request.method not in SAFE_METHODS:
            check_csrf()
        return view(*args, **kwargs)
    return wrapper


def typed_username(value: str | None) -> str:
    """A username as typed into the form, safe to keep in the audit log."""
    return clean_text((value or "").strip(), MAX_USERNAME)
