"""Article pages (with revisions, citations and previous/next within a result set) and
resolution pages (the articles citing one document, over time and by site)."""
import difflib
import json
import re
from collections import Counter, defaultdict

from flask import Blueprint, Response, abort, g, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup, escape

from archive.docref import canonical_id, find_references
from archive.record import FIELDS, VOLATILE_FIELDS
from webui import histogram, i18n
from webui.citations import bibtex, csl_json, ris
from webui.common import FILTER_KEYS, MAX_PAGE, PER_PAGE, search_params, services, store, url_with

bp = Blueprint("records", __name__)

# URL parameters that make an article page part of a result set (the names of /search).
SEARCH_KEYS = ("q", *FILTER_KEYS, "from", "to", "sort")
MAX_POSITION = 10_000  # previous/next only within the first this many results
COMPARED_FIELDS = tuple(f for f in FIELDS if f not in VOLATILE_FIELDS)  # a change in these is shown
DIFF_CONTEXT = 12  # unchanged words kept around a change in a diff
RESOLUTION_PER_PAGE = 20
FACET_LIMIT = 500  # sites and co-cited documents counted for a resolution page
CITED_WITH_SHOWN = 20
DESCRIBE_LIMIT = 2000  # citing records read to tell a document's type, issuer and date
MAX_DOC_ID = 200


# --- article -------------------------------------------------------------------------------

@bp.get("/article/<record_id>")
def article(record_id):
    record = _record_or_404(record_id)
    return render_template("article.html", record=record, cited=_cited(record),
                           history=_history(store().revisions(record_id)),
                           nav=_result_navigation(record_id),
                           site_href=url_with(_empty_params(), site=[record["site"]]) if record.get("site") else None,
                           citations={fmt: url_for("records.citation_" + fmt, record_id=record_id)
                                      for fmt in ("bib", "ris", "json")})


@bp.get("/api/article/<record_id>")
def api_article(record_id):
    record = _record_or_404(record_id)
    revisions = [{"revision": r["revision"], "fetched": r["fetched"], "changed": r["changed"]}
                 for r in _history(store().revisions(record_id), diffs=False)]
    return jsonify(dict(record, revisions=revisions))


def _record_or_404(record_id: str) -> dict:
    record = store().get(record_id)
    if record is None:
        abort(404, i18n.translate("article.missing"))
    return record


def _empty_params() -> dict:
    """The search state of a plain /search (for links that set only a filter or two)."""
    return {"q": "", "filters": {**{k: [] for k in FILTER_KEYS}, "from": None, "to": None},
            "sort": "relevance", "page": 1, "per_page": PER_PAGE}


def _cited(record: dict) -> list[dict]:
    """The documents an article cites: its references (type, issuer, date as the article gives
    them), then cited ids without a reference entry; each with its page and a filtered search."""
    refs = [dict(r) for r in record.get("references") or [] if r.get("id")]
    known = {r["id"] for r in refs}
    refs += [{"id": rid} for rid in record.get("resolutions") or [] if rid not in known]
    for ref in refs:
        ref["page"] = url_for("records.resolution", doc_id=ref["id"])
        ref["search"] = url_with(_empty_params(), resolution=[ref["id"]])
    return refs


def _result_navigation(record_id: str) -> dict | None:
    """Links to the previous and next result and back to the results, when the URL carries a
    search state; None without one."""
    if not any(key in request.args for key in SEARCH_KEYS):
        return None
    params = search_params()
    nav = {"back": url_with(params), "prev": None, "next": None, "position": None, "total": None}
    service = services().search()
    if service is None:
        return nav
    try:
        ids = service.matching_ids(params["q"], params["filters"], sort=params["sort"])
    except ValueError:  # a malformed date: the search page leaves the date filter out too
        params["filters"]["from"] = params["filters"]["to"] = None
        ids = service.matching_ids(params["q"], params["filters"], sort=params["sort"])
    total = len(ids)
    ids = ids[:MAX_POSITION]
    try:
        at = ids.index(record_id)
    except ValueError:  # not among the results (any more): only the way back
        return nav

    def link(other: str) -> str:
        return url_with(params, path=url_for("records.article", record_id=other))

    nav.update(position=at + 1, total=total,
               back=url_with(params, page=at // params["per_page"] + 1),
               prev=link(ids[at - 1]) if at > 0 else None,
               next=link(ids[at + 1]) if at + 1 < len(ids) else None)
    return nav


# --- revisions ------------------------------------------------------------------------------

def _history(revisions: list[dict], diffs: bool = True) -> list[dict]:
    """Each stored revision, oldest first, with the fields changed from the one before and,
    if `diffs`, the change of each as escaped markup with <ins>/<del>."""
    history, previous = [], None
    for rev in revisions:
        changed = [f for f in COMPARED_FIELDS if previous is not None and previous.get(f) != rev.get(f)]
        entry = {"revision": rev.get("revision"), "fetched": rev.get("fetched"), "changed": changed}
        if diffs:
            entry["diffs"] = [{"field": f, "diff": diff_markup(_display(previous.get(f)), _display(rev.get(f)))}
                              for f in changed]
        history.append(entry)
        previous = rev
    return history


def _display(value) -> str:
    """A field's value as text to compare: lists one item a line."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_display_item(item) for item in value)
    return str(value)


def _display_item(item) -> str:
    if not isinstance(item, dict):
        return str(item)
    if "name" in item:  # an author
        return item["name"] + (f" ({item['role']})" if item.get("role") else "")
    return " · ".join(str(v) for v in item.values() if v not in (None, ""))


_WORDS = re.compile(r"\s+|[^\s]+")
_LINES = re.compile(r"\n+|[^\n]+")
MAX_WORD_DIFF = 20_000  # tokens in both texts; longer texts are compared line by line


def diff_markup(old: str, new: str, context: int = DIFF_CONTEXT) -> Markup:
    """A word diff of two texts (a line diff of very long ones): removed words in <del>, added
    in <ins>, every piece escaped; long unchanged stretches are cut to `context` words around
    the changes."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    if len(a) + len(b) > MAX_WORD_DIFF:
        a, b = _LINES.findall(old or ""), _LINES.findall(new or "")
    removed = escape(i18n.translate("article.diff.removed"))
    added = escape(i18n.translate("article.diff.added"))
    lang = getattr(g, "lang", i18n.DEFAULT)  # of the labels, inside text in the article's language
    parts = []
    chunks = _chunks(a, b)
    for n, (same, old_part, new_part) in enumerate(chunks):
        if same:
            parts.append(_shortened(old_part, context, first=n == 0, last=n == len(chunks) - 1))
            continue
        if old_part:
            parts.append(Markup('<del><span class="visually-hidden" lang="{}">{}</span>{}</del>')
                         .format(lang, removed, "".join(old_part)))
        if new_part:
            parts.append(Markup('<ins><span class="visually-hidden" lang="{}">{}</span>{}</ins>')
                         .format(lang, added, "".join(new_part)))
    return Markup("").join(parts)


def _chunks(a: list[str], b: list[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(unchanged?, old tokens, new tokens) runs of a token diff; two changes with only
    spaces between them are one change ("triển khai" → "sơ kết", not word by word)."""
    chunks = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        chunks.append((op == "equal", a[i1:i2], b[j1:j2]))
    merged = []
    for chunk in chunks:
        if merged and not chunk[0] and len(merged) >= 2 and not merged[-2][0] and merged[-1][0] \
                and all(token.isspace() for token in merged[-1][1]):
            space = merged.pop()[1]
            before = merged.pop()
            chunk = (False, before[1] + space + chunk[1], before[2] + space + chunk[2])
        merged.append(chunk)
    return merged


def _shortened(tokens: list[str], context: int, first: bool, last: bool) -> Markup:
    """Unchanged tokens (words and spaces), escaped, with the middle of a long run left out."""
    keep = 2 * context  # tokens alternate word / space
    head = [] if first else tokens[:keep]
    tail = [] if last else tokens[-keep:]
    if len(tokens) <= len(head) + len(tail) + 2:
        return escape("".join(tokens))
    gap = Markup('<span class="gap" aria-hidden="true"> … </span>')
    return escape("".join(head)) + gap + escape("".join(tail))


# --- citations ------------------------------------------------------------------------------

CITATION_TYPES = {
    "bib": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
    "json": "application/vnd.citationstyles.csl+json",
}


def _citation_response(record: dict, fmt: str, text: str) -> Response:
    response = Response(text.encode("utf-8"), mimetype=CITATION_TYPES[fmt])
    response.headers["Content-Type"] = CITATION_TYPES[fmt] + "; charset=utf-8"
    name = re.sub(r"[^A-Za-z0-9_-]", "_", record["id"])
    response.headers["Content-Disposition"] = f'attachment; filename="govnews-{name}.{fmt}"'
    return response


@bp.get("/article/<record_id>/cite.bib")
def citation_bib(record_id):
    record = _record_or_404(record_id)
    return _citation_response(record, "bib", bibtex(record))


@bp.get("/article/<record_id>/cite.ris")
def citation_ris(record_id):
    record = _record_or_404(record_id)
    return _citation_response(record, "ris", ris(record))


@bp.get("/article/<record_id>/cite.json")
def citation_json(record_id):
    record = _record_or_404(record_id)
    return _citation_response(record, "json", json.dumps(csl_json(record), ensure_ascii=False, indent=2) + "\n")


# --- resolution pages -----------------------------------------------------------------------

def _canonical_or_redirect(doc_id: str, endpoint: str):
    """(canonical id, None), or (None, a 301 to the canonical URL) for another written form."""
    if len(doc_id) > MAX_DOC_ID:
        abort(404, i18n.translate("resolution.missing", id=doc_id[:MAX_DOC_ID] + "…"))
    written = doc_id.strip().strip("/").strip()
    canon = canonical_id(written) or written
    if not canon:
        abort(404, i18n.translate("resolution.missing", id=doc_id))
    if canon == doc_id or canonical_id(canon) not in (canon, None):  # (never redirect in a loop)
        return doc_id, None
    target = url_for(endpoint, doc_id=canon)
    query = request.query_string.decode("latin-1")
    return None, redirect(target + ("?" + query if query else ""), code=301)


def _page_number() -> int:
    value = request.args.get("page", "1")
    return min(int(value), MAX_PAGE) if value.isdigit() and int(value) > 0 else 1


def resolution_summary(doc_id: str, page: int = 1) -> dict:
    """What the archive knows of one document: how its citing articles describe it, and the
    citing articles by month, by site and with the documents cited beside it. 404 if none."""
    service = services().search()
    if service is None:
        abort(404, i18n.translate("resolution.no_index"))
    filters = {"resolution": [doc_id]}
    result = service.search("", filters, sort="newest", page=page, per_page=RESOLUTION_PER_PAGE,
                            facets=("site", "month"), facet_limit=FACET_LIMIT)
    if not result["total"]:
        abort(404, i18n.translate("resolution.missing", id=doc_id))
    citing = store().get_many(service.matching_ids("", filters, sort="newest")[:DESCRIBE_LIMIT])
    facets = result["facets"]
    return {
        "id": doc_id,
        **_described(doc_id, citing),
        "articles": result["total"],
        "hits": result["hits"],
        "page": result["page"],
        "by_month": facets.get("month", []),
        "by_site": facets.get("site", []),
        "cited_with": _cited_with(service, doc_id, result["total"], citing),
        "sites": _site_names(citing),
    }


def _cited_with(service, doc_id: str, total: int, citing: list[dict]) -> list[list]:
    """[[id, articles citing both], …], most first, without the document itself.

    The resolution facet of a resolution *filter* counts as if that filter were off (so a
    user can add another document to it), so the document is asked for as a query instead;
    should the query not find the same articles, the citing records are counted directly.
    """
    if '"' not in doc_id:
        found = service.search(f'resolution:"{doc_id}"', {}, sort="newest", per_page=1,
                               facets=("resolution",), facet_limit=FACET_LIMIT)
        if found["total"] == total and not found.get("notices"):
            return [[rid, count] for rid, count in found["facets"]["resolution"] if rid != doc_id]
    together = Counter(rid for record in citing for rid in set(record.get("resolutions") or []) if rid != doc_id)
    return [[rid, count] for rid, count in sorted(together.items(), key=lambda item: (-item[1], item[0]))[:FACET_LIMIT]]


def _described(doc_id: str, citing: list[dict]) -> dict:
    """The type, type name, issuer and date most of the citing articles give the document
    (the id's own grammar fills in what none of them give)."""
    counts = {key: Counter() for key in ("type", "type_name", "issuer", "date")}
    for record in citing:
        for ref in record.get("references") or []:
            if ref.get("id") == doc_id:
                for key, counter in counts.items():
                    if ref.get(key):
                        counter[ref[key]] += 1
    parsed = next((r for r in find_references(doc_id) if r.get("id") == doc_id), {})
    return {key: counter.most_common(1)[0][0] if counter else parsed.get(key)
            for key, counter in counts.items()}


def _site_names(records: list[dict]) -> dict:
    """{site: "agency, province"} as the records name them (the most common naming)."""
    names = defaultdict(Counter)
    for record in records:
        label = ", ".join(v for v in (record.get("agency"), record.get("province")) if v)
        if label and record.get("site"):
            names[record["site"]][label] += 1
    return {site: counter.most_common(1)[0][0] for site, counter in names.items()}


@bp.get("/resolution/<path:doc_id>")
def resolution(doc_id):
    canon, moved = _canonical_or_redirect(doc_id, "records.resolution")
    if moved:
        return moved
    info = resolution_summary(canon, _page_number())
    bars = histogram.month_bars(info["by_month"], lambda first, last: url_with(
        _empty_params(), resolution=[canon], **{"from": first, "to": last}))
    chart = histogram.svg(bars, i18n.translate("resolution.timeline", id=canon), lambda bar: i18n.translate(
        "resolution.bar.one" if bar["count"] == 1 else "resolution.bar", month=bar["month"], count=bar["count"]),
        css_class="res-chart")
    pages = max(1, -(-info["articles"] // RESOLUTION_PER_PAGE))
    state = {**_empty_params(), "sort": "newest"}
    state["filters"]["resolution"] = [canon]
    for hit in info["hits"]:
        hit["href"] = url_with(state, path=url_for("records.article", record_id=hit["id"]))
    sites = [{"site": site, "count": count, "name": info["sites"].get(site),
              "href": url_with(_empty_params(), resolution=[canon], site=[site])}
             for site, count in info["by_site"]]
    cited_with = [{"id": rid, "count": count, "href": url_for("records.resolution", doc_id=rid)}
                  for rid, count in info["cited_with"][:CITED_WITH_SHOWN]]
    undated = info["articles"] - sum(count for _, count in info["by_month"])

    def page_link(number: int) -> str:
        return url_for("records.resolution", doc_id=canon) + (f"?page={number}" if number > 1 else "")

    return render_template(
        "resolution.html", info=info, per_page=RESOLUTION_PER_PAGE, bars=[b for b in bars if b["count"]], chart=chart, pages=pages,
        sites=sites, cited_with=cited_with, undated=undated, page_link=page_link,
        search_href=url_with(state, sort="newest"), api_href=url_for("records.api_resolution", doc_id=canon))


@bp.get("/api/resolution/<path:doc_id>")
def api_resolution(doc_id):
    canon, moved = _canonical_or_redirect(doc_id, "records.api_resolution")
    if moved:
        return moved
    info = resolution_summary(canon)
    return jsonify({key: info[key] for key in
                    ("id", "type", "type_name", "issuer", "date", "articles", "by_month", "by_site", "cited_with")})


# --- interface texts ------------------------------------------------------------------------

_FIELD_LABELS = {
    "vi": {"url": "Địa chỉ", "source_url": "Nguồn", "site": "Trang", "agency": "Cơ quan",
           "province": "Tỉnh", "title": "Tiêu đề", "summary": "Tóm tắt", "body": "Nội dung",
           "published": "Ngày đăng", "updated": "Ngày cập nhật", "authors": "Tác giả",
           "resolutions": "Văn bản trích dẫn", "references": "Chi tiết văn bản trích dẫn",
           "category": "Chuyên mục", "images": "Ảnh", "attachments": "Tệp đính kèm",
           "language": "Ngôn ngữ"},
    "en": {"url": "Address", "source_url": "Source", "site": "Site", "agency": "Agency",
           "province": "Province", "title": "Title", "summary": "Summary", "body": "Body",
           "published": "Published", "updated": "Updated", "authors": "Authors",
           "resolutions": "Cited documents", "references": "Cited document details",
           "category": "Category", "images": "Images", "attachments": "Attachments",
           "language": "Language"},
}

i18n.register({
    "vi": {
        **{f"article.field.{name}": label for name, label in _FIELD_LABELS["vi"].items()},
        "article.missing": "Không có bài viết này trong kho.",
        "article.meta": "Thông tin bài viết",
        "article.published": "Ngày đăng",
        "article.updated": "Cập nhật",
        "article.agency": "Cơ quan",
        "article.site": "Trang",
        "article.province": "Tỉnh",
        "article.category": "Chuyên mục",
        "article.authors": "Tác giả",
        "article.images": "Ảnh",
        "article.image.open": "Xem ảnh (trang gốc)",
        "article.image.nocaption": "Ảnh không có chú thích",
        "article.image.nosource": "ảnh không được lưu",
        "article.attachments": "Tệp đính kèm",
        "article.links": "Liên kết",
        "article.original": "Bài gốc",
        "article.source": "Nguồn (bài này đăng lại hoặc dịch từ)",
        "article.cites": "Văn bản được trích dẫn",
        "article.cites.search": "Các bài trích dẫn văn bản này",
        "article.cites.issued": "ngày {date}",
        "article.cites.mentions": "nhắc {count} lần",
        "article.cites.mentions.one": "nhắc 1 lần",
        "article.cite": "Trích dẫn bài này",
        "article.cite.bib": "BibTeX",
        "article.cite.ris": "RIS (EndNote, Zotero)",
        "article.cite.json": "CSL-JSON",
        "article.revisions": "Các phiên bản",
        "article.revision": "Phiên bản {number}",
        "article.revision.fetched": "thu thập lúc",
        "article.revision.first": "Phiên bản đầu tiên được lưu.",
        "article.revision.same": "Nội dung không đổi.",
        "article.revision.changed": "Thay đổi so với phiên bản trước:",
        "article.diff.removed": "đã bỏ: ",
        "article.diff.added": "đã thêm: ",
        "article.nav": "Trong kết quả tìm kiếm",
        "article.nav.position": "Bài {position} / {total}",
        "article.nav.prev": "‹ Bài trước",
        "article.nav.next": "Bài sau ›",
        "article.nav.back": "Quay lại kết quả",
        "resolution.missing": "Không có bài viết nào trích dẫn văn bản {id}.",
        "resolution.no_index": "Kho chưa có chỉ mục: hãy chạy `govnews index`.",
        "resolution.kind": "Văn bản",
        "resolution.facts": "Thông tin văn bản (theo các bài viết)",
        "resolution.related": "Liên quan",
        "resolution.type": "Loại văn bản",
        "resolution.issuer": "Cơ quan ban hành",
        "resolution.date": "Ngày ban hành",
        "resolution.unknown": "không rõ",
        "resolution.articles": "Số bài trích dẫn",
        "resolution.search": "Xem các bài này trong trang tìm kiếm",
        "resolution.api": "Dữ liệu JSON",
        "resolution.timeline": "Số bài trích dẫn {id} theo tháng",
        "resolution.bar": "{month}: {count} bài",
        "resolution.bar.one": "{month}: 1 bài",
        "resolution.month": "Tháng",
        "resolution.count": "Số bài",
        "resolution.undated": "{count} bài không có ngày đăng, không có trong biểu đồ.",
        "resolution.by_site": "Theo trang / tỉnh",
        "resolution.cited_with": "Thường được trích dẫn cùng",
        "resolution.cited_with.none": "Không có văn bản nào khác được trích dẫn cùng.",
        "resolution.n_articles": "{count} bài",
        "resolution.n_articles.one": "1 bài",
        "resolution.citing": "Các bài trích dẫn",
        "resolution.pages": "Trang danh sách bài",
        "resolution.page": "Trang {page} / {pages}",
        "resolution.prev": "‹ Trước",
        "resolution.next": "Sau ›",
        "resolution.empty_page": "Không có bài nào ở trang này.",
    },
    "en": {
        **{f"article.field.{name}": label for name, label in _FIELD_LABELS["en"].items()},
        "article.missing": "There is no such article in the archive.",
        "article.meta": "About this article",
        "article.published": "Published",
        "article.updated": "Updated",
        "article.agency": "Agency",
        "article.site": "Site",
        "article.province": "Province",
        "article.category": "Category",
        "article.authors": "Authors",
        "article.images": "Images",
        "article.image.open": "View the image (original site)",
        "article.image.nocaption": "Image without a caption",
        "article.image.nosource": "image not kept",
        "article.attachments": "Attachments",
        "article.links": "Links",
        "article.original": "Original page",
        "article.source": "Source (this page republishes or translates it)",
        "article.cites": "Documents cited",
        "article.cites.search": "Articles citing it",
        "article.cites.issued": "dated {date}",
        "article.cites.mentions": "mentioned {count} times",
        "article.cites.mentions.one": "mentioned once",
        "article.cite": "Cite this article",
        "article.cite.bib": "BibTeX",
        "article.cite.ris": "RIS (EndNote, Zotero)",
        "article.cite.json": "CSL-JSON",
        "article.revisions": "Revisions",
        "article.revision": "Revision {number}",
        "article.revision.fetched": "fetched",
        "article.revision.first": "The first version kept.",
        "article.revision.same": "No change in content.",
        "article.revision.changed": "Changed from the previous revision:",
        "article.diff.removed": "removed: ",
        "article.diff.added": "added: ",
        "article.nav": "In the search results",
        "article.nav.position": "Result {position} of {total}",
        "article.nav.prev": "‹ Previous",
        "article.nav.next": "Next ›",
        "article.nav.back": "Back to the results",
        "resolution.missing": "No article in the archive cites {id}.",
        "resolution.no_index": "The archive has no index yet: run `govnews index`.",
        "resolution.kind": "Document",
        "resolution.facts": "About the document (as the articles give it)",
        "resolution.related": "Related",
        "resolution.type": "Type",
        "resolution.issuer": "Issuer",
        "resolution.date": "Date",
        "resolution.unknown": "unknown",
        "resolution.articles": "Articles citing it",
        "resolution.search": "See these articles in search",
        "resolution.api": "JSON data",
        "resolution.timeline": "Articles citing {id} by month",
        "resolution.bar": "{month}: {count} articles",
        "resolution.bar.one": "{month}: 1 article",
        "resolution.month": "Month",
        "resolution.count": "Articles",
        "resolution.undated": "{count} articles have no date and are not in the chart.",
        "resolution.by_site": "By site / province",
        "resolution.cited_with": "Most often cited with",
        "resolution.cited_with.none": "No other document is cited with it.",
        "resolution.n_articles": "{count} articles",
        "resolution.n_articles.one": "1 article",
        "resolution.citing": "Articles citing it",
        "resolution.pages": "Pages of articles",
        "resolution.page": "Page {page} of {pages}",
        "resolution.prev": "‹ Previous",
        "resolution.next": "Next ›",
        "resolution.empty_page": "No articles on this page.",
    },
})
