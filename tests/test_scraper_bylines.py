import pytest

from scraper.bylines import is_source_credit, parse_byline


@pytest.mark.parametrize("line, expected", [
    ("Tác giả: Nguyễn Mạnh Cường - Chánh Văn phòng", [("Nguyễn Mạnh Cường", "Chánh Văn phòng")]),
    ("Tác giả: CTV Lăng Văn Thiết", [("CTV Lăng Văn Thiết", None)]),
    ("লেখক নগুয়েন মান কুওং - অফিসের প্রধান |", [("নগুয়েন মান কুওং", "অফিসের প্রধান")]),
    ("By Jane Doe", [("Jane Doe", None)]),
    ("Khánh Ly", [("Khánh Ly", None)]),
    ("Minh Anh - Thu Hà", [("Minh Anh", None), ("Thu Hà", None)]),
    ("VĂN HÀO - TRẦN HỮU", [("Văn Hào", None), ("Trần Hữu", None)]),
    ("Hoàng Văn Dũng - Phó Giám đốc Sở", [("Hoàng Văn Dũng", "Phó Giám đốc Sở")]),
    ("PV", [("PV", None)]),
])
def test_bylines_give_names_and_roles(line, expected):
    assert [(a["name"], a["role"]) for a in parse_byline(line)] == expected


@pytest.mark.parametrize("line", [
    "Nguồn: Báo Lạng Sơn", "Theo TTXVN", "Ảnh: Hoàng Huấn", "(Chinhphu.vn) - Sáng nay",
    "সূত্র: https://sodttg.langson.gov.vn/x.html", "Người đăng tin: Lê Thu",
    "Hội nghị đã thống nhất nhiều nội dung quan trọng.",
])
def test_source_credits_uploaders_and_sentences_are_not_authors(line):
    assert parse_byline(line) == []


def test_an_unlabelled_name_is_accepted_only_when_asked():
    assert parse_byline("Khánh Ly", labelled_only=True) == []
    assert is_source_credit("Nguồn tin: Sở Nội vụ")


@pytest.mark.parametrize("line", [
    "Thực hiện Nghị quyết số 57-NQ/TW về chuyển đổi số.", "Bài học kinh nghiệm từ các địa phương",
    "Tin vui cho người dân vùng cao", "Bystanders gathered outside the hall",
])
def test_a_sentence_that_starts_like_a_label_is_not_a_byline(line):
    assert parse_byline(line, labelled_only=True) == []


def test_labels_with_their_colon():
    assert parse_byline("Thực hiện: Đinh Tú", labelled_only=True) == [{"name": "Đinh Tú", "role": None}]
    assert parse_byline("Bài, ảnh: Minh Anh", labelled_only=True) == [{"name": "Minh Anh", "role": None}]
