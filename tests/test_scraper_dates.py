import pytest

from scraper.dates import find_dates, first_date, parse_iso


@pytest.mark.parametrize("text, expected", [
    ("Thứ Năm, 10/07/2025 08:15", "2025-07-10T08:15:00+07:00"),
    ("10/07/2025 | 08:15 GMT+7", "2025-07-10T08:15:00+07:00"),
    ("Ngày đăng: 12/06/2025 14:20", "2025-06-12T14:20:00+07:00"),
    ("02:30 CH, 12/06/2025", "2025-06-12T14:30:00+07:00"),
    ("12/06/2025 09:05 SA", "2025-06-12T09:05:00+07:00"),
    ("12/06/2025 12:10 SA", "2025-06-12T00:10:00+07:00"),
    ("Cao Bằng, ngày 9 tháng 9 năm 2024", "2024-09-09"),
    ("ngày 24-11-2023", "2023-11-24"),
    ("Updated July 22, 2025", "2025-07-22"),
    ("Published 22 July 2025", "2025-07-22"),
    ("১১ জুলাই, ২০২৫", "2025-07-11"),
    ("Chủ nhật, 27/09/2020", "2020-09-27"),
])
def test_date_formats_of_vietnamese_english_and_bengali_pages(text, expected):
    assert first_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2025", "23/34 mục tiêu", "100/ha", "version 1.2.3", ""])
def test_impossible_or_non_dates_are_not_dates(text):
    assert first_date(text) is None


def test_dates_come_in_order_of_position():
    text = "Ngày đăng: 12/06/2025. Hội nghị ngày 9 tháng 9 năm 2024 và ngày 01/01/2020."
    assert [d for _, d in find_dates(text)] == ["2025-06-12", "2024-09-09", "2020-01-01"]


def test_iso_values_keep_their_zone_and_default_to_vietnam_time():
    assert parse_iso("2025-07-10T08:15:00+07:00") == "2025-07-10T08:15:00+07:00"
    assert parse_iso("2025-07-10T01:15:00Z") == "2025-07-10T01:15:00+00:00"
    assert parse_iso("2025-07-10 08:15") == "2025-07-10T08:15:00+07:00"
    assert parse_iso("2025-07-10") == "2025-07-10"
    assert parse_iso("not a date") is None
