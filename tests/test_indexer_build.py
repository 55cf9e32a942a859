import shutil

import pytest
from whoosh import index, sorting
from whoosh.query import Every, Term

from archive.store import Store
from indexer.build import META_KEY, open_or_create, safe_commit, update_index, writer
from indexer.search import SearchService

SITE = "sodttg.langson.gov.vn"


def article(n, title=None, **extra):
    return {
        "id": f"a{n}",
        "url": f"https://{SITE}/tin-tuc/bai-{n}.html",
        "title": title or f"Bài viết số {n} về chuyển đổi số",
        "body": f"Nội dung bài viết thứ {n}.",
        "published": f"2025-0{1 + n % 9}-1{n % 10}T08:00:00+07:00",
        **extra,
    }


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "archive.sqlite3") as s:
        for n in range(10):
            s.upsert(article(n))
        yield s


@pytest.fixture
def index_dir(tmp_path):
    return tmp_path / "index"


def stored_ids(index_dir):
    with open_or_create(index_dir).searcher() as s:
        return sorted(hit["id"] for hit in s.search(Every(), limit=None))


def ids_for(index_dir, field, text):
    with open_or_create(index_dir).searcher() as s:
        return sorted(hit["id"] for hit in s.search(Term(field, text), limit=None))


def test_first_run_indexes_the_whole_archive(store, index_dir):
    result = update_index(store, index_dir)
    assert result == {"indexed": 10, "deleted": 0, "total": 10, "seq": store.max_seq()}
    assert stored_ids(index_dir) == sorted(f"a{n}" for n in range(10))
    assert store.get_meta(META_KEY) == store.max_seq()


def test_second_run_without_changes_writes_nothing(store, index_dir):
    update_index(store, index_dir)
    generation = open_or_create(index_dir).latest_generation()
    assert update_index(store, index_dir) == {"indexed": 0, "deleted": 0, "total": 10, "seq": store.max_seq()}
    assert open_or_create(index_dir).latest_generation() == generation


def test_only_changed_and_new_records_are_indexed(store, index_dir):
    update_index(store, index_dir)
    assert store.upsert(article(3, title="Lễ hội mùa xuân")) == "changed"
    assert store.upsert(article(42)) == "new"
    result = update_index(store, index_dir)
    assert result == {"indexed": 2, "deleted": 0, "total": 11, "seq": store.max_seq()}
    # the changed record replaced its old version rather than being added twice
    assert stored_ids(index_dir).count("a3") == 1
    assert ids_for(index_dir, "title_folded", "xuan") == ["a3"]
    assert "a3" not in ids_for(index_dir, "title", "viết")


def test_open_searchers_see_updates_without_duplicates(store, index_dir):
    update_index(store, index_dir)
    with SearchService(index_dir, store) as service:
        assert service.search("xuân")["total"] == 0
        store.upsert(article(3, title="Lễ hội mùa xuân"))
        update_index(store, index_dir)
        result = service.search("xuân")
        assert [h["id"] for h in result["hits"]] == ["a3"]
        assert result["hits"][0]["title"] == "Lễ hội mùa xuân"
        # the replaced version is neither counted nor faceted
        every_body = service.search("nội dung")
        assert every_body["total"] == 10
        assert every_body["facets"]["site"] == [[SITE, 10]]
        update_index(store, index_dir, rebuild=True)
        assert service.search("")["total"] == 10


def test_a_removed_index_directory_is_rebuilt_in_full(store, index_dir):
    update_index(store, index_dir)
    shutil.rmtree(index_dir)
    assert update_index(store, index_dir)["indexed"] == 10
    assert len(stored_ids(index_dir)) == 10


def test_an_index_from_another_archive_state_is_rebuilt(store, index_dir):
    update_index(store, index_dir)
    store.set_meta(META_KEY, 3)  # the archive was restored from an older copy, say
    assert update_index(store, index_dir)["indexed"] == 10
    assert update_index(store, index_dir)["indexed"] == 0


def test_rebuild_recreates_the_index_without_duplicates(store, index_dir):
    update_index(store, index_dir)
    result = update_index(store, index_dir, rebuild=True)
    assert result == {"indexed": 10, "deleted": 0, "total": 10, "seq": store.max_seq()}
    assert len(stored_ids(index_dir)) == 10


def test_empty_archive(tmp_path):
    with Store(tmp_path / "empty.sqlite3") as empty:
        assert update_index(empty, tmp_path / "index") == {"indexed": 0, "deleted": 0, "total": 0, "seq": 0}
        assert update_index(empty, tmp_path / "index")["indexed"] == 0


def _fail_merge(writer, segments):
    raise OSError(28, "No space left on device")


def test_safe_commit_releases_the_lock_when_the_commit_fails(index_dir):
    ix = open_or_create(index_dir)
    w = ix.writer()
    w.add_document(id="x", title="không lưu")
    with pytest.raises(OSError, match="No space"):
        safe_commit(w, mergetype=_fail_merge)
    # a new writer is granted at once (Whoosh 2.7 alone keeps the lock here)
    second = ix.writer()
    second.cancel()
    assert ix.doc_count() == 0


def test_writer_context_commits_or_cancels(index_dir):
    ix = open_or_create(index_dir)
    with pytest.raises(RuntimeError):
        with writer(ix) as w:
            w.add_document(id="x", title="không lưu")
            raise RuntimeError("stop")
    with writer(ix) as w:
        w.add_document(id="y", title="lưu")
    assert [d["id"] for d in ix.searcher().all_stored_fields()] == ["y"]


def test_writer_context_unlocks_when_its_commit_fails(index_dir):
    ix = open_or_create(index_dir)
    with pytest.raises(OSError):
        with writer(ix) as w:
            w.add_document(id="x", title="không lưu")
            w.mergetype = _fail_merge
    ix.writer().cancel()


def test_open_or_create_makes_the_directory(tmp_path):
    ix = open_or_create(tmp_path / "a" / "b")
    assert index.exists_in(str(tmp_path / "a" / "b"))
    assert ix.doc_count() == 0


def test_list_fields_sort_and_keep_documents_without_values(index_dir):
    ix = open_or_create(index_dir)
    with writer(ix) as w:
        w.add_document(id="a", author=["Trần Văn Bình"])
        w.add_document(id="b")
        w.add_document(id="c", author=["Hoàng Thị Lan", "Nguyễn Mạnh Cường"])
    with ix.searcher() as s:
        assert [h["id"] for h in s.search(Every(), sortedby=sorting.FieldFacet("author"))] == ["b", "c", "a"]
        assert s.stored_fields(2)["author"] == ["Hoàng Thị Lan", "Nguyễn Mạnh Cường"]
