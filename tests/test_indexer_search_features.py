"""Phrase bigrams, disjunctive and month facets, suggested filters and "did you mean"."""
import pytest
from whoosh.query import Term

from archive.store import Store
from indexer.build import record_to_document, update_index
from indexer.search import ALL_FACETS, SearchService
from test_indexer_search import HANOI, LANGSON, RECORDS, found, ids, record


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    base = tmp_path_factory.mktemp("features")
    store = Store(base / "archive.sqlite3")
    for r in RECORDS:
        store.upsert(r)
    update_index(store, base / "index")
    with SearchService(base / "index", store) as svc:
        yield svc
    store.close()


def facet(result, name):
    return dict(result["facets"][name])


# --- phrases from syllable bigrams ----------------------------------------------------

def test_documents_carry_folded_syllable_pairs_that_do_not_span_fields():
    doc = record_to_document(record("x", LANGSON, "Chuyển đổi", "Số hóa", authors=["Lan"]))
    assert {"chuyen_doi", "so_hoa"} <= set(doc["bigrams"])
    assert "doi_so" not in doc["bigrams"]  # the title's last word and the body's first


def test_a_phrase_is_answered_from_the_bigram_field(service):
    q, _ = service.parse('"chuyển đổi số"')
    assert {Term("bigrams", "chuyen_doi"), Term("bigrams", "doi_so")} <= set(q.leaves())
    assert not any(getattr(leaf, "fieldname", "").endswith("_folded") for leaf in q.leaves())


def test_phrase_matches_with_and_without_diacritics_but_not_words_apart(service):
    expected = {"langson57", "script", "bengali"}  # the Bengali page through its source URL
    assert found(service, '"chuyển đổi số"') == expected
    assert found(service, '"chuyen doi so"') == expected
    assert "words-apart" in found(service, "chuyển đổi số")


def test_exact_diacritic_phrase_ranks_above_a_folded_one(service):
    order = ids(service.search('"hỏi bà"'))
    assert order == ["ba-exact", "ba-folded"]
    assert ids(service.search('"hỏi ba"'))[0] == "ba-folded"


def test_phrase_snippets_mark_the_phrase_words(service):
    hit = next(h for h in service.search('"mã độc"')["hits"] if h["id"] == "script")
    assert "<mark>mã</mark> <mark>độc</mark>" in hit["snippet"]


def test_phrases_with_a_field_prefix_or_slop(service):
    # a title phrase is checked on word positions; the body has none: a slop loosens a phrase to its words
    assert found(service, 'title:"chuyển đổi số"') == {"langson57"}
    assert "words-apart" not in found(service, '"chuyển đổi"')
    assert "words-apart" in found(service, '"chuyển đổi"~8')


# --- facets ---------------------------------------------------------------------------

def test_a_facet_ignores_its_own_filter_so_other_values_can_be_added(service):
    result = service.search("", {"resolution": "57-NQ/TW"})
    assert result["total"] == 3
    assert facet(result, "resolution") == {"57-NQ/TW": 3, "160/KH-UBND": 2, "46/NQ-CP": 1, "01/2025/NĐ-CP": 1}
    # other facets count only the filtered documents
    assert facet(result, "site") == {LANGSON: 1, "bn.example.org": 1, HANOI: 1}


def test_each_facet_counts_under_the_other_kinds_filters(service):
    result = service.search("", {"resolution": "57-NQ/TW", "site": HANOI})
    assert result["total"] == 1
    assert facet(result, "resolution") == {"57-NQ/TW": 1, "46/NQ-CP": 1}  # Hanoi's documents
    assert facet(result, "site") == {LANGSON: 1, "bn.example.org": 1, HANOI: 1}  # citing 57-NQ/TW
    assert facet(result, "author") == {"Trần Văn Bình": 1}


def test_month_facet_is_a_date_ordered_histogram_that_ignores_the_date_filter(service):
    result = service.search("", {"from": "2025-01-01", "site": LANGSON}, facets=ALL_FACETS)
    assert result["total"] == 2
    months = result["facets"]["month"]
    assert months == [["2024-07", 2], ["2024-12", 1], ["2025-02", 1], ["2025-07", 1]]
    assert facet(result, "year") == {2024: 3, 2025: 2}
    assert facet(result, "author") == {"Nguyễn Mạnh Cường": 1}
    assert "month" not in service.search("")["facets"]


def test_unknown_facet_name_is_an_error(service):
    with pytest.raises(ValueError, match="facet"):
        service.search("", facets=("colour",))


# --- a document id in the query --------------------------------------------------------

@pytest.mark.parametrize("text", ["57-nq/tw", "Nghị quyết số 57-NQ/TW", "৫৭-এনকিউ/টিডব্লিউ",
                                  "chuyển đổi số theo nghị quyết 57-nq/tw"])
def test_a_query_naming_a_document_suggests_its_filter(service, text):
    assert service.search(text)["suggested_filter"] == {"resolution": "57-NQ/TW", "count": 3}


def test_no_suggested_filter_when_chosen_uncited_or_absent(service):
    assert "suggested_filter" not in service.search("57-NQ/TW", {"resolution": "57-nq/tw"})
    assert "suggested_filter" not in service.search("Quyết định số 999/QĐ-UBND")
    assert "suggested_filter" not in service.search("chuyển đổi số")


# --- did you mean ------------------------------------------------------------------------

def test_a_misspelt_word_gets_a_correction_that_finds_results(service):
    result = service.search("lễ hộii")
    assert result["total"] == 0
    assert result["did_you_mean"] == "lễ hoi"
    assert service.search(result["did_you_mean"])["total"] > 0
    assert service.search("chuyen doii so")["did_you_mean"] == "chuyen doi so"


def test_no_correction_for_known_words_or_when_nothing_close_is_found(service):
    assert "did_you_mean" not in service.search("chuyển đổi số")
    assert "did_you_mean" not in service.search("xyzzyq")
    assert "did_you_mean" not in service.search("ডিজিটাল")
    # a correction that would find nothing under the filters is not offered
    assert "did_you_mean" not in service.search("lễ hộii", {"site": HANOI})


def test_field_prefixes_and_document_numbers_are_not_corrected(service):
    assert "did_you_mean" not in service.search(f"site:{HANOI} 99999")


# --- dates in the query ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("date:2024-07", {"ba-exact", "ba-folded"}),
    ("date:2024-07-27", {"ba-exact"}),
    ("thăm date:2024", {"ba-exact", "ba-folded"}),
    ("date:2025-02.. lễ hội", {"quehuong"}),
    ("date:..2024-07-20 đoàn", {"ba-folded"}),
])
def test_date_terms_limit_the_publication_date(service, text, expected):
    assert found(service, text) == expected


@pytest.mark.parametrize("text", ["date:2024-13", "date:yesterday", "date:2025..2024", "date:"])
def test_a_date_term_that_is_not_a_date_is_dropped_with_a_notice(service, text):
    result = service.search(f"thăm {text}", per_page=100)
    assert {hit["id"] for hit in result["hits"]} == found(service, "thăm")
    assert any("Date not understood" in notice for notice in result["notices"])
