"""Document numbers in real saved legal pages (tests/fixtures/legal_pages, see SOURCES.md there).

The expected numbers were listed by hand from a broad regex sweep of each page's text (every token
with a digit next to '/' or '-'), keeping the document numbers and leaving out dates, the phone
number, year ranges and attachment file names ("51-VBHN-VPQH 2018.doc", "31.VBHN.VPQH.doc")."""
import gzip
import re
from pathlib import Path

import lxml.html
import pytest

from archive.docref import find_references

PAGES = Path(__file__).parent / "fixtures" / "legal_pages"


def _series(template: str, numbers) -> list[str]:
    return [template.format(n) for n in numbers]


EXPECTED = {
    "vbplvn_vbpl_luocdo_phaply.html": [
        *_series("{}/2013/QH13", (38, 39, 40, 41, 42, 44, 64)),
        *_series("{}/2014/QH13", [*range(46, 75), 76, 77, 78, 79, 81, 83, 84, 85, 87]),
        *_series("{}/2015/QH13", (94, 99, 100, 101, 102, 105, 106, 109)),
        *_series("{}/2016/QH13", (104, 126, 127, 128, 129, 130, 131, 134, 144)),
        "42/2017/QH14",
        *_series("{}/2014/L-CTN", (16, 17, *range(24, 38))), "18/2013/L-CTN", "19/2015/L-CTN",
        "09/2014/UBTVQH13", "10/2014/UBTVQH13", "11/2016/UBTVQH13", "819/2014/UBTVQH13",
        "1130/2016/UBTVQH13", "1211/2016/UBTVQH13",
        "719/2014/NQ-UBTVQH13", "1170/2016/NQ-UBTVQH13", "857/NQ-UBTVQH13",
        "1081/QĐ-TTg", "72/2015/NĐ-CP",
    ],
    "vbplvn_anle_thuoctinh.html": [
        *_series("{}/2022/AL", range(53, 57)), *_series("{}/2023/AL", range(57, 64)),
        "39/QĐ-CA", "04/2018/HC-GĐT",
    ],
    "vbplvn_vbpl_luocdo_hopnhat.html": ["31/VBHN-VPQH", "15/2012/QH13", "54/2014/QH13", "18/2017/QH14"],
    "vbplvn_vbpl_search.html": _series("{}/VBHN-VPQH", ("01", "04", "06", "09", "12", "23", "31", "33", "51")),
}
# Strings on the pages that look like numbers but cite no document.
NOT_DOCUMENTS = {
    "vbplvn_anle_thuoctinh.html": ["23/10/2018", "24/02/2023", "27/03/2023", "024.62740801"],
    "vbplvn_vbpl_luocdo_phaply.html": ["2016 - 2021"],
    "vbplvn_vbpl_luocdo_hopnhat.html": ["20/06/2012", "23/06/2014", "21/11/2017", "07/12/2020"],
    "vbplvn_vbpl_search.html": ["10/12/2018", "12/12/2017", "2020_1093 + 1094_23-VBHN-VPQH..pdf",
                                "Luat dau khi hop nhat 51-VBHN-VPQH 2018.doc"],
}
KIND_BEFORE_NUMBER = re.compile(r"(Luật|Nghị quyết|Pháp lệnh|Lệnh|Quyết định|Nghị định)\s+(\d[^\s,;]*)")


def page_text(name: str) -> str:
    root = lxml.html.document_fromstring(gzip.decompress((PAGES / f"{name}.gz").read_bytes()).decode("utf-8"))
    for element in root.iter("script", "style"):
        element.drop_tree()
    return "\n".join(root.itertext())


def test_the_pages_hold_over_a_hundred_distinct_numbers_and_stay_small():
    assert len({number for numbers in EXPECTED.values() for number in numbers}) >= 100
    assert sum(f.stat().st_size for f in PAGES.glob("*.gz")) < 1_500_000


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_number_on_the_page_is_found_and_nothing_else(name):
    found = [reference["id"] for reference in find_references(page_text(name))]
    assert len(found) == len(set(found))
    expected = set(EXPECTED[name])
    assert len(expected) == len(EXPECTED[name])
    assert (sorted(expected - set(found)), sorted(set(found) - expected)) == ([], []), "(missed, extra)"


@pytest.mark.parametrize("name", sorted(NOT_DOCUMENTS))
def test_dates_phone_numbers_and_file_names_are_not_numbers(name):
    lines = page_text(name).splitlines()
    for decoy in NOT_DOCUMENTS[name]:
        holding = [line for line in lines if decoy in line]
        assert holding, f"{decoy!r} is not on the page"
        for line in holding:
            assert {r["id"] for r in find_references(line)} <= set(EXPECTED[name]), line


def test_a_precedent_source_gets_the_date_written_after_it():
    references = {r["id"]: r for r in find_references(page_text("vbplvn_anle_thuoctinh.html"))}
    assert references["04/2018/HC-GĐT"]["date"] == "2018-10-23"
    assert references["63/2023/AL"]["type_name"] == "Án lệ"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_kind_written_before_a_number_is_its_type(name):
    """'Nghị quyết 102/2015/QH13' is a resolution of the National Assembly, not a law. (A consolidated
    text, NN/VBHN-…, is listed under the kind of the text it consolidates: it keeps its own type.)"""
    text = page_text(name)
    references = {r["id"]: r for r in find_references(text)}
    kinds: dict[str, set] = {}
    for kind, number in KIND_BEFORE_NUMBER.findall(text):
        kinds.setdefault(number, set()).add(kind)
    # A number the page itself names two ways (74/2014/QH13 as "Luật" and as "Nghị quyết") has no
    # single right answer; every other one must match the word before it.
    wrong = sorted({(kind, number, references[number]["type_name"])
                    for number, named in kinds.items() if len(named) == 1 for kind in named
                    if number in references and "VBHN" not in number and references[number]["type_name"] != kind})
    assert not wrong, f"{len(wrong)} numbers typed against the word before them (kind, number, type_name): {wrong}"
