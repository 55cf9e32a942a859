"""The web interface through Flask's test client, over the archive crawled from the sample portal."""
import csv
import html
import io
import json
import re

import pytest

from archive.store import Store
from archive.text import fold
from webui.app import create_app


def test_health(client, expected_articles):
    assert client.get("/healthz").get_json() == {"status": "ok", "records": len(expected_articles), "index": True}


def test_search_page_shows_hits_snippets_and_facets(client):
    page = client.get("/search?q=chuyển đổi số").get_data(as_text=True)
    assert "Chi bộ Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn tổ chức sinh hoạt chuyên đề" in page
    assert "<mark>" in page
    assert "Nguyễn Mạnh Cường" in page
    assert 'href="/search?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91&amp;resolution=57-NQ%2FTW"' in page


def test_api_matches_the_page_and_filters_combine(client, expected_articles):
    data = client.get("/api/search?q=&resolution=57-NQ/TW&resolution=160/KH-UBND").get_json()
    wanted = [a for a in expected_articles if {"57-NQ/TW", "160/KH-UBND"} & set(a["resolutions"])]
    assert data["total"] == len(wanted)
    both = client.get("/api/search?resolution=57-NQ/TW&site=sodttg.langson.gov.vn").get_json()
    assert both["total"] == sum("57-NQ/TW" in a["resolutions"] and a["site"] == "sodttg.langson.gov.vn"
                                for a in expected_articles)
    assert set(data["facets"]) == {"resolution", "author", "site", "year"}


def test_scraped_and_typed_text_is_escaped(client):
    page = client.get('/search?q=<script>alert(1)</script>').get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("query", [
    "page=999999999", "page=-3", "page=abc", "from=2025-99-99", "sort=sideways", "q=%22unclosed",
    "q=" + "chuyển%20" * 400, "q=%00%01%02", "unknown=1", "q=title:(", "q=AND+OR+NOT",
])
def test_no_input_gives_a_server_error(client, query):
    response = client.get("/search?" + query)
    assert response.status_code == 200
    assert client.get("/api/search?" + query).status_code == 200


def test_article_page_and_missing_article(client, crawled):
    with Store(crawled["data"] / "archive.sqlite3") as store:
        record = next(r for r in store.iter_records() if r["source_url"])
    page = client.get(f"/article/{record['id']}").get_data(as_text=True)
    assert record["title"] in page and record["source_url"] in page
    assert client.get("/article/nosuchid").status_code == 404


def test_csv_export_streams_the_whole_result_set_with_a_bom(client, expected_articles):
    response = client.get("/export?q=&format=csv")
    text = response.get_data(as_text=True)
    assert response.headers["Content-Type"].startswith("text/csv")
    assert text.startswith("\ufeff# govnews export:")
    rows = list(csv.DictReader(io.StringIO(text.split("\n", 1)[1])))
    assert len(rows) == len(expected_articles) == int(response.headers["X-Govnews-Count"])


def test_jsonl_export_has_the_manifest_first(client):
    lines = client.get("/export?q=ডিজিটাল&format=jsonl").get_data(as_text=True).splitlines()
    manifest = json.loads(lines[0])["_manifest"]
    assert manifest["query"] == "ডিজিটাল" and manifest["count"] == len(lines) - 1 == 2


def test_export_refuses_an_unknown_format(client):
    assert client.get("/export?format=xml").status_code == 400


def test_security_headers(client):
    headers = client.get("/search").headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_an_archive_without_index_explains_itself(tmp_path):
    Store(tmp_path / "archive.sqlite3").close()
    page = create_app(tmp_path).test_client().get("/search?q=x").get_data(as_text=True)
    assert "no index yet" in page


def test_a_query_naming_a_document_offers_its_filter(client, expected_articles):
    page = client.get("/search?q=nghị quyết số 57-nq/tw").get_data(as_text=True)
    cited = sum("57-NQ/TW" in a["resolutions"] for a in expected_articles)
    assert f"Lọc theo 57-NQ/TW — {cited} bài" in page
    assert 'href="/search?resolution=57-NQ%2FTW"' in page


def test_did_you_mean_links_the_corrected_search(client):
    page = client.get("/search?q=chuyển đổi sốo").get_data(as_text=True)
    assert "Có phải bạn muốn tìm" in page


# --- the search page ------------------------------------------------------------------------

def test_facet_more_and_the_filter_box(client, expected_articles):
    authors = {a["name"] for article in expected_articles for a in article["authors"]}
    short = client.get("/search").get_data(as_text=True)
    assert 'href="/search?more=author#facet-author"' in short
    opened = client.get("/search?more=author").get_data(as_text=True)
    shown = set(re.findall(r'<li(?: class="chosen")?><a href="/search\?author=[^"]*"[^>]*>([^<]+)</a>', opened))
    assert shown == {html.escape(name) for name in authors}
    narrowed = client.get("/search?more=author&within=nguyen").get_data(as_text=True)
    names = set(re.findall(r'<li(?: class="chosen")?><a href="/search\?author=[^"]*"[^>]*>([^<]+)</a>', narrowed))
    assert names and all("nguyen" in fold(n.lower()) for n in names)  # diacritics optional


def test_histogram_bars_link_to_their_month(client):
    page = client.get("/search?q=chuyển đổi số").get_data(as_text=True)
    bars = re.findall(r'<a href="([^"]+)" data-month="(\d{4}-\d{2})"><title>[^<]*: (\d+) [^<]*</title>', page)
    assert bars
    for href, month, count in bars:
        target = html.unescape(href).replace("/search?", "/api/search?")
        assert f"from={month}-01" in target
        assert client.get(target).get_json()["total"] == int(count)


def test_chips_remove_one_filter_each(client):
    page = client.get("/search?resolution=57-NQ/TW&site=sodttg.langson.gov.vn&from=2025-01-01&to=2025-12-31")
    text = page.get_data(as_text=True)
    chips = re.findall(r'<a class="chip" href="([^"]+)"', text)
    assert len(chips) == 3
    assert html.unescape(chips[0]) == "/search?site=sodttg.langson.gov.vn&from=2025-01-01&to=2025-12-31"
    assert html.unescape(chips[2]) == "/search?resolution=57-NQ%2FTW&site=sodttg.langson.gov.vn"


def test_sort_and_per_page_are_part_of_the_permalink(client):
    page = client.get("/search?q=số&sort=newest&per_page=10").get_data(as_text=True)
    assert page.count('class="hit"') == 10
    assert re.search(r'rel="next" href="/search\?q=[^"]*sort=newest&amp;per_page=10&amp;page=2"', page)
    assert client.get("/api/search?per_page=7").get_json()["per_page"] == 7
    assert client.get("/api/search?per_page=5000").get_json()["per_page"] == 100
    assert client.get("/api/search?per_page=x").get_json()["per_page"] == 20


def test_interface_language_from_the_browser_the_switch_and_the_cookie(app):
    english = app.test_client()
    page = english.get("/search", headers={"Accept-Language": "en-US,en;q=0.9"}).get_data(as_text=True)
    assert 'lang="en"' in page and "Search the archive" in page
    switched = english.get("/search?q=x&lang=vi", headers={"Accept-Language": "en"})
    assert "Tìm trong kho tin" in switched.get_data(as_text=True)
    assert "lang=vi" in switched.headers["Set-Cookie"]
    assert 'lang="vi"' in english.get("/search", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_article_links_carry_the_search_state(client):
    page = client.get("/search?q=chuyển đổi số&sort=newest&page=1").get_data(as_text=True)
    assert re.search(r'<a href="/article/[^"?]+\?q=chuy[^"]*&amp;sort=newest">', page)
