"""Atom 1.0 feeds of a search's newest matches, built with ElementTree from untrusted scraped text.

Everything that comes from a record goes through `xml_text` (characters XML 1.0 forbids are
dropped) and is then escaped by ElementTree; nothing is put into the XML by string formatting.
"""
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
ENTRIES = 50
SUMMARY_CHARS = 400
# Dates without a time zone come from Vietnamese portals: the scraper reads them as Vietnam time.
DEFAULT_TZ = timezone(timedelta(hours=7))
GENERATOR = "govnews"
ET.register_namespace("", ATOM)

# Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; surrogates; U+FFFE, U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACES = re.compile(r"\s+")


def xml_text(value) -> str:
    """The value as text XML 1.0 can carry (ElementTree escapes <, & and quotes on output)."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def atom_date(value: str | None) -> str | None:
    """An RFC 3339 timestamp (what Atom requires) for a record's ISO date, or None.

    A date alone is midnight; a time without a zone is read as Vietnam time (DEFAULT_TZ).
    """
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=DEFAULT_TZ)
    return moment.replace(microsecond=0).isoformat()


def _moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def plain_summary(record: dict, limit: int = SUMMARY_CHARS) -> str:
    """The record's summary, else the start of its body, on one line, cut at a word."""
    text = _SPACES.sub(" ", xml_text(record.get("summary") or record.get("body") or "")).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut or text[:limit]) + " …"


def _sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def entry_dates(record: dict) -> tuple[str, str | None]:
    """(updated, published) of a record's entry: published may be missing, so updated falls
    back to the record's own update, then publication, then fetch time."""
    published = atom_date(record.get("published"))
    updated = atom_date(record.get("updated")) or published or atom_date(record.get("fetched"))
    return updated or datetime.now(timezone.utc).replace(microsecond=0).isoformat(), published


def atom_feed(records: list[dict], *, title: str, feed_id: str, self_url: str, alternate_url: str,
              base_url: str) -> bytes:
    """The Atom document (UTF-8 bytes) for records in the order given.

    base_url is the site root with a trailing slash (request.host_url); article pages and
    resolution pages are absolute URLs below it.
    """
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title, type="text")
    dated = [(record, *entry_dates(record)) for record in records]
    newest = max((_moment(updated) for _, updated, _ in dated), default=None)
    stamp = newest.isoformat() if newest else datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    _sub(feed, "updated", stamp)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=alternate_url)
    _sub(feed, "generator", GENERATOR, uri=base_url)
    for record, updated, published in dated:
        entry = _sub(feed, "entry")
        page = base_url + "article/" + quote(str(record["id"]), safe="")
        _sub(entry, "id", page)
        _sub(entry, "title", record.get("title") or record.get("url") or record["id"], type="text")
        _sub(entry, "updated", updated)
        if published:
            _sub(entry, "published", published)
        _sub(entry, "link", rel="alternate", type="text/html", href=page)
        if record.get("url"):
            _sub(entry, "link", rel="related", type="text/html", href=record["url"], title="original")
        if record.get("source_url"):
            _sub(entry, "link", rel="via", href=record["source_url"])
        names = [a.get("name") for a in record.get("authors") or [] if isinstance(a, dict) and a.get("name")]
        # Atom wants an author on every entry (the feed has none): the publishing agency stands in.
        for name in names or [record.get("agency") or record.get("site") or GENERATOR]:
            _sub(_sub(entry, "author"), "name", name)
        summary = plain_summary(record)
        if summary:
            _sub(entry, "summary", summary, type="text")
        for ref in record.get("resolutions") or []:
            _sub(entry, "category", term=ref, label=ref,
                 scheme=base_url + "resolution/")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
