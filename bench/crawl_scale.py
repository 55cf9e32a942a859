"""Benchmark: a loopback portal of 2,000+ articles crawled end to end with politeness off.

Measures pages per second of `govnews crawl` (fetch, extract, store) and the CPU milliseconds per
page spent in each stage, then extracts the same article pages with trafilatura alone in the same
run: the ratio of our extraction's CPU cost to trafilatura's is the figure to compare over time.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.store import Store  # noqa: E402
from govnews.sample_portal import DEFAULT_ROOT, SamplePortal  # noqa: E402
from scraper.extraction import extract_html  # noqa: E402
from scraper.settings import LOOPBACK  # noqa: E402

HOST = "bench.langson.gov.vn"
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "2000"))
PER_PAGE = 20


def sample_bodies() -> list[dict]:
    data = json.loads((DEFAULT_ROOT / "expected.json").read_text(encoding="utf-8"))
    return [a for a in data["articles"] if a["site"] != "bn.langson-mirror.example"]


def article_page(n: int, source: dict) -> str:
    day, month, year = 1 + n % 28, 1 + n % 12, 2015 + n % 11
    paragraphs = "".join(f"<p>{p}</p>" for p in source["body"].split("\n\n"))
    return (
        f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>{source['title']} ({n}) - Cổng thông tin</title>"
        f"<link rel='canonical' href='https://{HOST}/tin-tuc/bai-{n}.html'></head><body>"
        f"<header class='header'><div class='today'>Thứ Tư, 25/11/2026</div><nav class='menu'><a href='/'>Trang chủ</a>"
        f"<a href='/tin-tuc/trang-1.html'>Tin tức</a></nav></header>"
        f"<div class='breadcrumb'><a href='/'>Trang chủ</a> › <a href='/tin-tuc/trang-1.html'>Tin tức</a></div>"
        f"<h1 class='news-title'>{source['title']} ({n})</h1>"
        f"<div class='news-meta'>Ngày đăng: {day:02d}/{month:02d}/{year} 08:{n % 60:02d}</div>"
        f"<div class='news-sapo'><p>{source.get('summary') or ''}</p></div>"
        f"<div class='news-content'>{paragraphs}"
        f"<p style='text-align:right'><b>Tác giả: Nguyễn Văn An - Chuyên viên</b></p></div>"
        f"<div class='comment-box'><h3>Bình luận (0)</h3></div>"
        f"<div class='tin-lien-quan'><h3>Tin liên quan</h3><ul>"
        f"<li><a href='/tin-tuc/bai-{(n + 1) % ARTICLES}.html'>Tin khác</a></li></ul></div>"
        f"<footer class='footer'>Bản quyền thuộc Cổng thông tin</footer></body></html>")


def listing_page(page: int, pages: int) -> str:
    first = (page - 1) * PER_PAGE
    items = "".join(f"<li><a href='/tin-tuc/bai-{n}.html'>Bài {n}</a></li>"
                    for n in range(first, min(first + PER_PAGE, ARTICLES)))
    more = f"<a rel='next' href='/tin-tuc/trang-{page + 1}.html'>Trang sau</a>" if page < pages else ""
    return (f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>Tin tức</title></head><body>"
            f"<h1>Tin tức - trang {page}</h1><ul class='list'>{items}</ul>{more}</body></html>")


def build_portal(root: Path) -> list[Path]:
    site = root / "sites" / HOST
    (site / "tin-tuc").mkdir(parents=True)
    (root / "sites.json").write_text(json.dumps({"sites": [{
        "host": HOST, "directory": f"sites/{HOST}",
        "content_types": {".html": "text/html; charset=utf-8", ".txt": "text/plain"}}]}), encoding="utf-8")
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n", encoding="utf-8")
    pages = -(-ARTICLES // PER_PAGE)
    (site / "index.html").write_text(listing_page(1, pages).replace("trang 1", "trang chủ"), encoding="utf-8")
    for page in range(1, pages + 1):
        (site / "tin-tuc" / f"trang-{page}.html").write_text(listing_page(page, pages), encoding="utf-8")
    sources = sample_bodies()
    files = []
    for n in range(ARTICLES):
        path = site / "tin-tuc" / f"bai-{n}.html"
        path.write_text(article_page(n, sources[n % len(sources)]), encoding="utf-8")
        files.append(path)
    return files


def crawl(origin: str, data: Path) -> dict:
    settings = {**LOOPBACK, "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
                "GOVNEWS_PROGRESS_INTERVAL": 0, "DEPTH_LIMIT": 0}
    command = [str(Path(sys.executable).parent / "govnews"), "crawl", "--start-url", origin + "/",
               "--no-index", "--data", str(data)]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_ms = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000
    with Store(data / "archive.sqlite3") as store:
        stats = store.jobs()[0]["stats"]
        stored = store.count()
    return {"seconds": elapsed, "cpu_ms": cpu_ms, "stats": stats, "stored": stored}


def trafilatura_cpu_ms(files: list[Path]) -> float:
    import trafilatura

    started = time.process_time()
    for path in files:
        trafilatura.extract(path.read_bytes(), url=f"https://{HOST}/tin-tuc/{path.name}", with_metadata=True)
    return (time.process_time() - started) * 1000


def our_extraction_cpu_ms(files: list[Path]) -> float:
    started = time.process_time()
    for path in files:
        extract_html(path.read_bytes(), f"https://{HOST}/tin-tuc/{path.name}", None, "text/html; charset=utf-8")
    return (time.process_time() - started) * 1000


def main() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        files = build_portal(Path(tmp) / "portal")
        with SamplePortal(root=Path(tmp) / "portal") as portal:
            run = crawl(portal.origins[HOST], Path(tmp) / "data")
            pages = len(portal.hits)
        ours = our_extraction_cpu_ms(files)
        theirs = trafilatura_cpu_ms(files)
    stats = run["stats"]
    extract_ms, store_ms = stats.get("cpu_ms_extract", 0.0), stats.get("cpu_ms_store", 0.0)
    result = {
        "articles": ARTICLES, "stored": run["stored"], "pages": pages, "seconds": run["seconds"],
        "pages_per_s": pages / run["seconds"],
        "cpu_ms_per_page": run["cpu_ms"] / pages,
        "cpu_ms_per_page_extract": extract_ms / pages,
        "cpu_ms_per_page_store": store_ms / run["stored"],
        "cpu_ms_per_page_fetch_and_rest": (run["cpu_ms"] - extract_ms - store_ms) / pages,
        "ours_cpu_ms_per_article": ours / len(files),
        "trafilatura_cpu_ms_per_article": theirs / len(files),
    }
    result["extract_ratio_to_trafilatura"] = result["ours_cpu_ms_per_article"] / result["trafilatura_cpu_ms_per_article"]
    return result


def markdown(r: dict) -> str:
    return (
        "| measure | value |\n|---|---|\n"
        f"| articles archived / on the site | {r['stored']} / {r['articles']} |\n"
        f"| pages fetched (articles, listings, robots.txt) | {r['pages']} in {r['seconds']:.1f} s |\n"
        f"| end to end | {r['pages_per_s']:.1f} pages/s |\n"
        f"| CPU per page, whole crawl process | {r['cpu_ms_per_page']:.2f} ms |\n"
        f"| … of which extraction | {r['cpu_ms_per_page_extract']:.2f} ms |\n"
        f"| … of which archive writes (per article) | {r['cpu_ms_per_page_store']:.2f} ms |\n"
        f"| … fetch, scheduling and the rest | {r['cpu_ms_per_page_fetch_and_rest']:.2f} ms |\n"
        f"| our extraction alone, per article | {r['ours_cpu_ms_per_article']:.2f} ms CPU |\n"
        f"| trafilatura alone (with metadata), per article | {r['trafilatura_cpu_ms_per_article']:.2f} ms CPU |\n"
        f"| ratio ours / trafilatura | {r['extract_ratio_to_trafilatura']:.2f} |")


if __name__ == "__main__":
    figures = main()
    print(markdown(figures))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "crawl_scale.json").write_text(json.dumps(figures, indent=2))
