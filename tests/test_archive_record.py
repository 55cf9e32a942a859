import copy
import unicodedata

import pytest

from archive.record import FIELDS, InvalidRecord, build_record, canonical_url, content_hash, record_id

URL = "https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/chi-bo-so-dan-toc.html"


def minimal(**extra):
    return {"url": URL, "title": "Chi bộ Sở Dân tộc và Tôn giáo tổ chức sinh hoạt chuyên đề", **extra}


def test_fields_follow_the_design_order():
    assert list(FIELDS) == [
        "id", "url", "source_url", "site", "agency", "province", "title", "summary", "body",
        "published", "updated", "authors", "resolutions", "references", "category", "images",
        "attachments", "language", "fetched", "revision"]


def test_build_record_fills_every_field_with_defaults():
    record = build_record(minimal())
    assert list(record) == list(FIELDS)
    assert record["id"] == record_id(URL)
    assert record["site"] == "sodttg.langson.gov.vn"
    assert record["revision"] == 1
    for field in ("authors", "resolutions", "references", "images", "attachments"):
        assert record[field] == []
    for field in ("source_url", "agency", "summary", "body", "published", "updated", "fetched"):
        assert record[field] is None


def test_given_values_are_kept():
    record = build_record(minimal(id="abc", site="example", revision=3, published="2025-07-14T10:30:00+07:00",
                                  authors=[{"name": "Nguyễn Mạnh Cường", "role": "Chánh Văn phòng"}],
                                  resolutions=["57-NQ/TW"]))
    assert (record["id"], record["site"], record["revision"]) == ("abc", "example", 3)
    assert record["authors"] == [{"name": "Nguyễn Mạnh Cường", "role": "Chánh Văn phòng"}]
    assert record["published"] == "2025-07-14T10:30:00+07:00"


def test_author_without_role_gets_role_none():
    assert build_record(minimal(authors=[{"name": "Khánh Ly"}]))["authors"] == [{"name": "Khánh Ly", "role": None}]


def test_record_without_url_is_refused():
    with pytest.raises(InvalidRecord, match="no url"):
        build_record({"title": "Tin"})


@pytest.mark.parametrize("url", ["/tin-tuc/a.html", "ftp://example.org/a", "sodttg.langson.gov.vn/a.html"])
def test_record_with_relative_or_non_http_url_is_refused(url):
    with pytest.raises(InvalidRecord, match="absolute http"):
        build_record({"url": url, "title": "Tin"})


@pytest.mark.parametrize("title", [None, "", "   "])
def test_record_without_title_is_refused_naming_the_url(title):
    with pytest.raises(InvalidRecord) as error:
        build_record({"url": URL, "title": title})
    assert "no title" in str(error.value) and URL in str(error.value)


@pytest.mark.parametrize("field", ["published", "updated", "fetched"])
def test_unparseable_dates_are_refused(field):
    with pytest.raises(InvalidRecord, match=field):
        build_record(minimal(**{field: "14/07/2025"}))


def test_iso_dates_and_datetime_objects_are_accepted():
    from datetime import datetime, timezone
    record = build_record(minimal(published="2025-07-14", fetched=datetime(2025, 7, 15, tzinfo=timezone.utc)))
    assert record["published"] == "2025-07-14"
    assert record["fetched"] == "2025-07-15T00:00:00+00:00"


@pytest.mark.parametrize("authors", [
    ["Nguyễn Mạnh Cường"], [{"name": ""}], [{"role": "Chánh Văn phòng"}], [{"name": "A", "role": 3}],
    [{"name": "A", "email": "a@example.org"}], "Nguyễn Mạnh Cường",
])
def test_malformed_authors_are_refused(authors):
    with pytest.raises(InvalidRecord, match="author"):
        build_record(minimal(authors=authors))


@pytest.mark.parametrize("extra, field", [
    ({"resolutions": [57]}, "resolutions"),
    ({"resolutions": "57-NQ/TW"}, "resolutions"),
    ({"images": [{"alt": "Toàn cảnh"}]}, "images"),
    ({"attachments": [{"title": "Kế hoạch"}]}, "attachments"),
    ({"references": [{"type": "NQ"}]}, "references"),
    ({"body": ["đoạn 1"]}, "body"),
    ({"revision": 0}, "revision"),
])
def test_malformed_fields_are_refused_by_name(extra, field):
    with pytest.raises(InvalidRecord, match=field):
        build_record(minimal(**extra))


def test_unknown_fields_are_refused_but_underscore_fields_dropped():
    with pytest.raises(InvalidRecord, match="unknown field.*author_role"):
        build_record(minimal(author_role="Chánh Văn phòng"))
    record = build_record(minimal(_explain={"title": "h1"}, _raw="<html>"))
    assert "_explain" not in record and "_raw" not in record


def test_invalid_record_is_a_value_error():
    assert issubclass(InvalidRecord, ValueError)


def test_input_is_not_mutated():
    data = minimal(authors=[{"name": "Khánh Ly"}], _explain={"x": 1},
                   title=unicodedata.normalize("NFD", "Nghị quyết số 57"))
    before = copy.deepcopy(data)
    build_record(data)
    assert data == before


def test_every_string_is_nfc_normalised():
    nfd = unicodedata.normalize("NFD", "Tỉnh ủy Lạng Sơn triển khai Nghị quyết")
    assert nfd != unicodedata.normalize("NFC", nfd)
    record = build_record(minimal(title=nfd, body=nfd, authors=[{"name": unicodedata.normalize("NFD", "Nguyễn Mạnh Cường"),
                                                                 "role": None}]))
    assert record["title"] == unicodedata.normalize("NFC", nfd)
    assert record["body"] == unicodedata.normalize("NFC", nfd)
    assert record["authors"][0]["name"] == "Nguyễn Mạnh Cường"


def test_canonical_url_drops_tracking_fragment_default_port_and_case():
    assert canonical_url("HTTPS://SoDTTG.LangSon.gov.vn:443/Tin-Tuc/a.html?utm_source=fb&id=5&fbclid=x&page=2#top") == \
        "https://sodttg.langson.gov.vn/Tin-Tuc/a.html?id=5&page=2"
    assert canonical_url("http://example.org:80") == "http://example.org/"
    assert canonical_url("http://example.org:8080/a?zarsrc=31&gclid=1&UTM_medium=z") == "http://example.org:8080/a"


def test_canonical_url_keeps_the_rest_of_the_query_in_order():
    assert canonical_url("https://a.gov.vn/list?z=1&a=2&z=3") == "https://a.gov.vn/list?z=1&a=2&z=3"


def test_record_id_is_stable_across_url_spellings():
    ids = {record_id(u) for u in (URL, URL + "#comments", URL + "?utm_campaign=x",
                                  URL.replace("https://sodttg", "https://SODTTG"), URL.replace(".vn/", ".vn:443/"))}
    assert len(ids) == 1
    (only,) = ids
    assert len(only) == 16 and set(only) <= set("0123456789abcdef")
    assert record_id(URL) != record_id(URL.replace(".html", "-2.html"))


def test_record_id_is_the_sha1_prefix_of_the_canonical_url():
    import hashlib
    assert record_id(URL + "#x") == hashlib.sha1(URL.encode()).hexdigest()[:16]


def test_content_hash_ignores_crawl_bookkeeping_but_not_content():
    first = build_record(minimal(body="Nội dung", fetched="2025-07-14T10:00:00+00:00"))
    second = build_record(minimal(body="Nội dung", fetched="2025-08-01T09:00:00+00:00", revision=4))
    assert content_hash(first) == content_hash(second)
    assert len(content_hash(first)) == 64
    assert content_hash(build_record(minimal(body="Nội dung đã sửa"))) != content_hash(first)
    assert content_hash(build_record(minimal(body="Nội dung", resolutions=["57-NQ/TW"]))) != content_hash(first)


def test_content_hash_is_the_same_for_nfc_and_nfd_crawls():
    nfd = build_record(minimal(body=unicodedata.normalize("NFD", "Lạng Sơn")))
    nfc = build_record(minimal(body="Lạng Sơn"))
    assert content_hash(nfd) == content_hash(nfc)
