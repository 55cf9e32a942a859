"""The web interface: search, article pages, exports and the JSON API over one search service."""
import threading
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, Response, abort, current_app, jsonify, render_template, request, stream_with_context

from archive.exchange import FORMATS, MEDIA_TYPES, export_chunks, manifest, records_by_ids
from archive.store import Store
from indexer.search import SearchService


FILTER_KEYS = ("resolution", "author", "site")
PER_PAGE = 20
MAX_QUERY = 500


def create_app(data_dir: Path) -> Flask:
    app = Flask(__name__)
    app.config.update(DATA_DIR=Path(data_dir), JSON_AS_ASCII=False)
    app.json.ensure_ascii = False
    app.extensions["govnews"] = _Services(Path(data_dir))
    app.after_request(_security_headers)
    _routes(app)
    return app


class _Services:
    """One archive connection and one search service per app, shared by the request threads."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.lock = threading.Lock()
        self._store: Store | None = None
        self._search: SearchService | None = None

    def store(self) -> Store:
        with self.lock:
            if self._store is None:
                self._store = Store(self.data_dir / "archive.sqlite3")
            return self._store

    def search(self) -> SearchService | None:
        """None until an index exists. Searches are serialised: a Whoosh searcher is not shared concurrently."""
        store = self.store()
        with self.lock:
            if self._search is None and (self.data_dir / "index").exists():
                self._search = SearchService(self.data_dir / "index", store)
            return self._search


def _services() -> _Services:
    return current_app.extensions["govnews"]


def _store() -> Store:
    return _services().store()


def _security_headers(response):
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def search_params() -> dict:
    """The search state of the current URL, with control characters and excess length removed."""
    args = request.args
    query = "".join(ch for ch in args.get("q", "") if ch.isprintable())[:MAX_QUERY]
    filters = {k: [v for v in args.getlist(k) if v.strip()] for k in FILTER_KEYS}
    filters["from"] = args.get("from") or None
    filters["to"] = args.get("to") or None
    sort = args.get("sort", "relevance")
    page = args.get("page", "1")
    return {"q": query, "filters": filters, "sort": sort if sort in ("relevance", "newest", "oldest") else "relevance",
            "page": min(int(page), 10_000) if page.isdigit() and int(page) > 0 else 1}


def run_search(params: dict) -> dict:
    services = _services()
    service = services.search()
    if service is None:
        return {"total": 0, "page": 1, "per_page": PER_PAGE, "hits": [], "facets": {},
                "notices": ["The archive has no index yet: run `govnews index`."]}
    with services.lock:
        try:
            return service.search(params["q"], params["filters"], sort=params["sort"], page=params["page"],
                                  per_page=PER_PAGE)
        except ValueError as err:
            params["filters"]["from"] = params["filters"]["to"] = None
            result = service.search(params["q"], params["filters"], sort=params["sort"], page=params["page"],
                                    per_page=PER_PAGE)
            result["notices"] = [f"{err} The date filter was left out."] + result.get("notices", [])
            return result


def url_with(params: dict, **changes) -> str:
    """A permalink for the search state with some parameters changed (None removes one)."""
    query = changes.pop("q", params["q"])
    pairs = [("q", query)] if query else []
    for key in FILTER_KEYS:
        values = changes.pop(key, params["filters"][key])
        pairs += [(key, v) for v in values]
    for key in ("from", "to"):
        value = changes.pop(key, params["filters"][key])
        if value:
            pairs.append((key, value))
    sort = changes.pop("sort", params["sort"])
    if sort != "relevance":
        pairs.append(("sort", sort))
    page = changes.pop("page", 1)
    if page and page > 1:
        pairs.append(("page", page))
    return "/search?" + urlencode(pairs)


def _routes(app: Flask):
    @app.get("/")
    @app.get("/search")
    def search_page():
        params = search_params()
        result = run_search(params)
        pages = max(1, -(-result["total"] // PER_PAGE))
        return render_template("search.html", params=params, result=result, pages=pages, url_with=url_with,
                               filter_keys=FILTER_KEYS)

    @app.get("/api/search")
    def api_search():
        params = search_params()
        return jsonify(run_search(params))

    @app.get("/article/<record_id>")
    def article(record_id):
        record = _store().get(record_id)
        if record is None:
            abort(404)
        return render_template("article.html", record=record)

    @app.get("/export")
    def export():
        fmt = request.args.get("format", "jsonl")
        if fmt not in FORMATS:
            abort(400, f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        params = search_params()
        services = _services()
        service = services.search()
        if service is None:
            abort(404, "the archive has no index yet")
        with services.lock:
            try:
                ids = service.matching_ids(params["q"], params["filters"], sort=params["sort"])
            except ValueError as err:
                abort(400, str(err))
        head = manifest(params["q"], params["filters"], len(ids))
        data_dir = app.config["DATA_DIR"]

        def chunks():
            # The stream outlives the request context, so it opens its own archive connection.
            with Store(data_dir / "archive.sqlite3") as store:
                yield from export_chunks(records_by_ids(store, ids), fmt, head)

        response = Response(stream_with_context(chunks()), mimetype=MEDIA_TYPES[fmt].split(";")[0])
        response.headers["Content-Type"] = MEDIA_TYPES[fmt]
        response.headers["Content-Disposition"] = f'attachment; filename="govnews-export.{fmt}"'
        response.headers["X-Govnews-Count"] = str(len(ids))
        return response

    @app.get("/healthz")
    def healthz():
        store = _store()
        return jsonify({"status": "ok", "records": store.count(),
                        "index": (app.config["DATA_DIR"] / "index").exists()})

    @app.errorhandler(404)
    def not_found(err):
        return render_template("error.html", code=404, message=getattr(err, "description", "Not found")), 404

    @app.errorhandler(400)
    def bad_request(err):
        return render_template("error.html", code=400, message=getattr(err, "description", "Bad request")), 400
