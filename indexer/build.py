"""Build the Whoosh index from the archive and keep it up to date.

The archive is the source of truth. The last archive sequence number indexed is kept both
in the archive (meta "index_seq") and in a file beside the index; when they disagree (index
directory removed or replaced, archive replaced) or the schema version changed, the index is
rebuilt. A rebuild goes into a new generation directory inside the index directory, and the
file CURRENT switches searches to it atomically.
"""
import contextlib
import itertools
import json
import logging
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from whoosh import index
from whoosh.index import LockError
from whoosh.util.filelock import FileLock, try_for

from archive.docref import find_references
from indexer.analysis import fold_word, folded_words, reference_text, syllable_pairs, words
from indexer import postings
from indexer.schema import SCHEMA, SCHEMA_VERSION, date_stamp

log = logging.getLogger(__name__)

META_KEY = "index_seq"
STATE_FILE = "govnews-index.json"
POINTER = "CURRENT"  # names the generation directory holding the live index
GENERATION_PREFIX = "gen-"
UPDATE_LOCK = "govnews-update.lock"
LOCK_TIMEOUT = 60.0  # seconds to wait for another process's write lock
WRITER_MB = 256  # postings a writer sorts in memory before spilling runs to disk
# A rebuild of this many records analyses in one process per core (one segment each).
PARALLEL_FROM = 20_000
REBUILD_BATCH = 100_000  # records per commit of a rebuild
PROCS = min(2, os.cpu_count() or 1)


def current_dir(index_dir) -> Path:
    """The directory holding the live index: the generation CURRENT names, else index_dir itself."""
    index_dir = Path(index_dir)
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return index_dir
    return index_dir / name if name else index_dir


def open_or_create(index_dir) -> index.Index:
    """Open the live index under index_dir, creating the directory and an empty index if needed."""
    path = current_dir(index_dir)
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
def writer(ix, commit_options=None, **kwargs):
    """A writer that commits through safe_commit at the end and cancels on an exception."""
    w = ix.writer(**kwargs)
    try:
        yield w
    except BaseException:
        _cancel(w)
        raise
    safe_commit(w, **(commit_options or {}))


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
    archive sequence number indexed}, "deleted" (records deleted from the archive since, and
    so from the index) after an update, plus "notice" when the index had to be rebuilt
    because it was built by another schema version.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with _update_lock(index_dir):
        reason = "a rebuild was asked for" if rebuild else _rebuild_reason(store, index_dir)
        if reason:
            return _rebuild(store, index_dir, reason)
        return _update(store, index_dir)


@contextlib.contextmanager
def _update_lock(index_dir: Path):
    """One update at a time per index. An flock: a crashed holder's lock goes with its process."""
    lock = FileLock(str(index_dir / UPDATE_LOCK))
    if not try_for(lambda: lock.acquire(blocking=False), LOCK_TIMEOUT):
        raise LockError(f"another process is updating the index in {index_dir}")
    try:
        yield
    finally:
        lock.release()


def _update(store, index_dir: Path) -> dict:
    since = _read_state(current_dir(index_dir))["seq"]
    deletions = store.deleted_since(since)
    changes = store.changed_since(since)
    first = next(changes, None)
    ix = open_or_create(index_dir)
    if first is None and not deletions:
        _write_arrays(ix, current_dir(index_dir))  # those of an index from before they existed
        return {"indexed": 0, "deleted": 0, "total": ix.doc_count(), "seq": since}
    changes = _chain(first, changes) if first is not None else iter(())
    indexed, seq = _write(ix, changes, since, fresh=False, deletions=deletions)
    seq = max([seq] + [s for s, _ in deletions])
    _write_arrays(ix, current_dir(index_dir))
    _remember(store, current_dir(index_dir), seq)
    return {"indexed": indexed, "deleted": len(deletions), "total": ix.doc_count(), "seq": seq}


def _rebuild(store, index_dir: Path, reason: str) -> dict:
    """Build a whole new index in a new generation directory, then switch CURRENT to it in
    one rename: searches keep using the old index until then and never see a partial one."""
    schema_changed = reason.startswith("the index was built")
    (log.warning if schema_changed else log.info)("rebuilding the index in %s: %s", index_dir, reason)
    previous = current_dir(index_dir)
    generation = index_dir / f"{GENERATION_PREFIX}{time.time_ns()}"
    generation.mkdir()
    ix = index.create_in(str(generation), SCHEMA)
    applied = store.max_seq()  # deletions up to here need nothing: the new index never had those records
    indexed, seq = _write(ix, store.changed_since(0), 0, fresh=True, parallel=store.count() >= PARALLEL_FROM)
    seq = max(seq, applied)
    _write_arrays(ix, generation)
    _write_state(generation, seq)
    _point_to(index_dir, generation)
    store.set_meta(META_KEY, seq)
    _prune(index_dir, keep={generation, previous})
    result = {"indexed": indexed, "deleted": 0, "total": ix.doc_count(), "seq": seq}
    if schema_changed:
        result["notice"] = f"Index rebuilt: {reason}."
    return result


def _write_arrays(ix, directory: Path) -> None:
    with ix.reader() as reader:
        postings.refresh(directory, reader)


def _point_to(index_dir: Path, generation: Path) -> None:
    tmp = index_dir / (POINTER + ".tmp")
    tmp.write_text(generation.name, encoding="utf-8")
    os.replace(tmp, index_dir / POINTER)


def _prune(index_dir: Path, keep: set[Path]) -> None:
    """Remove index generations older than the one just replaced (which a search that has
    just looked up CURRENT may still be opening), and leftovers of interrupted rebuilds."""
    for child in index_dir.iterdir():
        if child.is_dir() and child.name.startswith(GENERATION_PREFIX) and child not in keep:
            shutil.rmtree(child, ignore_errors=True)
        elif index_dir not in keep and child.is_file() and child.name not in (POINTER, UPDATE_LOCK):
            child.unlink(missing_ok=True)  # an index from before generations, kept in index_dir itself


def _write(ix, changes, seq: int, fresh: bool, parallel=False, deletions=()) -> tuple[int, int]:
    """Write the changes (add them all when fresh); returns (records written, last seq).

    A rebuild commits every REBUILD_BATCH records without merging segments, so the sorting runs
    Whoosh spills to disk never hold more than one batch: a million records in one commit need
    about 100 GB of them.
    """
    # Whoosh copies a compound segment file into memory when it opens it (hundreds of MB at
    # 100,000 articles); segments kept as separate files are read from the file system instead.
    options = {"limitmb": WRITER_MB, "compound": False}
    if parallel and PROCS > 1:
        options.update(procs=PROCS, multisegment=True, subargs=dict(options))
    changes = iter(changes)
    indexed = 0
    while True:
        count = 0
        with writer(ix, commit_options={"merge": False} if fresh else {}, timeout=LOCK_TIMEOUT, **options) as w:
            for _, record_id in deletions:
                w.delete_by_term("id", record_id)
            for seq, record in itertools.islice(changes, REBUILD_BATCH) if fresh else changes:
                doc = record_to_document(record)
                if fresh:
                    w.add_document(**doc)
                else:
                    w.update_document(**doc)
                count += 1
        indexed += count
        if not fresh or count < REBUILD_BATCH:
            return indexed, seq


def _chain(first, rest):
    yield first
    yield from rest


def _rebuild_reason(store, index_dir: Path) -> str | None:
    """Why the index cannot be brought up to date incrementally, or None when it can."""
    live = current_dir(index_dir)
    state = _read_state(live)
    if state is None or not index.exists_in(str(live)):
        return "there is no index yet"
    if state.get("schema") != SCHEMA_VERSION:
        return f"the index was built with schema version {state.get('schema')}, this program uses {SCHEMA_VERSION}"
    seq = state.get("seq")
    meta = store.get_meta(META_KEY, None)
    if not isinstance(seq, int) or meta is None or int(meta) != seq or seq > store.max_seq():
        return "the index and the archive disagree on what was indexed"
    return None


def _read_state(directory: Path):
    try:
        return json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_state(directory: Path, seq: int) -> None:
    path = directory / STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"seq": seq, "schema": SCHEMA_VERSION}), encoding="utf-8")
    os.replace(tmp, path)


def _remember(store, directory: Path, seq: int) -> None:
    _write_state(directory, seq)
    store.set_meta(META_KEY, seq)


def record_to_document(record: dict) -> dict:
    """The Whoosh document for an archive record (a pure function).

    Text fields are given as word lists, analysed here once for all the fields they feed.
    """
    title = record.get("title") or ""
    resolutions = [r for r in record.get("resolutions") or [] if r]
    authors = [a.get("name") for a in record.get("authors") or [] if a.get("name")]
    stamp = date_stamp(record.get("published"))
    urlwords = " ".join(_slug_words(u) for u in (record.get("url"), record.get("source_url")) if u)
    texts = [record.get("summary") or "", record.get("body") or "",
             urlwords, reference_text(_references(record, resolutions), resolutions), " ; ".join(authors)]
    exact = [words(text) for text in texts]
    folded = [[fold_word(w) for w in ws] for ws in exact]
    title_folded = folded_words(title)
    doc = {
        "id": record["id"],
        "title": title,
        "title_folded": title_folded,
        "body": exact[0] + exact[1],
        "folded": [w for ws in folded for w in ws],
        "author": authors,
        "author_text": " ; ".join(authors),
        # No pair spans two texts (the end of the title and the start of the body).
        "bigrams": [pair for ws in [title_folded] + folded for pair in syllable_pairs(ws)],
        "resolution": resolutions,
        "site": record.get("site"),
        "year": stamp // 10**10,
        "month": f"{stamp // 10**10:04d}-{stamp // 10**8 % 100:02d}" if stamp else None,
        "published": stamp,
        "length": sum(len(ws) for ws in folded),
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
