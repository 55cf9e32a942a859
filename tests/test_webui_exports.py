"""Exports, the Atom feed, the OpenAPI description and the time bounds of the web interface."""
import csv
import io
import itertools
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from archive.record import DATE_FIELDS, FIELDS, TEXT_FIELDS
from archive.store import Store
from conftest import run_cli
from indexer.build import update_index
from webui import export_views, feed as atom
from webui.app import create_app
from webui.openapi import DOCUMENT

A = "{http://www.w3.org/2005/Atom}"


def jsonl(text: str) -> tuple[dict, list[dict], dict | None]:
    """(manifest, records, truncation) of a JSON Lines export."""
    lines = [json.loads(line) for line in text.splitlines()]
    truncated = lines.pop()["_truncated"] if lines and "_truncated" in lines[-1] else None
    return lines[0]["_manifest"], lines[1:], truncated


def csv_export(text: str) -> tuple[dict, list[dict], list[str]]:
    """(manifest, rows, comment lines after the rows) of a CSV export."""
    assert text.startswith("\ufeff# govnews export: ")
    first, rest = text[1:].split("\n", 1)
    comments = [line for line in rest.splitlines() if line.startswith("# truncated")]
    body = "\n".join(line for line in rest.split("\n") if not line.startswith("# truncated"))
    return json.loads(first.removeprefix("# govnews export: ")), list(csv.DictReader(io.StringIO(body))), comments


def published_key(article: dict) -> str:
    return (article["published"] or "")[:19].ljust(19, "0")


# --- exports ---------------------------------------------------------------------------------

def test_the_three_formats_hold_the_same_records_and_manifest(client, expected_articles):
    query = "resolution=57-NQ/TW&sort=newest"
    responses = {}
    for fmt in ("csv", "jsonl", "json"):
        responses[fmt] = client.get(f"/export?{query}&format={fmt}")
        responses[fmt].get_data()  # a streamed response is read before the next request
    head, records, truncated = jsonl(responses["jsonl"].get_data(as_text=True))
    csv_head, rows, comments = csv_export(responses["csv"].get_data(as_text=True))
    whole = json.loads(responses["json"].get_data(as_text=True))
    cited = [a for a in expected_articles if "57-NQ/TW" in a["resolutions"]]
    assert head["count"] == len(records) == len(rows) == len(whole["records"]) == len(cited)
    assert [r["id"] for r in records] == [r["id"] for r in rows] == [r["id"] for r in whole["records"]]
    assert [r["title"] for r in records] == [a["title"] for a in sorted(cited, key=published_key, reverse=True)]
    assert truncated is None and comments == [] and "truncated" not in whole
    assert head == csv_head == whole["manifest"]
    assert head["filters"] == {"resolution": ["57-NQ/TW"]} and head["query"] == ""
    assert head["archive_version"].startswith("govnews ") and datetime.fromisoformat(head["exported"]).tzinfo
    for response in responses.values():
        header = response.headers["X-Govnews-Manifest"]
        assert header.isascii() and "\n" not in header
        assert json.loads(header) == head
        assert response.headers["X-Govnews-Count"] == str(len(cited))
    assert responses["csv"].get_data().startswith(b"\xef\xbb\xbf")


def test_the_manifest_header_escapes_vietnamese_and_stays_short(client):
    response = client.get("/export?q=chuyển đổi số&author=Nguyễn Mạnh Cường&format=jsonl")
    header = response.headers["X-Govnews-Manifest"]
    assert header.isascii() and "\\u1ec3" in header
    assert json.loads(header)["query"] == "chuyển đổi số"
    many = "&".join(f"resolution={i}/QĐ-UBND-{'x' * 150}" for i in range(80))
    header = client.get(f"/export?{many}&format=csv").headers["X-Govnews-Manifest"]
    assert len(header) <= export_views.MANIFEST_HEADER_LIMIT
    assert json.loads(header)["omitted"] == ["query", "filters"]


@pytest.mark.parametrize("args, url", [
    (["", "--resolution", "57-NQ/TW", "--sort", "newest"], "resolution=57-NQ/TW&sort=newest"),
    (["chuyển đổi số"], "q=chuyển đổi số"),
    (["", "--site", "sodttg.langson.gov.vn", "--from", "2020-01-01", "--sort", "oldest"],
     "site=sodttg.langson.gov.vn&from=2020-01-01&sort=oldest"),
])
def test_the_command_line_exports_the_same_rows(client, crawled, args, url):
    cli = run_cli("export", *args, "--format", "jsonl", data=crawled["data"], check=True).stdout
    cli_head, cli_records, _ = jsonl(cli)
    web_head, web_records, _ = jsonl(client.get(f"/export?{url}&format=jsonl").get_data(as_text=True))
    assert cli_records == web_records and web_records
    assert {k: v for k, v in cli_head.items() if k != "exported"} == {k: v for k, v in web_head.items() if k != "exported"}
    cli_csv = run_cli("export", *args, "--format", "csv", data=crawled["data"], check=True).stdout
    assert csv_export(cli_csv)[1] == csv_export(client.get(f"/export?{url}&format=csv").get_data(as_text=True))[1]


def test_records_are_read_in_batches_while_the_stream_is_written(app, monkeypatch, expected_articles):
    calls = []
    real = Store.get_many

    def spy(self, ids):
        ids = list(ids)
        calls.append(len(ids))
        return real(self, ids)

    monkeypatch.setattr(Store, "get_many", spy)
    monkeypatch.setattr(export_views, "EXPORT_BATCH", 5)
    monkeypatch.setattr(export_views, "CHUNK_CHARS", 1)
    response = app.test_client().get("/export?format=jsonl", buffered=False)
    stream = iter(response.response)
    first = [next(stream) for _ in range(3)]  # the manifest and the first two records
    assert calls == [5]
    rest = list(stream)
    response.close()
    assert calls == [5] * (len(expected_articles) // 5) + ([len(expected_articles) % 5] if len(expected_articles) % 5 else [])
    lines = b"".join(first + rest).decode().splitlines()
    assert len(lines) == 1 + len(expected_articles)


def test_an_unfinished_stream_closes_its_archive_connection(app, monkeypatch):
    closed = []
    real = Store.close
    monkeypatch.setattr(Store, "close", lambda self: (closed.append(self), real(self)))
    monkeypatch.setattr(export_views, "CHUNK_CHARS", 1)
    response = app.test_client().get("/export?format=csv", buffered=False)
    next(iter(response.response))
    response.close()  # the client went away
    assert closed


# --- time bounds -----------------------------------------------------------------------------

class Clock:
    """time.monotonic advancing one second per call."""

    def __init__(self):
        self.now = itertools.count(1000)

    def monotonic(self):
        return float(next(self.now))


@pytest.fixture()
def slow_client(crawled, monkeypatch):
    app = create_app(crawled["data"])
    app.config["EXPORT_SECONDS"] = 5
    monkeypatch.setattr(export_views, "time", Clock())
    return app.test_client()


def test_a_jsonl_export_stops_at_its_time_limit_with_a_marker(slow_client, expected_articles):
    head, records, truncated = jsonl(slow_client.get("/export?format=jsonl").get_data(as_text=True))
    assert 0 < len(records) < len(expected_articles) == head["count"]
    assert truncated == {"reason": "time limit of 5 s reached", "seconds": 5.0, "written": len(records),
                         "count": len(expected_articles)}


def test_a_csv_export_stops_with_a_comment_line(slow_client, expected_articles):
    text = slow_client.get("/export?format=csv").get_data(as_text=True)
    _, rows, comments = csv_export(text)
    assert text.rstrip("\n").splitlines()[-1].startswith("# truncated: ")
    assert len(comments) == 1 and json.loads(comments[0].removeprefix("# truncated: "))["written"] == len(rows)
    assert 0 < len(rows) < len(expected_articles)


def test_a_json_export_stops_with_a_truncated_key(slow_client, expected_articles, validate):
    whole = json.loads(slow_client.get("/export?format=json").get_data(as_text=True))
    assert whole["truncated"]["written"] == len(whole["records"]) < len(expected_articles)
    validate(whole, "JsonExport")


def test_a_zero_time_limit_exports_only_the_manifest(crawled):
    app = create_app(crawled["data"])
    app.config["EXPORT_SECONDS"] = 0
    head, records, truncated = jsonl(app.test_client().get("/export?format=jsonl").get_data(as_text=True))
    assert records == [] and truncated["written"] == 0 and truncated["count"] == head["count"] > 0


def test_a_failure_while_streaming_ends_the_export_with_a_marker(app, monkeypatch):
    real = Store.get_many
    calls = []

    def failing(self, ids):
        calls.append(1)
        if len(calls) > 1:
            raise OSError("disk gone")
        return real(self, ids)

    monkeypatch.setattr(Store, "get_many", failing)
    monkeypatch.setattr(export_views, "EXPORT_BATCH", 5)
    head, records, truncated = jsonl(app.test_client().get("/export?format=jsonl").get_data(as_text=True))
    assert len(records) == 5 and truncated["reason"] == "error while reading the archive"
    assert truncated["written"] == 5 and truncated["count"] == head["count"]


def test_api_clamps_per_page_and_cuts_long_queries(client):
    for asked in ("500", "101", "1000000000000", "-5", "0"):
        response = client.get(f"/api/search?per_page={asked}")
        assert response.status_code == 200 and 1 <= response.get_json()["per_page"] <= 100
        assert len(response.get_json()["hits"]) <= 100
    assert client.get("/api/search?per_page=100").get_json()["per_page"] == 100
    long = "chuyển " * 200
    head = json.loads(client.get(f"/export?q={long}&format=jsonl").headers["X-Govnews-Manifest"])
    assert head["query"] == long[:500]
    assert client.get(f"/api/search?q={long}").status_code == 200


# --- the Atom feed ---------------------------------------------------------------------------

def parse_feed(response) -> ET.Element:
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.get_data())


def test_the_feed_lists_the_articles_citing_a_resolution_newest_first(client, expected_articles):
    root = parse_feed(client.get("/feed.atom?resolution=57-NQ/TW", base_url="https://archive.example"))
    assert root.tag == A + "feed"
    assert root.findtext(A + "title") == "govnews: 57-NQ/TW"
    links = {link.get("rel"): link.get("href") for link in root.findall(A + "link")}
    assert links["self"] == "https://archive.example/feed.atom?resolution=57-NQ%2FTW"
    assert links["alternate"] == "https://archive.example/search?resolution=57-NQ%2FTW&sort=newest"
    assert root.findtext(A + "id") == links["self"]
    entries = root.findall(A + "entry")
    cited = sorted((a for a in expected_articles if "57-NQ/TW" in a["resolutions"]), key=published_key, reverse=True)
    assert [e.findtext(A + "title") for e in entries] == [a["title"] for a in cited]
    stamps = [datetime.fromisoformat(e.findtext(A + "updated")) for e in entries]
    assert all(s.tzinfo for s in stamps)
    assert datetime.fromisoformat(root.findtext(A + "updated")) == max(stamps)
    for entry, article in zip(entries, cited):
        assert datetime.fromisoformat(entry.findtext(A + "published")).isoformat()[:10] == article["published"][:10]
        assert re.fullmatch(r"https://archive\.example/article/[0-9a-f]{16}", entry.findtext(A + "id"))
        hrefs = {link.get("rel"): link.get("href") for link in entry.findall(A + "link")}
        assert hrefs["alternate"] == entry.findtext(A + "id")
        assert hrefs["related"].startswith("https://" + article["site"])
        assert {c.get("term") for c in entry.findall(A + "category")} == set(article["resolutions"])
        names = [a.findtext(A + "name") for a in entry.findall(A + "author")]
        assert names == [a["name"] for a in article["authors"]] or (not article["authors"] and len(names) == 1)
        assert entry.findtext(A + "summary")


def test_the_feed_is_newest_first_whatever_the_sort_and_names_the_search(client, expected_articles):
    root = parse_feed(client.get("/feed.atom?q=chuyển đổi số&sort=oldest&from=2024-01-01&lang=en"))
    assert root.findtext(A + "title") == "govnews: chuyển đổi số · from 2024-01-01"
    published = [e.findtext(A + "published") for e in root.findall(A + "entry")]
    assert published and published == sorted(published, reverse=True)
    everything = parse_feed(client.get("/feed.atom?lang=en"))
    assert everything.findtext(A + "title") == "govnews: all news"
    assert len(everything.findall(A + "entry")) == min(len(expected_articles), atom.ENTRIES)


def test_the_feed_answers_a_conditional_request(client):
    first = client.get("/feed.atom?resolution=57-NQ/TW")
    again = client.get("/feed.atom?resolution=57-NQ/TW", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


HOSTILE = "<script>alert('x')</script> & \x00\x01\x0b\x1f\ufffe ]]> \"quoted\" Ti\u0301n"


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory):
    """60 records, one of them full of markup, ampersands and control characters."""
    data = tmp_path_factory.mktemp("hostile")
    with Store(data / "archive.sqlite3") as store:
        for i in range(60):
            store.upsert({
                "url": f"https://example.gov.vn/tin/{i}.html", "title": f"Bài {i} {HOSTILE if i == 7 else ''}",
                "body": f"Nội dung {i} " + (HOSTILE if i == 7 else "bình thường"), "summary": None if i % 2 else f"Tóm tắt {i} & <b>",
                "published": None if i == 7 else f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}" + ("T08:00:00" if i % 3 else ""),
                "fetched": "2025-01-02T03:04:05+00:00",
                "authors": [{"name": f"Tác giả <{i}> & \x07", "role": None}] if i % 4 == 0 else [],
                "resolutions": ["57-NQ/TW"], "site": "example.gov.vn", "agency": "Sở <A&B>",
                "source_url": "https://example.gov.vn/goc?a=1&b=<2>" if i == 7 else None,
            })
        update_index(store, data / "index")
    return data


def test_the_feed_is_valid_xml_whatever_the_scraped_text(hostile_archive):
    client = create_app(hostile_archive).test_client()
    root = parse_feed(client.get("/feed.atom"))
    entries = root.findall(A + "entry")
    assert len(entries) == atom.ENTRIES  # the newest 50 of 60
    typed = parse_feed(client.get("/feed.atom?q=<b>%26%01 alert&author=<x>"))
    assert typed.findtext(A + "title") == "govnews: <b>& alert · <x>"
    root = parse_feed(client.get("/feed.atom?q=alert"))
    [hostile] = root.findall(A + "entry")
    title = hostile.findtext(A + "title")
    assert title == unicodedata.normalize("NFC", "Bài 7 <script>alert('x')</script> &  ]]> \"quoted\" Ti\u0301n")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", title)
    # no published date: the fetch time stands in, and "published" is left out
    assert hostile.findtext(A + "updated") == "2025-01-02T03:04:05+00:00" and hostile.find(A + "published") is None
    assert {link.get("href") for link in hostile.findall(A + "link")} >= {"https://example.gov.vn/goc?a=1&b=<2>"}
    for entry in entries + [hostile]:
        assert entry.findall(A + "author")  # the agency stands in for missing authors
        stamp = datetime.fromisoformat(entry.findtext(A + "updated"))
        assert stamp.tzinfo is not None
    names = {a.findtext(A + "name") for e in entries for a in e.iter(A + "author")}
    assert "Tác giả <16> & " in names and "Sở <A&B>" in names
    # dates without a time or a zone are read as Vietnam time
    assert atom.atom_date("2016-03-08") == "2016-03-08T00:00:00+07:00"
    assert atom.atom_date("2016-03-08T10:00:00") == "2016-03-08T10:00:00+07:00"
    assert atom.atom_date("garbage") is None


def test_the_feed_of_an_archive_without_index_is_empty_but_valid(tmp_path):
    Store(tmp_path / "archive.sqlite3").close()
    root = parse_feed(create_app(tmp_path).test_client().get("/feed.atom?q=x"))
    assert root.findall(A + "entry") == [] and root.findtext(A + "updated")


# --- the OpenAPI description -----------------------------------------------------------------

@pytest.fixture(scope="module")
def validate():
    registry = Registry().with_resource("urn:govnews:openapi", Resource.from_contents(
        DOCUMENT, default_specification=DRAFT202012))

    def check(instance, name: str):
        schema = {"$ref": f"urn:govnews:openapi#/components/schemas/{name}"}
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(instance))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])

    return check


def _refs(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_the_description_is_well_formed(client):
    served = client.get("/api/openapi.json", base_url="https://archive.example").get_json()
    assert served["openapi"].startswith("3.1") and served["servers"] == [{"url": "https://archive.example"}]
    assert {k: v for k, v in served.items() if k != "servers"} == json.loads(json.dumps(DOCUMENT))
    for name, schema in DOCUMENT["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
    for ref in set(_refs(DOCUMENT)):
        node = DOCUMENT
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]  # every reference resolves
    operations = {op["operationId"] for path in DOCUMENT["paths"].values() for op in path.values()}
    assert len(operations) == len(DOCUMENT["paths"])


def test_the_record_schema_lists_every_field_with_its_nullability():
    fields = DOCUMENT["components"]["schemas"]["RecordFields"]
    assert tuple(fields["properties"]) == FIELDS and fields["required"] == list(FIELDS)
    nullable = {name for name, schema in fields["properties"].items()
                if isinstance(schema.get("type"), list) and "null" in schema["type"]}
    assert nullable == (set(TEXT_FIELDS) | set(DATE_FIELDS)) - {"id", "title", "site"}


def test_every_api_route_is_described(app):
    described = {re.sub(r"{[^{}]+}", "{}", path) for path in DOCUMENT["paths"]}
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<[^<>]+>", "{}", rule.rule)  # parameter names may differ
        if path.startswith("/api/") or path in ("/export", "/feed.atom", "/healthz"):
            assert path in described, f"{rule.rule} is not in webui/openapi.py"


@pytest.mark.parametrize("query", [
    "q=chuyển đổi số", "q=chuyen doi so&per_page=10", "q=", "resolution=57-NQ/TW&resolution=160/KH-UBND",
    "q=ডিজিটাল", "site=sodttg.langson.gov.vn&from=2020-01-01&to=2025-12-31&sort=oldest",
    "q=zzzqqqxxx", "q=57-NQ/TW", "q=chuyển đổi sốo", "from=2025-99-99", "q=%22unclosed", "page=500",
    "q=title:(", "per_page=100&page=2",
])
def test_search_responses_match_the_description(client, validate, query):
    result = client.get("/api/search?" + query).get_json()
    validate(result, "SearchResult")
    if query == "q=57-NQ/TW":
        assert result["suggested_filter"]["resolution"] == "57-NQ/TW"
    if query == "q=zzzqqqxxx":
        assert result["total"] == 0 and result["hits"] == []
    if query == "q=chuyển đổi sốo":
        assert result["did_you_mean"]


def test_health_and_no_index_responses_match_the_description(client, validate, tmp_path):
    validate(client.get("/healthz").get_json(), "Health")
    Store(tmp_path / "archive.sqlite3").close()
    bare = create_app(tmp_path).test_client()
    validate(bare.get("/healthz").get_json(), "Health")
    validate(bare.get("/api/search?q=x").get_json(), "SearchResult")
    error = bare.get("/api/nosuchthing")
    assert error.status_code == 404
    validate(error.get_json(), "Error")


def test_export_records_match_the_description(client, validate):
    head, records, _ = jsonl(client.get("/export?format=jsonl").get_data(as_text=True))
    validate(head, "Manifest")
    for record in records:
        validate(record, "Record")
    validate(json.loads(client.get("/export?format=json&resolution=57-NQ/TW&from=2024-01-01").get_data()), "JsonExport")


def _has_route(app, prefix: str) -> bool:
    return any(rule.rule.startswith(prefix) for rule in app.url_map.iter_rules())


def test_article_and_resolution_responses_match_the_description(client, crawled, validate):
    """/api/article and /api/resolution return what the description says."""
    with Store(crawled["data"] / "archive.sqlite3") as store:
        records = list(itertools.islice(store.iter_records(), 5))
    for record in records:
        response = client.get(f"/api/article/{record['id']}")
        assert response.status_code == 200
        validate(response.get_json(), "Article")
        assert {k: v for k, v in response.get_json().items() if k != "revisions"} == record
    missing_article = client.get("/api/article/nosuchid")
    assert missing_article.status_code == 404
    validate(missing_article.get_json(), "Error")
    for ref in ("57-NQ/TW", "160/KH-UBND"):
        response = client.get(f"/api/resolution/{ref}")
        assert response.status_code == 200
        validate(response.get_json(), "Resolution")
        assert response.get_json()["id"] == ref and response.get_json()["articles"] > 0
