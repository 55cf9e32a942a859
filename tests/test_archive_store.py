import sqlite3
import threading
import time
import unicodedata
from datetime import datetime

import pytest

from archive import store as store_module
from archive.record import InvalidRecord, content_hash, record_id
from archive.store import MIGRATIONS, SCHEMA_VERSION, Store

BASE = "https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong"


def article(n=1, **extra):
    return {"url": f"{BASE}/bai-{n}.html", "title": f"Bài {n}", "body": f"Nội dung {n}",
            "fetched": "2025-07-14T10:00:00+00:00", **extra}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "data" / "archive.sqlite3") as opened:
        yield opened


def table_counts(path):
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("records", "revisions")}


# --- opening -----------------------------------------------------------------------------

def test_opening_creates_the_directory_and_a_wal_database(tmp_path):
    path = tmp_path / "nested" / "dir" / "archive.sqlite3"
    with Store(path) as opened:
        assert opened.count() == 0
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"records", "revisions", "sites", "jobs", "meta"} <= tables


def test_reopening_keeps_the_data(tmp_path):
    path = tmp_path / "archive.sqlite3"
    with Store(path) as first:
        first.upsert(article())
    with Store(path) as second:
        assert second.get(record_id(article()["url"]))["title"] == "Bài 1"


# --- upsert: new, changed, unchanged ------------------------------------------------------

def test_new_then_unchanged_then_changed(store):
    assert store.upsert(article()) == "new"
    assert store.upsert(article(fetched="2025-08-01T00:00:00+00:00")) == "unchanged"
    assert store.upsert(article(body="Nội dung đã sửa")) == "changed"
    current = store.get(record_id(article()["url"]))
    assert current["body"] == "Nội dung đã sửa" and current["revision"] == 2
    assert store.count() == 1


def test_unchanged_writes_nothing(store):
    store.upsert(article())
    seq = store.max_seq()
    store.upsert(article(fetched="2025-09-09T00:00:00+00:00"))
    assert store.max_seq() == seq
    assert store.get(record_id(article()["url"]))["fetched"] == "2025-07-14T10:00:00+00:00"
    assert len(store.revisions(record_id(article()["url"]))) == 1


def test_every_revision_is_kept_oldest_first(store):
    for body in ("v1", "v2", "v3"):
        store.upsert(article(body=body))
    history = store.revisions(record_id(article()["url"]))
    assert [(r["revision"], r["body"]) for r in history] == [(1, "v1"), (2, "v2"), (3, "v3")]
    assert history[-1] == store.get(record_id(article()["url"]))
    assert store.revisions("no-such-id") == []


def test_stored_record_is_complete_and_nfc(store):
    title = unicodedata.normalize("NFD", "Tỉnh ủy Lạng Sơn")
    store.upsert(article(title=title))
    stored = store.get(record_id(article()["url"]))
    assert stored["title"] == unicodedata.normalize("NFC", title) != title
    assert stored["site"] == "sodttg.langson.gov.vn" and stored["authors"] == []


def test_upsert_does_not_change_its_argument(store):
    data = article()
    store.upsert(data)
    store.upsert({**data, "body": "khác"})
    assert data == article()


# --- refused records leave the database as it was -----------------------------------------

@pytest.mark.parametrize("bad", [{"title": "Không có url"}, {"url": f"{BASE}/x.html"},
                                 {"url": f"{BASE}/x.html", "title": "   "},
                                 {"url": f"{BASE}/x.html", "title": "T", "published": "hôm qua"}])
def test_refused_record_leaves_the_database_unchanged(tmp_path, bad):
    path = tmp_path / "archive.sqlite3"
    with Store(path) as opened:
        opened.upsert(article())
        before = table_counts(path), opened.max_seq()
        with pytest.raises(InvalidRecord):
            opened.upsert(bad)
        assert (table_counts(path), opened.max_seq()) == before


def test_refused_update_keeps_the_current_version(store):
    store.upsert(article())
    with pytest.raises(InvalidRecord, match="no title"):
        store.upsert(article(title=""))
    assert store.get(record_id(article()["url"]))["title"] == "Bài 1"


def test_a_write_that_fails_half_way_is_rolled_back(tmp_path):
    path = tmp_path / "archive.sqlite3"
    with Store(path) as opened:
        # A stray revision row makes the second insert of the upsert fail after the first succeeded.
        with sqlite3.connect(path) as conn:
            conn.execute("INSERT INTO revisions (record_id, revision, content_hash, data) VALUES (?, 1, 'x', '{}')",
                         (record_id(article()["url"]),))
        with pytest.raises(sqlite3.IntegrityError):
            opened.upsert(article())
        assert opened.count() == 0 and opened.max_seq() == 0
        assert opened.upsert(article(2)) == "new"


def test_upsert_many_counts_outcomes(store):
    store.upsert(article(1))
    counts = store.upsert_many([article(1), article(1, body="mới"), article(2), {"title": "x"}, article(3)])
    assert counts == {"new": 2, "changed": 1, "unchanged": 1, "invalid": 1}
    assert store.count() == 3


# --- reading ---------------------------------------------------------------------------

def test_get_many_keeps_the_order_asked_and_skips_missing(store):
    for n in (1, 2, 3):
        store.upsert(article(n))
    wanted = [record_id(article(n)["url"]) for n in (3, 1)] + ["missing"] + [record_id(article(2)["url"])]
    assert [r["title"] for r in store.get_many(wanted)] == ["Bài 3", "Bài 1", "Bài 2"]
    assert store.get("missing") is None
    assert store.get_many([]) == []


def test_get_many_beyond_one_page_of_parameters(store):
    store.upsert_many(article(n) for n in range(1200))
    ids = [record_id(article(n)["url"]) for n in reversed(range(1200))]
    assert [r["id"] for r in store.get_many(ids)] == ids


def test_count_and_iter_records_by_site(store):
    store.upsert(article(1))
    store.upsert(article(2))
    store.upsert({"url": "https://langson.gov.vn/tin/a.html", "title": "Tin tỉnh"})
    assert store.count() == 3
    assert store.count(site="sodttg.langson.gov.vn") == 2
    assert store.count(site="langson.gov.vn") == 1
    all_ids = [r["id"] for r in store.iter_records()]
    assert all_ids == sorted(all_ids) and len(all_ids) == 3
    assert [r["title"] for r in store.iter_records(site="langson.gov.vn")] == ["Tin tỉnh"]


def test_iter_records_pages_through_many(store):
    store.upsert_many(article(n) for n in range(1100))
    ids = [r["id"] for r in store.iter_records()]
    assert len(ids) == 1100 and ids == sorted(set(ids))


def test_seq_grows_with_every_write_and_feeds_changed_since(store):
    assert store.max_seq() == 0
    store.upsert(article(1))
    store.upsert(article(2))
    store.upsert(article(1))  # unchanged: no new seq
    store.upsert(article(1, body="sửa"))
    assert store.max_seq() == 3
    changes = list(store.changed_since(1))
    assert [(seq, r["title"], r["revision"]) for seq, r in changes] == [(2, "Bài 2", 1), (3, "Bài 1", 2)]
    assert list(store.changed_since(3)) == []
    assert [seq for seq, _ in store.changed_since(0)] == [2, 3]


def test_changed_since_pages_through_many(store):
    store.upsert_many(article(n) for n in range(1050))
    seqs = [seq for seq, _ in store.changed_since(10)]
    assert seqs == list(range(11, 1051))


def test_stored_content_hash_matches_the_record(tmp_path):
    path = tmp_path / "archive.sqlite3"
    with Store(path) as opened:
        opened.upsert(article())
        stored = opened.get(record_id(article()["url"]))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT content_hash FROM records").fetchone()[0] == content_hash(stored)


# --- concurrency -----------------------------------------------------------------------

def test_a_reader_sees_nothing_of_an_open_write_transaction(tmp_path):
    path = tmp_path / "archive.sqlite3"
    with Store(path) as writer, Store(path) as reader:
        writer.upsert(article(0))
        with writer.transaction():
            for n in range(1, 51):
                writer.upsert(article(n))
            assert writer.count() == 51
            assert reader.count() == 1
            assert reader.get(record_id(article(7)["url"])) is None
        assert reader.count() == 51


def test_a_failed_transaction_is_rolled_back_as_a_whole(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.upsert(article(1))
            store.upsert(article(2))
            raise RuntimeError("crawl aborted")
    assert store.count() == 0


def test_reading_from_another_connection_while_a_thread_writes(tmp_path):
    path = tmp_path / "archive.sqlite3"
    Store(path).close()
    errors, seen = [], []

    def write():
        with Store(path) as writer:
            for n in range(200):
                writer.upsert(article(n))

    def read(done):
        with Store(path) as reader:
            while not done.is_set():
                count = reader.count()
                records = list(reader.iter_records())
                if len(records) < count:
                    errors.append((count, len(records)))
                seen.append(count)

    done = threading.Event()
    writer_thread, reader_thread = threading.Thread(target=write), threading.Thread(target=read, args=(done,))
    reader_thread.start()
    writer_thread.start()
    writer_thread.join(timeout=60)
    done.set()
    reader_thread.join(timeout=60)
    assert not errors
    assert seen == sorted(seen), "the count a reader sees never goes down"
    with Store(path) as check:
        assert check.count() == 200 and check.max_seq() == 200


def test_one_store_shared_by_a_writer_and_a_reader_thread(store):
    failures = []

    def write():
        for n in range(200):
            store.upsert(article(n))

    def read():
        last = 0
        while last < 200:
            try:
                count = store.count()
                assert count >= last
                last = count
                store.get_many([record_id(article(n)["url"]) for n in range(0, count, 17)])
            except Exception as error:  # noqa: BLE001 - reported through the assertion below
                failures.append(error)
                return

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    assert store.count() == 200


def test_a_writer_waits_for_another_writer_instead_of_failing(tmp_path):
    path = tmp_path / "archive.sqlite3"
    Store(path).close()
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, conn.execute, args=("COMMIT",)).start()
    started = time.monotonic()
    with Store(path) as opened:
        assert opened.upsert(article()) == "new"
    assert time.monotonic() - started >= 0.4
    conn.close()


# --- schema migrations -------------------------------------------------------------------

def make_version_1_database(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO jobs (site, kind, state, started) VALUES ('langson', 'crawl', 'done', '2025-01-01T00:00:00+00:00')")
    conn.close()


def test_schema_version_counts_the_migrations():
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2


def test_a_version_1_database_is_migrated_on_open(tmp_path):
    path = tmp_path / "archive.sqlite3"
    make_version_1_database(path)
    with Store(path) as opened:
        assert opened.schema_version() == SCHEMA_VERSION
        old_job = opened.get_job(1)
        assert old_job["site"] == "langson" and old_job["updated"] == "2025-01-01T00:00:00+00:00"
        assert opened.upsert(article()) == "new"
    with sqlite3.connect(path) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "jobs_state" in indexes


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "archive.sqlite3"
    make_version_1_database(path)
    broken = MIGRATIONS + [("CREATE TABLE half_done (x)", "THIS IS NOT SQL")]
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(broken))
    with pytest.raises(sqlite3.OperationalError):
        Store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(jobs)")}
    assert "half_done" not in names and "jobs_state" not in names and "updated" not in columns


def test_a_database_from_a_newer_program_is_refused(tmp_path):
    path = tmp_path / "archive.sqlite3"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


# --- sites, jobs, meta -------------------------------------------------------------------

def test_sites_are_added_and_updated(store):
    store.upsert_site({"id": "sodttg.langson", "name": "Sở Dân tộc và Tôn giáo", "agency": "Sở DTTG",
                       "province": "Lạng Sơn", "base_url": "https://sodttg.langson.gov.vn/", "enabled": True})
    store.upsert_site({"id": "langson", "name": "Cổng TTĐT tỉnh Lạng Sơn"})
    added = store.sites()[1]["added"]
    store.upsert_site({"id": "sodttg.langson", "enabled": False})
    sites = store.sites()
    assert [s["id"] for s in sites] == ["langson", "sodttg.langson"]
    assert sites[1]["enabled"] is False and sites[1]["name"] == "Sở Dân tộc và Tôn giáo"
    assert sites[1]["added"] == added and datetime.fromisoformat(added)
    assert sites[0]["enabled"] is True
    assert store.get_site("langson")["name"] == "Cổng TTĐT tỉnh Lạng Sơn"


def test_sites_refuse_unknown_fields_and_missing_id(store):
    with pytest.raises(ValueError, match="colour"):
        store.upsert_site({"id": "x", "colour": "red"})
    with pytest.raises(ValueError, match="no id"):
        store.upsert_site({"name": "x"})


def test_job_lifecycle(store):
    job_id = store.create_job("sodttg.langson", pid=4242, log_path="data/jobs/1.log")
    job = store.get_job(job_id)
    assert isinstance(job_id, int)
    assert (job["site"], job["kind"], job["state"], job["pid"]) == ("sodttg.langson", "crawl", "running", 4242)
    assert datetime.fromisoformat(job["started"]).utcoffset().total_seconds() == 0
    assert job["finished"] is None and job["stats"] is None
    store.update_job(job_id, stats={"pages": 12, "new": 3})
    assert store.get_job(job_id)["stats"] == {"pages": 12, "new": 3}
    store.finish_job(job_id, "finished")
    job = store.get_job(job_id)
    assert job["state"] == "finished" and job["finished"] and job["stats"] == {"pages": 12, "new": 3}
    store.finish_job(job_id, "failed", stats={"pages": 0}, error="connection refused")
    job = store.get_job(job_id)
    assert (job["state"], job["error"], job["stats"]) == ("failed", "connection refused", {"pages": 0})
    assert store.get_job(999) is None


def test_update_job_refuses_unknown_fields(store):
    job_id = store.create_job(None, kind="index")
    with pytest.raises(ValueError, match="progress"):
        store.update_job(job_id, progress=5)


def test_jobs_are_listed_newest_first(store):
    created = [store.create_job(f"site{n}") for n in range(5)]
    assert [j["id"] for j in store.jobs()] == created[::-1]
    assert [j["id"] for j in store.jobs(limit=2)] == [created[4], created[3]]


def test_meta_values(store):
    assert store.get_meta("last_indexed_seq") is None
    assert store.get_meta("last_indexed_seq", 0) == 0
    store.set_meta("last_indexed_seq", 42)
    store.set_meta("index_built", "2025-07-14T10:00:00+00:00")
    store.set_meta("last_indexed_seq", 43)
    assert store.get_meta("last_indexed_seq") == 43
    assert store.get_meta("index_built") == "2025-07-14T10:00:00+00:00"


def test_leftover_running_crawls_of_one_site_are_closed_before_one_running_crawl_per_site_holds(tmp_path):
    path = tmp_path / "archive.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    before = len(MIGRATIONS) - 1  # the schema before the rule
    for step in MIGRATIONS[:before]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {before}")
    for started in ("2025-01-01T00:00:00+00:00", "2025-01-02T00:00:00+00:00"):
        conn.execute("INSERT INTO jobs (site, kind, state, started) VALUES ('langson', 'crawl', 'running', ?)",
                     (started,))
    conn.close()
    with Store(path) as store:
        states = {job["id"]: job["state"] for job in store.jobs()}
        assert states == {1: "interrupted", 2: "running"}
        with pytest.raises(ValueError, match="already running"):
            store.create_job("langson")
