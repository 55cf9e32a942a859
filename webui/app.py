"""The web interface: search, article and resolution pages, exports, feeds and the JSON API."""
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, g, render_template, request

from webui import admin_jobs, auth, i18n  # noqa: F401  (admin_jobs adds the jobs pages to the admin blueprint)
from webui import admin_portals  # noqa: F401  (adds the portals pages to the admin blueprint)
from webui import admin_schedules, scheduler  # noqa: F401  (admin_schedules adds /admin/schedules)
from webui.admin_views import bp as admin_bp
from webui.common import Services, url_with
from webui.export_views import bp as export_bp
from webui.record_views import bp as record_bp
from webui.search_views import bp as search_bp

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def create_app(data_dir: Path) -> Flask:
    app = Flask(__name__)
    app.config.update(DATA_DIR=Path(data_dir), JSON_AS_ASCII=False)
    app.json.ensure_ascii = False
    app.extensions["govnews"] = Services(Path(data_dir))
    # The admin session: a signed cookie whose key outlives restarts (DATA_DIR/secret_key, or
    # $GOVNEWS_SECRET_KEY), HttpOnly, SameSite=Lax, and Secure whenever the request came over
    # HTTPS: auth.SessionInterface decides that per request, because changing app.config in a
    # before_request hook would race between threads, and a fixed Secure flag would make the
    # cookie unusable on plain-HTTP loopback (`govnews serve`, `govnews demo`).
    app.config.update(SECRET_KEY=auth.secret_key(Path(data_dir)), SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SAMESITE="Lax", PERMANENT_SESSION_LIFETIME=auth.SESSION_LIFETIME)
    app.session_interface = auth.SessionInterface()
    for blueprint in (search_bp, record_bp, export_bp, admin_bp):
        app.register_blueprint(blueprint)
    app.before_request(_choose_language)
    app.after_request(i18n.remember_choice)
    app.after_request(_security_headers)
    app.context_processor(_template_helpers)
    _error_pages(app)
    scheduler.start(app)  # crawl schedules; off under app.testing or GOVNEWS_SCHEDULER=0 (webui.scheduler)
    return app


def _choose_language():
    g.lang = i18n.choose_language()


def _template_helpers() -> dict:
    def with_lang(lang: str) -> str:
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", lang)]
        return request.path + "?" + urlencode(args)

    return {"t": i18n.translate, "lang": getattr(g, "lang", i18n.DEFAULT), "languages": i18n.LANGUAGES,
            "with_lang": with_lang, "url_with": url_with}


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response


def _error_pages(app: Flask) -> None:
    def page(code: int, default: str):
        def handler(err):
            message = getattr(err, "description", default)
            if request.path.startswith("/api/"):
                return {"error": message, "status": code}, code
            return render_template("error.html", code=code, message=message), code
        return handler

    app.register_error_handler(400, page(400, "Bad request"))
    app.register_error_handler(404, page(404, "Not found"))
    app.register_error_handler(405, page(405, "Method not allowed"))
