"""The whole pipeline for real: the sample portal on loopback, crawled by the Scrapy spider through the
`govnews` command, into a SQLite archive, indexed with Whoosh, searched."""
import json

from archive.store import Store
from conftest import crawl_args, run_cli

SEED_URL_PART = "bn.langson-mirror.example/2025/07/chi-bo-so-dan-toc-va-ton-giao-sinh-hoat-chuyen-de-chuyen-doi-so"


def _search(data, *args) -> dict:
    result = run_cli("search", *args, "--json", "--per-page", "100", data=data, check=True)
    return json.loads(result.stdout)


def test_crawl_archives_every_sample_article_exactly_once(crawled, expected_articles):
    with Store(crawled["data"] / "archive.sqlite3") as store:
        records = list(store.iter_records())
        jobs = store.jobs()
    assert sorted(r["url"] for r in records) == sorted(a["url"] for a in expected_articles)
    assert {j["state"] for j in jobs} == {"finished"}
    assert sum(j["stats"]["new"] for j in jobs) == len(expected_articles)


def test_crawled_records_carry_the_expected_fields(crawled, expected_articles):
    with Store(crawled["data"] / "archive.sqlite3") as store:
        by_url = {r["url"]: r for r in store.iter_records()}
    for article in expected_articles:
        record = by_url[article["url"]]
        for name in ("title", "published", "authors", "resolutions", "source_url", "site"):
            assert record[name] == article.get(name), (article["url"], name)


def test_crawl_stays_on_loopback_and_obeys_robots(crawled, sample_portal):
    paths = [path for _, path, _ in crawled["hits"]]
    assert "/robots.txt" in paths
    assert not any(p.startswith("/admin") for p in paths)  # every sample robots.txt disallows /admin/
    assert all(status in (200, 301, 302, 304, 404) for _, _, status in crawled["hits"])


def test_the_seed_page_is_found_in_vietnamese_unaccented_and_bengali(crawled):
    for query in ("chuyển đổi số", "chuyen doi so", "ডিজিটাল"):
        hits = _search(crawled["data"], query)["hits"]
        assert any(SEED_URL_PART in hit["url"] for hit in hits), query


def test_search_json_shape_and_facets(crawled, expected_articles):
    result = _search(crawled["data"], "")
    assert result["total"] == len(expected_articles)
    assert set(result["facets"]) == {"resolution", "author", "site", "year"}
    sites = dict(result["facets"]["site"])
    for site in {a["site"] for a in expected_articles}:
        assert sites[site] == sum(a["site"] == site for a in expected_articles)
    cited = sum("57-NQ/TW" in a["resolutions"] for a in expected_articles)
    assert dict(result["facets"]["resolution"])["57-NQ/TW"] == cited
    filtered = _search(crawled["data"], "", "--resolution", "57-nq/tw")
    assert filtered["total"] == cited


def _recrawl(crawled, sample_portal, tmp_path, *settings):
    import shutil
    data = tmp_path / "again"
    shutil.copytree(crawled["data"], data)
    sample_portal.hits.clear()
    result = run_cli(*crawl_args(sample_portal.origins), *settings, data=data, check=True)
    with Store(data / "archive.sqlite3") as store:
        jobs = store.jobs()[:4]
        revisions = [len(store.revisions(r["id"])) for r in store.iter_records()]
    return result, jobs, revisions, list(sample_portal.hits)


def _article_requests(hits, expected_articles):
    paths = {(a["site"], a["path"]) for a in expected_articles}
    return [(site, path, status) for site, path, status in hits if (site, path) in paths]


def test_recrawl_within_the_interval_fetches_no_known_article(crawled, sample_portal, expected_articles, tmp_path):
    result, jobs, revisions, hits = _recrawl(crawled, sample_portal, tmp_path)
    assert sum(j["stats"]["new"] + j["stats"]["changed"] for j in jobs) == 0
    assert set(revisions) == {1}
    assert _article_requests(hits, expected_articles) == []
    assert ("sodttg.langson.gov.vn", "/tin-tuc-su-kien/trang-2.html", 200) not in hits  # paging stopped
    assert "0 records indexed" in result.stdout


def test_revalidation_costs_one_304_per_unchanged_article(crawled, sample_portal, expected_articles, tmp_path):
    _, jobs, revisions, hits = _recrawl(crawled, sample_portal, tmp_path, "-s", "GOVNEWS_REVALIDATE_HOURS=0")
    fetched = _article_requests(hits, expected_articles)
    assert sorted(path for _, path, _ in fetched) == sorted(a["path"] for a in expected_articles)
    assert all(status == 304 for _, _, status in fetched)
    assert sum(j["stats"].get("not_modified", 0) for j in jobs) == len(expected_articles)
    assert sum(j["stats"]["unchanged"] for j in jobs) == len(expected_articles)
    assert sum(j["stats"]["new"] + j["stats"]["changed"] for j in jobs) == 0
    assert set(revisions) == {1}


def test_crawl_registers_the_sites(crawled):
    with Store(crawled["data"] / "archive.sqlite3") as store:
        sites = {s["id"]: s for s in store.sites()}
    assert sites["sodttg.langson.gov.vn"]["agency"] == "Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn"
    assert sites["sodttg.langson.gov.vn"]["province"] == "Lạng Sơn"
    assert "127.0.0.1" in sites  # the mirror crawled without a profile is known by its start host
