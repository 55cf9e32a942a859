"""The command line as users and scripts run it: real processes, exit codes and messages."""
import csv
import io
import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from archive.store import Store
from conftest import GOVNEWS, ROOT, run_cli

SEED = Path(__file__).parent / "fixtures" / "seed_bn.txt"


def test_no_command_prints_usage_and_exits_2():
    result = run_cli()
    assert result.returncode == 2 and "usage" in (result.stdout + result.stderr).lower()


@pytest.mark.parametrize("args, message", [
    (["crawl"], "name a site"),
    (["crawl", "nosuch.gov.vn"], "no site profile nosuch.gov.vn"),
    (["crawl", "--start-url", "ftp://example.org/"], "needs http(s) URLs"),
    (["crawl", "sodttg.langson.gov.vn", "--origin", "nonsense"], "NAME=VALUE"),
    (["extract", "/no/such/page.html"], "no such file"),
    (["import", "/no/such/file.jsonl"], "no such file"),
])
def test_bad_arguments_fail_with_a_clear_message(args, message, tmp_path):
    result = run_cli(*args, data=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["index"], ["search", "x"], ["export", "", "--format", "csv"]])
def test_commands_on_an_empty_data_directory_say_what_to_do(command, tmp_path):
    result = run_cli(*command, data=tmp_path)
    assert result.returncode == 1 and "no archive" in result.stderr


@pytest.mark.parametrize("command, empty", [(["jobs"], "no jobs yet"), (["admin", "list"], "no admins yet"),
                                            (["schedule", "list"], "no schedules")])
def test_listings_of_an_empty_data_directory_say_so_and_are_empty_json(command, empty, tmp_path):
    assert empty in run_cli(*command, data=tmp_path, check=True).stdout
    assert json.loads(run_cli(*command, "--json", data=tmp_path, check=True).stdout) == []


def test_unknown_export_format_is_refused_by_argparse(tmp_path):
    result = run_cli("export", "", "--format", "xml", data=tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_extract_a_plain_text_file_offline():
    result = run_cli("extract", SEED, "--url", "https://bn.langson-mirror.example/seed/", "--explain", check=True)
    output = json.loads(result.stdout)
    assert output["record"]["resolutions"] == ["57-NQ/TW", "160/KH-UBND"]
    assert output["explain"]["authors"] == "byline at the end of the body"


def test_extract_an_empty_file_is_a_clear_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_bytes(b"")
    result = run_cli("extract", page)
    assert result.returncode == 1 and "cannot extract" in result.stderr and "empty" in result.stderr


def test_sites_lists_the_profiles():
    result = run_cli("sites", "--json", check=True)
    ids = {row["id"] for row in json.loads(result.stdout)}
    assert {"sodttg.langson.gov.vn", "sotttt.caobang.gov.vn", "xaydungchinhsach.chinhphu.vn"} <= ids


def test_jobs_and_search_text_output(crawled):
    jobs = run_cli("jobs", data=crawled["data"], check=True).stdout
    assert jobs.count("finished") == 4
    text = run_cli("search", "Lạng Sơn", "--site", "sodttg.langson.gov.vn", data=crawled["data"], check=True).stdout
    assert "results" in text and "sodttg.langson.gov.vn" in text


def test_bad_date_filter_is_a_clear_error(crawled):
    result = run_cli("search", "x", "--from", "2025-13-45", data=crawled["data"])
    assert result.returncode == 1 and "2025-13-45" in result.stderr and "Traceback" not in result.stderr


def test_export_formats_and_import_round_trip(crawled, expected_articles, tmp_path):
    data = crawled["data"]
    out = tmp_path / "all.jsonl"
    run_cli("export", "", "--format", "jsonl", "-o", out, data=data, check=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    manifest = json.loads(lines[0])["_manifest"]
    assert manifest["count"] == len(expected_articles) == len(lines) - 1

    copy = tmp_path / "copy"
    imported = run_cli("import", out, data=copy, check=True)
    assert f"new {len(expected_articles)}" in imported.stdout
    again = tmp_path / "again.jsonl"
    run_cli("export", "", "--format", "jsonl", "-o", again, data=copy, check=True)
    assert again.read_text(encoding="utf-8").splitlines()[1:] == lines[1:]

    csv_text = run_cli("export", "", "--resolution", "57-NQ/TW", "--format", "csv", data=data, check=True).stdout
    assert csv_text.startswith("\ufeff# govnews export:")
    rows = list(csv.DictReader(io.StringIO(csv_text.split("\n", 1)[1])))
    assert len(rows) == sum("57-NQ/TW" in a["resolutions"] for a in expected_articles)
    assert all("57-NQ/TW" in row["resolutions"] for row in rows)

    document = json.loads(run_cli("export", "chuyen doi so", "--format", "json", data=data, check=True).stdout)
    assert document["manifest"]["count"] == len(document["records"]) > 0


def test_import_keeps_good_lines_and_reports_bad_ones(tmp_path):
    source = tmp_path / "mixed.jsonl"
    good = {"url": "https://a.gov.vn/tin/1.html", "title": "Tin một"}
    source.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"url": "https://a.gov.vn/2"})]) + "\n",
                      encoding="utf-8")
    result = run_cli("import", source, data=tmp_path / "d")
    assert result.returncode == 1
    assert "mixed.jsonl:2: skipped: not JSON" in result.stderr
    assert "mixed.jsonl:3: skipped:" in result.stderr and "title" in result.stderr
    assert "new 1" in result.stdout


def test_index_rebuild(crawled, expected_articles, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(crawled["data"], data)
    result = run_cli("index", "--rebuild", data=data, check=True)
    assert f"{len(expected_articles)} records indexed" in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout=30.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _serve(args, data):
    return subprocess.Popen([GOVNEWS, *map(str, args), "--data", str(data)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_serve_answers_health_and_search(crawled, expected_articles):
    port = _free_port()
    server = _serve(["serve", "--port", port], crawled["data"])
    try:
        health = json.loads(_get(f"http://127.0.0.1:{port}/healthz"))
        assert health == {"status": "ok", "records": len(expected_articles), "index": True}
        page = _get(f"http://127.0.0.1:{port}/search?q=%E0%A6%A1%E0%A6%BF%E0%A6%9C%E0%A6%BF%E0%A6%9F%E0%A6%BE%E0%A6%B2")
        assert "2 kết quả" in page
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_demo_crawls_indexes_serves_and_is_idempotent(tmp_path, expected_articles):
    data = tmp_path / "demo"
    port = _free_port()
    server = _serve(["demo", "--port", port], data)
    try:
        page = _get(f"http://127.0.0.1:{port}/search?q=chuyen+doi+so", timeout=120)
        assert "chi-bo-so-dan-toc-va-ton-giao-sinh-hoat-chuyen-de" not in page  # links go to /article/<id>
        assert "Chi bộ Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn tổ chức sinh hoạt chuyên đề" in page
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert f"open http://127.0.0.1:{port}/" in output
    started = time.monotonic()
    second = run_cli("demo", "--no-serve", data=data, check=True)
    assert time.monotonic() - started < 30
    assert f"0 records indexed, {len(expected_articles)} in the archive" in second.stdout
    assert '"new": 0' in second.stdout and '"changed": 0' in second.stdout


def test_reextract_rebuilds_the_archive_from_warc_alone(crawled, expected_articles, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(crawled["data"] / "warc", data / "warc")
    result = run_cli("reextract", data=data, check=True)
    assert f"new {len(expected_articles)}," in result.stdout
    found = json.loads(run_cli("search", "ডিজিটাল", "--json", data=data, check=True).stdout)
    assert found["total"] == 2


def test_reextract_of_an_unknown_job_is_a_clear_error(crawled, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(crawled["data"], data)
    result = run_cli("reextract", "--job", "999", data=data)
    assert result.returncode == 1 and "999" in result.stderr
    ok = run_cli("reextract", "--site", "sodttg.langson.gov.vn", data=data, check=True)
    assert "unchanged 18" in ok.stdout and "0 records indexed" in ok.stdout


def test_crawl_all_leaves_out_disabled_portals_but_a_named_one_is_crawled(tmp_path):
    from govnews.cli import build_parser, crawl_targets
    from scraper.profiles import load_profiles

    with Store(tmp_path / "archive.sqlite3") as store:
        store.upsert_site({"id": "moh.gov.vn", "enabled": False})
    parser = build_parser()
    every = {t.site for t in crawl_targets(parser.parse_args(["crawl", "--all", "--data", str(tmp_path)]))}
    assert every == set(load_profiles()) - {"moh.gov.vn"}
    named = crawl_targets(parser.parse_args(["crawl", "moh.gov.vn", "--data", str(tmp_path)]))
    assert [t.site for t in named] == ["moh.gov.vn"]
