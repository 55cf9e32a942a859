"""Real `govnews crawl` runs against hostile sites on 127.0.0.1: failing, hanging, looping, endless,
huge and binary pages, robots.txt rules and a Crawl-delay. The sites' access logs are the oracle."""
import time

import pytest

from archive.store import Store
from conftest import run_cli, setting_args
from hostile_site import (TestSite, hanging_page, html_page, huge_page, query_page, raw_page, redirect,
                          status_page)
from scraper.extraction import extract_html
from scraper.politeness import binary_kind
from scraper.settings import LOOPBACK

DOWNLOAD_TIMEOUT = 2
RETRY_TIMES = 2
BACKOFF_BASE = 0.5
DEPTH_LIMIT = 6  # the endless calendar ends here at the latest (the spider's trap guard may end it sooner)
HUGE = 30 * 1024 * 1024
GOOD = {"/tin/1.html": "Hội nghị triển khai chuyển đổi số năm 2025",
        "/tin/2.html": "Tăng cường công tác dân tộc và tôn giáo",
        "/tin/3.html": "Sơ kết 6 tháng thực hiện Nghị quyết 57-NQ/TW"}
BROKEN_UTF8 = "/tin/loi-ma.html"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 8
UNMARKED_BINARY = bytes((i * 37 + 11) % 256 for i in range(8192))  # no signature, but mostly not text


def article(title: str) -> str:
    paragraphs = "".join(
        f"<p>Đoạn {i}: Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn tổ chức triển khai {title.lower()}, "
        f"bám sát Kế hoạch số 160/KH-UBND và chỉ đạo của Ủy ban nhân dân tỉnh.</p>" for i in range(1, 6))
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<nav><a href="/">Trang chủ</a></nav><main><h1>{title}</h1>'
            f'<p class="meta">Ngày đăng: 12/06/2025 14:20</p><div class="noi-dung">{paragraphs}</div></main>'
            f'</body></html>')


def article_with_broken_utf8() -> bytes:
    page = article("Thông báo lịch tiếp công dân tháng 6").encode("utf-8")
    return page.replace("Đoạn 2".encode("utf-8"), b"\xff\xfe\xc3 \xe1\xba Do\xc4n 2", 1)


def calendar(query: dict) -> str:
    day = int(query.get("ngay", ["1"])[0])
    return (f"<html><body><h2>Lịch công tác ngày {day}</h2><p>Không có sự kiện.</p>"
            f'<a href="/lich?ngay={day + 1}">Ngày sau</a>'
            f"</body></html>")


def home(links) -> str:
    items = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return f"<html><body><h2>Tin tức</h2><ul>{items}</ul></body></html>"


HOSTILE_LINKS = [*GOOD, BROKEN_UTF8, "/loi-500.html", "/treo.html", "/a", "/lich?ngay=1", "/rat-lon.html",
                 "/rat-lon-2.html", "/file.html", "/tai-lieu.html", "/private/bao-cao.html"]


def hostile_routes() -> dict:
    return {
        "/": html_page(home(HOSTILE_LINKS)),
        "/robots.txt": raw_page(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        **{path: html_page(article(title)) for path, title in GOOD.items()},
        BROKEN_UTF8: raw_page(article_with_broken_utf8(), "text/html; charset=utf-8"),
        "/loi-500.html": status_page(500),
        "/treo.html": hanging_page(DOWNLOAD_TIMEOUT * 5),
        "/a": redirect("/b"),
        "/b": redirect("/a"),
        "/lich": query_page(calendar),
        "/rat-lon.html": huge_page(HUGE),
        "/rat-lon-2.html": huge_page(HUGE, announce_length=False),
        "/file.html": raw_page(PDF, "text/html"),
        "/tai-lieu.html": raw_page(UNMARKED_BINARY, "text/html; charset=utf-8"),
        "/private/bao-cao.html": html_page(article("Báo cáo nội bộ")),
    }


def settings(**overrides) -> list[str]:
    chosen = {**LOOPBACK, **overrides}
    return setting_args(chosen)


def crawl(site: TestSite, data, **overrides):
    started = time.monotonic()
    result = run_cli("crawl", "--start-url", site.url("/"), "--no-index", *settings(**overrides), data=data,
                     timeout=120)
    with Store(data / "archive.sqlite3") as store:
        jobs = store.jobs()
        records = list(store.iter_records())
    assert len(jobs) == 1, result.stderr
    return {"result": result, "job": jobs[0], "records": records, "seconds": time.monotonic() - started}


def gaps(hits) -> list[float]:
    return [later.arrived - earlier.arrived for earlier, later in zip(hits, hits[1:])]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile")
    with TestSite(hostile_routes()) as site:
        outcome = crawl(site, data, DOWNLOAD_TIMEOUT=DOWNLOAD_TIMEOUT, RETRY_TIMES=RETRY_TIMES,
                        GOVNEWS_BACKOFF_BASE=BACKOFF_BASE, DEPTH_LIMIT=DEPTH_LIMIT)
    return {**outcome, "site": site}


def test_the_good_pages_are_articles_to_the_extractor():
    for path, title in GOOD.items():
        extraction = extract_html(article(title).encode("utf-8"), f"http://127.0.0.1{path}", None,
                                  "text/html; charset=utf-8")
        assert extraction.is_article and extraction.record["published"] == "2025-06-12T14:20:00+07:00", path


def test_text_with_a_stray_nul_byte_or_in_utf16_is_not_taken_for_binary():
    page = article("Tin có byte lạ").replace("<main>", "<main>\x00").encode("utf-8")
    assert binary_kind(page) is None
    assert binary_kind(article("Tin UTF-16").encode("utf-16")) is None
    assert binary_kind(PDF) == "a PDF document" and binary_kind(UNMARKED_BINARY) == "binary data"


def test_the_crawl_finishes_in_bounded_time_and_counts_its_errors(hostile):
    job, seconds = hostile["job"], hostile["seconds"]
    assert hostile["result"].returncode == 0 and job["state"] == "finished", hostile["result"].stderr
    assert job["stats"]["finish_reason"] == "finished"
    assert seconds < 40
    assert job["stats"]["errors"] > 0  # the hanging page and the huge pages are errors, not silence


def test_every_good_article_is_archived(hostile):
    titles = {record["title"] for record in hostile["records"]}
    assert set(GOOD.values()) <= titles


def test_a_page_that_always_fails_is_retried_a_few_times_with_growing_waits(hostile):
    hits = hostile["site"].requests("/loi-500.html")
    assert len(hits) == RETRY_TIMES + 1
    waits = gaps(hits)
    for retry, wait in enumerate(waits):
        assert wait >= BACKOFF_BASE * 2 ** retry - 0.02, waits
    assert waits[-1] > waits[0]
    assert "host_paused" not in hostile["job"]["stats"]  # one bad page does not pause a healthy host


def test_a_hanging_page_times_out_and_is_given_up(hostile):
    hits = hostile["site"].requests("/treo.html")
    assert len(hits) == RETRY_TIMES + 1
    assert not any(hit.complete for hit in hits)
    assert hostile["job"]["stats"]["errors_by_kind"].get("DownloadTimeoutError")


def test_a_redirect_loop_and_an_endless_calendar_end(hostile):
    targets = hostile["site"].targets()
    assert targets.count("/a") == 1 and targets.count("/b") == 1
    calendar_pages = [t for t in targets if t.startswith("/lich")]
    assert len(calendar_pages) == len(set(calendar_pages))
    assert 1 <= len(calendar_pages) <= DEPTH_LIMIT


def test_robots_txt_disallowed_pages_are_never_requested(hostile):
    targets = hostile["site"].targets()
    assert "/robots.txt" in targets
    assert not any(t.startswith("/private/") for t in targets)
    assert "Báo cáo nội bộ" not in {record["title"] for record in hostile["records"]}


def test_huge_pages_are_cancelled_before_they_are_read_whole(hostile):
    for path in ("/rat-lon.html", "/rat-lon-2.html"):
        hits = hostile["site"].requests(path)
        assert len(hits) == 1, path  # too large is not a failure worth a retry
        assert not hits[0].complete and hits[0].sent < HUGE, path
    assert hostile["job"]["stats"]["dropped_too_large"] == 2
    assert not [r for r in hostile["records"] if "/rat-lon" in r["url"]]


def test_binary_content_served_as_html_is_not_archived(hostile):
    assert hostile["job"]["stats"]["dropped_binary"] == 2
    urls = {record["url"] for record in hostile["records"]}
    assert not {u for u in urls if u.endswith(("/file.html", "/tai-lieu.html"))}


def test_invalid_utf8_is_archived_with_replacement_characters(hostile):
    record = next(r for r in hostile["records"] if r["url"].endswith(BROKEN_UTF8))
    assert record["title"] == "Thông báo lịch tiếp công dân tháng 6"
    assert "\ufffd" in record["body"] and "Lạng Sơn" in record["body"]


def failing_routes() -> dict:
    empty_sitemap = b"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>"
    return {"/": html_page(home([f"/tin/{n}.html" for n in range(1, 13)])),
            "/robots.txt": raw_page(b"User-agent: *\nDisallow:\n", "text/plain"),
            "/sitemap.xml": raw_page(empty_sitemap, "application/xml")}


def test_a_host_that_keeps_failing_is_paused_after_the_limit(tmp_path):
    limit, base = 4, 0.2
    with TestSite(failing_routes(), fallback=status_page(503)) as site:
        # Scrapy 2.19 enforces a slot's concurrency only when it has a delay: with none, every
        # queued request starts at once. Real crawls always have one.
        outcome = crawl(site, tmp_path, GOVNEWS_HOST_FAILURE_LIMIT=limit, GOVNEWS_BACKOFF_BASE=base,
                        CONCURRENT_REQUESTS_PER_DOMAIN=1, DOWNLOAD_DELAY=0.01, RETRY_TIMES=RETRY_TIMES)
    failing = [hit for hit in site.hits if hit.status == 503]
    assert len(failing) == limit
    for n, wait in enumerate(gaps(failing)):  # each failure in a row doubles the wait
        assert wait >= base * 2 ** n - 0.02, gaps(failing)
    stats = outcome["job"]["stats"]
    assert stats["host_paused"] == 1 and stats["host_paused_dropped"] > 0
    assert outcome["job"]["state"] == "finished" and outcome["seconds"] < 30
    assert "Pausing host 127.0.0.1" in (tmp_path / "jobs" / f"{outcome['job']['id']}.log").read_text("utf-8")


def paced_routes(robots: bytes) -> dict:
    pages = [f"/tin/{n}.html" for n in range(1, 5)]
    return {"/": html_page(home(pages)), "/robots.txt": raw_page(robots, "text/plain"),
            **{page: html_page(article(f"Tin số {page[5]}")) for page in pages}}


@pytest.mark.parametrize("crawl_delay", [1, None])
def test_robots_txt_crawl_delay_paces_the_host(tmp_path, crawl_delay):
    robots = "User-agent: *\nDisallow: /private/\n" + (f"Crawl-delay: {crawl_delay}\n" if crawl_delay else "")
    with TestSite(paced_routes(robots.encode())) as site:
        # AutoThrottle on, as in real crawls: it sets the slot's delay anew after every response.
        outcome = crawl(site, tmp_path, AUTOTHROTTLE_ENABLED=True, AUTOTHROTTLE_START_DELAY=0)
    articles = [hit for hit in site.hits if hit.target.startswith("/tin/")]
    assert len(articles) == 4 and len(outcome["records"]) == 4
    spread = articles[-1].arrived - articles[0].arrived
    if crawl_delay:
        assert min(gaps(site.hits)) >= crawl_delay - 0.02
        assert spread >= 3 * crawl_delay - 0.02
    else:
        assert spread < 1.0
