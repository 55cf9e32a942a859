import unicodedata
from pathlib import Path

import lxml.html
import pytest

from archive.docref import TYPE_NAMES, canonical_id, find_references, parse_bengali_date

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def ids(text):
    return [r["id"] for r in find_references(text)]


def only(text):
    references = find_references(text)
    assert len(references) == 1, references
    return references[0]


# --- the seed page -----------------------------------------------------------------------

def test_fixture_is_the_seed_the_sample_portal_publishes():
    """The fixture and the sample portal's mirror page carry the same seed text, line for line."""
    mirror = (Path(__file__).resolve().parents[1] / "data" / "sample_portal" / "sites" / "bn.langson-mirror.example"
              / "2025" / "07" / "chi-bo-so-dan-toc-va-ton-giao-sinh-hoat-chuyen-de-chuyen-doi-so" / "index.html")
    page = lxml.html.fromstring(mirror.read_bytes()).text_content()
    lines = (FIXTURES / "seed_bn.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8
    assert all(line.strip(" |") in page for line in lines)


def test_seed_page_gives_exactly_the_two_references():
    text = (FIXTURES / "seed_bn.txt").read_text(encoding="utf-8")
    assert find_references(text) == [
        {"id": "57-NQ/TW", "type": "NQ", "type_name": "Nghị quyết", "issuer": "TW",
         "date": "2024-12-22", "mentions": 3},
        {"id": "160/KH-UBND", "type": "KH", "type_name": "Kế hoạch", "issuer": "UBND",
         "date": "2025-06-14", "mentions": 2},
    ]


# --- the real examples of vn_portals §2.7 ------------------------------------------------
# (as written, canonical id, issue date or None); 441 UB/QĐ-TC (irregular) and the slug form are left out.
REAL_EXAMPLES = [
    ("57-NQ/TW", "57-NQ/TW", "22/12/2024"), ("160/KH-UBND", "160/KH-UBND", "14/6/2025"),
    ("203/KH-UBND", "203/KH-UBND", "27/9/2022"), ("49-NQ/TU", "49-NQ/TU", "28/9/2021"),
    ("2881/VP-KGVX", "2881/VP-KGVX", "07/5/2025"), ("77/BC-SKHCN", "77/BC-SKHCN", None),
    ("951/QĐ-BTTTT", "951/QĐ-BTTTT", None), ("333/KH-UBND", "333/KH-UBND", "31/12/2025"),
    ("5511/BKHCN-CĐSQG", "5511/BKHCN-CĐSQG", "10/10/2025"), ("246/KH-UBND", "246/KH-UBND", "06/11/2024"),
    ("1878/QĐ-UBND", "1878/QĐ-UBND", "30/10/2024"), ("50/NQ-CP", "50/NQ-CP", "17/4/2020"),
    ("52-NQ/TW", "52-NQ/TW", "27/9/2019"), ("749/QĐ-TTg", "749/QĐ-TTg", "03/6/2020"),
    ("942/QĐ-TTg", "942/QĐ-TTg", "15/6/2021"), ("411/QĐ-TTg", "411/QĐ-TTg", "31/3/2022"),
    ("142/QĐ-TTg", "142/QĐ-TTg", "02/02/2024"), ("34/CT-TTg", "34/CT-TTg", "16/9/2024"),
    ("247/KH-UBND", "247/KH-UBND", "14/12/2022"), ("34/2024/QĐ-UBND", "34/2024/QĐ-UBND", None),
    ("64/2007/NĐ-CP", "64/2007/NĐ-CP", None), ("47/2020/NĐ-CP", "47/2020/NĐ-CP", None),
    ("47/2024/NĐ-CP", "47/2024/NĐ-CP", None), ("72/2013/N\u00d0-CP", "72/2013/NĐ-CP", None),
    ("42/2022/NĐ-CP", "42/2022/NĐ-CP", None), ("22/2023/TT-BTTTT", "22/2023/TT-BTTTT", None),
    ("959/QĐ-UBND", "959/QĐ-UBND", None), ("33/2009/QĐ-UBND", "33/2009/QĐ-UBND", None),
    ("01/1999/QĐ.UB", "01/1999/QĐ.UB", None), ("1811/QĐ-UBND", "1811/QĐ-UBND", None),
    ("123/2015/NĐ-CP", "123/2015/NĐ-CP", None), ("194/2012/TT-BTC", "194/2012/TT-BTC", None),
    ("19/2012/TTLT-BTC-BKH&ĐT-BTTTT", "19/2012/TTLT-BTC-BKH&ĐT-BTTTT", None),
    ("101/QĐ-TTg", "101/QĐ-TTg", None), ("2173/QĐ-BTP", "2173/QĐ-BTP", None),
    ("1473/BTP-CNTT", "1473/BTP-CNTT", None), ("559/TTr-STP", "559/TTr-STP", None),
    ("45-NQ/TW", "45-NQ/TW", "24-11-2023"), ("923/QĐ-TTg", "923/QĐ-TTg", "02/8/2022"),
    ("242/KH-UBND", "242/KH-UBND", "31/12/2022"), ("204-QĐ/TW", "204-QĐ/TW", None),
    ("02-KH/BCĐTW", "02-KH/BCĐTW", None), ("111/NQ-CP", "111/NQ-CP", "22/07/2024"),
    ("29-NQ/TW", "29-NQ/TW", "17/11/2022"), ("11/QĐ-BCĐCP", "11/QĐ-BCĐCP", None),
    ("02-CTr/BCĐTW", "02-CTr/BCĐTW", None), ("25-NQ/TW", "25-NQ/TW", "12/3/2003"),
    ("1161/QĐ-UBND", "1161/QĐ-UBND", None), ("22/2004/NĐ-CP", "22/2004/NĐ-CP", None),
    ("25/2004/TT-BNV", "25/2004/TT-BNV", None), ("602/SNV-TCNS", "602/SNV-TCNS", None),
    ("13/2008/NĐ-CP", "13/2008/NĐ-CP", None), ("14/2008/NĐ-CP", "14/2008/NĐ-CP", None),
    ("566/TTg", "566/TTg", None), ("2576/QĐ-BVHTTDL", "2576/QĐ-BVHTTDL", None),
    ("72/2025/QH15", "72/2025/QH15", None), ("48/2009/QĐ-TTg", "48/2009/QĐ-TTg", None),
    ("53/2003/QĐ-BVHTT", "53/2003/QĐ-BVHTT", None), ("63/2003/NĐ-CP", "63/2003/NĐ-CP", None),
    ("31-QĐ/TW", "31-QĐ/TW", "01-10-1997"), ("91-QĐ/TW", "91-QĐ/TW", "16-02-2004"),
    ("11-HD/VPTW", "11-HD/VPTW", None), ("36-HD/VPTW", "36-HD/VPTW", "03/4/2018"),
    ("1893/QĐ-ĐDN", "1893/QĐ-ĐDN", None), ("155/QĐ-BGDĐT", "155/QĐ-BGDĐT", None),
    ("666/2015/QĐ-UBND", "666/2015/QĐ-UBND", None), ("1206 /QĐ-HVTC", "1206/QĐ-HVTC", None),
    ("23 – NQ/TW", "23-NQ/TW", "16/6/2008"), ("60-NQ/TW", "60-NQ/TW", None),
    ("59-NQ/TW", "59-NQ/TW", "24/01/2025"), ("66-NQ/TW", "66-NQ/TW", "30/4/2025"),
    ("68-NQ/TW", "68-NQ/TW", "04/5/2025"), ("30/2020/NĐ-CP", "30/2020/NĐ-CP", None),
    ("01/2011/TT-BNV", "01/2011/TT-BNV", None), ("16/2023/QH15", "16/2023/QH15", None),
    ("21/2024/TT-BYT", "21/2024/TT-BYT", None), ("261/2025/NĐ-CP", "261/2025/NĐ-CP", None),
    ("100/2024/NĐ-CP", "100/2024/NĐ-CP", None), ("2082/QĐ-UBND", "2082/QĐ-UBND", "31/07/2024"),
    ("1985/QĐ-UBND", "1985/QĐ-UBND", "24/06/2026"), ("101/2015/QH13", "101/2015/QH13", None),
    ("1170/2016/NQ-UBTVQH13", "1170/2016/NQ-UBTVQH13", None), ("16/2014/L-CTN", "16/2014/L-CTN", None),
    ("51/VBHN-VPQH", "51/VBHN-VPQH", None), ("72/2015/NĐ-CP", "72/2015/NĐ-CP", None),
    ("1081/QĐ-TTg", "1081/QĐ-TTg", None), ("63/2023/AL", "63/2023/AL", None),
]
# The word the sentence uses for a code, by its type (công văn carry no type).
WORDS = {"NQ": "Nghị quyết", "KH": "Kế hoạch", "QĐ": "Quyết định", "NĐ": "Nghị định", "TT": "Thông tư",
         "CT": "Chỉ thị", "BC": "Báo cáo", "HD": "Hướng dẫn", "CTr": "Chương trình", "TTr": "Tờ trình",
         "TTLT": "Thông tư liên tịch", "VBHN": "Văn bản hợp nhất", "L": "Lệnh", "AL": "Án lệ"}


def sentence_for(written, canonical, when):
    kind = next((WORDS[t] for t in sorted(WORDS, key=len, reverse=True)
                 if f"-{t}/" in canonical or f"/{t}-" in canonical or canonical.endswith(f"/{t}")), "Văn bản")
    if canonical.split("/")[-1].startswith("QH"):
        kind = "Luật"
    dated = f" ngày {when}" if when else ""
    return f"Thực hiện {kind} số {written}{dated} của cơ quan có thẩm quyền, các đơn vị đã triển khai."


def iso(when):
    day, month, year = when.replace("-", "/").split("/")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def test_enough_real_examples_are_covered():
    assert len(REAL_EXAMPLES) >= 80


@pytest.mark.parametrize("written, canonical, when", REAL_EXAMPLES, ids=[e[1] for e in REAL_EXAMPLES])
def test_real_examples_round_trip_in_a_sentence(written, canonical, when):
    reference = only(sentence_for(written, canonical, when))
    assert reference["id"] == canonical
    assert reference["date"] == (iso(when) if when else None)
    assert reference["mentions"] == 1


@pytest.mark.parametrize("written, canonical, when", REAL_EXAMPLES, ids=[e[1] for e in REAL_EXAMPLES])
def test_real_examples_are_their_own_canonical_id(written, canonical, when):
    assert canonical_id(written) == canonical
    assert canonical_id(canonical) == canonical


@pytest.mark.parametrize("code, type_code, issuer", [
    ("57-NQ/TW", "NQ", "TW"), ("160/KH-UBND", "KH", "UBND"), ("01/2025/NĐ-CP", "NĐ", "CP"),
    ("34/CT-TTg", "CT", "TTg"), ("2881/VP-KGVX", None, "VP-KGVX"), ("559/TTr-STP", "TTr", "STP"),
    ("02-CTr/BCĐTW", "CTr", "BCĐTW"), ("19/2012/TTLT-BTC-BKH&ĐT-BTTTT", "TTLT", "BTC-BKH&ĐT-BTTTT"),
    ("1170/2016/NQ-UBTVQH13", "NQ", "UBTVQH13"), ("566/TTg", None, "TTg"), ("72/2025/QH15", "QH", "QH15"),
])
def test_type_and_issuer_are_split_out(code, type_code, issuer):
    reference = only(f"theo văn bản số {code}.")
    assert (reference["type"], reference["issuer"]) == (type_code, issuer)
    assert reference["type_name"] == (TYPE_NAMES[type_code] if type_code else None)


def test_type_names():
    assert TYPE_NAMES["NQ"] == "Nghị quyết" and TYPE_NAMES["QĐ"] == "Quyết định"
    assert TYPE_NAMES["KH"] == "Kế hoạch" and TYPE_NAMES["CTr"] == "Chương trình"
    assert TYPE_NAMES["QyĐ"] == TYPE_NAMES["QĐi"] == "Quy định"
    assert TYPE_NAMES["QH"] == "Luật" and TYPE_NAMES["CĐ"] == "Công điện"
    assert only("Lệnh số 16/2014/L-CTN")["type_name"] == "Lệnh"
    assert only("Luật số 72/2025/QH15")["type_name"] == "Luật"


# --- variants ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Nghị quyết số 23 – NQ/TW ngày 16/6/2008", "23-NQ/TW"),
    ("Nghị quyết số 23 — NQ/TW", "23-NQ/TW"),
    ("Quyết định 1206 /QĐ-HVTC", "1206/QĐ-HVTC"),
    ("Quyết định số31-QĐ/TW, ngày 01-10-1997", "31-QĐ/TW"),
    ("Nghị định số 72/2013/N\u00d0-CP", "72/2013/NĐ-CP"),
    ("Nghị định số 72/2013/N\u0189-CP", "72/2013/NĐ-CP"),
    (unicodedata.normalize("NFD", "Quyết định số 1131/QĐ-UBND ngày 14/6/2025"), "1131/QĐ-UBND"),
    ("Nghị quyết số 57-nq/tw", "57-NQ/TW"),
    ("nghi quyet so 57-nq/tw", "57-NQ/TW"),
    ("Nghị định 01/2025/nd-cp", "01/2025/NĐ-CP"),
    ("Quyết định số 1131/QD-UBND", "1131/QĐ-UBND"),
    ("Quyet dinh so 1131/qd-ubnd", "1131/QĐ-UBND"),
    ("Nghị quyết số 15/nq-hdnd", "15/NQ-HĐND"),
    ("Nghị quyết số 15/NQ-HDND", "15/NQ-HĐND"),
    ("Kế hoạch số 02-kh/bcdtw", "02-KH/BCĐTW"),
    ("chương trình số 02-ctr/bcdtw", "02-CTr/BCĐTW"),
    ("Chỉ thị số 36/ct-ttg", "36/CT-TTg"),
    ("Tờ trình số 559/ttr-stp", "559/TTr-STP"),
    ("Quy định số 12-qyđ/tw", "12-QyĐ/TW"),
    ("Quy định số 91-qđi/tw", "91-QĐi/TW"),
    ("Công điện số 5/cd-ttg", "5/CĐ-TTg"),
    ("Resolution No. 57-nq/tw", "57-NQ/TW"),
    ("Resolution No.57-NQ/TW", "57-NQ/TW"),
    ("Decree No. 01/2025/nd-cp", "01/2025/NĐ-CP"),
    ("Luật số 72/2025/qh15", "72/2025/QH15"),
])
def test_written_variants_map_to_the_canonical_id(text, expected):
    assert ids(text) == [expected]


def test_mixed_case_codes_keep_their_case():
    assert ids("Quyết định 749/QĐ-TTg, Tờ trình 559/TTr-STP, Chương trình 02-CTr/BCĐTW") == \
        ["749/QĐ-TTg", "559/TTr-STP", "02-CTr/BCĐTW"]


def test_nd_becomes_nđ_only_in_the_type_slot():
    assert ids("Nghị định số 01/2025/ND-CP và Kế hoạch số 160/KH-UBND") == ["01/2025/NĐ-CP", "160/KH-UBND"]
    assert ids("Công văn số 123/ubnd-vp") == ["123/UBND-VP"]
    assert not any("UBNĐ" in i for i in ids("Quyết định số 12/qd-ubnd; Quyết định 5/QD-UBND; Kế hoạch 1/kh-ubnd"))


def test_hd_and_hđ_stay_different_types():
    assert only("Hướng dẫn 36-HD/VPTW")["type"] == "HD"
    assert only("Hợp đồng số 12/HĐ-UBND")["type"] == "HĐ"


def test_a_bare_single_symbol_needs_a_type_word_or_a_year():
    assert ids("theo 566/TTg") == []
    assert ids("theo Công văn 566/TTg") == ["566/TTg"]
    assert ids("theo 72/2025/QH15") == ["72/2025/QH15"]


def test_lower_case_codes_need_a_type_word_or_number_word_before_them():
    assert ids("theo 57-nq/tw và 01/2025/nd-cp") == []
    assert ids("theo Nghị quyết 57-nq/tw") == ["57-NQ/TW"]


def test_mentions_count_every_written_form_of_one_document():
    text = ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. Quán triệt nghị quyết số 57-nq/tw, "
            "Kế hoạch 160/KH-UBND ... Resolution No. 57 – NQ/TW.")
    references = find_references(text)
    assert [(r["id"], r["mentions"]) for r in references] == [("57-NQ/TW", 3), ("160/KH-UBND", 1)]
    assert references[0]["date"] == "2024-12-22"


def test_references_are_ordered_by_first_appearance():
    text = "Kế hoạch 160/KH-UBND thực hiện Nghị quyết 57-NQ/TW; tiếp tục Kế hoạch 160/KH-UBND."
    assert ids(text) == ["160/KH-UBND", "57-NQ/TW"]


# --- dates next to a citation ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "2024-12-22"),
    ("Nghị quyết số 57-NQ/TW, ngày 22/12/2024", "2024-12-22"),
    ("Nghị quyết số 45-NQ/TW, ngày 24-11-2023", "2023-11-24"),
    ("Căn cứ Nghị định số 47/2020/NĐ-CP ngày 09 tháng 4 năm 2020 của Chính phủ", "2020-04-09"),
    ("Quyết định số 34/2024/QĐ-UBND ngày 09 tháng 9 năm 2024", "2024-09-09"),
    ("(Kế hoạch số 203/KH-UBND, ngày 27/9/2022)", "2022-09-27"),
    ("Resolution No. 57-NQ/TW dated December 22, 2024", "2024-12-22"),
    ("Resolution No. 57-NQ/TW dated 22 December 2024", "2024-12-22"),
    ("Resolution 57-NQ/TW, December 22, 2024", "2024-12-22"),
    ("Nghị quyết số 57-NQ/TW của Bộ Chính trị", None),
    ("Nghị quyết số 57-NQ/TW ngày 31/02/2024", None),
])
def test_issue_date_next_to_the_citation(text, expected):
    assert only(text)["date"] == expected


def test_the_first_date_seen_is_kept():
    text = "Nghị quyết 57-NQ/TW sơ kết; Nghị quyết số 57-NQ/TW ngày 22/12/2024; 57-NQ/TW ngày 1/1/2025"
    reference = only(text)
    assert (reference["date"], reference["mentions"]) == ("2024-12-22", 3)


# --- what is not a document number ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ngày 14/6/2025, UBND tỉnh tổ chức hội nghị.",
    "Đến nay đã hoàn thành 23/34 mục tiêu đề ra.",
    "Năng suất lúa đạt 100/ha, hỗ trợ 5 triệu đồng/ha.",
    "Số lượng đạt 100/ha.",
    "giai đoạn 2021 - 2025, tỷ lệ 95,5%, trực 24/7",
    "Quốc lộ 1A, tầng 3, phòng 12/B2, ca 3/ĐHTN.",
    "441 UB/QĐ-TC và 3748 QQĐ/TƯ",
    "https://sodttg.langson.gov.vn/tin-hoat-dong/theo-nghi-quyet-so-57-nq-tw-nga.html",
])
def test_dates_fractions_rates_and_irregular_forms_are_not_references(text):
    assert find_references(text) == []


# --- English and Bengali ------------------------------------------------------------------

def test_english_sentences():
    text = ("Implementing Resolution No. 57-NQ/TW dated December 22, 2024 of the Politburo and "
            "Plan No. 160/KH-UBND dated June 14, 2025 of the Provincial People's Committee")
    assert [(r["id"], r["date"]) for r in find_references(text)] == [
        ("57-NQ/TW", "2024-12-22"), ("160/KH-UBND", "2025-06-14")]


def test_bengali_codes_are_decoded():
    assert ids("রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ") == ["57-NQ/TW"]
    assert ids("রেজোলিউশন নং ৫৭-এনকিউ/টিডাব্লিউ") == ["57-NQ/TW"]
    assert ids("পরিকল্পনা নং ১৬০/কেএইচ-ইউবিএনডি- এর বিষয়বস্তু") == ["160/KH-UBND"]
    assert ids("ডিক্রি নং ০১/২০২৫/এনডি-সিপি") == ["01/2025/NĐ-CP"]
    assert ids("নথি নং ৫৬৬/টিটিজি") == ["566/TTg"]


def test_bengali_suffix_after_a_code_is_not_part_of_it():
    assert ids("পরিকল্পনা নং ১৬০/কেএইচ-ইউবিএনডি-এ উল্লেখিত") == ["160/KH-UBND"]
    assert ids("পরিকল্পনা নং ১৬০/কেএইচ-ইউবিএনডি-এর") == ["160/KH-UBND"]


def test_bengali_words_that_are_not_letter_names_are_left_alone():
    assert find_references("৫৭-বিজ্ঞান/প্রযুক্তি এবং ২২ ডিসেম্বর, ২০২৪") == []


def test_bengali_date_before_the_code():
    reference = only("পলিটব্যুরোর ২২ ডিসেম্বর, ২০২৪ তারিখের রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ বাস্তবায়ন")
    assert reference["date"] == "2024-12-22"


@pytest.mark.parametrize("text, expected", [
    ("১১ জুলাই, ২০২৫", "2025-07-11"), ("২২ ডিসেম্বর, ২০২৪", "2024-12-22"), ("১৪ জুন ২০২৫", "2025-06-14"),
    ("৩ জানুয়ারি, ২০২৫", "2025-01-03"), ("৩০ ফেব্রুয়ারি, ২০২৫", None), ("কোনো তারিখ নেই", None),
    ("5 সেপ্টেম্বর, 2024", "2024-09-05"),
])
def test_parse_bengali_date(text, expected):
    assert parse_bengali_date(text) == expected


# --- canonical_id -------------------------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("57-nq/tw", "57-NQ/TW"), ("57 – NQ/TW", "57-NQ/TW"), (" 57-NQ/TW ", "57-NQ/TW"),
    ("01/2025/nd-cp", "01/2025/NĐ-CP"), ("1131/qd-ubnd", "1131/QĐ-UBND"), ("1131/QD-UBND", "1131/QĐ-UBND"),
    ("15/nq-hdnd", "15/NQ-HĐND"), ("36/ct-ttg", "36/CT-TTg"), ("02-ctr/bcdtw", "02-CTr/BCĐTW"),
    ("৫৭-এনকিউ/টিডব্লিউ", "57-NQ/TW"), ("রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ", "57-NQ/TW"),
    ("১৬০/কেএইচ-ইউবিএনডি", "160/KH-UBND"),
    ("Nghị quyết số 57-NQ/TW", "57-NQ/TW"), ("nghi quyet so 57-nq/tw", "57-NQ/TW"),
    ("Resolution No. 57-NQ/TW", "57-NQ/TW"), ("Quyết định số 1131/QĐ-UBND.", "1131/QĐ-UBND"),
    (unicodedata.normalize("NFD", "1131/QĐ-UBND"), "1131/QĐ-UBND"),
])
def test_canonical_id_of_typed_forms(typed, expected):
    assert canonical_id(typed) == expected


@pytest.mark.parametrize("typed", [
    "", "57", "Nghị quyết 57", "14/6/2025", "23/34", "100/ha", "qd-ubnd", "Bộ Chính trị",
    "57-NQ/TW và 160/KH-UBND", "Nghị quyết số 57-NQ/TW của Bộ Chính trị",
])
def test_canonical_id_refuses_what_is_not_one_document_id(typed):
    assert canonical_id(typed) is None


@pytest.mark.parametrize("text, type_name", [
    ("Nghị quyết 102/2015/QH13 về phân bổ ngân sách", "Nghị quyết"),
    ("Luật số 101/2015/QH13 về tố tụng hành chính", "Luật"),
    ("Pháp lệnh 09/2014/UBTVQH13 về chi phí", "Pháp lệnh"),
    ("Resolution No. 102/2015/QH13 of the National Assembly", "Nghị quyết"),
    ("Công văn số 2881/VP-KGVX của Văn phòng UBND tỉnh", "Công văn"),
])
def test_numbers_without_a_type_in_their_code_take_the_kind_written_before_them(text, type_name):
    assert only(text)["type_name"] == type_name
