"""Exports of whole result sets, the Atom feed of a search, the OpenAPI description and the health check."""
import hashlib
import json
import time

from flask import Blueprint, Response, abort, current_app, jsonify, request, stream_with_context

from archive.exchange import FORMATS, MEDIA_TYPES, export_chunks, manifest, records_by_ids
from archive.store import Store
from webui import feed as atom, i18n, openapi
from webui.common import PER_PAGE, data_dir, run_search, search_params, services, store, url_with

bp = Blueprint("exports", __name__)

EXPORT_SECONDS = 300  # an export stream stops after this long (app.config["EXPORT_SECONDS"] overrides)
EXPORT_BATCH = 200  # records read from the archive at a time while streaming
CHUNK_CHARS = 64 * 1024  # the stream is written in pieces of about this size
MANIFEST_HEADER_LIMIT = 8192  # past this the X-Govnews-Manifest header leaves out the query and filters


@bp.get("/export")
def export():
    fmt = request.args.get("format", "jsonl")
    if fmt not in FORMATS:
        abort(400, f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    params = search_params()
    service = services().search()
    if service is None:
        abort(404, "the archive has no index yet")
    try:
        # Only the ids are held for the whole stream (the snapshot's own strings, 8 bytes each);
        # the records are read EXPORT_BATCH at a time while the response is written.
        ids = service.matching_ids(params["q"], params["filters"], sort=params["sort"])
    except ValueError as err:
        abort(400, str(err))
    head = manifest(params["q"], params["filters"], len(ids))
    archive = data_dir() / "archive.sqlite3"
    seconds = float(current_app.config.get("EXPORT_SECONDS", EXPORT_SECONDS))
    logger = current_app.logger

    def chunks():
        # The stream outlives the request context, so it opens its own archive connection.
        with Store(archive) as own:
            yield from _pieces(bounded_export(own, ids, fmt, head, seconds, logger=logger))

    response = Response(stream_with_context(chunks()), mimetype=MEDIA_TYPES[fmt].split(";")[0])
    response.headers["Content-Type"] = MEDIA_TYPES[fmt]
    response.headers["Content-Disposition"] = f'attachment; filename="govnews-export.{fmt}"'
    response.headers["X-Govnews-Count"] = str(len(ids))
    response.headers["X-Govnews-Manifest"] = manifest_header(head)
    return response


def manifest_header(head: dict) -> str:
    """The manifest as a header value: ASCII JSON on one line (the query and filters are left out
    when they would make it longer than MANIFEST_HEADER_LIMIT)."""
    value = json.dumps(head, ensure_ascii=True, separators=(",", ":"))
    if len(value) > MANIFEST_HEADER_LIMIT:
        short = {k: v for k, v in head.items() if k not in ("query", "filters")}
        value = json.dumps({**short, "omitted": ["query", "filters"]}, ensure_ascii=True, separators=(",", ":"))
    return value


def bounded_export(store, ids: list[str], fmt: str, head: dict, seconds: float, batch: int | None = None,
                   logger=None):
    """The export's text chunks (archive.exchange.export_chunks), stopped after `seconds` with the
    format's own truncation marker: a last {"_truncated": …} line in JSON Lines, a "# truncated: …"
    line in CSV, a "truncated" key in JSON. A failure while streaming ends the same way."""
    deadline = time.monotonic() + seconds
    state = {"written": 0, "reason": None}

    def records():
        source = records_by_ids(store, ids, batch or EXPORT_BATCH)
        while True:
            try:
                record = next(source)
            except StopIteration:
                return
            except Exception:
                if logger:
                    logger.exception("export stopped by an error")
                state["reason"] = "error while reading the archive"
                return
            if time.monotonic() >= deadline:
                state["reason"] = f"time limit of {seconds:g} s reached"
                return
            state["written"] += 1
            yield record

    held = None  # the last chunk is held back: JSON's closing bracket makes room for the marker
    for chunk in export_chunks(records(), fmt, head):
        if held is not None:
            yield held
        held = chunk
    if state["reason"] is None:
        if held is not None:
            yield held
        return
    info = {"reason": state["reason"], "seconds": seconds, "written": state["written"], "count": len(ids)}
    marker = json.dumps(info, ensure_ascii=False)
    if fmt == "json":
        assert held.endswith("}\n"), held  # export_chunks ends a JSON export with "]}\n"
        yield held[:-2] + f', "truncated": {marker}}}\n'
    elif fmt == "jsonl":
        yield held + json.dumps({"_truncated": info}, ensure_ascii=False) + "\n"
    else:
        yield held + f"# truncated: {marker}\n"


def _pieces(chunks, size: int | None = None):
    """The chunks joined into pieces of about `size` (CHUNK_CHARS) characters: fewer, larger writes."""
    size = size or CHUNK_CHARS
    parts, length = [], 0
    for chunk in chunks:
        parts.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(parts)
            parts, length = [], 0
    if parts:
        yield "".join(parts)


# --- the Atom feed -------------------------------------------------------------------------

@bp.get("/feed.atom")
def feed():
    params = search_params()
    params.update(sort="newest", page=1, per_page=atom.ENTRIES)
    result = run_search(params, facets=())
    root = request.host_url  # ends with "/"
    body = atom.atom_feed(
        result["hits"], title=feed_title(params),
        feed_id=root.rstrip("/") + url_with(params, "/feed.atom", sort="relevance", per_page=PER_PAGE),
        self_url=root.rstrip("/") + url_with(params, "/feed.atom", sort="relevance", per_page=PER_PAGE),
        alternate_url=root.rstrip("/") + url_with(params, "/search", per_page=PER_PAGE),
        base_url=root)
    response = Response(body, content_type=atom.MEDIA_TYPE)
    response.set_etag(hashlib.sha1(body).hexdigest())
    response.headers["Cache-Control"] = "public, max-age=300"
    return response.make_conditional(request)


def feed_title(params: dict) -> str:
    """'govnews: ' and what the search looks for: its words, then its filters."""
    filters = params["filters"]
    parts = [params["q"]] if params["q"] else []
    for key in ("resolution", "author", "site"):
        if filters[key]:
            parts.append(", ".join(filters[key]))
    if filters["from"]:
        parts.append(i18n.translate("feed.from", date=filters["from"]))
    if filters["to"]:
        parts.append(i18n.translate("feed.to", date=filters["to"]))
    return "govnews: " + (" · ".join(parts) or i18n.translate("feed.everything"))


# --- the description of the API and the health check ----------------------------------------

@bp.get("/api/openapi.json")
def openapi_json():
    return jsonify(openapi.document(request.host_url))


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok", "records": store().count(), "index": (data_dir() / "index").exists()})


i18n.register({
    "vi": {"feed.everything": "mọi tin mới", "feed.from": "từ {date}", "feed.to": "đến {date}"},
    "en": {"feed.everything": "all news", "feed.from": "from {date}", "feed.to": "to {date}"},
})
