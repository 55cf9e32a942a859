"""Records taken out of the archive leave the index on its next update."""
from archive.store import Store
from indexer.build import update_index
from indexer.search import SearchService
from conftest import run_cli


def record(rid: str, title: str) -> dict:
    return {"id": rid, "url": f"https://a.gov.vn/{rid}.html", "site": "a.gov.vn", "title": title,
            "body": f"{title}. Nội dung bài viết.", "published": "2025-03-01T08:00:00+07:00",
            "authors": [], "resolutions": [], "language": "vi"}


def found(index_dir, store, text: str) -> set[str]:
    with SearchService(index_dir, store) as service:
        return {hit["id"] for hit in service.search(text, per_page=100)["hits"]}


def test_a_deletion_is_a_tombstone_with_its_own_sequence_number(tmp_path):
    with Store(tmp_path / "a.sqlite3") as store:
        store.upsert(record("a", "Chuyển đổi số"))
        store.upsert(record("b", "Lễ hội mùa xuân"))
        before = store.max_seq()
        assert store.delete("b", reason="takedown")
        assert store.get("b") is None and store.revisions("b") == []
        assert store.deleted_since(0) == [(before + 1, "b")]
        assert store.max_seq() == before + 1
        assert not store.delete("b") and not store.delete("nope")
        store.upsert(record("c", "Hội nghị"))  # a later write never reuses the deletion's number
        assert [seq for seq, _ in store.changed_since(before + 1)] == [before + 2]


def test_an_index_update_removes_deleted_records_and_keeps_the_rest(tmp_path):
    with Store(tmp_path / "a.sqlite3") as store:
        for rid, title in [("a", "Chuyển đổi số"), ("b", "Chuyển đổi số ở xã"), ("c", "Lễ hội")]:
            store.upsert(record(rid, title))
        update_index(store, tmp_path / "index")
        assert found(tmp_path / "index", store, "chuyển đổi") == {"a", "b"}

        store.delete("b")
        result = update_index(store, tmp_path / "index")
        assert (result["indexed"], result["deleted"], result["total"]) == (0, 1, 2)
        assert found(tmp_path / "index", store, "chuyển đổi") == {"a"}

        store.upsert(record("b", "Chuyển đổi số ở xã"))  # crawled again: back in the index
        update_index(store, tmp_path / "index")
        assert found(tmp_path / "index", store, "chuyển đổi") == {"a", "b"}
        assert update_index(store, tmp_path / "index")["indexed"] == 0


def test_a_rebuild_after_deletions_is_up_to_date(tmp_path):
    with Store(tmp_path / "a.sqlite3") as store:
        store.upsert(record("a", "Chuyển đổi số"))
        store.upsert(record("b", "Lễ hội"))
        store.delete("b")
        update_index(store, tmp_path / "index", rebuild=True)
        assert update_index(store, tmp_path / "index") == {"indexed": 0, "deleted": 0, "total": 1,
                                                           "seq": store.max_seq()}


def test_the_delete_command(tmp_path):
    data = tmp_path / "data"
    with Store(data / "archive.sqlite3") as store:
        store.upsert(record("a", "Chuyển đổi số"))
        store.upsert(record("b", "Chuyển đổi số ở xã"))
    run_cli("index", data=data, check=True)
    result = run_cli("delete", "b", "missing", "--reason", "asked by the portal", data=data)
    assert result.returncode == 1
    assert "no record missing" in result.stderr
    assert "1 records deleted" in result.stdout and "1 removed" in result.stdout
    search = run_cli("search", "chuyển đổi", "--json", data=data, check=True)
    assert '"total": 1' in search.stdout
