"""Build the Whoosh index from the archive and keep it up to date.

The archive is the source of truth. The last archive sequence number indexed is kept both
in the archive (meta "index_seq") and in a file inside the index directory; when they
disagree (index directory removed or replaced, archive replaced) the index is rebuilt.
"""
import contextlib
import json
import logging
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from whoosh import index
from whoosh.writing import CLEAR

from archive.docref import find_references
from indexer.analysis import reference_text
from indexer.schema import SCHEMA, SCHEMA_VERSION, date_stamp

log = logging.getLogger(__name__)

META_KEY = "index_seq"
STATE_FILE = "govnews-index.json"
LOCK_TIMEOUT = 60.0  # seconds to wait for another process's write lock


def open_or_create(index_dir) -> index.Index:
    """Open the index in index_dir, creating the directory and an empty index if needed."""
    path = Path(index_dir)
    path.mkdir(parents=True, exist_ok=True)
    if index.exists_in(str(path)):
        return index.open_dir(str(path))
    return index.create_in(str(path), SCHEMA)


def safe_commit(writer, **kwargs) -> None:
    """Commit; if the commit fails, cancel the writer so the write lock is released, and re-raise.

    Whoosh 2.7 keeps the lock after a failed commit until the writer is garbage-collected,
    which blocks every later writer.
    """
    try:
        writer.commit(**kwargs)
    except BaseException:
        _cancel(writer)
        raise


@contextlib.contextmanager
def writer(ix, **kwargs):
    """A writer that commits through safe_commit at the end and cancels on an exception."""
    w = ix.writer(**kwargs)
    try:
        yield w
    except BaseException:
        _cancel(w)
        raise
    safe_commit(w)


def _cancel(w) -> None:
    try:
        w.cancel()
    except Exception:
        # Some Whoosh versions close the writer themselves when a commit fails, and then
        # cancel() raises; the original error matters more than this one.
        log.debug("cancelling the index writer failed", exc_info=True)


def update_index(store, index_dir, rebuild=False) -> dict:
    """Index the archive records changed since the last run (all of them if rebuild).

    Returns {"indexed": records written, "total": documents in the index, "seq": last
    archive sequence number indexed}.
    """
    index_dir = Path(index_dir)
    since = None if rebuild else _indexed_seq(store, index_dir)
    if since is None:
        return _rebuild(store, index_dir)

    changes = store.changed_since(since)
    first = next(changes, None)
    ix = open_or_create(index_dir)
    if first is None:
        return {"indexed": 0, "total": ix.doc_count(), "seq": since}
    indexed, seq = _write(ix, _chain(first, changes), since, clear=False)
    _remember(store, index_dir, seq)
    return {"indexed": indexed, "total": ix.doc_count(), "seq": seq}


def _rebuild(store, index_dir: Path) -> dict:
    ix = _index_to_rebuild(index_dir)
    indexed, seq = _write(ix, store.changed_since(0), 0, clear=True)
    _remember(store, index_dir, seq)
    return {"indexed": indexed, "total": ix.doc_count(), "seq": seq}


def _index_to_rebuild(index_dir: Path) -> index.Index:
    state = _read_state(index_dir)
    if state is not None and state.get("schema") == SCHEMA_VERSION:
        # Clearing the existing index (rather than creating a new one) keeps its generation
        # number growing, so open searchers notice the change.
        try:
            return open_or_create(index_dir)
        except Exception:
            log.warning("index in %s is unreadable; creating a new one", index_dir, exc_info=True)
    index_dir.mkdir(parents=True, exist_ok=True)
    return index.create_in(str(index_dir), SCHEMA)


def _write(ix, changes, seq: int, clear: bool) -> tuple[int, int]:
    indexed = 0
    with writer(ix, timeout=LOCK_TIMEOUT) as w:
        if clear:
            w.mergetype = CLEAR
        for seq, record in changes:
            doc = record_to_document(record)
            if clear:
                w.add_document(**doc)
            else:
                w.update_document(**doc)
            indexed += 1
    return indexed, seq


def _chain(first, rest):
    yield first
    yield from rest


def _indexed_seq(store, index_dir: Path):
    """The last sequence number indexed, or None when the index must be rebuilt."""
    state = _read_state(index_dir)
    if state is None or state.get("schema") != SCHEMA_VERSION or not index.exists_in(str(index_dir)):
        return None
    seq = state.get("seq")
    meta = store.get_meta(META_KEY, None)
    if not isinstance(seq, int) or meta is None or int(meta) != seq or seq > store.max_seq():
        return None
    return seq


def _read_state(index_dir: Path):
    try:
        return json.loads((index_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remember(store, index_dir: Path, seq: int) -> None:
    path = index_dir / STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"seq": seq, "schema": SCHEMA_VERSION}), encoding="utf-8")
    os.replace(tmp, path)
    store.set_meta(META_KEY, seq)


def record_to_document(record: dict) -> dict:
    """The Whoosh document for an archive record (a pure function)."""
    title = record.get("title") or ""
    summary = record.get("summary") or ""
    body = record.get("body") or ""
    resolutions = [r for r in record.get("resolutions") or [] if r]
    authors = [a.get("name") for a in record.get("authors") or [] if a.get("name")]
    stamp = date_stamp(record.get("published"))
    doc = {
        "id": record["id"],
        "title": title,
        "title_folded": title,
        "summary": summary,
        "summary_folded": summary,
        "body": body,
        "body_folded": body,
        "urlwords": " ".join(_slug_words(u) for u in (record.get("url"), record.get("source_url")) if u),
        "refs_text": reference_text(_references(record, resolutions), resolutions),
        "author": authors,
        "author_text": " ; ".join(authors),
        "resolution": resolutions,
        "site": record.get("site"),
        "year": stamp // 10**10,
        "month": f"{stamp // 10**10:04d}-{stamp // 10**8 % 100:02d}" if stamp else None,
        "published": stamp,
    }
    return {k: v for k, v in doc.items() if v is not None and v != "" and v != []}


def _slug_words(url: str) -> str:
    """The words of a URL's path: ".../chuyen-doi-so-theo-nghi-quyet.html" → "chuyen doi so theo nghi quyet"."""
    path = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", unquote(urlsplit(url).path))
    return " ".join(re.split(r"[\W_]+", path)).strip()


def _references(record: dict, resolutions: list[str]) -> list[dict]:
    """The record's references, plus those of cited ids that have no reference entry (for their type name)."""
    refs = [r for r in record.get("references") or [] if r.get("id")]
    known = {r["id"] for r in refs}
    for rid in resolutions:
        if rid not in known:
            refs.extend(r for r in find_references(rid)[:1] if r.get("id") == rid)
    return refs
