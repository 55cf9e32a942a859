"""Raw captures: every response the downloader gets, with its request, in one WARC file per crawl job.

The middleware sits at priority 950, next to the downloader, so bodies are kept as they came over
the wire (still content-encoded) and robots.txt, sitemaps, redirects and 304s are kept too. Each
record is its own gzip member and each request/response pair is flushed at once, so a crawl killed
at any moment leaves a file whose every record but the last is whole: `whole_records` reads it.

A record is a faithful reconstruction, not the exact bytes: Scrapy normalises header names and
order, and its HTTP/1.1 handler undoes chunked transfer encoding and keeps the connection headers
(Transfer-Encoding, Connection) to itself. A handler that passes Transfer-Encoding on gets it kept
renamed, since the body kept is no longer chunked.
"""
import copy
import io
import logging
import sys
import zlib
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import scrapy
from scrapy import signals
from warcio.archiveiterator import ArchiveIterator
from warcio.recordbuilder import RecordBuilder
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd  # what Scrapy itself decodes zstd with

WARC_DIR = "warc"
_RENAMED_HEADERS = {"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}
_log = logging.getLogger(__name__)


def warc_path(data_dir: Path, job_id: int) -> Path:
    return Path(data_dir) / WARC_DIR / f"{job_id}.warc.gz"


def job_of(path: Path) -> int | None:
    """The crawl job whose capture a WARC file is, from its name."""
    stem = Path(path).name.removesuffix(".warc.gz")
    return int(stem) if stem.isdigit() else None


class WarcMiddleware:
    """Downloader middleware writing the WARC of the crawl job of `spider.job_id`."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.data_dir = Path(crawler.settings.get("GOVNEWS_DATA", "data"))
        self.file = None
        self.builder = RecordBuilder()

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider):
        job_id = getattr(spider, "job_id", None)
        if job_id is None:
            return
        path = warc_path(self.data_dir, job_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(path, "ab")  # append: never overwrite a capture
        self._write([self.builder.create_warcinfo_record(path.name, self._warcinfo(spider))])

    def spider_closed(self, spider):
        if self.file is not None:
            self.file.close()
            self.file = None

    def process_response(self, request, response):
        # A response from Scrapy's HTTP cache never crossed the network on this crawl.
        if self.file is not None and "cached" not in response.flags:
            response_record = self._response_record(request, response)
            self._write([response_record, self._request_record(request, response_record)])
        return response

    def _warcinfo(self, spider) -> dict:
        profile = getattr(spider, "profile", None)
        return {
            "software": f"govnews (Scrapy {scrapy.__version__})",
            "format": "WARC File Format 1.0",
            "isPartOf": f"govnews crawl job {spider.job_id}",
            "http-header-user-agent": self.crawler.settings.get("USER_AGENT"),
            "robots": "obey" if self.crawler.settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "govnews-profile": profile.id if profile else None,
            "govnews-origin": getattr(spider, "origin", None),
        }

    def _response_record(self, request, response):
        status = f"{response.status} {_reason(response.status)}".rstrip()
        http_headers = StatusAndHeaders(status, _header_list(response.headers), protocol=_protocol(response))
        warc_headers = {"WARC-IP-Address": str(response.ip_address)} if response.ip_address else {}
        return self.builder.create_warc_record(
            request.url, "response", payload=io.BytesIO(response.body), length=len(response.body),
            http_headers=http_headers, warc_headers_dict=warc_headers)

    def _request_record(self, request, response_record):
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = _header_list(request.headers)
        if not any(name.lower() == "host" for name, _ in headers):
            headers.insert(0, ("Host", parts.netloc))  # added by the download handler, not the request
        http_headers = StatusAndHeaders(f"{request.method} {target} HTTP/1.1", headers, is_http_request=True)
        linked = {"WARC-Concurrent-To": response_record.rec_headers.get_header("WARC-Record-ID"),
                  "WARC-Date": response_record.rec_headers.get_header("WARC-Date")}
        return self.builder.create_warc_record(
            request.url, "request", payload=io.BytesIO(request.body), length=len(request.body),
            http_headers=http_headers, warc_headers_dict=linked)

    def _write(self, records) -> None:
        """Records go out as one write and one flush: a kill tears at most the last pair."""
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        for record in records:
            writer.write_record(record)
        self.file.write(buffer.getvalue())
        self.file.flush()


def _header_list(headers) -> list[tuple[str, str]]:
    found = []
    for name, values in headers.items():
        name = name.decode("latin-1")
        name = _RENAMED_HEADERS.get(name.lower(), name)
        found += [(name, value.decode("latin-1")) for value in values]
    return found


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _protocol(response) -> str:
    return response.protocol if response.protocol in ("HTTP/1.0", "HTTP/1.1") else "HTTP/1.1"


# -- reading ------------------------------------------------------------------------------

def whole_records(path: Path):
    """The records of a WARC file that are whole, in order, each with its payload read into memory
    (`payload(record)` decodes it). Reading stops at a record cut short, which only the last one
    of a killed crawl's file can be; a whole record whose digest does not match is skipped."""
    with open(path, "rb") as file:
        records = ArchiveIterator(file, check_digests=True)
        while True:
            try:
                record = next(records)
                raw = record.raw_stream.read()
            except StopIteration:
                return
            except Exception as err:  # warcio fails in many ways (zlib, EOF, None fields) on a cut record
                _log.warning("%s: stopped reading at a record cut short at byte %d (%s: %s)",
                             path, records.offset, type(err).__name__, err)
                return
            if len(raw) != _declared_payload_length(record):
                _log.warning("%s: stopped reading at a record cut short at byte %d", path, records.offset)
                return
            if record.digest_checker.passed is False:
                _log.warning("%s: skipped a record whose digest does not match at byte %d", path, records.offset)
                continue
            # a copy: the iterator drains its own record's stream when it moves on
            kept = copy.copy(record)
            kept.raw_stream = io.BytesIO(raw)
            yield kept


def _declared_payload_length(record) -> int:
    return record.payload_length if record.payload_length >= 0 else record.length


class UndecodablePayload(ValueError):
    """A body whose Content-Encoding does not decode (the server mis-encoded it)."""


# warcio decodes gzip and deflate; it has no zstd (which Scrapy asks servers for), and its br
# decoder fails with brotli 1.2.
_OWN_DECODERS = {"br": brotli.decompress, "zstd": zstd.decompress}


def payload(record) -> bytes:
    """A record's body as the spider got it: with its content encoding undone."""
    encoding = (record.http_headers.get_header("Content-Encoding") or "").strip().lower() \
        if record.http_headers else ""
    try:
        if encoding in _OWN_DECODERS:
            return _OWN_DECODERS[encoding](record.raw_stream.read())
        return record.content_stream().read()
    except (zlib.error, brotli.error, zstd.ZstdError, EOFError) as err:
        raise UndecodablePayload(f"{encoding} body does not decode: {err}") from None


def warcinfo_fields(record) -> dict[str, str]:
    fields = {}
    for line in record.content_stream().read().decode("utf-8", errors="replace").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip()] = value.strip()
    return fields
