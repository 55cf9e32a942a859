"""Records rebuilt from the kept WARC files: the spider's extraction run over the captured
responses, with no network at all. Run it after the extractor or a site profile changes.

Each record comes from the newest crawl that fetched its page in full: files are read newest job
first and the first capture of a record read wins (within one crawl, its first capture, as the
spider itself keeps). So a re-crawl that only got a 304 for a page leaves the older full capture
in charge, and re-extracting twice changes nothing.
"""
import os
from datetime import datetime
from pathlib import Path

from archive.record import InvalidRecord
from archive.store import Store
from scraper.extraction import extract_html
from scraper.htmltext import looks_like_html
from scraper.profiles import Profile, load_all_profiles, profile_for_url
from scraper.warc import WARC_DIR, job_of, payload, warcinfo_fields, whole_records

COUNTS = ("responses", "articles", "new", "changed", "unchanged", "invalid", "files")


class NoWarcFiles(LookupError):
    """Nothing to re-extract: no kept WARC file matches the request."""


def reextract(data_dir: Path, site: str | None = None, job: int | None = None) -> dict:
    """Re-extract the WARC files of every crawl, of one site's crawls, or of one job, into the
    archive; runs as a job of kind "reextract" and returns (and keeps as its stats) the counts."""
    data_dir = Path(data_dir)
    with Store(data_dir / "archive.sqlite3") as store:
        files = warc_files(store, data_dir, site=site, job=job)
        job_id = store.create_job(site, kind="reextract", pid=os.getpid())
        try:
            counts = _reextract_files(store, files, load_all_profiles(data_dir))
        except BaseException as err:
            state = "cancelled" if isinstance(err, KeyboardInterrupt) else "failed"
            store.finish_job(job_id, state, error=f"{type(err).__name__}: {err}")
            raise
        store.finish_job(job_id, "finished", stats=counts)
    return counts


def warc_files(store: Store, data_dir: Path, site: str | None = None, job: int | None = None) -> list[Path]:
    """The WARC files to read, newest crawl job first; a site's are those of its jobs."""
    found = sorted((p for p in (Path(data_dir) / WARC_DIR).glob("*.warc.gz") if job_of(p) is not None),
                   key=job_of, reverse=True)
    if job is not None:
        found = [p for p in found if job_of(p) == job]
    if site is not None:
        found = [p for p in found if (store.get_job(job_of(p)) or {}).get("site") == site]
    if not found:
        which = f" of job {job}" if job is not None else f" of site {site}" if site is not None else ""
        raise NoWarcFiles(f"no WARC files{which} in {Path(data_dir) / WARC_DIR}")
    return found


def _reextract_files(store: Store, files: list[Path], profiles: dict[str, Profile]) -> dict:
    counts = dict.fromkeys(COUNTS, 0)
    taken: set[str] = set()
    for path in files:
        counts["files"] += 1
        for record in _articles(path, profiles, counts):
            if record["url"] in taken:
                continue
            taken.add(record["url"])
            counts["articles"] += 1
            try:
                counts[store.upsert(record)] += 1
            except InvalidRecord:
                counts["invalid"] += 1
    return counts


def _articles(path: Path, profiles: dict[str, Profile], counts: dict):
    """The article records extracted from one WARC file's HTML 200 responses, in capture order."""
    crawl_profile = None
    for warc_record in whole_records(path):
        if warc_record.rec_type == "warcinfo":
            # The crawl's profile, not one guessed from the URL: a mirror's URLs name no profile.
            crawl_profile = profiles.get(warcinfo_fields(warc_record).get("govnews-profile"))
            continue
        if warc_record.rec_type != "response":
            continue
        counts["responses"] += 1
        url = warc_record.rec_headers.get_header("WARC-Target-URI")
        try:
            page = _html_page(warc_record)
            if page is None:
                continue
            extraction = extract_html(page[0], url, crawl_profile or profile_for_url(url, profiles), page[1] or None)
        except ValueError:  # an undecodable body or an unreadable page: no record, as in the crawl
            counts["invalid"] += 1
            continue
        if extraction.is_article:
            yield {**extraction.record, "fetched": _capture_time(warc_record)}


def _html_page(warc_record) -> tuple[bytes, str] | None:
    """(body, Content-Type) of an HTML 200 response; None for any other response."""
    http = warc_record.http_headers
    if http is None or http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type") or ""
    body = payload(warc_record)
    return (body, content_type) if looks_like_html(content_type, body) else None


def _capture_time(warc_record) -> str:
    date = warc_record.rec_headers.get_header("WARC-Date")
    return datetime.fromisoformat(date).isoformat(timespec="seconds")
