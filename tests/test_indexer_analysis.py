import unicodedata
from pathlib import Path

from indexer.analysis import UnicodeWordTokenizer, exact_analyzer, folded_words, words
from indexer.build import record_to_document
from indexer.schema import date_stamp

SEED = Path(__file__).parent / "fixtures" / "seed_bn.txt"


def tokens(analyzer, text):
    return [(t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)]


def test_bengali_word_with_vowel_signs_is_one_token():
    assert [t.text for t in UnicodeWordTokenizer()("ডিজিটাল রূপান্তর")] == ["ডিজিটাল", "রূপান্তর"]


def test_bengali_digits_become_ascii():
    assert words("রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ") == ["রেজোলিউশন", "নং", "57", "এনকিউ", "টিডব্লিউ"]


def test_the_seed_page_keeps_its_words_whole():
    text = SEED.read_text(encoding="utf-8")
    found = words(text)
    assert "ডিজিটাল" in found
    assert "57" in found and "160" in found
    # no token is a bare combining mark split off a word
    assert not any(unicodedata.category(w[0]).startswith("M") for w in found)


def test_vietnamese_syllables_and_positions_for_phrases_and_highlights():
    text = "Chuyển đổi số, năm 2025!"
    assert tokens(exact_analyzer(), text) == [
        ("chuyển", 0, 0, 6), ("đổi", 1, 7, 10), ("số", 2, 11, 13), ("năm", 3, 15, 18), ("2025", 4, 19, 23)]


def test_decomposed_input_gives_composed_tokens_with_offsets_into_the_input():
    text = unicodedata.normalize("NFD", "Bà Đảng")
    found = tokens(exact_analyzer(), text)
    assert [t[0] for t in found] == ["bà", "đảng"]
    assert text[found[0][2]:found[0][3]] == unicodedata.normalize("NFD", "Bà")


def test_folded_analyzer_drops_vietnamese_diacritics_only():
    assert folded_words("CHUYỂN ĐỔI SỐ Đảng") == ["chuyen", "doi", "so", "dang"]
    assert folded_words("ডিজিটাল") == ["ডিজিটাল"]
    assert words("bà ba") == ["bà", "ba"]
    assert folded_words("bà ba") == ["ba", "ba"]


def test_one_letter_syllables_and_underscores():
    assert words("ở y_tế") == ["ở", "y", "tế"]


def test_date_stamp_keeps_local_time():
    assert date_stamp("2025-07-14T10:30:00+07:00") == 20250714103000
    assert date_stamp("2025-07-14") == 20250714000000
    assert date_stamp(None) == 0
    assert date_stamp("not a date") == 0


BENGALI = {
    "id": "bn1",
    "url": "https://bn.example.org/news/party-cell.html",
    "source_url": "https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/"
                  "sinh-hoat-chuyen-de-ve-chuyen-doi-so-theo-nghi-quyet-so-57-nq-tw-nga.html",
    "site": "bn.example.org",
    "title": "সভা",
    "summary": None,
    "body": "ডিজিটাল রূপান্তর",
    "published": "2025-07-14T10:30:00+07:00",
    "authors": [{"name": "নগুয়েন মান কুওং", "role": "অফিসের প্রধান"}],
    "resolutions": ["57-NQ/TW", "160/KH-UBND"],
    "references": [{"id": "57-NQ/TW", "type": "NQ", "type_name": "Nghị quyết", "issuer": "TW",
                    "date": "2024-12-22", "mentions": 3}],
}


def test_record_to_document():
    doc = record_to_document(BENGALI)
    assert doc["id"] == "bn1"
    assert doc["body"] == ["ডিজিটাল", "রূপান্তর"]  # the words as written
    assert doc["folded"][:2] == ["ডিজিটাল", "রূপান্তর"]
    assert doc["length"] == len(doc["folded"])
    assert doc["resolution"] == ["57-NQ/TW", "160/KH-UBND"]
    assert doc["author"] == ["নগুয়েন মান কুওং"]
    assert doc["site"] == "bn.example.org"
    assert (doc["year"], doc["month"], doc["published"]) == (2025, "2025-07", 20250714103000)


def test_url_slugs_give_words():
    urlwords = " ".join(record_to_document(BENGALI)["folded"])
    assert "news party cell" in urlwords
    assert "ve chuyen doi so theo nghi quyet so 57 nq tw" in urlwords
    assert "html" not in urlwords


def test_cited_documents_are_searchable_by_type_name_and_parts():
    folded = record_to_document({**BENGALI, "url": "https://bn.example.org/1", "source_url": None})["folded"]
    refs = folded[folded.index("nghi"):]
    assert refs[:6] == ["nghi", "quyet", "so", "57", "nq", "tw"]
    assert "2024" in refs
    # 160/KH-UBND has no reference entry: its type name comes from the id itself
    assert {"ke", "hoach", "160", "kh", "ubnd"} <= set(refs)


def test_undated_record_has_no_month_and_zero_dates():
    doc = record_to_document({**BENGALI, "published": None})
    assert "month" not in doc
    assert doc["year"] == 0 and doc["published"] == 0


def test_record_to_document_is_pure():
    before = repr(BENGALI)
    assert record_to_document(BENGALI) == record_to_document(BENGALI)
    assert repr(BENGALI) == before
