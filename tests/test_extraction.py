"""Extraction of single pages, offline: the seed text and hand-written pages of the portal families."""
from pathlib import Path

from archive.record import build_record
from scraper.extraction import extract_html, extract_text

SEED = Path(__file__).parent / "fixtures" / "seed_bn.txt"
SOURCE = ("https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/chi-bo-so-dan-toc-va-ton-giao-tinh-lang-son-"
          "to-chuc-sinh-hoat-chuyen-de-ve-chuyen-doi-so-theo-nghi-quyet-so-57-nq-tw-nga.html")

DEPARTMENT_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Hội nghị triển khai Kế hoạch số 160/KH-UBND - Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn</title>
<link rel="canonical" href="https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/hoi-nghi.html?utm_source=fb"></head>
<body><header class="header"><div class="today">Thứ Tư, 25/11/2026</div><nav class="menu"><a href="/">Trang chủ</a></nav></header>
<div class="breadcrumb"><ul><li><a href="/tin-tuc-su-kien.html">Tin tức sự kiện</a></li><li><a href="/tin-tuc-su-kien/tin-hoat-dong.html">Tin hoạt động</a></li></ul></div>
<article class="the-article"><h1 class="title-article">Hội nghị triển khai Kế hoạch số 160/KH-UBND</h1>
<div class="article-meta"><span>Ngày đăng: 12/06/2025 14:20</span> <span>Người đăng tin: Lê Thu Trang</span></div>
<div class="the-article-body">
<p>Sáng 12/6, Sở Dân tộc và Tôn giáo tổ chức hội nghị triển khai Kế hoạch số 160/KH-UBND ngày 14/6/2025 của UBND tỉnh về chuyển đổi số.</p>
<figure><img src="/uploads/hoi-nghi.jpg" alt=""><figcaption>Quang cảnh hội nghị</figcaption></figure>
<p>Hội nghị quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị & các nhiệm vụ trọng tâm.</p>
<p>(Đồng chí Giám đốc Sở phát biểu chỉ đạo)</p>
<p>Các đại biểu đã thảo luận <b>sôi nổi</b> về giải pháp đẩy mạnh dịch vụ công trực tuyến.<br>Hội nghị kết thúc cùng ngày.</p>
<p><a href="/files/ke-hoach-160.pdf">Tải Kế hoạch 160</a></p>
<p style="text-align:right"><b>Tác giả: Nguyễn Mạnh Cường - Chánh Văn phòng</b></p>
<div class="binh-luan"><h3>Bình luận (0)</h3></div>
</div>
<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/a.html">Tin cũ</a> (01/01/2020)</li></ul></div>
<div class="share"><a href="#">Chia sẻ</a> <a href="#">In bài</a></div></article>
<footer class="footer">Bản quyền © Sở Dân tộc và Tôn giáo</footer></body></html>"""

JSON_LD_PAGE = """<html><head><meta charset="utf-8"><title>Title - Chinhphu.vn</title>
<meta property="og:type" content="article"><meta property="og:title" content="Chính phủ ban hành Nghị định 45/2025/NĐ-CP">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Chính phủ ban hành Nghị định 45/2025/NĐ-CP","datePublished":"2025-03-01T09:30:00+07:00",
"dateModified":"2025-03-02T10:00:00+07:00","author":{"@type":"Person","name":"Thu Hà"}}</script></head>
<body><div class="detail-content" data-role="content"><p>(Chinhphu.vn) - Chính phủ vừa ban hành Nghị định số 45/2025/nd-cp.</p>
<p>Nghị định có hiệu lực từ ngày ký.</p></div></body></html>"""


def test_seed_plain_text_gives_references_author_source_and_captions():
    extraction = extract_text(SEED.read_text(encoding="utf-8"), "https://bn.langson-mirror.example/seed.html")
    record = build_record(extraction.record)
    assert [(r["id"], r["date"], r["mentions"]) for r in record["references"]] == [
        ("57-NQ/TW", "2024-12-22", 3), ("160/KH-UBND", "2025-06-14", 2)]
    assert record["resolutions"] == ["57-NQ/TW", "160/KH-UBND"]
    assert record["authors"] == [{"name": "নগুয়েন মান কুওং", "role": "অফিসের প্রধান"}]
    assert record["source_url"] == SOURCE
    captions = [image["caption"] for image in record["images"]]
    assert captions == ["(বিভাগের ডিজিটাল রূপান্তরের দায়িত্বে থাকা মিঃ মা থান ট্রুং বিষয়টি উপস্থাপন করেন)",
                        "(বিষয়ভিত্তিক সভার সারসংক্ষেপ)"]
    body = record["body"]
    assert "মন্তব্য (0)" not in body and "লেখক" not in body and "সূত্র:" not in body
    assert not any(caption in body for caption in captions)
    assert body.count("\n\n") == 2 and "ডিজিটাল" in body
    assert record["language"] == "bn"


def test_department_page_fields():
    extraction = extract_html(DEPARTMENT_PAGE.encode("utf-8"), "http://127.0.0.1:9999/tin-tuc-su-kien/tin-hoat-dong/hoi-nghi.html")
    record = build_record(extraction.record)
    assert record["url"] == "https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/hoi-nghi.html"
    assert record["title"] == "Hội nghị triển khai Kế hoạch số 160/KH-UBND"
    assert record["published"] == "2025-06-12T14:20:00+07:00"  # not the header's "today", nor a related item's date
    assert record["authors"] == [{"name": "Nguyễn Mạnh Cường", "role": "Chánh Văn phòng"}]
    assert record["resolutions"] == ["160/KH-UBND", "57-NQ/TW"]
    assert record["category"] == "Tin hoạt động"
    assert [i["caption"] for i in record["images"]] == ["Quang cảnh hội nghị", "(Đồng chí Giám đốc Sở phát biểu chỉ đạo)"]
    # Relative links resolve against the canonical URL, not the mirror that served the page.
    assert record["images"][0]["src"] == "https://sodttg.langson.gov.vn/uploads/hoi-nghi.jpg"
    assert record["attachments"] == [{"url": "https://sodttg.langson.gov.vn/files/ke-hoach-160.pdf",
                                      "title": "Tải Kế hoạch 160"}]
    body = record["body"]
    for furniture in ("Bình luận", "Tin liên quan", "Chia sẻ", "Bản quyền", "Tác giả", "Người đăng tin", "25/11/2026",
                      "Quang cảnh", "phát biểu chỉ đạo"):
        assert furniture not in body
    assert "Bộ Chính trị & các nhiệm vụ" in body
    assert "thảo luận sôi nổi về giải pháp" in body
    assert extraction.is_article


def test_json_ld_page_fields_and_source_tag_is_not_an_author():
    extraction = extract_html(JSON_LD_PAGE, "https://xaydungchinhsach.chinhphu.vn/nghi-dinh-45-119250301093000000.htm")
    record = build_record(extraction.record)
    assert record["title"] == "Chính phủ ban hành Nghị định 45/2025/NĐ-CP"
    assert record["published"] == "2025-03-01T09:30:00+07:00"
    assert record["updated"] == "2025-03-02T10:00:00+07:00"
    assert record["authors"] == [{"name": "Thu Hà", "role": None}]
    assert record["resolutions"] == ["45/2025/NĐ-CP"]
    assert extraction.explain["published"] == "JSON-LD datePublished"


def test_malformed_html_still_gives_a_record():
    broken = "<html><body><h1>Tin <b>mới</h1><div class='news-content'><p>Đoạn một<p>Đoạn hai </div><p style='text-align:right'><b>Khánh Ly"
    record = extract_html(broken, "https://langson.gov.vn/tin-moi/a.html").record
    assert record["title"] == "Tin mới"
    assert "Đoạn một" in record["body"] and "Đoạn hai" in record["body"]


def test_nfd_input_is_stored_nfc():
    import unicodedata
    page = unicodedata.normalize("NFD", "<html><body><h1>Chuyển đổi số</h1><p>Nội dung bài viết.</p></body></html>")
    record = build_record(extract_html(page, "https://a.gov.vn/x.html").record)
    assert record["title"] == unicodedata.normalize("NFC", "Chuyển đổi số")


def test_empty_page_is_a_clear_error():
    import pytest
    with pytest.raises(ValueError, match="empty"):
        extract_html(b"   ", "https://a.gov.vn/x.html")


def _windows_1258(text: str) -> bytes:
    """As legacy Vietnamese pages are written: base letters precomposed, tone marks combining."""
    import unicodedata
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


LEGACY_PAGE = ("<html><head>{meta}<title>x</title></head><body><h1>Chuyển đổi số tỉnh Lạng Sơn</h1>"
               "<p>Ngày đăng: 12/06/2025 14:20</p><div class='news-content'>"
               "<p>Thực hiện Nghị quyết số 57-NQ/TW về chuyển đổi số, Sở đã hoàn thành nhiều nhiệm vụ.</p>"
               "<p>Đoạn hai của bài viết.</p></div></body></html>")


def test_windows_1258_pages_by_meta_tag_and_by_header_come_out_nfc():
    import unicodedata
    meta = "<meta http-equiv='Content-Type' content='text/html; charset=windows-1258'>"
    for body, content_type in ((_windows_1258(LEGACY_PAGE.format(meta=meta)), None),
                               (_windows_1258(LEGACY_PAGE.format(meta="")), "text/html; charset=windows-1258")):
        record = build_record(extract_html(body, "https://a.gov.vn/x.html", content_type=content_type).record)
        assert record["title"] == "Chuyển đổi số tỉnh Lạng Sơn"
        assert all(unicodedata.is_normalized("NFC", record[k]) for k in ("title", "body"))
        assert record["resolutions"] == ["57-NQ/TW"] and record["published"] == "2025-06-12T14:20:00+07:00"
        assert record["authors"] == []


def test_title_from_the_head_loses_the_site_name_suffix():
    page = ("<html><head><title>Lạng Sơn đẩy mạnh cải cách hành chính - Cổng thông tin điện tử tỉnh Lạng Sơn</title>"
            "</head><body><div><p>Nội dung.</p></div></body></html>")
    extraction = extract_html(page, "https://langson.gov.vn/tin-moi/x.html")
    assert extraction.record["title"] == "Lạng Sơn đẩy mạnh cải cách hành chính"
    assert extraction.explain["title"] == "<title>"


def test_only_the_last_part_of_a_head_title_is_the_site_name():
    from scraper.extraction import _strip_site_suffix
    assert _strip_site_suffix("Phát triển kinh tế - xã hội vùng cao - Cổng TTĐT tỉnh Lạng Sơn") == \
        "Phát triển kinh tế - xã hội vùng cao"
    assert _strip_site_suffix("Báo Chính phủ | Tin A", "Báo Chính phủ") == "Tin A"
    assert _strip_site_suffix("Tiêu đề không có hậu tố") == "Tiêu đề không có hậu tố"
