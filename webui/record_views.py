"""Article pages (and, to come, resolution pages and citations)."""
from flask import Blueprint, abort, render_template

from webui.common import store

bp = Blueprint("records", __name__)


@bp.get("/article/<record_id>")
def article(record_id):
    record = store().get(record_id)
    if record is None:
        abort(404)
    return render_template("article.html", record=record)
