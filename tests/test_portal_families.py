"""Real site profiles, one per portal family, against fixture portals written in that family's markup
(tests/fixtures/portals/<profile id>/): offline extraction of every page, and a real crawl on loopback."""
import html
import json
from pathlib import Path

import pytest

from archive.store import Store
from conftest import run_cli
from govnews.sample_portal import SamplePortal, content_type, load_sites, resolve
from scraper.extraction import extract_html
from scraper.profiles import load_profiles, profile_for_url
from scraper.settings import LOOPBACK

PORTALS = Path(__file__).parent / "fixtures" / "portals"
FAMILIES = sorted(p.name for p in PORTALS.iterdir() if (p / "expected.json").is_file())
TRUTH = {f: json.loads((PORTALS / f / "expected.json").read_text(encoding="utf-8")) for f in FAMILIES}
PROFILES = load_profiles()
MIRROR = "http://127.0.0.1:8000"  # offline extraction only looks at the path of the fetched URL


def cases(kind):
    return [pytest.param(f, item, id=f"{f}{item['path']}") for f in FAMILIES for item in TRUTH[f][kind]]


def fixture_file(family, path):
    site = load_sites(PORTALS / family)[0]
    kind, file = resolve(site, path)
    assert kind == "file", f"{family}{path} is not a page of the fixture portal ({kind})"
    return site, file


def extract(family, path):
    site, file = fixture_file(family, path)
    profile = PROFILES[TRUTH[family]["profile"]]
    return extract_html(file.read_bytes(), MIRROR + path, profile, content_type(site, file))


# ---- profiles ----------------------------------------------------------------------------------

def test_every_family_has_a_shipped_profile():
    assert len(FAMILIES) >= 5
    assert {TRUTH[f]["profile"] for f in FAMILIES} <= set(PROFILES)


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_shipped_profiles_start_on_their_own_domain(profile_id):
    profile = PROFILES[profile_id]
    for url in profile.start_urls:
        assert profile_for_url(url, PROFILES) is profile, url


@pytest.mark.parametrize("url, site", [
    ("https://langson.gov.vn/tin-moi/bai-viet.html", "langson.gov.vn"),
    ("https://www.langson.gov.vn/thong-tin-chi-dao-dieu-hanh/bai-viet.html", "langson.gov.vn"),
    ("https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/bai-viet.html", "sodttg.langson.gov.vn"),
    ("https://vanphong.langson.gov.vn/vi/node/73232", "vanphong.langson.gov.vn"),
    ("https://baochinhphu.vn/bai-viet-102250110183000578.htm", "baochinhphu.vn"),
    ("https://xaydungchinhsach.chinhphu.vn/bai-viet-119250110183000578.htm", "xaydungchinhsach.chinhphu.vn"),
])
def test_the_most_specific_domain_wins(url, site):
    assert profile_for_url(url, PROFILES).id == site


@pytest.mark.parametrize("family, article", cases("articles"))
def test_fixture_articles_belong_to_their_profile(family, article):
    assert profile_for_url(article["url"], PROFILES).id == TRUTH[family]["profile"]


# ---- offline extraction ------------------------------------------------------------------------

@pytest.mark.parametrize("family, article", cases("articles"))
def test_article_pages_give_the_expected_fields(family, article):
    out = extract(family, article["path"])
    record = out.record
    assert out.is_article
    assert record["url"] == article["url"]
    assert record["site"] == TRUTH[family]["profile"]
    assert record["title"] == article["title"]
    assert record.get("published") == article["published"]
    assert record.get("authors", []) == article["authors"]
    assert record.get("resolutions", []) == article["resolutions"]


@pytest.mark.parametrize("family, page", cases("non_articles"))
def test_home_and_listing_pages_are_not_articles(family, page):
    assert not extract(family, page["path"]).is_article


@pytest.mark.parametrize("family", FAMILIES)
def test_one_article_is_linked_only_from_the_last_listing_page(family):
    """So a crawl can only archive it by following the family's pagination."""
    truth = TRUTH[family]
    target = truth["only_on_last_page"]
    site_dir = PORTALS / family / "sites" / truth["site"]
    linking = {f for f in site_dir.rglob("*")
               if f.is_file() and (target in f.read_text(encoding="utf-8")
                                   or html.escape(target) in f.read_text(encoding="utf-8"))}
    assert linking == {fixture_file(family, target)[1], fixture_file(family, truth["pagination"][-1])[1]}


# ---- a real crawl per family -------------------------------------------------------------------

def crawl(family, data, **overrides):
    """`govnews crawl <profile> --origin <profile>=<mirror>` against the fixture portal on loopback;
    returns the fixture files the crawl was served."""
    truth = TRUTH[family]
    profile = truth["profile"]
    settings = [arg for name, value in {**LOOPBACK, **overrides}.items() for arg in ("-s", f"{name}={value}")]
    with SamplePortal(root=PORTALS / family) as portal:
        origin = portal.origins[truth["site"]]
        run_cli("crawl", profile, "--origin", f"{profile}={origin}", *settings, data=data, check=True)
        site = portal.sites[0]
        served = {resolve(site, target)[1] for _, target, status in portal.hits if status == 200}
    return served


@pytest.mark.parametrize("family", FAMILIES)
def test_crawl_archives_exactly_the_fixture_articles(family, tmp_path):
    truth = TRUTH[family]
    served = crawl(family, tmp_path)
    with Store(tmp_path / "archive.sqlite3") as store:
        records = {r["url"]: r for r in store.iter_records()}
        jobs = store.jobs()
    assert [job["state"] for job in jobs] == ["finished"]
    assert sorted(records) == sorted(a["url"] for a in truth["articles"])
    for article in truth["articles"]:
        record = records[article["url"]]
        assert record["site"] == truth["profile"]
        assert (record["title"], record["published"], record["authors"], record["resolutions"]) == \
            (article["title"], article["published"], article["authors"], article["resolutions"])
    for listing in truth["pagination"]:
        assert fixture_file(family, listing)[1] in served, f"listing page {listing} was not crawled"


@pytest.mark.parametrize("family", sorted(TRUTH))
def test_a_one_request_at_a_time_crawl_also_reaches_the_last_page(family, tmp_path):
    """Polite crawls fetch one page at a time; the order must not decide what gets archived."""
    crawl(family, tmp_path, CONCURRENT_REQUESTS=1)
    with Store(tmp_path / "archive.sqlite3") as store:
        urls = {r["url"] for r in store.iter_records()}
    assert any(url.endswith(TRUTH[family]["only_on_last_page"]) for url in urls)
