"""Every article of the bundled sample portal extracts to exactly what expected.json says (offline)."""
import pytest

from archive.record import build_record
from govnews.sample_portal import DEFAULT_ROOT, content_type, load_sites, resolve
from scraper.extraction import extract_html
from scraper.profiles import load_profiles, profile_for_url

SITES = {site.host: site for site in load_sites(DEFAULT_ROOT)}
PROFILES = load_profiles()
FIELDS = ("url", "title", "published", "updated", "authors", "resolutions", "summary", "source_url", "body")


def _articles():
    import json
    data = json.loads((DEFAULT_ROOT / "expected.json").read_text(encoding="utf-8"))
    return data["articles"]


def extract_sample(article: dict):
    site = SITES[article["site"]]
    kind, path = resolve(site, article["path"])
    assert kind == "file", article["path"]
    # Served from a loopback mirror: the record must still name the real site.
    fetched_from = "http://127.0.0.1:8765" + article["path"]
    return extract_html(path.read_bytes(), fetched_from, profile_for_url(article["url"], PROFILES),
                        content_type(site, path))


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a["path"][-50:])
def test_sample_article_fields(article):
    extraction = extract_sample(article)
    record = build_record(extraction.record)
    assert extraction.is_article
    for name in FIELDS:
        assert record[name] == article.get(name), name
    assert [i["caption"] for i in record["images"] if i["caption"]] == article["captions"]
    assert record["site"] == article["site"]


def _non_articles():
    import json
    return json.loads((DEFAULT_ROOT / "expected.json").read_text(encoding="utf-8"))["non_articles"]


@pytest.mark.parametrize("page", _non_articles(), ids=lambda p: f"{p['kind']}:{p['path'][-40:]}")
def test_listing_tag_calendar_and_home_pages_are_not_articles(page):
    site = SITES[page["site"]]
    kind, path = resolve(site, page["path"])
    if kind == "found":
        kind, path = resolve(site, path)
    assert kind == "file"
    url = f"https://{page['site']}{page['path']}"
    extraction = extract_html(path.read_bytes(), url, profile_for_url(url, PROFILES), content_type(site, path))
    assert not extraction.is_article
