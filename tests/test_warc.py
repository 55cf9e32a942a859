"""Raw captures: the WARC file each crawl job writes, read back with warcio, and records rebuilt from
them with no network (`reextract`)."""
import gzip
import shutil
import sqlite3
import subprocess
import sys
import threading
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from warcio.archiveiterator import ArchiveIterator

from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from archive.store import Store
from conftest import ROOT, crawl_args, run_cli, setting_args
from scraper.reextract import NoWarcFiles, reextract
from scraper.settings import LOOPBACK
from scraper.warc import WarcMiddleware, payload, warc_path, warcinfo_fields, whole_records

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

WARCIO = str(Path(sys.executable).parent / "warcio")
LOOPBACK_ARGS = setting_args(LOOPBACK)


def read_warc(path: Path) -> list:
    """Every record of a WARC file as warcio reads it: (type, target URI, status, id, concurrent-to)."""
    found = []
    with open(path, "rb") as file:
        for record in ArchiveIterator(file):
            headers = record.rec_headers
            status = record.http_headers.get_statuscode() if record.rec_type == "response" else None
            found.append((record.rec_type, headers.get_header("WARC-Target-URI"), status,
                          headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Concurrent-To")))
    return found


def record_spans(path: Path) -> list[tuple[int, int, str]]:
    """(offset, length, record id) of every record in the file."""
    spans = []
    with open(path, "rb") as file:
        records = ArchiveIterator(file)
        for record in records:
            record.raw_stream.read()
            spans.append((records.get_record_offset(), records.get_record_length(),
                          record.rec_headers.get_header("WARC-Record-ID")))
    return spans


def crawl_jobs(data: Path) -> list[dict]:
    with Store(data / "archive.sqlite3") as store:
        return [job for job in store.jobs(limit=1000) if job["kind"] == "crawl"]


def responses_by_fetch(data: Path, origins: dict[str, str], jobs: list[dict]) -> Counter:
    """(site host, request target, status) of every response record of these jobs, as the sample
    portal logs its answers."""
    hosts = {urlsplit(origin).netloc: host for host, origin in origins.items()}
    found = Counter()
    for job in jobs:
        records = read_warc(warc_path(data, job["id"]))
        requested = {concurrent for kind, _, _, _, concurrent in records if kind == "request"}
        for kind, uri, status, record_id, _ in records:
            if kind == "response":
                assert record_id in requested, f"response {uri} has no request record"
                parts = urlsplit(uri)
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                found[(hosts[parts.netloc], target, int(status))] += 1
    return found


def records_without_fetched(data: Path) -> dict[str, dict]:
    with Store(data / "archive.sqlite3") as store:
        return {r["id"]: {k: v for k, v in r.items() if k != "fetched"} for r in store.iter_records()}


def copy_data(crawled_data: Path, where: Path, only_warc: bool = False) -> Path:
    if only_warc:
        where.mkdir()
        shutil.copytree(crawled_data / "warc", where / "warc")
    else:
        shutil.copytree(crawled_data, where)
    return where


def forget_records(data: Path) -> None:
    with sqlite3.connect(data / "archive.sqlite3") as db:
        db.execute("DELETE FROM revisions")
        db.execute("DELETE FROM records")


# -- what a crawl writes -------------------------------------------------------------------

def test_every_crawl_job_has_a_warc_file_that_warcio_checks(crawled):
    jobs = crawl_jobs(crawled["data"])
    assert len(jobs) == 4
    files = [warc_path(crawled["data"], job["id"]) for job in jobs]
    assert all(path.is_file() for path in files)
    check = subprocess.run([WARCIO, "check", "-v", *map(str, files)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout and "failed" not in check.stdout


def test_each_file_starts_with_a_warcinfo_naming_its_job_and_profile(crawled):
    for job in crawl_jobs(crawled["data"]):
        first = next(whole_records(warc_path(crawled["data"], job["id"])))
        assert first.rec_type == "warcinfo"
        fields = warcinfo_fields(first)
        assert fields["isPartOf"] == f"govnews crawl job {job['id']}"
        assert fields.get("govnews-profile") == (None if job["site"] == "127.0.0.1" else job["site"])


def test_every_response_the_portal_sent_is_kept_with_its_request(crawled, sample_portal, expected_articles):
    kept = responses_by_fetch(crawled["data"], sample_portal.origins, crawl_jobs(crawled["data"]))
    assert kept == Counter(crawled["hits"])  # robots.txt, sitemaps, redirects, 404s: all of them
    for article in expected_articles:
        parts = urlsplit(article["url"])
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        assert kept[(article["site"], target, 200)] >= 1, article["url"]


def test_robots_txt_is_kept_for_every_site(crawled, sample_portal):
    kept = responses_by_fetch(crawled["data"], sample_portal.origins, crawl_jobs(crawled["data"]))
    assert {host for host, target, _ in kept if target == "/robots.txt"} == set(sample_portal.origins)


def test_re_crawl_keeps_the_304_answers_as_they_came(crawled, sample_portal, expected_articles, tmp_path):
    data = copy_data(crawled["data"], tmp_path / "data")
    before = len(sample_portal.hits)
    run_cli(*crawl_args(sample_portal.origins), "-s", "GOVNEWS_REVALIDATE_HOURS=0", "--no-index",
            data=data, check=True)
    hits = Counter(sample_portal.hits[before:])
    new_jobs = crawl_jobs(data)[:4]
    kept = responses_by_fetch(data, sample_portal.origins, new_jobs)
    assert kept == hits
    assert any(status == 304 for _, _, status in kept)
    # the 304s carry no page: the newest whole capture of each page is the first crawl's
    counts = reextract(data)
    assert (counts["articles"], counts["unchanged"]) == (len(expected_articles), len(expected_articles))


def test_responses_served_from_scrapys_http_cache_are_not_captures(sample_portal, tmp_path):
    cache = ["-s", "HTTPCACHE_ENABLED=True", "-s", f"HTTPCACHE_DIR={tmp_path / 'cache'}", "--no-index"]
    run_cli(*crawl_args(sample_portal.origins), *cache, data=tmp_path / "first", check=True)
    before = len(sample_portal.hits)
    run_cli(*crawl_args(sample_portal.origins), *cache, data=tmp_path / "second", check=True)
    hits = Counter(sample_portal.hits[before:])
    jobs = crawl_jobs(tmp_path / "second")
    assert sum(job["stats"]["pages"] for job in jobs) > 5 * sum(hits.values())  # mostly from the cache
    assert responses_by_fetch(tmp_path / "second", sample_portal.origins, jobs) == hits


# -- bodies as on the wire -----------------------------------------------------------------

ENCODERS = {"gzip": gzip.compress, "br": brotli.compress, "zstd": zstd.compress, "deflate": zlib.compress}


class _EncodingSite(BaseHTTPRequestHandler):
    """A start page linking one article per content encoding, and one page whose body is not in the
    encoding it claims; every answer is sent chunked."""
    protocol_version = "HTTP/1.1"
    pages: dict[str, bytes] = {}
    sent: dict[str, bytes] = {}

    def do_GET(self):
        if self.path == "/":
            links = "".join(f'<li><a href="/{name}.htm">{name}</a></li>' for name in [*ENCODERS, "broken"])
            self.send_chunked(f"<html><body><ul>{links}</ul></body></html>".encode(), None)
        elif self.path.strip("/").removesuffix(".htm") in ENCODERS:
            encoding = self.path.strip("/").removesuffix(".htm")
            self.send_chunked(ENCODERS[encoding](self.pages[encoding]), encoding)
        elif self.path == "/broken.htm":
            self.send_chunked(b"<html>this is not brotli</html>", "br")
        else:
            self.send_error(404)

    def send_chunked(self, body: bytes, encoding: str | None):
        self.sent[self.path] = body
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), 4096):
            chunk = body[start:start + 4096]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format, *args):
        pass


@pytest.fixture
def encoding_site(expected_articles):
    articles = [a for a in expected_articles if a["site"] == "xaydungchinhsach.chinhphu.vn"][:len(ENCODERS)]
    site_dir = ROOT / "data" / "sample_portal" / "sites" / "xaydungchinhsach.chinhphu.vn"
    _EncodingSite.pages = {name: (site_dir / a["path"].lstrip("/")).read_bytes()
                           for name, a in zip(ENCODERS, articles)}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EncodingSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_bodies_are_kept_encoded_as_sent_and_reextract_decodes_them(encoding_site, tmp_path):
    data = tmp_path / "data"
    run_cli("crawl", "--start-url", encoding_site + "/", *LOOPBACK_ARGS, "--no-index", data=data, check=True)
    crawled = records_without_fetched(data)
    assert len(crawled) == len(ENCODERS)
    (job,) = crawl_jobs(data)
    responses = {r.rec_headers.get_header("WARC-Target-URI"): r
                 for r in whole_records(warc_path(data, job["id"])) if r.rec_type == "response"}
    for name in ENCODERS:
        record = responses[f"{encoding_site}/{name}.htm"]
        assert record.http_headers.get_header("Content-Encoding") == name
        # Twisted de-chunks the body and keeps the header to itself: the record must not claim chunks
        assert record.http_headers.get_header("Transfer-Encoding") is None
        assert record.raw_stream.getvalue() == _EncodingSite.sent[f"/{name}.htm"]
        assert payload(record) == _EncodingSite.pages[name]

    fresh = copy_data(data, tmp_path / "fresh", only_warc=True)
    counts = reextract(fresh)
    assert (counts["articles"], counts["new"], counts["invalid"]) == (len(ENCODERS), len(ENCODERS), 1)
    assert records_without_fetched(fresh) == crawled


class _Spider(Spider):
    name = "capture-test"


def _write_one_capture(data: Path, job_id: int | None, response: Response) -> None:
    crawler = get_crawler(_Spider, {"GOVNEWS_DATA": str(data)})
    middleware = WarcMiddleware.from_crawler(crawler)
    spider = _Spider(job_id=job_id)
    middleware.spider_opened(spider)
    assert middleware.process_response(response.request, response) is response
    middleware.spider_closed(spider)


def test_a_transfer_encoding_a_download_handler_passes_on_is_kept_renamed(tmp_path):
    request = Request("http://127.0.0.1:9/page.html")
    body = b"<html><body>de-chunked already</body></html>"
    response = HtmlResponse(request.url, body=body, request=request,
                            headers={"Transfer-Encoding": "chunked", "Content-Type": "text/html"})
    _write_one_capture(tmp_path, 7, response)
    (kept,) = [r for r in whole_records(warc_path(tmp_path, 7)) if r.rec_type == "response"]
    assert kept.http_headers.get_header("Transfer-Encoding") is None
    assert kept.http_headers.get_header("X-Archive-Orig-Transfer-Encoding") == "chunked"
    assert payload(kept) == body


def test_a_spider_without_a_job_writes_no_warc(tmp_path):
    request = Request("http://127.0.0.1:9/")
    _write_one_capture(tmp_path, None, HtmlResponse(request.url, body=b"<html></html>", request=request))
    assert not (tmp_path / "warc").exists()


# -- reextract -----------------------------------------------------------------------------

def test_reextract_from_the_warc_files_alone_rebuilds_the_crawled_records(crawled, expected_articles, tmp_path):
    data = copy_data(crawled["data"], tmp_path / "data", only_warc=True)
    counts = reextract(data)
    assert counts == {"responses": len(crawled["hits"]), "articles": len(expected_articles),
                      "new": len(expected_articles), "changed": 0, "unchanged": 0, "invalid": 0, "files": 4}
    assert records_without_fetched(data) == records_without_fetched(crawled["data"])
    with Store(data / "archive.sqlite3") as store:
        (job,) = store.jobs()
        fetched = {r["fetched"] for r in store.iter_records()}
    assert (job["kind"], job["state"], job["site"], job["stats"]) == ("reextract", "finished", None, counts)
    assert all(value.endswith("+00:00") for value in fetched)  # the capture time, from WARC-Date


def test_reextract_over_the_crawled_archive_changes_nothing(crawled, expected_articles, tmp_path):
    data = copy_data(crawled["data"], tmp_path / "data")
    for _ in range(2):
        counts = reextract(data)
        assert (counts["unchanged"], counts["new"], counts["changed"]) == (len(expected_articles), 0, 0)
    with Store(data / "archive.sqlite3") as store:
        assert all(r["revision"] == 1 for r in store.iter_records())


def test_reextract_of_one_site_or_one_job_touches_only_its_records(crawled, expected_articles, tmp_path):
    data = copy_data(crawled["data"], tmp_path / "data")
    forget_records(data)
    everything = records_without_fetched(crawled["data"])

    counts = reextract(data, site="sotttt.caobang.gov.vn")
    caobang = {i for i, r in everything.items() if r["site"] == "sotttt.caobang.gov.vn"}
    assert counts["files"] == 1 and counts["new"] == len(caobang) > 0
    assert set(records_without_fetched(data)) == caobang

    mirror_job = next(j for j in crawl_jobs(data) if j["site"] == "127.0.0.1")
    counts = reextract(data, job=mirror_job["id"])
    mirror = {i for i, r in everything.items() if r["site"] == "bn.langson-mirror.example"}
    assert counts["files"] == 1 and counts["new"] == len(mirror) > 0
    assert set(records_without_fetched(data)) == caobang | mirror
    with Store(data / "archive.sqlite3") as store:
        reextract_jobs = [j for j in store.jobs() if j["kind"] == "reextract"]
    assert [j["site"] for j in reextract_jobs] == [None, "sotttt.caobang.gov.vn"]


@pytest.mark.parametrize("selection", [{"site": "nosuch.gov.vn"}, {"job": 999}])
def test_reextract_of_nothing_says_so(crawled, tmp_path, selection):
    data = copy_data(crawled["data"], tmp_path / "data")
    with pytest.raises(NoWarcFiles):
        reextract(data, **selection)


# -- a file cut short (a killed crawl) -------------------------------------------------------

def _cut_copy(source: Path, data: Path, length: int) -> Path:
    target = warc_path(data, 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes()[:length])
    return target


def _read_until_warcio_fails(path: Path) -> list[str]:
    """Record ids as plain warcio reads them; at a cut record it may fail, or yield it cut short."""
    read = []
    try:
        with open(path, "rb") as file:
            for record in ArchiveIterator(file):
                record.content_stream().read()
                read.append(record.rec_headers.get_header("WARC-Record-ID"))
    except Exception:
        pass
    return read


def test_a_file_cut_in_its_last_record_yields_every_whole_record_before_it(crawled, tmp_path):
    source = warc_path(crawled["data"], crawl_jobs(crawled["data"])[-1]["id"])
    spans = record_spans(source)
    responses = [r.rec_headers.get_header("WARC-Record-ID") for r in whole_records(source) if r.rec_type == "response"]
    last_response = next(span for span in reversed(spans) if span[2] == responses[-1])
    before = [record_id for _, _, record_id in spans[:spans.index(last_response)]]
    cut = _cut_copy(source, tmp_path / "data", last_response[0] + last_response[1] // 2)

    assert [r.rec_headers.get_header("WARC-Record-ID") for r in whole_records(cut)] == before
    assert _read_until_warcio_fails(cut)[:len(before)] == before

    counts = reextract(tmp_path / "data")
    assert counts["responses"] == len(responses) - 1 and counts["files"] == 1


def test_any_cut_in_the_last_records_loses_only_them(crawled, tmp_path):
    source = warc_path(crawled["data"], crawl_jobs(crawled["data"])[-1]["id"])
    spans = record_spans(source)
    whole_bodies = {r.rec_headers.get_header("WARC-Record-ID"): r.raw_stream.getvalue() for r in whole_records(source)}
    for length in range(spans[-2][0], source.stat().st_size, 7):
        cut = _cut_copy(source, tmp_path / "data", length)
        ended = [record_id for offset, size, record_id in spans if offset + size <= length]
        read = list(whole_records(cut))
        ids = [r.rec_headers.get_header("WARC-Record-ID") for r in read]
        # a record whose content is all there but whose gzip trailer is cut counts as whole
        assert ids[:len(ended)] == ended and len(ids) - len(ended) <= 1, length
        assert all(r.raw_stream.getvalue() == whole_bodies[i] for r, i in zip(read, ids))
