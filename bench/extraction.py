"""Benchmark: extraction on the public sets in ../shared/benchmarks, scored by the shared scorer,
next to trafilatura (body text) and htmldate (publication dates) measured in the same run."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "eval_extraction.py"
ADAPTER = ROOT / "bench" / "extractors.py"

RUNS = [("article-extraction", "body", "govnews"), ("article-extraction", "body", "trafilatura"),
        ("dates", "date", "govnews"), ("dates", "date", "htmldate")]


def score(bench: str, task: str, name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        summary = Path(tmp) / "summary.json"
        command = [sys.executable, str(SCORER), "--bench", str(SHARED / "benchmarks" / bench), "--task", task,
                   "--cmd", f"{sys.executable} {ADAPTER} {name} {task} {{manifest}}", "--name", name,
                   "--json", str(summary)]
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        return json.loads(summary.read_text())


def cpu_ms_per_page(bench: str, task: str, name: str) -> float:
    """CPU time of the extractor alone, in this process, over the set's pages."""
    import time

    from extractors import EXTRACTORS, read_html

    pages = [read_html(str(p)) for p in sorted((SHARED / "benchmarks" / bench / "html").iterdir())]
    extract = EXTRACTORS[(name, task)]
    extract(pages[0], "")  # imports and first-call set-up are not per page
    started = time.process_time()
    for page in pages:
        try:
            extract(page, "")
        except Exception:  # scored as empty by the scorer as well
            pass
    return 1000 * (time.process_time() - started) / len(pages)


def main() -> list[dict]:
    if not SCORER.exists():
        print(f"skipped: the public benchmark sets and scorer are not at {SHARED}")
        return []
    results = []
    for bench, task, name in RUNS:
        result = score(bench, task, name)
        result.update(bench=bench, task=task, extractor=name, ms=cpu_ms_per_page(bench, task, name))
        results.append(result)
    return results


def markdown(results: list[dict]) -> str:
    lines = ["| set | extractor | F1 | precision | recall | CPU ms per page |", "|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['bench']}, {r['n_docs']} pages ({r['task']}) | {r['extractor']} | {r['f1']:.3f} | "
                     f"{r['precision']:.3f} | {r['recall']:.3f} | {r['ms']:.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(main()))
