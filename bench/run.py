"""Benchmark: crawl + extract + index of the bundled sample portal served on loopback.

Prints the figures as Markdown. Every figure is set against a baseline measured in the same
run on the same pages (these machines are noisy), so the ratios are what to compare over time:
- crawl: `govnews crawl` of every sample site (Scrapy, extraction, archive, index) against a
  plain sequential fetch of the same pages with urllib;
- extraction: `extract_html` on every article page against lxml parsing the same pages.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govnews.demo import crawl_arguments  # noqa: E402
from govnews.sample_portal import SamplePortal  # noqa: E402
from scraper.extraction import extract_html  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def crawl_command(data_dir: Path, origins: dict[str, str]) -> list[str]:
    return [str(Path(sys.executable).parent / "govnews"), *crawl_arguments(origins), "--data", str(data_dir)]


def time_crawl(portal: SamplePortal) -> tuple[float, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        portal.hits.clear()
        start = time.perf_counter()
        subprocess.run(crawl_command(Path(tmp), portal.origins), check=True, capture_output=True)
        elapsed = time.perf_counter() - start
    urls = [portal.origins[site] + path for site, path, status in list(portal.hits) if status == 200]
    return elapsed, urls


def time_plain_fetch(urls: list[str]) -> float:
    start = time.perf_counter()
    for url in urls:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
    return time.perf_counter() - start


def fetch_pages(urls: list[str]) -> list[tuple[str, bytes, str]]:
    pages = []
    for url in urls:
        with urllib.request.urlopen(url, timeout=10) as response:
            kind = response.headers.get("Content-Type", "")
            if kind.startswith("text/html"):
                pages.append((url, response.read(), kind))
    return pages


def time_extraction(pages) -> tuple[float, float]:
    start = time.perf_counter()
    for url, body, kind in pages:
        extract_html(body, url, None, kind)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for _, body, _ in pages:
        lxml.html.document_fromstring(body)
    return ours, time.perf_counter() - start


def best(values):
    return min(values)


def main() -> None:
    with SamplePortal() as portal:
        crawls, fetches, extracts, parses = [], [], [], []
        urls: list[str] = []
        for _ in range(RUNS):
            elapsed, urls = time_crawl(portal)
            crawls.append(elapsed)
            fetches.append(time_plain_fetch(urls))
        pages = fetch_pages(urls)
        for _ in range(RUNS):
            ours, baseline = time_extraction(pages)
            extracts.append(ours)
            parses.append(baseline)
    n_fetched, n_html = len(urls), len(pages)
    results = {
        "pages_fetched": n_fetched,
        "crawl_seconds": best(crawls), "crawl_pages_per_s": n_fetched / best(crawls),
        "plain_fetch_pages_per_s": n_fetched / best(fetches),
        "extract_pages_per_s": n_html / best(extracts), "lxml_parse_pages_per_s": n_html / best(parses),
    }
    results["crawl_ratio"] = results["crawl_pages_per_s"] / results["plain_fetch_pages_per_s"]
    results["extract_ratio"] = results["extract_pages_per_s"] / results["lxml_parse_pages_per_s"]
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    print(f"| measure | govnews | baseline | ratio |\n|---|---|---|---|\n"
          f"| crawl + extract + archive + index, {n_fetched} pages (best of {RUNS}) | "
          f"{results['crawl_pages_per_s']:.1f} pages/s ({results['crawl_seconds']:.2f} s) | "
          f"plain urllib fetch: {results['plain_fetch_pages_per_s']:.1f} pages/s | {results['crawl_ratio']:.3f} |\n"
          f"| extraction of {n_html} HTML pages | {results['extract_pages_per_s']:.1f} pages/s | "
          f"lxml parse only: {results['lxml_parse_pages_per_s']:.1f} pages/s | {results['extract_ratio']:.3f} |")


if __name__ == "__main__":
    main()
    import crawl_scale
    import extraction
    import field_accuracy

    print()
    print(crawl_scale.markdown(crawl_scale.main()))
    print()
    print(extraction.markdown(extraction.main()))
    print()
    print(field_accuracy.markdown(field_accuracy.score(timing=True)))
