"""What every view shares: the archive and search service of the app, the search state of a URL."""
import threading
from pathlib import Path
from urllib.parse import urlencode

from flask import current_app, request

from archive.store import Store
from indexer.search import SORTS, SearchService

FILTER_KEYS = ("resolution", "author", "site")
PER_PAGE = 20
PER_PAGE_CHOICES = (10, 20, 50, 100)  # offered on the search page
MAX_PER_PAGE = 100
MAX_QUERY = 500
MAX_PAGE = 10_000


class Services:
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
        """None until an index exists."""
        store = self.store()
        with self.lock:
            if self._search is None and (self.data_dir / "index").exists():
                self._search = SearchService(self.data_dir / "index", store)
            return self._search


def services() -> Services:
    return current_app.extensions["govnews"]


def store() -> Store:
    return services().store()


def data_dir() -> Path:
    return current_app.config["DATA_DIR"]


def clean_text(value: str, limit: int = MAX_QUERY) -> str:
    """Printable characters only, at most `limit` of them."""
    return "".join(ch for ch in value if ch.isprintable())[:limit]


def search_params() -> dict:
    """The search state of the current URL; anything malformed falls back to its default."""
    args = request.args
    filters = {k: [clean_text(v, 200) for v in args.getlist(k) if v.strip()] for k in FILTER_KEYS}
    filters["from"] = clean_text(args.get("from", ""), 10) or None
    filters["to"] = clean_text(args.get("to", ""), 10) or None
    sort = args.get("sort", "relevance")
    page = args.get("page", "1")
    per_page = args.get("per_page", "")
    return {
        "q": clean_text(args.get("q", "")),
        "filters": filters,
        "sort": sort if sort in SORTS else "relevance",
        "page": min(int(page), MAX_PAGE) if page.isdigit() and int(page) > 0 else 1,
        "per_page": min(max(int(per_page), 1), MAX_PER_PAGE) if per_page.isdigit() else PER_PAGE,
    }


def run_search(params: dict, **options) -> dict:
    """The search service's result for the URL's state; a bad date filter is left out with a notice."""
    service = services().search()
    if service is None:
        return {"total": 0, "page": 1, "per_page": params["per_page"], "hits": [], "facets": {},
                "notices": ["The archive has no index yet: run `govnews index`."]}
    try:
        return service.search(params["q"], params["filters"], sort=params["sort"], page=params["page"],
                              per_page=params["per_page"], **options)
    except ValueError as err:
        params["filters"]["from"] = params["filters"]["to"] = None
        result = service.search(params["q"], params["filters"], sort=params["sort"], page=params["page"],
                                per_page=params["per_page"], **options)
        result["notices"] = [f"{err} The date filter was left out."] + result.get("notices", [])
        return result


def query_pairs(params: dict, **changes) -> list[tuple[str, str]]:
    """The URL parameters of a search state with some changed (None or [] removes one)."""
    query = changes.pop("q", params["q"])
    pairs = [("q", query)] if query else []
    for key in FILTER_KEYS:
        values = changes.pop(key, params["filters"][key])
        pairs += [(key, v) for v in values or []]
    for key in ("from", "to"):
        value = changes.pop(key, params["filters"][key])
        if value:
            pairs.append((key, value))
    sort = changes.pop("sort", params["sort"])
    if sort != "relevance":
        pairs.append(("sort", sort))
    per_page = changes.pop("per_page", params.get("per_page", PER_PAGE))
    if per_page != PER_PAGE:
        pairs.append(("per_page", str(per_page)))
    page = changes.pop("page", 1)
    if page and page > 1:
        pairs.append(("page", str(page)))
    return pairs


def url_with(params: dict, path: str = "/search", **changes) -> str:
    """A permalink for the search state with some parameters changed (None removes one)."""
    pairs = query_pairs(params, **changes)
    return path + ("?" + urlencode(pairs) if pairs else "")
