"""Exports and imports of records: CSV, JSON Lines and JSON, streamed a record at a time."""
import csv
import io
import json
from datetime import datetime, timezone
from typing import Iterable, Iterator

from . import __version__
from .record import FIELDS, InvalidRecord, build_record
from .store import SCHEMA_VERSION

FORMATS = ("csv", "jsonl", "json")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
               "json": "application/json; charset=utf-8"}
# CSV has one row per record: lists are joined with " | ", structured fields kept as JSON.
_JOINED = {"resolutions": lambda v: " | ".join(v),
           "authors": lambda v: " | ".join(f"{a['name']} ({a['role']})" if a.get("role") else a["name"] for a in v)}


def manifest(query: str, filters: dict, count: int) -> dict:
    """What an export holds and where it came from, so a result set can be cited and reproduced."""
    return {"query": query, "filters": {k: v for k, v in (filters or {}).items() if v},
            "count": count, "exported": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "archive_version": f"govnews {__version__}, archive schema {SCHEMA_VERSION}"}


def export_chunks(records: Iterable[dict], fmt: str, head: dict | None = None) -> Iterator[str]:
    """The export as text chunks, in constant memory. `head` (the manifest) leads where the format has room."""
    if fmt == "jsonl":
        yield from _jsonl(records, head)
    elif fmt == "json":
        yield from _json(records, head)
    elif fmt == "csv":
        yield from _csv(records, head)
    else:
        raise ValueError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _jsonl(records, head):
    if head is not None:
        yield _dumps({"_manifest": head}) + "\n"
    for record in records:
        yield _dumps(record) + "\n"


def _json(records, head):
    yield "{" + (f'"manifest": {_dumps(head)}, ' if head is not None else "") + '"records": ['
    for i, record in enumerate(records):
        yield ("," if i else "") + "\n" + _dumps(record)
    yield "\n]}\n"


def _csv(records, head):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"  # the BOM tells Excel the file is UTF-8, so Vietnamese shows right
    if head is not None:
        yield f"# govnews export: {_dumps(head)}\n"
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow([_csv_cell(name, record.get(name)) for name in FIELDS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _csv_cell(name, value):
    if value is None:
        return ""
    if name in _JOINED:
        return _JOINED[name](value)
    if isinstance(value, (list, dict)):
        return _dumps(value)
    return value


def read_jsonl(lines: Iterable[str]) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record, error) for each line of a JSON Lines export; the manifest line is skipped."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as err:
            yield number, None, f"not JSON: {err}"
            continue
        if not isinstance(data, dict):
            yield number, None, "not a JSON object"
            continue
        if "_manifest" in data or "_truncated" in data:  # an export's first and (cut short) last line
            continue
        try:
            yield number, build_record(data), None
        except InvalidRecord as err:
            yield number, None, str(err)


def records_by_ids(store, ids: list[str], batch: int = 200) -> Iterator[dict]:
    """The records of a result set in its order, read a batch at a time."""
    for start in range(0, len(ids), batch):
        yield from store.get_many(ids[start:start + batch])
