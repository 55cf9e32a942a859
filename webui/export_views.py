"""Exports of whole result sets, and the health check."""
from flask import Blueprint, Response, abort, jsonify, request, stream_with_context

from archive.exchange import FORMATS, MEDIA_TYPES, export_chunks, manifest, records_by_ids
from archive.store import Store
from webui.common import data_dir, search_params, services, store

bp = Blueprint("exports", __name__)


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
        ids = service.matching_ids(params["q"], params["filters"], sort=params["sort"])
    except ValueError as err:
        abort(400, str(err))
    head = manifest(params["q"], params["filters"], len(ids))
    archive = data_dir() / "archive.sqlite3"

    def chunks():
        # The stream outlives the request context, so it opens its own archive connection.
        with Store(archive) as own:
            yield from export_chunks(records_by_ids(own, ids), fmt, head)

    response = Response(stream_with_context(chunks()), mimetype=MEDIA_TYPES[fmt].split(";")[0])
    response.headers["Content-Type"] = MEDIA_TYPES[fmt]
    response.headers["Content-Disposition"] = f'attachment; filename="govnews-export.{fmt}"'
    response.headers["X-Govnews-Count"] = str(len(ids))
    return response


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok", "records": store().count(), "index": (data_dir() / "index").exists()})
