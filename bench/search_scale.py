"""Benchmark: search latency of the Whoosh index over a synthetic archive, against SQLite FTS5.

A seeded Vietnamese-like corpus (`bench/corpus.py`) is loaded into a real archive and indexed with
`update_index`; then fixed query lists (single words, two words, quoted phrases, a resolution
filter, a one-year date range, words + site filter) run through `SearchService.search` (20 per
page, facets as the service always counts them) after one warm-up pass. The baseline, in the same
run: the same records in an FTS5 table (text folded in Python, đ→d included), the same queries
with filters as WHERE clauses, top 20 by bm25 plus the total, and facet counts (GROUP BY) for the
faceted kind. The p95 ratio Whoosh / FTS5 per kind is the figure to compare between runs.
"""
import argparse
import contextlib
import hashlib
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.store import Store  # noqa: E402
from archive.text import fold  # noqa: E402
from bench.corpus import VERSION as CORPUS_VERSION, Corpus  # noqa: E402
from indexer.build import update_index  # noqa: E402
from indexer.schema import SCHEMA, SCHEMA_VERSION  # noqa: E402
from indexer.search import SearchService  # noqa: E402

# indexer/ changes under active development: record which code and schema a run measured
INDEXER = {"schema_version": SCHEMA_VERSION, "fields": SCHEMA.names(), "source_sha1": hashlib.sha1(
    b"".join(p.read_bytes() for p in sorted((ROOT / "indexer").glob("*.py")))).hexdigest()[:12]}

BATCH = 1000
PER_KIND = 20
KINDS = ("single word", "two words", "phrase", "resolution filter", "date range (1 year)",
         "words + site filter, facets", "export ids (resolution filter)")


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def load(store: Store, corpus: Corpus, count: int) -> None:
    records = corpus.records(count)
    for _ in range(0, count, BATCH):
        with store.transaction():
            for _, record in zip(range(BATCH), records):
                store.upsert(record)


def queries(corpus: Corpus, seed: int) -> dict[str, list]:
    """(query, filters) per kind; words stratified by frequency rank, filters by Zipf rank."""
    rng = random.Random(seed)
    syl, terms = corpus.syllables, corpus.terms

    def spread(items, k):  # k items spread over the ranks on a log scale
        return [items[min(len(items) - 1, int(len(items) ** (i / (k - 1))) - 1 + rng.randrange(2))] for i in range(k)]

    def year_range():
        start = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return {"from": start, "to": f"{int(start[:4]) + 1}{start[4:]}"}

    mid = syl[20:400]
    return {
        "single word": [(w, None) for w in spread(syl, PER_KIND)],
        "two words": [(f"{rng.choice(syl[:100])} {rng.choice(mid)}", None) for _ in range(PER_KIND)],
        "phrase": [(f'"{t}"', None) for t in spread(terms, PER_KIND)],
        "resolution filter": [("", {"resolution": [r]}) for r in spread(corpus.resolutions, PER_KIND)],
        "date range (1 year)": [("", year_range()) for _ in range(PER_KIND)],
        "words + site filter, facets": [(rng.choice(mid), {"site": [rng.choice(corpus.sites[:15])]})
                                        for _ in range(PER_KIND)],
        "export ids (resolution filter)": [("", {"resolution": [r]}) for r in spread(corpus.resolutions, PER_KIND)],
    }


def timed(run, items) -> tuple[list[float], list[float], list[int]]:
    """Milliseconds of each query's first run and of its repeat (a second pass), and the hit counts.

    The first run is what a new query costs (the service keeps posting lists it has read in
    memory); the repeat is a query asked again. The operating system's file cache is warm for both.
    """
    first, totals = [], []
    for q, f in items:
        start = time.perf_counter()
        totals.append(run(q, f))
        first.append((time.perf_counter() - start) * 1000)
    repeat = []
    for q, f in items:
        start = time.perf_counter()
        run(q, f)
        repeat.append((time.perf_counter() - start) * 1000)
    return first, repeat, totals


# --- the FTS5 baseline -----------------------------------------------------------------------

def build_fts(store: Store, path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("""
        PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
        CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT, site TEXT, author TEXT, year INTEGER, published TEXT);
        CREATE TABLE doc_res (doc INTEGER, res TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2');
        BEGIN;""")
    for seq, r in store.changed_since(0):
        author = r["authors"][0]["name"] if r["authors"] else None
        db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                   (seq, r["id"], r["site"], author, int(r["published"][:4]), r["published"]))
        db.executemany("INSERT INTO doc_res VALUES (?, ?)", [(seq, res) for res in r["resolutions"]])
        db.execute("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", (seq, fold(r["title"]), fold(r["body"])))
    db.execute("COMMIT")
    db.executescript("""
        CREATE INDEX doc_res_res ON doc_res (res, doc); CREATE INDEX doc_res_doc ON doc_res (doc);
        CREATE INDEX docs_site ON docs (site); CREATE INDEX docs_published ON docs (published);
        PRAGMA wal_checkpoint(TRUNCATE);""")
    return db


def fts_search(db: sqlite3.Connection, query: str, filters: dict | None, facets=False) -> int:
    """Top 20 ids and the total, as the results page needs them; facet counts when asked."""
    filters = filters or {}
    where, args = [], []
    if query:
        words = fold(query).replace('"', "").split()
        where.append("docs.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
        args.append(f'"{" ".join(words)}"' if query.startswith('"') else " ".join(f'"{w}"' for w in words))
    if "resolution" in filters:
        where.append("docs.rowid IN (SELECT doc FROM doc_res WHERE res = ?)")
        args.append(filters["resolution"][0])
    if "site" in filters:
        where.append("docs.site = ?")
        args.append(filters["site"][0])
    if "from" in filters:
        where.append("docs.published >= ? AND docs.published < date(?, '+1 day')")
        args += [filters["from"], filters["to"]]
    sql = f"SELECT docs.rowid FROM docs WHERE {' AND '.join(where)}"
    if query:  # ranked: bm25 over the matching rows; "+rowid" keeps the filter from becoming per-row lookups
        filtered = f" AND +rowid IN (SELECT docs.rowid FROM docs WHERE {' AND '.join(where[1:])})" if where[1:] else ""
        rows = db.execute(f"SELECT rowid, count(*) OVER () FROM fts WHERE fts MATCH ?{filtered} "
                          "ORDER BY rank LIMIT 20", args).fetchall()
    else:
        rows = db.execute(f"SELECT docs.rowid, count(*) OVER () FROM docs WHERE {' AND '.join(where)} "
                          "ORDER BY docs.published DESC LIMIT 20", args).fetchall()
    total = rows[0][1] if rows else 0
    if facets:
        db.execute("DROP TABLE IF EXISTS temp.hits")
        db.execute("CREATE TEMP TABLE hits (rowid INTEGER PRIMARY KEY)")
        db.execute(f"INSERT INTO hits {sql}", args)
        for column in ("site", "author", "year"):
            db.execute(f"SELECT {column}, count(*) c FROM hits JOIN docs USING (rowid) GROUP BY 1 "
                       f"ORDER BY c DESC LIMIT 20").fetchall()
        db.execute("SELECT res, count(*) c FROM doc_res JOIN hits ON hits.rowid = doc "
                   "GROUP BY 1 ORDER BY c DESC LIMIT 20").fetchall()
    return total


def fts_export(db: sqlite3.Connection, filters: dict) -> int:
    ids = db.execute("SELECT docs.id FROM doc_res JOIN docs ON docs.rowid = doc WHERE res = ? "
                     "ORDER BY docs.published DESC", (filters["resolution"][0],)).fetchall()
    return len(ids)


# --- the run ---------------------------------------------------------------------------------

def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


BUILT = "built.json"  # what a workdir holds: record count, corpus, build times and sizes


def _built(workdir: Path, records: int, corpus: Corpus) -> dict:
    """The build figures of what workdir holds, or {} (after clearing it) when it holds another corpus."""
    signature = {"records": records, "seed": corpus.seed, "corpus": CORPUS_VERSION}
    try:
        built = json.loads((workdir / BUILT).read_text())
    except (OSError, ValueError):
        built = {}
    if {k: built.get(k) for k in signature} == signature:
        return built
    for path in workdir.iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return dict(signature)


def _save(workdir: Path, built: dict, **figures) -> None:
    built.update(figures)
    (workdir / BUILT).write_text(json.dumps(built))


def main(records: int = 100_000, workdir: Path | None = None) -> dict:
    """Build (or, with a workdir that holds them, reuse) the archive and both indexes, then time the queries."""
    corpus = Corpus()
    with contextlib.ExitStack() as stack:
        tmp = workdir or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        tmp.mkdir(parents=True, exist_ok=True)
        built = _built(tmp, records, corpus)
        store = stack.enter_context(Store(tmp / "archive.sqlite3"))
        # Each stage's figures are saved as soon as it is done, so an interrupted run resumes there.
        if "load" not in built:
            start = time.perf_counter()
            load(store, corpus, records)
            _save(tmp, built, load=time.perf_counter() - start,
                  archive_mb=(tmp / "archive.sqlite3").stat().st_size / 2**20)
        if built.get("schema_version") != SCHEMA_VERSION:
            start = time.perf_counter()
            update_index(store, tmp / "index", rebuild=True)
            _save(tmp, built, index=time.perf_counter() - start, whoosh_index_mb=dir_mb(tmp / "index"),
                  schema_version=SCHEMA_VERSION, arrays=0.0)
        if "arrays" not in built:  # an index built before the posting arrays existed gets them now
            start = time.perf_counter()
            update_index(store, tmp / "index")
            _save(tmp, built, arrays=time.perf_counter() - start, whoosh_index_mb=dir_mb(tmp / "index"))
        if "fts5" not in built:
            start = time.perf_counter()
            build_fts(store, tmp / "fts.sqlite3").close()
            _save(tmp, built, fts5=time.perf_counter() - start,
                  fts5_index_mb=(tmp / "fts.sqlite3").stat().st_size / 2**20)
        db = sqlite3.connect(tmp / "fts.sqlite3", isolation_level=None)
        stages = {"load": built["load"], "whoosh index": built["index"] + built["arrays"], "fts5 index": built["fts5"]}
        result = {"records": records, "indexer": INDEXER, "lexicon": len(corpus.syllables),
                  **{key: built[key] for key in ("archive_mb", "whoosh_index_mb", "fts5_index_mb")}}
        start = time.perf_counter()
        service = SearchService(tmp / "index", store)
        service.search("")
        result["whoosh_open_ms"] = (time.perf_counter() - start) * 1000

        start = time.perf_counter()
        kinds = {}
        for kind, items in queries(corpus, corpus.seed).items():
            if kind.startswith("export"):
                whoosh = timed(lambda q, f: len(service.matching_ids(q, f, sort="newest")), items)
                fts = timed(lambda q, f: fts_export(db, f), items)
            else:
                whoosh = timed(lambda q, f: service.search(q, f, per_page=20)["total"], items)
                fts = timed(lambda q, f, facets="facets" in kind: fts_search(db, q, f, facets), items)
            kinds[kind] = {
                "whoosh_p50": percentile(whoosh[0], 50), "whoosh_p95": percentile(whoosh[0], 95),
                "whoosh_repeat_p50": percentile(whoosh[1], 50), "whoosh_repeat_p95": percentile(whoosh[1], 95),
                "fts5_p50": percentile(fts[0], 50), "fts5_p95": percentile(fts[0], 95),
                "fts5_repeat_p95": percentile(fts[1], 95),
                "median_hits_whoosh": statistics.median(whoosh[2]), "median_hits_fts5": statistics.median(fts[2]),
                "queries": [q or f for q, f in items],
            }
            kinds[kind]["ratio_p95"] = kinds[kind]["whoosh_p95"] / kinds[kind]["fts5_p95"]
        stages["queries"] = time.perf_counter() - start
        service.close()
        db.close()
    result.update(kinds=kinds, stages_s=stages,
                  load_per_s=records / stages["load"],
                  whoosh_docs_per_s=records / stages["whoosh index"],
                  fts5_docs_per_s=records / stages["fts5 index"])
    return result


def markdown(r: dict) -> str:
    lines = [f"{r['records']:,} records (index schema v{r.get('indexer', {}).get('schema_version', '?')}); "
             f"first run of each query, then its repeat:", "",
             "| kind | whoosh p50 ms | whoosh p95 ms | fts5 p50 ms | fts5 p95 ms | ratio p95 | "
             "repeated: whoosh p95 / fts5 p95 ms | median hits (whoosh / fts5) |",
             "|---|---|---|---|---|---|---|---|"]
    for kind, k in r["kinds"].items():
        lines.append(f"| {kind} | {k['whoosh_p50']:.1f} | {k['whoosh_p95']:.1f} | {k['fts5_p50']:.1f} | "
                     f"{k['fts5_p95']:.1f} | {k['ratio_p95']:.2f} | {k['whoosh_repeat_p95']:.1f} / "
                     f"{k['fts5_repeat_p95']:.1f} | {k['median_hits_whoosh']:,.0f} / {k['median_hits_fts5']:,.0f} |")
    s = r["stages_s"]
    lines += ["", "| measure | value |", "|---|---|",
              (f"| archive load (upserts, {BATCH} per transaction) | {r['load_per_s']:,.0f} records/s "
               f"({s['load']:.0f} s), {r['archive_mb']:,.0f} MB |"),
              (f"| Whoosh index build (`update_index`, rebuild) | {r['whoosh_docs_per_s']:,.0f} docs/s "
               f"({s['whoosh index']:.0f} s), {r['whoosh_index_mb']:,.0f} MB |"),
              (f"| FTS5 baseline build (folded text, contentless) | {r['fts5_docs_per_s']:,.0f} docs/s "
               f"({s['fts5 index']:.0f} s), {r['fts5_index_mb']:,.0f} MB |"),
              f"| Whoosh searcher open + first search | {r['whoosh_open_ms']:.0f} ms |",
              f"| query passes (both engines, warm-up included) | {s['queries']:.0f} s |"]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, help="keep the archive and indexes here and reuse them next time")
    args = parser.parse_args()
    figures = main(args.records, args.workdir)
    print(markdown(figures))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / "search_scale.json"
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved[str(figures["records"])] = figures
    path.write_text(json.dumps(saved, indent=2, ensure_ascii=False))
