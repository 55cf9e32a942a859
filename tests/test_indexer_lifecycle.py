"""Rebuilds swap in a new index atomically; schema changes and crashed writers are recovered."""
import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from archive.store import Store
from indexer.build import STATE_FILE, current_dir, update_index
from indexer.schema import SCHEMA_VERSION
from indexer.search import SearchService
from test_indexer_build import article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "archive.sqlite3") as s:
        for n in range(200):
            s.upsert(article(n))
        yield s


def test_searches_during_rebuilds_always_see_a_whole_index(store, tmp_path):
    index_dir = tmp_path / "index"
    update_index(store, index_dir)
    seen, errors, stop = [], [], threading.Event()

    def search_in_a_loop():
        with SearchService(index_dir, store) as service:
            while not stop.is_set():
                try:
                    seen.append(service.search("nội dung", per_page=1)["total"])
                except Exception as err:  # noqa: BLE001 - the test reports any failure
                    errors.append(err)

    thread = threading.Thread(target=search_in_a_loop)
    thread.start()
    generations = set()
    try:
        for _ in range(4):
            update_index(store, index_dir, rebuild=True)
            generations.add(current_dir(index_dir))
    finally:
        stop.set()
        thread.join()
    assert errors == []
    assert seen and set(seen) == {200}
    assert len(generations) == 4


def test_a_rebuild_keeps_only_the_new_and_the_previous_generation(store, tmp_path):
    index_dir = tmp_path / "index"
    for _ in range(3):
        update_index(store, index_dir, rebuild=True)
    live = current_dir(index_dir)
    generations = [p for p in index_dir.iterdir() if p.is_dir()]
    assert live in generations and len(generations) == 2


def test_an_index_of_another_schema_version_is_rebuilt_with_a_notice(store, tmp_path, caplog):
    index_dir = tmp_path / "index"
    update_index(store, index_dir)
    state = current_dir(index_dir) / STATE_FILE
    state.write_text(json.dumps({**json.loads(state.read_text()), "schema": SCHEMA_VERSION - 1}))
    with caplog.at_level(logging.WARNING, logger="indexer.build"):
        result = update_index(store, index_dir)
    assert result["indexed"] == 200
    assert f"schema version {SCHEMA_VERSION - 1}" in result["notice"]
    assert any("schema version" in r.getMessage() for r in caplog.records)
    assert "notice" not in update_index(store, index_dir)


HOLD_THE_LOCKS = textwrap.dedent("""
    import sys
    from indexer.build import _update_lock, open_or_create
    index_dir = sys.argv[1]
    with _update_lock(__import__("pathlib").Path(index_dir)):
        w = open_or_create(index_dir).writer()
        w.add_document(id="half-written", title="không bao giờ lưu")
        print("holding", flush=True)
        sys.stdin.read()
""")


def test_locks_of_a_killed_writer_do_not_block_the_next_update(store, tmp_path):
    index_dir = tmp_path / "index"
    update_index(store, index_dir)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCKS, str(index_dir)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
    store.upsert(article(500))
    started = time.monotonic()
    assert update_index(store, index_dir)["total"] == 201
    assert update_index(store, index_dir, rebuild=True)["total"] == 201
    assert time.monotonic() - started < 10
    with SearchService(index_dir, store) as service:
        assert service.search("bao giờ")["total"] == 0
