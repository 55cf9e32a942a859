"""Benchmark: the web interface over a synthetic archive — search under concurrent clients, whole-archive exports.

Needs a workdir built by `bench/search_scale.py --records N --workdir DIR` (DIR/archive.sqlite3 and
DIR/index: the data directory layout govnews expects); it only reads it. The real Flask app is served
by werkzeug's threaded server (`make_server("127.0.0.1", 0, app, threaded=True)`) in a subprocess of
its own, so that its memory can be watched and the clients do not share its interpreter lock.

(a) /api/search: a fixed, seeded list of queries (search_scale.py's single words, two words, phrases,
    resolution filters, one-year date ranges, words + site filter), each asked once sequentially as a
    warm-up, then the list `--rounds` times in a seeded shuffled order by `--clients` concurrent client
    threads (http.client, a connection per request as the server speaks HTTP/1.0). The baseline, in
    the same run and under the same load: /healthz (a JSON answer and one COUNT(*) on the archive),
    so the ratio is the search's cost over the HTTP stack.
(b) /export?format=csv and format=jsonl of the whole archive: rows per second (first byte asked to
    last byte read) and the server's peak memory growth: its VmRSS just before the export subtracted
    from the highest of its VmHWM (reset through /proc/PID/clear_refs before each export, where the
    kernel allows it) and of VmRSS sampled every 10 ms from /proc/PID/status during the export.
    Reference, in the same run: a Datasette-style dump in a subprocess of its own — python's sqlite3
    reading every record's JSON and the csv module writing its fields to /dev/null — with its rows per
    second and its own peak memory growth (VmHWM at the end over VmRSS before the dump). The dump runs
    once before the server starts, so that the file cache holds the archive for the exports as for the
    measured dump, which runs after them.

Prints a markdown table, each figure next to its baseline with the ratio.
"""
import argparse
import csv
import http.client
import json
import os
import queue
import random
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 7
CLIENTS = 8
ROUNDS = 2


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def proc_status(pid: int | str = "self") -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon, RssFile … of a process in kB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key.startswith(("Vm", "Rss")) and value.strip().endswith("kB"):
            fields[key] = int(value.split()[0])
    return fields


# --- the server and the reference dump, each in a subprocess ---------------------------------

def serve(workdir: Path) -> None:
    import logging

    from werkzeug.serving import make_server

    from webui.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(workdir)
    app.config["EXPORT_SECONDS"] = 3600  # measure the whole export; a truncation would be reported
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(server.server_port, flush=True)
    server.serve_forever()


def reference_dump(workdir: Path) -> None:
    """The Datasette-style reference: every record's fields as CSV to /dev/null; prints its figures as JSON."""
    from archive.record import FIELDS

    db = sqlite3.connect(f"file:{workdir / 'archive.sqlite3'}?mode=ro", uri=True)
    before = proc_status()["VmRSS"]
    start = time.perf_counter()
    rows = 0
    with open(os.devnull, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(FIELDS)
        for (data,) in db.execute("SELECT data FROM records"):
            record = json.loads(data)
            writer.writerow(["" if record.get(f) is None else
                             json.dumps(record[f], ensure_ascii=False) if isinstance(record[f], (list, dict))
                             else record[f] for f in FIELDS])
            rows += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds,
                      "peak_growth_mb": (proc_status()["VmHWM"] - before) / 1024, "rss_before_mb": before / 1024}))


class Server:
    """The web app in a subprocess on a free loopback port."""

    def __init__(self, workdir: Path):
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", "--workdir", str(workdir)],
                                     stdout=subprocess.PIPE, text=True, cwd=ROOT)
        self.port = int(self.proc.stdout.readline())

    def get(self, path: str, read=None) -> tuple[int, dict, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=3600)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            body = read(response) if read else response.read()
            return response.status, dict(response.getheaders()), body
        finally:
            conn.close()

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


# --- (a) latency under concurrent clients ----------------------------------------------------

def search_urls() -> list[str]:
    """search_scale.py's query lists (the corpus's seed), as /api/search URLs; not the export-ids kind."""
    from bench.corpus import Corpus
    from bench.search_scale import queries

    corpus = Corpus()
    urls = []
    for kind, items in queries(corpus, corpus.seed).items():
        if kind.startswith("export"):
            continue
        for q, filters in items:
            pairs = [("q", q)] + [(k, v) for k, values in (filters or {}).items()
                                  for v in (values if isinstance(values, list) else [values])]
            urls.append("/api/search?" + urlencode(pairs))
    return urls


def load(server: Server, urls: list[str], clients: int) -> dict:
    """Each URL asked once by `clients` threads sharing the work; latency percentiles in ms."""
    work: queue.Queue = queue.Queue()
    for url in urls:
        work.put(url)
    latencies, failures, lock = [], [], threading.Lock()

    def client():
        while True:
            try:
                url = work.get_nowait()
            except queue.Empty:
                return
            start = time.perf_counter()
            status, _, _ = server.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    failures.append((url, status))

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return {"requests": len(urls), "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "max_ms": max(latencies), "per_s": len(urls) / wall}


# --- (b) exports -----------------------------------------------------------------------------

def export(server: Server, fmt: str) -> dict:
    pid = server.proc.pid
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets the peak (VmHWM) to the current RSS
        reset = True
    except OSError:
        reset = False
    before = proc_status(pid)["VmRSS"]
    peak, done = [before], threading.Event()

    def sample():
        while not done.wait(0.01):
            peak.append(proc_status(pid)["VmRSS"])

    sampler = threading.Thread(target=sample)
    sampler.start()
    counted = {"bytes": 0, "lines": 0, "tail": b""}

    def read(response):
        while chunk := response.read(256 * 1024):
            counted["bytes"] += len(chunk)
            counted["lines"] += chunk.count(b"\n")
            counted["tail"] = (counted["tail"] + chunk)[-4096:]
        return b""

    start = time.perf_counter()
    status, headers, _ = server.get(f"/export?format={fmt}", read)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    status_after = proc_status(pid)
    high = max(max(peak), status_after["VmHWM"] if reset else 0)
    rows = int(headers["X-Govnews-Count"])
    last = counted["tail"].rstrip(b"\n").rsplit(b"\n", 1)[-1]
    return {"status": status, "rows": rows, "seconds": seconds, "rows_per_s": rows / seconds,
            "mb": counted["bytes"] / 2**20, "mb_per_s": counted["bytes"] / 2**20 / seconds,
            "peak_growth_mb": (high - before) / 1024, "rss_before_mb": before / 1024,
            "hwm_reset": reset, "truncated": b"truncated" in last}


def run_reference(workdir: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--reference", "--workdir", str(workdir)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


# --- the run ---------------------------------------------------------------------------------

def rss(pid: int) -> dict:
    """The process's resident memory in MB, and how much of it is anonymous (not file pages such as mmapped index files)."""
    status = proc_status(pid)
    return {"rss": status["VmRSS"] / 1024, "anon": status.get("RssAnon", 0) / 1024}


def main(workdir: Path, clients: int = CLIENTS, rounds: int = ROUNDS, seed: int = SEED) -> dict:
    built_path = workdir / "built.json"
    if not built_path.exists() or not (workdir / "index").exists():
        raise SystemExit(f"{workdir} holds no finished build: run "
                         f"`bench/search_scale.py --records N --workdir {workdir}` first")
    built = json.loads(built_path.read_text())
    result = {"records": built["records"], "clients": clients, "rounds": rounds, "cpus": os.cpu_count(),
              "load_average_before": os.getloadavg()}
    urls = search_urls()
    rng = random.Random(seed)
    run_reference(workdir)  # a first pass reads the whole archive: the file cache is warm for every export
    server = Server(workdir)
    try:
        pid = server.proc.pid
        result["server_rss_mb"] = {"started": rss(pid)}
        start = time.perf_counter()
        server.get("/healthz")
        server.get("/api/search?q=")
        result["server_first_search_ms"] = (time.perf_counter() - start) * 1000
        result["server_rss_mb"]["first search"] = rss(pid)
        for url in urls:  # warm-up: every query once, one at a time
            server.get(url)
        asked = [url for _ in range(rounds) for url in rng.sample(urls, len(urls))]
        result["search"] = load(server, asked, clients)
        result["healthz"] = load(server, ["/healthz"] * len(asked), clients)
        result["server_rss_mb"]["after the searches"] = rss(pid)
        result["exports"] = {fmt: export(server, fmt) for fmt in ("csv", "jsonl")}
        result["server_rss_mb"]["after the exports"] = rss(pid)
    finally:
        server.close()
    result["reference"] = run_reference(workdir)
    result["load_average_after"] = os.getloadavg()
    return result


def markdown(r: dict) -> str:
    s, h, ref = r["search"], r["healthz"], r["reference"]
    lines = [f"{r['records']:,} records; {r['clients']} concurrent clients; {s['requests']} requests to "
             f"/api/search ({s['requests'] // r['rounds']} distinct queries × {r['rounds']}), as many to /healthz; "
             f"load average before the run {r['load_average_before'][0]:.1f} on {r['cpus']} CPUs.", "",
             "| measure | govnews | baseline | ratio |", "|---|---|---|---|",
             f"| /api/search p50 vs /healthz p50 | {s['p50_ms']:.1f} ms | {h['p50_ms']:.1f} ms | "
             f"{s['p50_ms'] / h['p50_ms']:.1f} |",
             f"| /api/search p95 vs /healthz p95 | {s['p95_ms']:.1f} ms | {h['p95_ms']:.1f} ms | "
             f"{s['p95_ms'] / h['p95_ms']:.1f} |",
             f"| requests/s, /api/search vs /healthz | {s['per_s']:.1f} | {h['per_s']:.1f} | "
             f"{s['per_s'] / h['per_s']:.2f} |"]
    for fmt, e in r["exports"].items():
        name = {"csv": "CSV", "jsonl": "JSON Lines"}[fmt]
        flag = " (TRUNCATED)" if e["truncated"] else ""
        lines += [
            f"| /export {name}{flag} rows/s vs sqlite3+csv dump | {e['rows_per_s']:,.0f} ({e['seconds']:.1f} s, "
            f"{e['mb']:,.0f} MB) | {ref['rows_per_s']:,.0f} ({ref['seconds']:.1f} s) | "
            f"{e['rows_per_s'] / ref['rows_per_s']:.2f} |",
            f"| /export {name} peak memory growth vs the dump's | {e['peak_growth_mb']:.1f} MB "
            f"(server RSS before {e['rss_before_mb']:.0f} MB) | {ref['peak_growth_mb']:.1f} MB | "
            f"{e['peak_growth_mb'] / max(ref['peak_growth_mb'], 0.1):.1f} |"]
    held = ", ".join(f"{when} {mb['rss']:,.0f} MB ({mb['anon']:,.0f} MB anonymous)"
                     for when, mb in r["server_rss_mb"].items())
    lines += ["", f"Server RSS: {held}. Load average after the run {r['load_average_after'][0]:.1f}."]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True, help="a workdir built by bench/search_scale.py")
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="passes over the query list under load")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--reference", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.workdir)
    elif args.reference:
        reference_dump(args.workdir)
    else:
        figures = main(args.workdir, args.clients, args.rounds)
        print(markdown(figures))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
