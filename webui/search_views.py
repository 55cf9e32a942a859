"""The search page and its JSON twin."""
from flask import Blueprint, jsonify, render_template

from webui.common import FILTER_KEYS, run_search, search_params

bp = Blueprint("search", __name__)


@bp.get("/")
@bp.get("/search")
def search_page():
    params = search_params()
    result = run_search(params)
    pages = max(1, -(-result["total"] // params["per_page"]))
    return render_template("search.html", params=params, result=result, pages=pages, filter_keys=FILTER_KEYS)


@bp.get("/api/search")
def api_search():
    return jsonify(run_search(search_params()))
