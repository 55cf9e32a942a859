"""Batch adapter for the shared scorer: `python bench/extractors.py NAME TASK MANIFEST`.

NAME is govnews, trafilatura or htmldate; TASK is body or date. The manifest is a TSV of
id, HTML path and URL; one JSON line per page is printed: {"id", "text"} or {"id", "date"}.
"""
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_html(path: str) -> bytes:
    data = Path(path).read_bytes()
    return gzip.decompress(data) if path.endswith(".gz") else data


def govnews_body(html: bytes, url: str) -> str:
    from scraper.extraction import extract_html
    record = extract_html(html, url or "https://example.org/").record
    return record.get("body") or ""


def govnews_date(html: bytes, url: str) -> str | None:
    from scraper.extraction import extract_html
    published = extract_html(html, url or "https://example.org/").record.get("published")
    return published[:10] if published else None


def trafilatura_body(html: bytes, url: str) -> str:
    import trafilatura
    return trafilatura.extract(html, url=url or None) or ""


def htmldate_date(html: bytes, url: str) -> str | None:
    from htmldate import find_date
    return find_date(html.decode("utf-8", errors="replace"), url=url or None, extensive_search=True,
                     original_date=True)


EXTRACTORS = {("govnews", "body"): govnews_body, ("govnews", "date"): govnews_date,
              ("trafilatura", "body"): trafilatura_body, ("htmldate", "date"): htmldate_date}


def main(name: str, task: str, manifest: str) -> None:
    extract = EXTRACTORS[(name, task)]
    key = "text" if task == "body" else "date"
    for line in Path(manifest).read_text(encoding="utf-8").splitlines():
        doc_id, path, url = (line.split("\t") + ["", ""])[:3]
        try:
            value = extract(read_html(path), url)
        except Exception as err:  # one broken page must not stop the run; it scores as empty
            print(f"{doc_id}: {type(err).__name__}: {err}", file=sys.stderr)
            value = "" if task == "body" else None
        print(json.dumps({"id": doc_id, key: value}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
