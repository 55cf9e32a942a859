"""Field accuracy: every labelled page of the three sets, extracted as a crawl would, scored per field.

The sets: the bundled sample portal (data/sample_portal/expected.json), the portal-family
fixtures (tests/fixtures/portals/*/expected.json) and the hand-labelled pages
(tests/fixtures/labelled/labels.json). Each page is extracted with the profile its URL selects.
A field is scored on the pages that label it: accuracy = exact matches / pages labelled. The
body is scored exactly where a set gives it whole, else by its contains/excludes snippets.
Extraction is timed per page next to `trafilatura.extract` on the same pages, in the same run.

    python bench/field_accuracy.py
"""
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from archive.record import build_record  # noqa: E402
from govnews.sample_portal import DEFAULT_ROOT, content_type, load_sites, resolve  # noqa: E402
from scraper.extraction import extract_html  # noqa: E402
from scraper.profiles import load_profiles, profile_for_url  # noqa: E402

PORTALS = ROOT / "tests" / "fixtures" / "portals"
LABELLED = ROOT / "tests" / "fixtures" / "labelled"
FIELDS = ("url", "title", "published", "updated", "authors", "resolutions", "source_url", "language",
          "captions", "attachments", "summary", "body")
MIRROR = "http://127.0.0.1:8765"  # the sample sets are served from loopback; the record names the real site
TIMING_RUNS = 3


@dataclass
class Page:
    name: str
    family: str
    language: str
    html: bytes
    fetch_url: str
    url: str
    content_type: str
    truth: dict  # field -> expected value, only for the fields the set labels


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _site_families(root: Path) -> dict:
    return {s["host"]: (s.get("family", "generic"), s.get("language", "vi")) for s in _json(root / "sites.json")["sites"]}


def _served(root: Path, host: str, path: str) -> tuple[bytes, str]:
    site = next(s for s in load_sites(root) if s.host == host)
    kind, file = resolve(site, path)
    assert kind == "file", f"{host}{path} is not a page of {root}"
    return file.read_bytes(), content_type(site, file)


def sample_portal_pages() -> list[Page]:
    families = _site_families(DEFAULT_ROOT)
    pages = []
    for article in _json(DEFAULT_ROOT / "expected.json")["articles"]:
        html, ctype = _served(DEFAULT_ROOT, article["site"], article["path"])
        truth = {f: article[f] for f in FIELDS if f in article and f not in ("attachments", "body")}
        truth["attachments"] = [a["url"] for a in article["attachments"]]
        truth["body"] = {"exact": article["body"]}
        pages.append(Page(f"sample:{article['site']}{article['path']}", families[article["site"]][0],
                          article["language"], html, MIRROR + article["path"], article["url"], ctype, truth))
    return pages


def family_fixture_pages() -> list[Page]:
    pages = []
    for root in sorted(p for p in PORTALS.iterdir() if (p / "expected.json").is_file()):
        expected = _json(root / "expected.json")
        family, language = _site_families(root)[expected["site"]]
        for article in expected["articles"]:
            html, ctype = _served(root, expected["site"], article["path"])
            truth = {f: article[f] for f in FIELDS if f in article}
            truth["language"] = language
            pages.append(Page(f"family:{expected['site']}{article['path']}", family, language, html,
                              MIRROR + article["path"], article["url"], ctype, truth))
    return pages


def labelled_pages() -> list[Page]:
    pages = []
    for label in _json(LABELLED / "labels.json")["pages"]:
        truth = {f: label[f] for f in FIELDS if f in label and f != "body"}
        truth["body"] = {"contains": label.get("body_contains", []), "excludes": label.get("body_excludes", [])}
        pages.append(Page(f"labelled:{label['file']}", label["family"], label["language"],
                          (LABELLED / label["file"]).read_bytes(), label["url"], label["url"],
                          label["content_type"], truth))
    return pages


def all_pages() -> list[Page]:
    return sample_portal_pages() + family_fixture_pages() + labelled_pages()


def extract(page: Page, profiles) -> dict:
    extraction = extract_html(page.html, page.fetch_url, profile_for_url(page.url, profiles), page.content_type)
    return build_record(extraction.record)


def field_value(record: dict, name: str):
    if name == "captions":
        return [image["caption"] for image in record["images"] if image["caption"]]
    if name == "attachments":
        return [attachment["url"] for attachment in record["attachments"]]
    return record[name]


def check(record: dict, name: str, expected) -> tuple[bool, object, object]:
    """(right?, what was got, what was expected) for one field of one page."""
    if "error" in record:
        return False, record["error"], expected
    if name != "body":
        got = field_value(record, name)
        return got == expected, got, expected
    body = record["body"] or ""
    if "exact" in expected:
        return body == expected["exact"], body, expected["exact"]
    missing = [s for s in expected["contains"] if s not in body]
    present = [s for s in expected["excludes"] if s in body]
    return not (missing or present), {"missing": missing, "present": present}, "contains/excludes snippets"


def score(timing: bool = False) -> dict:
    """{"pages": [{name, family, language}], "fields": {field: {pages, correct, accuracy}},
    "misses": [{page, field, got, expected}], "timing": {...} or None}."""
    profiles = load_profiles()
    pages = all_pages()
    counts = {f: [0, 0] for f in FIELDS}
    misses = []
    for page in pages:
        try:
            record = extract(page, profiles)
        except Exception as err:  # a page that breaks extraction misses every field it labels
            record = {"error": f"{type(err).__name__}: {err}"}
        for name, expected in page.truth.items():
            counts[name][0] += 1
            right, got, want = check(record, name, expected)
            if right:
                counts[name][1] += 1
            else:
                misses.append({"page": page.name, "field": name, "got": got, "expected": want})
    fields = {f: {"pages": n, "correct": c, "accuracy": c / n} for f, (n, c) in counts.items() if n}
    described = [{"name": p.name, "family": p.family, "language": p.language} for p in pages]
    return {"pages": described, "fields": fields, "misses": misses,
            "timing": time_extraction(pages, profiles) if timing else None}


def time_extraction(pages: list[Page], profiles) -> dict:
    """Milliseconds per page, best of TIMING_RUNS passes: ours (every layer) and trafilatura.extract."""
    def ours(page):
        extract_html(page.html, page.fetch_url, profile_for_url(page.url, profiles), page.content_type)

    def theirs(page):
        trafilatura.extract(page.html, url=page.fetch_url)

    result = {"pages": len(pages)}
    for name, run in (("govnews", ours), ("trafilatura", theirs)):
        run(pages[0])  # warm up: imports and caches
        best = min(_seconds(run, pages) for _ in range(TIMING_RUNS))
        result[name] = 1000 * best / len(pages)
    return result


def _seconds(run, pages) -> float:
    start = time.perf_counter()
    for page in pages:
        run(page)
    return time.perf_counter() - start


def _short(value, limit: int = 300) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


def markdown(result: dict) -> str:
    pages = result["pages"]
    by = lambda key: sorted({p[key] for p in pages})  # noqa: E731
    lines = [f"{len(pages)} pages; languages {', '.join(by('language'))}; families {', '.join(by('family'))}", "",
             "| field | pages | correct | accuracy |", "|---|---|---|---|"]
    for name, f in result["fields"].items():
        lines.append(f"| {name} | {f['pages']} | {f['correct']} | {f['accuracy']:.3f} |")
    lines += ["", f"Misses ({len(result['misses'])}):"]
    for miss in result["misses"]:
        lines.append(f"- {miss['page']} — {miss['field']}: got {_short(miss['got'])}, expected {_short(miss['expected'])}")
    timing = result.get("timing")
    if timing:
        lines += ["", "| extractor | ms per page |", "|---|---|",
                  f"| govnews extract_html (every layer) | {timing['govnews']:.1f} |",
                  f"| trafilatura.extract | {timing['trafilatura']:.1f} |",
                  "", f"({timing['pages']} pages, best of {TIMING_RUNS} passes)"]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(score(timing=True)))
