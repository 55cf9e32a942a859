"""The record: one news article as the archive stores and exports it."""
import hashlib
import json
import re
from datetime import date, datetime
from urllib.parse import unquote, urlsplit, urlunsplit

from archive.text import normalise_tree

FIELDS = (
    "id", "url", "source_url", "site", "agency", "province", "title", "summary", "body",
    "published", "updated", "authors", "resolutions", "references", "category", "images",
    "attachments", "language", "fetched", "revision",
)
LIST_FIELDS = ("authors", "resolutions", "references", "images", "attachments")
DATE_FIELDS = ("published", "updated", "fetched")
TEXT_FIELDS = ("id", "source_url", "site", "agency", "province", "title", "summary", "body",
               "category", "language")
# Fields that change between two crawls of an unchanged page.
VOLATILE_FIELDS = ("id", "fetched", "revision")

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "zarsrc", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "twclid", "ttclid",
    # session ids: the same page under a new address on every visit (a crawler trap)
    "jsessionid", "phpsessid", "aspsessionid", "sessionid", "cfid", "cftoken",
})
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidRecord(ValueError):
    """A record that cannot be stored; the message names the field and the reason."""


def canonical_url(url: str) -> str:
    """The URL as the archive identifies a page: tracking parameters and fragment removed."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking_param(p))
    path = _PATH_SESSION.sub("", parts.path) or ("/" if parts.netloc else "")
    return urlunsplit((scheme, _canonical_netloc(parts, scheme), path, query, ""))


def _canonical_netloc(parts, scheme: str) -> str:
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    return f"{userinfo}@{host}" if userinfo else host


def _is_tracking_param(pair: str) -> bool:
    name = unquote(pair.split("=", 1)[0]).lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS


def record_id(url: str) -> str:
    """Stable id of a page: the first 16 hex digits of the SHA-1 of its canonical URL."""
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]


def build_record(data: dict) -> dict:
    """A complete, validated, NFC-normalised record built from `data` (which is left untouched)."""
    if not isinstance(data, dict):
        raise InvalidRecord(f"record must be a dict, not {type(data).__name__}")
    given = {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("_"))}
    url = given.get("url")
    unknown = [str(k) for k in given if k not in FIELDS]
    if unknown:
        raise InvalidRecord(f"record has unknown field(s) {', '.join(sorted(unknown))} (url={url})")
    given = normalise_tree({k: _iso_if_datetime(v) for k, v in given.items()})
    _check_url(given.get("url"))
    record = {field: _default(field, given) for field in FIELDS}
    _validate(record)
    record["authors"] = [{"name": a["name"], "role": a.get("role")} for a in record["authors"]]
    return record


def _iso_if_datetime(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _default(field: str, given: dict):
    value = given.get(field)
    if value is not None:
        return value.strip() if field == "title" and isinstance(value, str) else value
    if field in LIST_FIELDS:
        return []
    if field == "revision":
        return 1
    if field == "site":
        return urlsplit(given["url"]).hostname
    if field == "id":
        return record_id(given["url"])
    return None


def _check_url(url) -> None:
    if url is None or url == "":
        raise InvalidRecord("record has no url")
    if not isinstance(url, str):
        raise InvalidRecord(f"record url must be a string, not {type(url).__name__}")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidRecord(f"record url is not an absolute http(s) URL: {url!r}")


def _validate(record: dict) -> None:
    url = record["url"]
    for field in TEXT_FIELDS:
        if record[field] is not None and not isinstance(record[field], str):
            raise InvalidRecord(f"record field {field} must be a string or null, "
                                f"not {type(record[field]).__name__} (url={url})")
    if not record["title"]:
        raise InvalidRecord(f"record has no title (url={url})")
    if not record["id"]:
        raise InvalidRecord(f"record has an empty id (url={url})")
    revision = record["revision"]
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
        raise InvalidRecord(f"record revision must be a positive integer, not {revision!r} (url={url})")
    for field in DATE_FIELDS:
        _check_date(field, record[field], url)
    for field in LIST_FIELDS:
        if not isinstance(record[field], list):
            raise InvalidRecord(f"record field {field} must be a list, "
                                f"not {type(record[field]).__name__} (url={url})")
    _check_authors(record["authors"], url)
    _check_strings("resolutions", record["resolutions"], url)
    _check_items("references", record["references"], "id", url)
    _check_images(record["images"], url)
    _check_items("attachments", record["attachments"], "url", url)


def _check_date(field: str, value, url: str) -> None:
    if value is None:
        return
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidRecord(f"record field {field} is not an ISO-8601 date: {value!r} (url={url})") from None


def _check_authors(authors: list, url: str) -> None:
    for author in authors:
        if not isinstance(author, dict):
            raise InvalidRecord(f"record authors must be objects with name and role, got {author!r} (url={url})")
        extra = set(author) - {"name", "role"}
        if extra:
            raise InvalidRecord(f"record author has unknown key(s) {', '.join(sorted(map(str, extra)))} (url={url})")
        name, role = author.get("name"), author.get("role")
        if not isinstance(name, str) or not name.strip():
            raise InvalidRecord(f"record author has no name: {author!r} (url={url})")
        if role is not None and not isinstance(role, str):
            raise InvalidRecord(f"record author role must be a string or null: {author!r} (url={url})")


def _check_strings(field: str, values: list, url: str) -> None:
    for value in values:
        if not isinstance(value, str) or not value:
            raise InvalidRecord(f"record {field} must be a list of non-empty strings, got {value!r} (url={url})")


def _check_images(images: list, url: str) -> None:
    """An image has a src; a caption whose image the source does not carry (plain text) may stand alone."""
    for image in images:
        if not isinstance(image, dict) or not (image.get("src") or image.get("caption")):
            raise InvalidRecord(f"record images item needs a 'src' or a 'caption': {image!r} (url={url})")


def _check_items(field: str, items: list, required: str, url: str) -> None:
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get(required), str) or not item[required]:
            raise InvalidRecord(f"record {field} item needs a {required!r}: {item!r} (url={url})")


def content_hash(record: dict) -> str:
    """SHA-256 of the content fields: equal for two crawls of an unchanged page."""
    content = {field: record.get(field) for field in FIELDS if field not in VOLATILE_FIELDS}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
