"""Re-crawls of a portal that changes between crawls: new articles, edited articles, --since."""
import re
import shutil

import pytest

from archive.store import Store
from conftest import crawl_args, run_cli
from govnews.sample_portal import DEFAULT_ROOT, SamplePortal

SODTTG = "sodttg.langson.gov.vn"
EDITED = "/tin-tuc-su-kien/tin-hoat-dong/chi-bo-so-dan-toc-va-ton-giao-tinh-lang-son-to-chuc-sinh-hoat-chuyen-de-ve-chuyen-doi-so-theo-nghi-quyet-so-57-nq-tw-nga.html"
NEW = "/tin-tuc-su-kien/tin-hoat-dong/so-dan-toc-va-ton-giao-tong-ket-cong-tac-nam-2025.html"


@pytest.fixture
def portal_copy(tmp_path):
    root = tmp_path / "portal"
    shutil.copytree(DEFAULT_ROOT, root)
    with SamplePortal(root=root) as portal:
        yield portal, root / "sites" / SODTTG


def publish_new_article(site_dir):
    """A new article at the top of the first listing page, as a portal publishes one."""
    page = (site_dir / EDITED.lstrip("/")).read_text(encoding="utf-8")
    page = page.replace(EDITED, NEW)
    page = re.sub(r'<h1 class="news-title">[^<]*</h1>',
                  '<h1 class="news-title">Sở Dân tộc và Tôn giáo tổng kết công tác năm 2025</h1>', page)
    (site_dir / NEW.lstrip("/")).write_text(page, encoding="utf-8")
    listing = site_dir / "tin-tuc-su-kien" / "tin-hoat-dong.html"
    text = listing.read_text(encoding="utf-8")
    first_item = text.index('<div class="news-item">')
    item = f'<div class="news-item"><h3><a href="{NEW}">Sở Dân tộc và Tôn giáo tổng kết công tác năm 2025</a></h3></div>\n'
    listing.write_text(text[:first_item] + item + text[first_item:], encoding="utf-8")


def edit_article(site_dir):
    page = site_dir / EDITED.lstrip("/")
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Tham dự và chủ trì buổi sinh hoạt", "Tham dự, chủ trì buổi sinh hoạt", 1),
                    encoding="utf-8")


def test_recrawl_finds_the_new_article_and_the_edit_and_nothing_else(portal_copy, tmp_path):
    portal, site_dir = portal_copy
    data = tmp_path / "data"
    run_cli(*crawl_args(portal.origins), data=data, check=True)
    with Store(data / "archive.sqlite3") as store:
        before = store.count()

    publish_new_article(site_dir)
    edit_article(site_dir)
    portal.hits.clear()
    run_cli(*crawl_args(portal.origins), "-s", "GOVNEWS_REVALIDATE_HOURS=0", data=data, check=True)

    with Store(data / "archive.sqlite3") as store:
        assert store.count() == before + 1
        job = next(j for j in store.jobs() if j["site"] == SODTTG)
        assert (job["stats"]["new"], job["stats"]["changed"]) == (1, 1)
        assert job["stats"]["not_modified"] == 17
        edited = next(r for r in store.iter_records() if r["url"].endswith(EDITED))
        assert [r["revision"] for r in store.revisions(edited["id"])] == [1, 2]
        assert "Tham dự, chủ trì" in edited["body"]
    statuses = [status for site, path, status in portal.hits if site == SODTTG and path == EDITED]
    assert statuses == [200]  # one conditional GET that the changed page answers in full


def test_since_bounds_a_crawl_by_publication_date(portal_copy, tmp_path):
    portal, _ = portal_copy
    data = tmp_path / "data"
    result = run_cli(*crawl_args(portal.origins), "--since", "2025-01-01", data=data, check=True)
    with Store(data / "archive.sqlite3") as store:
        dates = [r["published"][:10] for r in store.iter_records()]
    assert dates and all(d >= "2025-01-01" for d in dates)
    assert "job" in result.stdout


def test_since_must_be_a_date(tmp_path):
    result = run_cli("crawl", SODTTG, "--since", "last week", data=tmp_path)
    assert result.returncode == 1 and "YYYY-MM-DD" in result.stderr


def test_a_sitemap_lastmod_after_the_last_check_revalidates_within_the_interval(portal_copy, tmp_path):
    from datetime import datetime, timedelta, timezone

    portal, site_dir = portal_copy
    data = tmp_path / "data"
    run_cli(*crawl_args(portal.origins), data=data, check=True)
    edit_article(site_dir)
    sitemap = site_dir / "sitemap.xml"
    later = (datetime.now(timezone.utc) + timedelta(minutes=5)).isoformat(timespec="seconds")
    text = sitemap.read_text(encoding="utf-8")
    entry = text.index(EDITED)
    stamp = text.index("<lastmod>", entry) + len("<lastmod>")
    sitemap.write_text(text[:stamp] + later + text[text.index("</lastmod>", stamp):], encoding="utf-8")
    portal.hits.clear()

    run_cli(*crawl_args(portal.origins), data=data, check=True)  # the default interval: a week

    with Store(data / "archive.sqlite3") as store:
        job = next(j for j in store.jobs() if j["site"] == SODTTG)
    assert (job["stats"]["new"], job["stats"]["changed"]) == (0, 1)
    articles = [path for site, path, _ in portal.hits if site == SODTTG and path.endswith(".html")
                and path.count("/") == 3 and "/trang-" not in path]
    assert articles == [EDITED]
