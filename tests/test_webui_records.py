"""Article pages (revisions, citations, previous/next) and resolution pages, through Flask's test
client: over the archive crawled from the sample portal, and over a small archive made here."""
import html
import json
import re
from collections import Counter
from urllib.parse import quote, urlsplit

import pytest

from archive.record import FIELDS
from archive.store import Store
from indexer.build import update_index
from webui.app import create_app
from webui.common import services

DOC = "57-NQ/TW"


@pytest.fixture(scope="module")
def records(crawled):
    with Store(crawled["data"] / "archive.sqlite3") as store:
        return list(store.iter_records())


def matching_ids(app, query, filters, sort):
    with app.app_context():
        return services().search().matching_ids(query, filters, sort=sort)


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def hrefs(text: str, rel: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(rf'<a rel="{rel}" href="([^"]+)"', text)]


# --- a small archive of our own: revisions, hostile text, many citing articles -------------------

BODY_1 = "Sở Nội vụ tổ chức hội nghị triển khai Nghị quyết số 57-NQ/TW.\n\nHội nghị diễn ra vào buổi sáng."
BODY_2 = "Sở Nội vụ tổ chức hội nghị sơ kết Nghị quyết số 57-NQ/TW.\n\nHội nghị diễn ra vào buổi chiều."
HOSTILE_TITLE = "<script>alert(1)</script> Tin & 50% C_D {x}"


def own_record(n: int, **fields) -> dict:
    record = {
        "url": f"https://example.gov.vn/tin/{n}.html", "site": "example.gov.vn",
        "agency": "Sở Nội vụ tỉnh Thử", "province": "Thử", "title": f"Tin số {n}",
        "body": f"Bài số {n} nhắc tới Nghị quyết số 99-NQ/TW.", "published": f"2024-{1 + n % 12:02d}-15T08:00:00+07:00",
        "authors": [{"name": "Trần Văn An", "role": None}], "resolutions": ["99-NQ/TW"],
        "references": [{"id": "99-NQ/TW", "type": "NQ", "type_name": "Nghị quyết", "issuer": "TW",
                        "date": "2024-01-02", "mentions": 1}],
        "language": "vi", "fetched": "2025-01-01T00:00:00+00:00",
    }
    record.update(fields)
    return record


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    data = tmp_path_factory.mktemp("records") / "data"
    with Store(data / "archive.sqlite3") as store:
        first = own_record(0, title=HOSTILE_TITLE, body=BODY_1, fetched="2025-01-01T00:00:00+00:00",
                           summary="<b>Tóm tắt</b>")
        store.upsert(first)
        assert store.upsert(dict(first, body=BODY_2, fetched="2025-02-01T00:00:00+00:00")) == "changed"
        for n in range(1, 25):  # with the first, 25 articles cite 99-NQ/TW
            store.upsert(own_record(n))
        hostile = next(r for r in store.iter_records() if r["title"] == HOSTILE_TITLE)
        update_index(store, data / "index")
    return {"client": create_app(data).test_client(), "id": hostile["id"], "data": data}


# --- the article page ------------------------------------------------------------------------

def test_article_page_shows_the_whole_record(client, records, expected_articles):
    record = next(r for r in records if r["images"] and r["references"] and r["authors"] and r["summary"])
    text = page(client, f"/article/{record['id']}")
    assert html.escape(record["title"], quote=False) in text
    assert html.escape(record["summary"], quote=False) in text
    paragraphs = [p.strip() for p in record["body"].split("\n\n") if p.strip()]
    assert text.count("<p>") >= len(paragraphs)
    for paragraph in paragraphs:
        assert f"<p>{html.escape(paragraph)}</p>" in text
    for author in record["authors"]:
        assert f'href="/search?author={quote(author["name"])}"' in text
    for image in record["images"]:
        assert html.escape(image["caption"], quote=False) in text
        assert f'href="{html.escape(image["src"])}"' in text
    assert "<img" not in text  # remote images are linked, not loaded
    for ref in record["references"]:
        assert f'href="/resolution/{quote(ref["id"])}"' in text  # the "/" stays a path separator
        assert f'href="/search?resolution={quote(ref["id"], safe="")}"' in text
    assert f'href="{html.escape(record["url"])}"' in text
    for fmt in ("bib", "ris", "json"):
        assert f'href="/article/{record["id"]}/cite.{fmt}"' in text
    # the sample portal's truth agrees with what is shown
    expected = next(a for a in expected_articles if a["url"] == record["url"])
    assert [a["name"] for a in record["authors"]] == [a["name"] for a in expected["authors"]]
    # no search state in the URL: no previous/next nor "back to results"
    assert 'rel="prev"' not in text and 'rel="next"' not in text and 'class="result-nav"' not in text


def test_article_page_links_attachments_and_the_republished_source(client, records):
    with_files = next(r for r in records if r["attachments"])
    text = page(client, f"/article/{with_files['id']}")
    for item in with_files["attachments"]:
        assert f'href="{html.escape(item["url"])}"' in text
    republished = next(r for r in records if r["source_url"])
    text = page(client, f"/article/{republished['id']}?lang=en")
    assert f'href="{html.escape(republished["source_url"])}"' in text and "Source (this page republishes" in text


def test_api_article_has_every_field_and_the_revisions(client, records):
    record = records[0]
    data = client.get(f"/api/article/{record['id']}").get_json()
    assert set(FIELDS) <= set(data)
    assert {k: data[k] for k in FIELDS} == record
    assert data["revisions"] == [{"revision": 1, "fetched": record["fetched"], "changed": []}]
    missing = client.get("/api/article/nosuchid")
    assert missing.status_code == 404 and missing.get_json()["status"] == 404


# --- citations -------------------------------------------------------------------------------

def test_citations_carry_title_date_url_and_parse(client, records):
    record = next(r for r in records if r["authors"] and r["published"] and r["agency"])
    day = record["published"][:10]

    bib = client.get(f"/article/{record['id']}/cite.bib")
    assert bib.headers["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib.headers["Content-Disposition"].startswith("attachment;")
    text = bib.get_data().decode("utf-8")
    assert text.startswith("@online{") and text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    assert f"date = {{{day}}}" in text and f"url = {{{record['url']}}}" in text
    assert record["title"] in text and record["authors"][0]["name"] in text
    assert f"organization = {{{record['agency']}}}" in text and "urldate = {" in text

    ris = client.get(f"/article/{record['id']}/cite.ris")
    assert ris.headers["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris.headers["Content-Disposition"].startswith("attachment;")
    lines = ris.get_data().decode("utf-8").splitlines()
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines), lines
    tags = dict(line.split("  - ", 1) for line in lines)
    assert lines[0] == "TY  - ELEC" and lines[-1].rstrip() == "ER  -"
    assert tags["TI"] == record["title"] and tags["UR"] == record["url"] and tags["DA"] == day.replace("-", "/")
    assert [line[6:] for line in lines if line.startswith("AU")] == [a["name"] for a in record["authors"]]

    csl = client.get(f"/article/{record['id']}/cite.json")
    assert csl.headers["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert csl.headers["Content-Disposition"].startswith("attachment;")
    [item] = json.loads(csl.get_data().decode("utf-8"))
    assert item["type"] in ("article-newspaper", "webpage")
    assert item["title"] == record["title"] and item["URL"] == record["url"]
    assert item["issued"] == {"date-parts": [[int(part) for part in day.split("-")]]}
    assert item["author"] == [{"literal": a["name"]} for a in record["authors"]]
    assert item["container-title"] == record["agency"] and "accessed" in item

    assert client.get("/article/nosuchid/cite.bib").status_code == 404


def test_bibtex_escapes_special_characters(own):
    text = own["client"].get(f"/article/{own['id']}/cite.bib").get_data().decode("utf-8")
    title = re.search(r"title = \{\{(.*)\}\},", text).group(1)
    assert r"Tin \& 50\% C\_D \textbraceleft{}x\textbraceright{}" in title
    assert text.count("{") == text.count("}")  # balanced: no brace from the title leaks through


# --- previous / next within the results ------------------------------------------------------

def test_previous_and_next_follow_the_result_order(app, client):
    ids = matching_ids(app, "", {"resolution": [DOC]}, "newest")
    assert len(ids) > 2
    state = "resolution=57-NQ%2FTW&sort=newest"
    seen, url = [], f"/article/{ids[0]}?{state}"
    while url:
        text = page(client, url)
        seen.append(urlsplit(url).path.rsplit("/", 1)[1])
        assert f"?{state}" in url  # the links keep the search state
        assert ('rel="prev"' in text) == (len(seen) > 1)
        back = re.search(r'<a class="back" href="([^"]+)"', text).group(1)
        assert html.unescape(back).startswith(f"/search?{state}")
        nexts = hrefs(text, "next")
        url = nexts[0] if nexts else None
    assert seen == ids


def test_previous_and_next_for_a_text_query(app, client):
    ids = matching_ids(app, "chuyển đổi số", {}, "relevance")
    assert len(ids) >= 3
    text = page(client, f"/article/{ids[1]}?q=chuyển+đổi+số")
    assert hrefs(text, "prev") == [f"/article/{ids[0]}?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"]
    assert hrefs(text, "next") == [f"/article/{ids[2]}?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"]


def test_back_to_results_points_at_the_results_page_of_the_article(own):
    client = own["client"]
    data = client.get("/api/search?resolution=99-NQ/TW&sort=oldest&per_page=50").get_json()
    twelfth = data["hits"][11]["id"]
    text = page(client, f"/article/{twelfth}?resolution=99-NQ/TW&sort=oldest&per_page=10")
    back = html.unescape(re.search(r'<a class="back" href="([^"]+)"', text).group(1))
    assert back == "/search?resolution=99-NQ%2FTW&sort=oldest&per_page=10&page=2"


# --- revisions -------------------------------------------------------------------------------

def test_revisions_are_listed_with_a_word_diff(own):
    text = page(own["client"], f"/article/{own['id']}?lang=en")
    assert 'id="revision-1"' in text and 'id="revision-2"' in text
    assert "2025-02-01 00:00" in text  # when revision 2 was fetched
    second = text[text.index('id="revision-2"'):]
    assert re.search(r"Changed from the previous revision:.*Body", second, re.DOTALL)
    deleted = [re.sub(r"<span[^>]*>[^<]*</span>", "", d) for d in re.findall(r"<del>(.*?)</del>", second)]
    inserted = [re.sub(r"<span[^>]*>[^<]*</span>", "", i) for i in re.findall(r"<ins>(.*?)</ins>", second)]
    assert "triển khai" in deleted and "sáng." in deleted
    assert "sơ kết" in inserted and "chiều." in inserted
    assert not any("Nghị quyết" in d for d in deleted + inserted)  # unchanged words stay unmarked
    api = own["client"].get(f"/api/article/{own['id']}").get_json()
    assert [(r["revision"], r["changed"]) for r in api["revisions"]] == [(1, []), (2, ["body"])]
    assert api["revision"] == 2 and api["body"] == BODY_2


def test_scraped_text_is_escaped(own):
    text = page(own["client"], f"/article/{own['id']}")
    assert "<script>alert(1)</script>" not in text and "<b>Tóm tắt</b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "&lt;b&gt;Tóm tắt&lt;/b&gt;" in text
    listing = page(own["client"], "/resolution/99-NQ/TW") + page(own["client"], "/resolution/99-NQ/TW?page=2")
    assert "<script>alert(1)" not in listing and "&lt;script&gt;alert(1)" in listing


# --- resolution pages ------------------------------------------------------------------------

def test_resolution_page_counts_match_the_sample_portal(client, expected_articles):
    citing = [a for a in expected_articles if DOC in a["resolutions"]]
    data = client.get(f"/api/resolution/{DOC}").get_json()
    assert data["id"] == DOC and data["articles"] == len(citing)
    assert (data["type"], data["type_name"], data["issuer"], data["date"]) == ("NQ", "Nghị quyết", "TW", "2024-12-22")
    assert dict(map(tuple, data["by_site"])) == Counter(a["site"] for a in citing)
    assert dict(map(tuple, data["by_month"])) == Counter(a["published"][:7] for a in citing if a["published"])
    assert [m for m, _ in data["by_month"]] == sorted(m for m, _ in data["by_month"])
    together = Counter(r for a in citing for r in set(a["resolutions"]) if r != DOC)
    # co-citations among the citing articles only (not the archive-wide counts of each document)
    assert dict(map(tuple, data["cited_with"])) == together
    assert [n for _, n in data["cited_with"]] == sorted(together.values(), reverse=True)

    text = page(client, f"/resolution/{DOC}?lang=en")
    assert f'<strong class="total">{len(citing)}</strong>' in text
    for article in citing:
        assert html.escape(article["title"], quote=False) in text
    dates = re.findall(r'<li class="hit">.*?<time datetime="([^"]+)"', text, re.DOTALL)
    assert dates == sorted(dates, reverse=True)  # newest first
    for site, count in Counter(a["site"] for a in citing).items():
        link = f'<a href="/search?resolution=57-NQ%2FTW&amp;site={quote(site)}">{site}</a>'
        assert re.search(re.escape(link) + r'(?: <span class="muted"[^>]*>[^<]*</span>)?\s*'
                         + f'<span class="count" aria-hidden="true">{count}</span>', text)
    assert 'href="/resolution/160/KH-UBND"' in text  # co-cited documents link to their pages


def test_month_bars_link_to_searches_with_the_same_counts(client, expected_articles):
    text = page(client, f"/resolution/{DOC}?lang=en")
    svg = re.search(r"<svg.*?</svg>", text, re.DOTALL).group(0)
    bars = re.findall(r'<a href="([^"]+)" data-month="[^"]+"><title>(\d{4}-\d{2}): (\d+) articles?</title><rect', svg)
    citing = [a for a in expected_articles if DOC in a["resolutions"]]
    assert {month: int(n) for _, month, n in bars} == Counter(a["published"][:7] for a in citing)
    for href, month, count in bars:
        href = html.unescape(href)
        assert href.startswith("/search?resolution=57-NQ%2FTW&from=" + month + "-01&to=" + month + "-")
        assert client.get("/api/" + href[1:]).get_json()["total"] == int(count)
    # a text alternative: the same counts in a table
    table = re.search(r'<table class="visually-hidden">.*?</table>', text, re.DOTALL).group(0)
    assert len(re.findall(r"<tr><th scope=\"row\">", table)) == len(bars)


def test_resolution_pages_are_paginated(own):
    client = own["client"]
    first = page(client, "/resolution/99-NQ/TW?lang=en")
    assert '<strong class="total">25</strong>' in first
    assert first.count('<li class="hit">') == 20 and "Page 1 of 2" in first
    assert hrefs(first, "next") == ["/resolution/99-NQ/TW?page=2"]
    second = page(client, "/resolution/99-NQ/TW?page=2&lang=en")
    assert second.count('<li class="hit">') == 5 and hrefs(second, "prev") == ["/resolution/99-NQ/TW"]
    titles = re.findall(r'<li class="hit">\s*<h3[^>]*><a href="[^"]+">([^<]+)</a>', first + second)
    assert len(set(titles)) == 25


@pytest.mark.parametrize("written, canonical", [
    ("57-nq/tw", "57-NQ/TW"),
    ("57 - NQ / TW", "57-NQ/TW"),
    ("Nghị quyết số 57-NQ/TW", "57-NQ/TW"),
    ("160/kh-ubnd", "160/KH-UBND"),
    ("45/2025/nd-cp", "45/2025/NĐ-CP"),
    ("Resolution No. 57-NQ/TW", "57-NQ/TW"),
    ("৫৭-এনকিউ/টিডব্লিউ", "57-NQ/TW"),
    ("57-NQ/TW/", "57-NQ/TW"),
])
def test_variant_ids_redirect_to_the_canonical_page(client, written, canonical):
    response = client.get("/resolution/" + quote(written) + "?lang=en")
    assert response.status_code == 301
    assert response.headers["Location"] == f"/resolution/{quote(canonical)}?lang=en"
    assert client.get(response.headers["Location"]).status_code == 200
    api = client.get("/api/resolution/" + quote(written))
    assert api.status_code == 301 and api.headers["Location"] == f"/api/resolution/{quote(canonical)}"


@pytest.mark.parametrize("doc_id", ["99-NQ/TW", "nonsense", "1/2099/NĐ-CP", "x" * 300, " ", "a\x00b"])
def test_unknown_ids_are_not_found(client, doc_id):
    response = client.get("/resolution/" + quote(doc_id) + "?lang=en")
    assert response.status_code == 404
    if doc_id == "99-NQ/TW":
        assert "No article in the archive cites 99-NQ/TW." in response.get_data(as_text=True)
    api = client.get("/api/resolution/" + quote(doc_id))
    assert api.status_code == 404 and api.get_json()["status"] == 404


@pytest.mark.parametrize("url", [
    "/resolution/57-NQ/TW?page=abc", "/resolution/57-NQ/TW?page=-1", "/resolution/57-NQ/TW?page=99999999999",
    "/article/{id}?resolution=57-NQ/TW&from=2025-99-99", "/article/{id}?sort=sideways", "/article/{id}?q=%22unclosed",
    "/article/{id}?q=title:(", "/article/{id}?q=" + "chuyển%20" * 400,
])
def test_no_input_gives_a_server_error(client, records, url):
    response = client.get(url.format(id=records[0]["id"]))
    assert response.status_code == 200
    if "/article/" in url:  # a search state, however malformed, still gives the way back
        assert 'class="back"' in response.get_data(as_text=True)
