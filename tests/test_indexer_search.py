import re
from collections import Counter

import pytest

from archive.store import Store
from indexer.build import update_index
from indexer.search import SYNTAX_NOTICE, SearchService

LANGSON = "sodttg.langson.gov.vn"
HANOI = "sotttt.hanoi.gov.vn"
BENGALI_SOURCE = ("https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/chi-bo-so-dan-toc-va-ton-giao-"
                  "tinh-lang-son-to-chuc-sinh-hoat-chuyen-de-ve-chuyen-doi-so-theo-nghi-quyet-so-57-nq-tw-nga.html")


def record(rid, site, title, body, published=None, authors=(), resolutions=(), **extra):
    return {
        "id": rid,
        "url": f"https://{site}/tin-tuc/{rid}.html",
        "site": site,
        "title": title,
        "body": body,
        "published": published,
        "authors": [{"name": name, "role": None} for name in authors],
        "resolutions": list(resolutions),
        "language": "vi",
        **extra,
    }


RECORDS = [
    record("langson57", LANGSON,
           "Chi bộ Sở Dân tộc và Tôn giáo sinh hoạt chuyên đề về chuyển đổi số",
           "Chi bộ quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị và Kế hoạch số 160/KH-UBND.\n\n"
           "Chuyển đổi số là nhiệm vụ bắt buộc để nâng cao hiệu quả quản lý nhà nước.",
           published="2025-07-14T10:30:00+07:00", authors=["Nguyễn Mạnh Cường"],
           resolutions=["57-NQ/TW", "160/KH-UBND"]),
    record("bengali", "bn.example.org",
           "পার্টি সেলের বিষয়ভিত্তিক সভা",
           "ডিজিটাল রূপান্তর এখন আর একটি প্রবণতা নয়। রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ বাস্তবায়ন।",
           published="2025-07-15T08:00:00+07:00", authors=["নগুয়েন মান কুওং"],
           resolutions=["57-NQ/TW", "160/KH-UBND"], source_url=BENGALI_SOURCE, language="bn"),
    record("ba-exact", LANGSON, "Thăm hỏi gia đình chính sách",
           "Đoàn công tác đã đến thăm hỏi bà và tặng quà nhân dịp lễ.",
           published="2024-07-27T09:00:00+07:00", authors=["Hoàng Thị Lan"]),
    record("ba-folded", LANGSON, "Công tác an sinh xã hội",
           "Đoàn công tác đã đến thăm hỏi ba xã và tặng quà nhân dịp lễ.",
           published="2024-07-20T09:00:00+07:00", authors=["Hoàng Thị Lan"]),
    record("words-apart", HANOI, "Sở hóa hồ sơ hành chính",
           "Văn phòng đã chuyển hồ sơ sang hệ thống mới, đổi quy trình và số hóa tài liệu.",
           published="2024-11-05T14:00:00+07:00", authors=["Trần Văn Bình"]),
    record("resolution46", HANOI, "Triển khai Nghị quyết 46/NQ-CP",
           "Thành phố triển khai Nghị quyết số 46/NQ-CP và Nghị quyết số 57-NQ/TW về khoa học công nghệ.",
           published="2023-03-02T08:00:00+07:00", authors=["Trần Văn Bình"],
           resolutions=["46/NQ-CP", "57-NQ/TW"]),
    record("undated", LANGSON, "Hướng dẫn thực hiện Nghị định 01/2025/NĐ-CP",
           "Văn bản hướng dẫn thực hiện Nghị định số 01/2025/NĐ-CP.",
           resolutions=["01/2025/NĐ-CP"]),
    record("script", HANOI, "Cảnh báo mã độc trong thư điện tử",
           "Cảnh báo mã độc <script>alert(1)</script> gửi kèm thư điện tử về chuyển đổi số.",
           published="2025-01-10T16:45:00+07:00", authors=["Trần Văn Bình"]),
    record("dantoc", LANGSON, "Hội nghị tổng kết công tác dân tộc năm 2024",
           "Hội nghị đánh giá kết quả thực hiện chính sách dân tộc trên địa bàn tỉnh.",
           published="2024-12-20T08:00:00+07:00", authors=["Hoàng Thị Lan", "Nguyễn Mạnh Cường"]),
    record("quehuong", LANGSON, "Lễ hội mùa xuân ở Lạng Sơn",
           "Lễ hội thu hút đông đảo du khách trong và ngoài tỉnh.",
           published="2025-02-12T07:00:00+07:00"),
]
ALL_IDS = {r["id"] for r in RECORDS}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    base = tmp_path_factory.mktemp("search")
    store = Store(base / "archive.sqlite3")
    for r in RECORDS:
        store.upsert(r)
    update_index(store, base / "index")
    with SearchService(base / "index", store) as svc:
        yield svc
    store.close()


def ids(result):
    return [hit["id"] for hit in result["hits"]]


def found(service, text, **kwargs):
    return set(ids(service.search(text, per_page=100, **kwargs)))


# --- result shape ----------------------------------------------------------------------

def test_result_has_the_documented_shape_with_full_records(service):
    result = service.search("chuyển đổi số")
    assert set(result) == {"total", "page", "per_page", "hits", "facets", "notices"}
    assert set(result["facets"]) == {"resolution", "author", "site", "year"}
    hit = next(h for h in result["hits"] if h["id"] == "langson57")
    assert hit["authors"] == [{"name": "Nguyễn Mạnh Cường", "role": None}]
    assert hit["body"].startswith("Chi bộ quán triệt")
    assert isinstance(hit["score"], float) and hit["score"] > 0
    assert result["notices"] == []


def test_empty_query_returns_everything(service):
    result = service.search("", per_page=100)
    assert result["total"] == len(RECORDS)
    assert set(ids(result)) == ALL_IDS


# --- matching --------------------------------------------------------------------------

def test_vietnamese_with_and_without_diacritics_and_bengali_find_the_bengali_page(service):
    exact = found(service, "chuyển đổi số")
    folded = found(service, "chuyen doi so")
    assert {"langson57", "bengali", "script"} <= exact
    assert {"langson57", "bengali", "script"} <= folded
    assert found(service, "ডিজিটাল") == {"bengali"}


def test_exact_diacritics_rank_above_a_folded_match(service):
    order = ids(service.search("bà"))
    assert "ba-exact" in order and "ba-folded" in order
    assert order.index("ba-exact") < order.index("ba-folded")
    # without diacritics both match as well
    assert {"ba-exact", "ba-folded"} <= found(service, "ba")


def test_words_are_anded_and_a_quoted_phrase_needs_the_words_together(service):
    words = found(service, "chuyển đổi số")
    assert "words-apart" in words
    phrase = found(service, '"chuyển đổi số"')
    assert "words-apart" not in phrase
    assert {"langson57", "script"} <= phrase
    assert found(service, "chuyển lễ hội") == set()


def test_document_ids_are_found_whole_and_by_their_parts(service):
    assert found(service, "57-nq/tw") >= {"langson57", "bengali", "resolution46"}
    assert "bengali" in found(service, "nghị quyết 57")
    assert "bengali" in found(service, "nghi quyet 57")


def test_not_and_minus_exclude_a_word(service):
    both = found(service, "dân tộc")
    assert {"langson57", "dantoc"} <= both
    # the Bengali page matches through its source URL, "...-dan-toc-va-ton-giao-..."
    assert found(service, "dân tộc -giáo") == {"dantoc"}
    assert found(service, "dân tộc NOT giáo") == {"dantoc"}


def test_a_query_of_only_excluded_words(service):
    with_giao = found(service, "giáo")
    assert with_giao == {"langson57", "bengali"}
    assert found(service, "-giáo") == ALL_IDS - with_giao
    assert found(service, "NOT giáo") == ALL_IDS - with_giao


def test_a_minus_inside_a_word_is_not_an_operator(service):
    result = service.search("57-NQ/TW")
    assert result["notices"] == []
    assert {"langson57", "bengali", "resolution46"} <= set(ids(result))


def test_or_between_words(service):
    assert found(service, "ডিজিটাল OR khách") == {"bengali", "quehuong"}


def test_field_prefixes(service):
    assert found(service, "title:thăm") == {"ba-exact"}
    assert found(service, "title:tham") == {"ba-exact"}
    assert found(service, 'author:"Nguyễn Mạnh Cường"') == {"langson57", "dantoc"}
    assert found(service, "author:cuong") == {"langson57", "dantoc"}
    assert found(service, "resolution:46/nq-cp") == {"resolution46"}
    assert found(service, f"site:{HANOI}") == {"words-apart", "resolution46", "script"}


@pytest.mark.parametrize("text", ['"unclosed', "AND OR (", "title:", "(chuyển đổi", "số AND", ")"])
def test_broken_syntax_never_raises_and_says_so(service, text):
    result = service.search(text)
    assert result["notices"] == [SYNTAX_NOTICE]
    assert isinstance(result["total"], int)


def test_a_colon_after_an_ordinary_word_is_just_text(service):
    result = service.search("Lễ hội: mùa xuân")
    assert result["notices"] == []
    assert ids(result) == ["quehuong"]


def test_broken_syntax_falls_back_to_the_words(service):
    result = service.search('"chuyển đổi số', per_page=100)
    assert result["notices"] == [SYNTAX_NOTICE]
    assert set(ids(result)) == found(service, "chuyển đổi số")
    # nothing but operators: everything
    assert service.search("AND OR (")["total"] == len(RECORDS)


# --- filters ---------------------------------------------------------------------------

def test_filter_values_of_one_kind_or_and_kinds_and(service):
    either = found(service, "", filters={"resolution": ["160/KH-UBND", "46/NQ-CP"]})
    assert either == {"langson57", "bengali", "resolution46"}
    both_kinds = found(service, "", filters={"resolution": ["160/KH-UBND", "46/NQ-CP"], "site": [HANOI]})
    assert both_kinds == {"resolution46"}
    by_author = found(service, "", filters={"author": ["Trần Văn Bình", "Hoàng Thị Lan"], "site": LANGSON})
    assert by_author == {"ba-exact", "ba-folded", "dantoc"}


def test_resolution_filter_accepts_a_variant_id(service):
    expected = {r["id"] for r in RECORDS if "57-NQ/TW" in r["resolutions"]}
    assert found(service, "", filters={"resolution": "57-nq/tw"}) == expected
    assert found(service, "", filters={"resolution": ["Nghị quyết số 57-NQ/TW"]}) == expected
    assert found(service, "", filters={"resolution": "01/2025/ND-CP"}) == {"undated"}


def test_unknown_filter_keys_and_empty_values_are_ignored(service):
    assert found(service, "", filters={"colour": ["red"], "author": [], "from": ""}) == ALL_IDS


def test_date_range_is_inclusive(service):
    def expected(low, high):
        return {r["id"] for r in RECORDS if r["published"] and low <= r["published"][:10] <= high}

    assert found(service, "", filters={"from": "2025-01-10", "to": "2025-07-14"}) == expected("2025-01-10", "2025-07-14")
    assert "langson57" in found(service, "", filters={"to": "2025-07-14"})
    assert found(service, "", filters={"from": "2025-01-01"}) == expected("2025-01-01", "9999")
    assert "undated" not in found(service, "", filters={"to": "2030-01-01"})


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday", "14/07/2025"])
def test_invalid_dates_raise_a_clear_error(service, bad):
    with pytest.raises(ValueError, match="from"):
        service.search("", filters={"from": bad})


# --- sorting ---------------------------------------------------------------------------

def test_sort_newest_and_oldest_put_undated_last(service):
    dated = sorted((r for r in RECORDS if r["published"]), key=lambda r: r["published"])
    oldest = ids(service.search("", sort="oldest", per_page=100))
    newest = ids(service.search("", sort="newest", per_page=100))
    assert oldest == [r["id"] for r in dated] + ["undated"]
    assert newest == [r["id"] for r in reversed(dated)] + ["undated"]


def test_unknown_sort_is_an_error(service):
    with pytest.raises(ValueError, match="sort"):
        service.search("", sort="random")


# --- facets ----------------------------------------------------------------------------

def expected_facets(records):
    counts = {
        "resolution": Counter(res for r in records for res in r["resolutions"]),
        "author": Counter(a["name"] for r in records for a in r["authors"]),
        "site": Counter(r["site"] for r in records),
        "year": Counter(int(r["published"][:4]) for r in records if r["published"]),
    }
    return {name: sorted(([v, n] for v, n in c.items()), key=lambda vn: (-vn[1], vn[0]))
            for name, c in counts.items()}


def test_facets_count_every_matched_document_not_just_the_page(service):
    result = service.search("", per_page=2)
    assert len(result["hits"]) == 2
    assert result["facets"] == expected_facets(RECORDS)


def test_facets_follow_query_and_filters(service):
    result = service.search("chuyển đổi số", filters={"site": [LANGSON, "bn.example.org"]})
    matched = [r for r in RECORDS if r["id"] in {"langson57", "bengali"}]
    assert result["total"] == 2
    facets = expected_facets(matched)
    # the site facet leaves out the site filter itself (see the disjunctive facet tests)
    facets["site"] = expected_facets([r for r in RECORDS if r["id"] in found(service, "chuyển đổi số")])["site"]
    assert result["facets"] == facets


def test_facet_limit(service):
    result = service.search("", facet_limit=1)
    assert result["facets"]["resolution"] == [["57-NQ/TW", 3]]
    assert all(len(values) <= 1 for values in result["facets"].values())


# --- pagination ------------------------------------------------------------------------

def test_pages_cover_the_result_set_once_with_a_stable_total(service):
    seen = []
    for page in range(1, 5):
        result = service.search("", sort="newest", page=page, per_page=3)
        assert result["total"] == len(RECORDS)
        assert result["page"] == page
        seen += ids(result)
    assert sorted(seen) == sorted(ALL_IDS)


def test_page_bounds(service):
    beyond = service.search("", page=50, per_page=3)
    assert beyond["hits"] == [] and beyond["total"] == len(RECORDS)
    assert service.search("", page=0)["page"] == 1
    assert service.search("", page=-3)["page"] == 1
    assert service.search("", per_page=1000)["per_page"] == 100


def test_relevance_pages_agree_with_one_big_page(service):
    everything = ids(service.search("hội", per_page=100))
    paged = ids(service.search("hội", per_page=2)) + ids(service.search("hội", page=2, per_page=2))
    assert paged == everything[:4]


# --- whole result sets ---------------------------------------------------------------

def test_matching_ids_lists_every_match_in_result_order(service):
    assert service.matching_ids("", sort="oldest") == ids(service.search("", sort="oldest", per_page=100))
    everything = service.search("chuyển đổi số", per_page=100)
    assert service.matching_ids("chuyển đổi số") == ids(everything)
    assert set(service.matching_ids("", {"site": HANOI})) == {"words-apart", "resolution46", "script"}


def test_an_empty_index(tmp_path):
    with Store(tmp_path / "archive.sqlite3") as store, SearchService(tmp_path / "index", store) as empty:
        result = empty.search("chuyển đổi số")
        assert (result["total"], result["hits"]) == (0, [])
        assert result["facets"] == {"resolution": [], "author": [], "site": [], "year": []}
        assert empty.matching_ids("") == []


# --- snippets --------------------------------------------------------------------------

def hit(service, text, rid, **kwargs):
    return next(h for h in service.search(text, per_page=100, **kwargs)["hits"] if h["id"] == rid)


def test_snippet_escapes_html_and_marks_matches(service):
    snippet = hit(service, "mã độc", "script")["snippet"]
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>mã</mark> <mark>độc</mark>" in snippet
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0


def test_snippet_marks_folded_matches_in_the_original_text(service):
    snippet = hit(service, "chuyen doi so", "langson57")["snippet"]
    assert "<mark>Chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in snippet


def test_snippet_does_not_mark_excluded_words(service):
    snippet = hit(service, "hội -title:tỉnh", "dantoc")["snippet"]
    assert "tỉnh" in snippet
    assert "<mark>" in snippet and "<mark>tỉnh</mark>" not in snippet


def test_snippet_falls_back_to_the_title_then_the_text(service):
    assert hit(service, "title:Lạng", "quehuong")["snippet"] == "Lễ hội mùa xuân ở <mark>Lạng</mark> Sơn"
    # found through the source URL only: no mark, the start of the body
    bengali = hit(service, "chuyen doi so", "bengali")["snippet"]
    assert "<mark>" not in bengali and bengali.startswith("ডিজিটাল রূপান্তর")
