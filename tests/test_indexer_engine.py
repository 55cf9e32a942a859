"""The array evaluation of queries: posting blocks, several segments, deleted documents."""
import random
from collections import Counter

import numpy as np
import pytest
from whoosh import index

import indexer.build
import indexer.postings
from archive.store import Store
from indexer.build import current_dir, update_index
from indexer.engine import Snapshot
from indexer.postings import read_postings
from indexer.schema import SCHEMA
from indexer.search import SearchService

SITES = ["a.gov.vn", "b.gov.vn", "c.gov.vn"]
WORDS = "chuyển đổi số nghị quyết dân tộc hội nghị tỉnh công tác kết quả thực hiện".split()
RESOLUTIONS = ["57-NQ/TW", "46/NQ-CP", "160/KH-UBND"]


def corpus(count: int, seed: int = 7) -> list[dict]:
    """Records with words, sites, authors, resolutions and dates drawn at random (seeded)."""
    rng = random.Random(seed)
    records = []
    for n in range(count):
        year = rng.choice([2023, 2024, 2025])
        records.append({
            "id": f"r{n}",
            "url": f"https://{SITES[n % 3]}/tin/{n}.html",
            "site": SITES[n % 3],
            "title": " ".join(rng.choices(WORDS, k=5)).capitalize(),
            "body": " ".join(rng.choices(WORDS, k=rng.randint(20, 60))) + ".",
            "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:00:00+07:00"
                         if n % 10 else None,
            "authors": [{"name": f"Tác giả {rng.randint(1, 5)}", "role": None}],
            "resolutions": sorted(set(rng.choices(RESOLUTIONS, k=rng.randint(0, 2)))),
            "language": "vi",
        })
    return records


def build(base, records, parallel=False, monkeypatch=None):
    store = Store(base / "archive.sqlite3")
    store.upsert_many(records)
    if parallel:
        monkeypatch.setattr(indexer.build, "PARALLEL_FROM", 1)
    update_index(store, base / "index", rebuild=True)
    return store


def brute_force_facets(records) -> dict:
    return {
        "site": Counter(r["site"] for r in records),
        "author": Counter(a["name"] for r in records for a in r["authors"]),
        "resolution": Counter(res for r in records for res in r["resolutions"]),
        "year": Counter(int(r["published"][:4]) for r in records if r["published"]),
    }


def as_counters(facets: dict) -> dict:
    return {name: Counter(dict(map(tuple, values))) for name, values in facets.items()}


def test_posting_blocks_are_read_whole(tmp_path):
    """A word in every document spans many 128-posting blocks; the block reader sees them all."""
    store = build(tmp_path, corpus(700))
    ix = index.open_dir(str(current_dir(tmp_path / "index")))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for field, text in [("folded", b"so"), ("bigrams", b"so_nghi"), ("site", b"a.gov.vn")]:
            ids, weights = read_postings(reader.postings(field, text))
            expected = reader.postings(field, text)
            assert list(ids) == list(expected.all_ids())
            assert len(ids) > 128
            assert weights.min() >= 1
    store.close()


@pytest.mark.parametrize("parallel", [False, True], ids=["one segment", "one segment per process"])
def test_counts_and_facets_match_a_brute_force_count(tmp_path, monkeypatch, parallel):
    records = corpus(400)
    store = build(tmp_path, records, parallel, monkeypatch)
    if parallel:
        with index.open_dir(str(current_dir(tmp_path / "index"))).searcher() as searcher:
            assert len(searcher.reader().leaf_readers()) > 1
    with SearchService(tmp_path / "index", store) as service:
        result = service.search("tỉnh", per_page=5)
        matched = [r for r in records if "tỉnh" in f"{r['title']} {r['body']}".lower()]
        assert result["total"] == len(matched)
        assert as_counters(result["facets"]) == brute_force_facets(matched)

        chosen = service.search("", {"site": [SITES[0]], "resolution": ["57-NQ/TW"]})
        both = [r for r in records if r["site"] == SITES[0] and "57-NQ/TW" in r["resolutions"]]
        assert chosen["total"] == len(both)
        # each facet leaves out its own filter
        by_site = [r for r in records if "57-NQ/TW" in r["resolutions"]]
        assert as_counters(chosen["facets"])["site"] == brute_force_facets(by_site)["site"]
    store.close()


def test_newest_first_over_several_segments(tmp_path, monkeypatch):
    records = corpus(300)
    store = build(tmp_path, records, True, monkeypatch)
    with SearchService(tmp_path / "index", store) as service:
        order = service.matching_ids("", sort="newest")
        published = {r["id"]: r["published"] for r in records}
        dated = sorted((p for p in published.values() if p), reverse=True)
        assert [published[rid] for rid in order[:len(dated)]] == dated
        assert set(order[len(dated):]) == {rid for rid, p in published.items() if not p}
    store.close()


def test_date_and_length_columns_are_read_as_whoosh_reads_them(tmp_path, monkeypatch):
    """The columns are read a segment's bytes at a time; values and signs (undated records are 0)
    come out as Whoosh's own reader gives them, over several segments."""
    records = corpus(300)
    for record in records[-8:]:
        record["published"] = None
    store = build(tmp_path, records, True, monkeypatch)
    with index.open_dir(current_dir(tmp_path / "index")).searcher() as searcher:
        reader = searcher.reader()
        assert len(list(reader.leaf_readers())) >= 2
        snap = Snapshot(searcher)
        for name in ("published", "length"):
            whoosh_reads = np.fromiter(reader.column_reader(name), dtype=np.int64, count=reader.doc_count_all())
            assert np.array_equal(getattr(snap, name), whoosh_reads), name
        ids = snap.record_ids(range(snap.size))
        undated = {r["id"] for r in records if not r["published"]}
        assert {rid for rid, p in zip(ids, snap.published) if p == 0} == undated
        assert snap.length.min() > 0
    store.close()


def test_column_values_whoosh_leaves_out_read_as_its_defaults(tmp_path):
    ix = index.create_in(tmp_path, SCHEMA)
    with ix.writer() as writer:
        writer.add_document(id="dated", published=20240101080000, length=7)
        writer.add_document(id="bare")  # no values: Whoosh writes nothing for it at the column's end
    with ix.searcher() as searcher:
        snap = Snapshot(searcher)
        for name in ("published", "length"):
            column = searcher.reader().column_reader(name)
            assert list(getattr(snap, name)) == [column[0], column[1]], name
        assert snap.published[0] == 20240101080000


def test_replaced_and_changed_documents_are_not_counted_twice(tmp_path):
    records = corpus(200)
    store = build(tmp_path, records)
    changed = dict(records[0], body="Một bài hoàn toàn khác về lễ hội mùa xuân.", title="Lễ hội")
    store.upsert(changed)
    update_index(store, tmp_path / "index")  # the old version is deleted in the index
    with SearchService(tmp_path / "index", store) as service:
        assert service.search("")["total"] == 200
        assert {h["id"] for h in service.search("lễ hội", per_page=100)["hits"]} == {"r0"}
        expected = [r for r in records[1:] if "tỉnh" in f"{r['title']} {r['body']}".lower()]
        assert service.search("tỉnh")["total"] == len(expected)
        site_counts = dict(map(tuple, service.search("")["facets"]["site"]))
        assert sum(site_counts.values()) == 200
    store.close()


def test_long_posting_lists_are_read_from_arrays_that_agree_with_whoosh(tmp_path, monkeypatch):
    monkeypatch.setattr(indexer.postings, "MIN_DOCS", 50)
    records = corpus(300)
    store = build(tmp_path, records, True, monkeypatch)
    live = current_dir(tmp_path / "index")
    files = sorted(p.name for p in (live / "postings").iterdir())
    with index.open_dir(str(live)).searcher() as searcher:
        segments = [leaf.segment().segment_id() for leaf, _ in searcher.reader().leaf_readers()]
        assert len(segments) > 1 and {f"{s}.json" for s in segments} <= set(files)
        with_arrays, plain = Snapshot(searcher, live), Snapshot(searcher)
        assert all(arrays is not None for arrays in with_arrays._arrays)
        kept = 0
        for field, text in [("folded", "so"), ("body", "số"), ("bigrams", "so_nghi"), ("title_folded", "tinh"),
                            ("folded", "hoan")]:
            a, b = with_arrays.postings(field, text), plain.postings(field, text)
            assert list(a[0]) == list(b[0]) and list(a[1]) == list(b[1])
            kept += any(arrays.get(field, text) is not None for arrays in with_arrays._arrays)
        assert kept >= 3
        everything = with_arrays.live
        for facet in ("resolution", "author", "site"):  # every list of a facet field is kept as arrays
            assert all(facet in arrays.catalogue for arrays in with_arrays._arrays)
            counted = with_arrays.facet_counts(facet, everything)
            assert sorted(counted) == sorted(plain.facet_counts(facet, everything)) and counted, facet

    # a changed record: a new segment gets arrays; merged-away segments lose theirs
    records[5] = dict(records[5], body="Một bài hoàn toàn khác.")
    store.upsert(records[5])
    update_index(store, tmp_path / "index")
    with index.open_dir(str(live)).searcher() as searcher:
        now = {leaf.segment().segment_id() for leaf, _ in searcher.reader().leaf_readers()}
    names = {p.name.split(".")[0] for p in (live / "postings").iterdir()}
    assert names == now
    with SearchService(tmp_path / "index", store) as service:
        # "số" is in the text, or in the words indexed for a cited document ("Nghị quyết số …")
        expected = [r for r in records if "số" in f"{r['title']} {r['body']}".lower() or r["resolutions"]]
        assert service.search("số")["total"] == len(expected)
        assert service.search("hoàn toàn")["total"] == 1
    store.close()


def test_segments_are_separate_files_that_a_search_does_not_copy_into_memory(tmp_path, monkeypatch):
    """Whoosh reads a compound segment (one .seg file) into memory on every open."""
    store = build(tmp_path, corpus(100), True, monkeypatch)
    store.upsert(dict(corpus(1, seed=9)[0], id="extra"))
    update_index(store, tmp_path / "index")
    names = [p.name for p in current_dir(tmp_path / "index").iterdir()]
    assert not any(name.endswith(".seg") for name in names)
    assert any(name.endswith(".pst") for name in names)
    store.close()


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "one process per core"])
def test_a_rebuild_commits_in_batches_and_keeps_every_record(tmp_path, monkeypatch, parallel):
    monkeypatch.setattr(indexer.build, "REBUILD_BATCH", 40)
    records = corpus(100)
    store = build(tmp_path, records, parallel, monkeypatch)
    with index.open_dir(str(current_dir(tmp_path / "index"))).searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) >= 3  # 40 + 40 + 20, not merged
    with SearchService(tmp_path / "index", store) as service:
        assert sorted(service.matching_ids("")) == sorted(r["id"] for r in records)
        expected = [r for r in records if "tỉnh" in f"{r['title']} {r['body']}".lower()]
        assert service.search("tỉnh")["total"] == len(expected)
    store.close()
