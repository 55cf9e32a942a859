"""The search page and its JSON twin."""
from urllib.parse import urlencode

from flask import Blueprint, jsonify, render_template, request

from archive.text import fold
from indexer.search import ALL_FACETS
from webui import histogram, i18n
from webui.common import FILTER_KEYS, PER_PAGE_CHOICES, clean_text, query_pairs, run_search, search_params, url_with

bp = Blueprint("search", __name__)

FACET_SHOWN = 8  # values per facet before "more"
FACET_MORE = 200  # values shown when a facet is opened with "more"
SIDEBAR = ("resolution", "author", "site", "year")


@bp.get("/")
@bp.get("/search")
def search_page():
    params = search_params()
    more = request.args.get("more") if request.args.get("more") in SIDEBAR else None
    result = run_search(params, facets=ALL_FACETS, facet_limit=FACET_MORE if more else FACET_SHOWN + 1)
    within = clean_text(request.args.get("within", ""), 100)
    facets = {name: _facet_view(name, result["facets"].get(name, []), params, name == more, within)
              for name in SIDEBAR}
    bars = histogram.month_bars(result["facets"].get("month", []),
                                lambda first, last: url_with(params, **{"from": first, "to": last}))
    chart = histogram.svg(bars, i18n.translate("search.histogram"),
                          lambda bar: i18n.translate("search.bar", month=bar["month"], count=bar["count"]))
    return render_template(
        "search.html", params=params, result=result, facets=facets, more=more, within=within,
        bars=bars, chart=chart, pages=max(1, -(-result["total"] // params["per_page"])),
        chips=_chips(params), filter_keys=FILTER_KEYS, per_page_choices=PER_PAGE_CHOICES,
        state=query_pairs(params), article_state=_article_state(params),
        exports={fmt: _extended(url_with(params, path="/export"), format=fmt) for fmt in ("csv", "jsonl", "json")},
        feed=url_with(params, path="/feed.atom"))


@bp.get("/api/search")
def api_search():
    return jsonify(run_search(search_params()))


def _facet_view(name: str, values: list, params: dict, opened: bool, within: str) -> dict:
    """A sidebar facet: its values (with the link that adds or removes each), and whether there are more."""
    if opened and within:
        needle = fold(within.lower())
        values = [v for v in values if needle in fold(str(v[0]).lower())]
    shown = values if opened else values[:FACET_SHOWN]
    items = []
    for value, count in shown:
        value = str(value)
        if name == "year":
            chosen = params["filters"]["from"] == f"{value}-01-01" and params["filters"]["to"] == f"{value}-12-31"
            href = url_with(params, **({"from": None, "to": None} if chosen else
                                       {"from": f"{value}-01-01", "to": f"{value}-12-31"}))
        else:
            current = params["filters"][name]
            chosen = value in current
            href = url_with(params, **{name: [v for v in current if v != value] if chosen else current + [value]})
        items.append({"value": value, "count": count, "href": href, "chosen": chosen})
    return {"items": items, "has_more": not opened and len(values) > FACET_SHOWN,
            "more_href": _extended(url_with(params), more=name) + f"#facet-{name}",
            "less_href": url_with(params) + f"#facet-{name}"}


def _extended(url: str, **extra) -> str:
    return url + ("&" if "?" in url else "?") + urlencode(extra)


def _chips(params: dict) -> list[dict]:
    """The active filters, each with the link that removes it."""
    chips = []
    for key in FILTER_KEYS:
        for value in params["filters"][key]:
            chips.append({"kind": key, "value": value,
                          "href": url_with(params, **{key: [v for v in params["filters"][key] if v != value]})})
    start, end = params["filters"]["from"], params["filters"]["to"]
    if start or end:
        chips.append({"kind": "date", "value": f"{start or '…'} – {end or '…'}",
                      "href": url_with(params, **{"from": None, "to": None})})
    return chips


def _article_state(params: dict) -> str:
    """The search state an article link carries, for previous/next within the results."""
    pairs = [(k, v) for k, v in query_pairs(params) if k != "page"]
    if not pairs:  # browsing everything: the order an empty query has
        pairs = [("sort", "newest")]
    return "?" + urlencode(pairs)


i18n.register({
    "vi": {
        "search.title": "Tìm kiếm",
        "search.label": "Tìm trong kho tin",
        "search.placeholder": "chuyển đổi số, \"dịch vụ công\", 57-NQ/TW",
        "search.submit": "Tìm",
        "search.help": "Cú pháp tìm kiếm",
        "search.help.words": "Các từ đều phải có; có dấu hay không dấu đều được: chuyen doi so",
        "search.help.phrase": "Cụm từ đứng liền nhau: \"dịch vụ công\"",
        "search.help.ops": "Hoặc / loại trừ: học sinh OR sinh viên, xã -huyện",
        "search.help.fields": "Theo trường: title:, author:, site:, resolution:57-NQ/TW",
        "search.help.dates": "Theo ngày: date:2024, date:2024-07, date:2024-01..2024-06",
        "search.count": "{count} kết quả",
        "search.count.one": "1 kết quả",
        "search.none": "Không tìm thấy bài nào.",
        "search.filters": "Bộ lọc đang dùng",
        "search.remove": "Bỏ lọc {value}",
        "search.clear": "Xoá tất cả",
        "search.suggest": "Lọc theo {id} — {count} bài",
        "search.didyoumean": "Có phải bạn muốn tìm:",
        "search.sort": "Sắp xếp",
        "search.sort.relevance": "Liên quan nhất",
        "search.sort.newest": "Mới nhất",
        "search.sort.oldest": "Cũ nhất",
        "search.per_page": "Số bài mỗi trang",
        "search.apply": "Áp dụng",
        "search.pages": "Trang kết quả",
        "search.prev": "‹ Trước",
        "search.next": "Sau ›",
        "search.page": "Trang {page} / {pages}",
        "search.facets": "Thu hẹp kết quả",
        "facet.resolution": "Văn bản",
        "facet.author": "Tác giả",
        "facet.site": "Cơ quan / trang",
        "facet.year": "Năm",
        "facet.date": "Thời gian",
        "facet.more": "Thêm…",
        "facet.less": "Thu gọn",
        "facet.within": "Lọc danh sách {facet}",
        "facet.within.submit": "Lọc",
        "search.histogram": "Số bài theo tháng",
        "search.bar": "{month}: {count} bài",
        "search.export": "Tải toàn bộ kết quả",
        "search.feed": "Theo dõi (Atom)",
        "search.published": "Ngày đăng",
    },
    "en": {
        "search.title": "Search",
        "search.label": "Search the archive",
        "search.placeholder": "chuyển đổi số, \"dịch vụ công\", 57-NQ/TW",
        "search.submit": "Search",
        "search.help": "Search syntax",
        "search.help.words": "All words must occur; with or without diacritics: chuyen doi so",
        "search.help.phrase": "Words next to each other: \"dịch vụ công\"",
        "search.help.ops": "Either / excluding: học sinh OR sinh viên, xã -huyện",
        "search.help.fields": "One field: title:, author:, site:, resolution:57-NQ/TW",
        "search.help.dates": "By date: date:2024, date:2024-07, date:2024-01..2024-06",
        "search.count": "{count} results",
        "search.count.one": "1 result",
        "search.none": "No articles found.",
        "search.filters": "Active filters",
        "search.remove": "Remove filter {value}",
        "search.clear": "Clear all",
        "search.suggest": "Filter by {id} — {count} articles",
        "search.didyoumean": "Did you mean:",
        "search.sort": "Sort",
        "search.sort.relevance": "Relevance",
        "search.sort.newest": "Newest",
        "search.sort.oldest": "Oldest",
        "search.per_page": "Per page",
        "search.apply": "Apply",
        "search.pages": "Result pages",
        "search.prev": "‹ Previous",
        "search.next": "Next ›",
        "search.page": "Page {page} of {pages}",
        "search.facets": "Refine results",
        "facet.resolution": "Documents cited",
        "facet.author": "Author",
        "facet.site": "Agency / site",
        "facet.year": "Year",
        "facet.date": "Date",
        "facet.more": "More…",
        "facet.less": "Fewer",
        "facet.within": "Filter the {facet} list",
        "facet.within.submit": "Filter",
        "search.histogram": "Articles per month",
        "search.bar": "{month}: {count} articles",
        "search.export": "Download all results",
        "search.feed": "Subscribe (Atom)",
        "search.published": "Published",
    },
})
