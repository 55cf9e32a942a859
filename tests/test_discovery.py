"""A crawl with no site profile finds articles through every discovery channel: sitemaps (named in
robots.txt, at /sitemap.xml, behind a sitemap index), feeds announced in the page, and paginated
listings in the styles portals use. Each test site hides its articles behind one channel only."""
import json

import pytest

from archive.store import Store
from conftest import run_cli, setting_args
from govnews.sample_portal import SamplePortal
from scraper.settings import LOOPBACK

HOST = "tin.example.gov.vn"


def article(n: int) -> str:
    paragraphs = "".join(
        f"<p>Đoạn {i} của bài {n}: UBND tỉnh triển khai Kế hoạch số {100 + n}/KH-UBND về chuyển đổi số, "
        f"bảo đảm tiến độ và chất lượng các nhiệm vụ được giao trong năm.</p>" for i in range(1, 4))
    return (f"<html lang='vi'><head><meta charset='utf-8'><title>Bài {n}</title>"
            f"<link rel='canonical' href='https://{HOST}/tin/bai-{n}.html'></head><body>"
            f"<h1>Bài viết số {n} về chuyển đổi số</h1><p class='date'>Ngày đăng: {n:02d}/03/2025 08:00</p>"
            f"<div class='content'>{paragraphs}</div></body></html>")


def listing(links: list[str], extra: str = "") -> str:
    items = "".join(f"<li><a href='{href}'>Tin {href}</a></li>" for href in links)
    return f"<html><head><meta charset='utf-8'><title>Tin tức</title>{extra}</head><body><ul>{items}</ul></body></html>"


def paged_listing(pages: list[str], next_link) -> dict[str, str]:
    """Two articles per listing page, linked by `next_link(page number)`; the first page is `pages[0]`."""
    files = {}
    for i, path in enumerate(pages):
        links = [f"/tin/bai-{2 * i + 1}.html", f"/tin/bai-{2 * i + 2}.html"]
        more = next_link(i + 2) if i + 1 < len(pages) else ""
        files[path] = listing(links).replace("</ul>", f"</ul>{more}")
    return files


def sitemap(locs: list[str], kind="urlset") -> str:
    tag = "sitemap" if kind == "sitemapindex" else "url"
    body = "".join(f"<{tag}><loc>{loc}</loc><lastmod>2025-03-01</lastmod></{tag}>" for loc in locs)
    return f"<?xml version='1.0' encoding='UTF-8'?><{kind} xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{body}</{kind}>"


def rss(links: list[str]) -> str:
    items = "".join(f"<item><title>x</title><link>{link}</link><pubDate>Sat, 01 Mar 2025 08:00:00 +0700</pubDate></item>"
                    for link in links)
    return f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>"


def atom(links: list[str]) -> str:
    entries = "".join(f"<entry><title>x</title><link href='{link}'/><updated>2025-03-01T08:00:00+07:00</updated></entry>"
                      for link in links)
    return f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>{entries}</feed>"


ARTICLES = {f"/tin/bai-{n}.html": article(n) for n in range(1, 7)}
REAL = [f"https://{HOST}/tin/bai-{n}.html" for n in range(1, 7)]
# Sitemaps and feeds give absolute URLs; the site runs on a port known only once it is served.
ORIGIN = "http://origin.invalid"
SERVED = [f"{ORIGIN}/tin/bai-{n}.html" for n in range(1, 7)]
NO_LINKS = listing([])

CHANNELS = {
    "robots sitemap index": {"/": NO_LINKS, "/robots.txt": f"User-agent: *\nSitemap: {ORIGIN}/maps/index.xml\n",
                             "/maps/index.xml": sitemap([f"{ORIGIN}/maps/a.xml", f"{ORIGIN}/maps/b.xml"],
                                                        "sitemapindex"),
                             "/maps/a.xml": sitemap(SERVED[:3]), "/maps/b.xml": sitemap(SERVED[3:])},
    "sitemap.xml fallback": {"/": NO_LINKS, "/robots.txt": "User-agent: *\nDisallow: /private/\n",
                             "/sitemap.xml": sitemap(SERVED)},
    "rss feed": {"/": listing([], "<link rel='alternate' type='application/rss+xml' href='/rss/tin.rss'>"),
                 "/rss/tin.rss": rss(SERVED)},
    "atom feed": {"/": listing([], "<link rel='alternate' type='application/atom+xml' href='/feed'>"),
                  "/feed": atom(SERVED)},
    "?page=N": paged_listing(["/", "/tin.html@page=2", "/tin.html@page=3"],
                             lambda n: f"<a href='/tin.html?page={n}'>{n}</a>"),
    "/trang-N.html": paged_listing(["/", "/tin/trang-2.html", "/tin/trang-3.html"],
                                   lambda n: f"<a href='/tin/trang-{n}.html'>{n}</a>"),
    "Liferay _cur=N": paged_listing(["/", "/web/guest/tin@_101_INSTANCE_ab_cur=2", "/web/guest/tin@_101_INSTANCE_ab_cur=3"],
                                    lambda n: f"<a href='/web/guest/tin?_101_INSTANCE_ab_cur={n}'>{n}</a>"),
    "Trang sau": paged_listing(["/", "/ds/tiep-b.html", "/ds/tiep-c.html"],
                               lambda n: f"<a href='/ds/tiep-{'abc'[n - 1]}.html'>Trang sau</a>"),
}


def describe_site(root) -> None:
    types = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".rss": "application/rss+xml",
             ".txt": "text/plain"}
    root.mkdir(parents=True)
    (root / "sites.json").write_text(json.dumps({"sites": [
        {"host": HOST, "directory": f"sites/{HOST}", "content_types": types}]}), encoding="utf-8")


def build_site(root, files: dict[str, str], origin: str) -> None:
    site_dir = root / "sites" / HOST
    for path, text in {**ARTICLES, **files}.items():
        text = text.replace(ORIGIN, origin)
        target = site_dir / (path.lstrip("/") or "index.html")
        if path.endswith("/"):
            target = site_dir / path.lstrip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_generic_crawl_finds_articles_through(channel, tmp_path):
    describe_site(tmp_path / "site")
    settings = setting_args(LOOPBACK)
    with SamplePortal(root=tmp_path / "site") as portal:
        build_site(tmp_path / "site", CHANNELS[channel], portal.origins[HOST])
        run_cli("crawl", "--start-url", portal.origins[HOST] + "/", *settings, "--no-index",
                data=tmp_path / "data", check=True)
        paths = [path for _, path, _ in portal.hits]
    with Store(tmp_path / "data" / "archive.sqlite3") as store:
        assert sorted(r["url"] for r in store.iter_records()) == sorted(REAL)
    assert len(paths) == len(set(paths)), "a page was fetched twice"


def crawl_site(tmp_path, files, *settings):
    describe_site(tmp_path / "site")
    loopback = setting_args(LOOPBACK)
    with SamplePortal(root=tmp_path / "site") as portal:
        build_site(tmp_path / "site", files, portal.origins[HOST])
        run_cli("crawl", "--start-url", portal.origins[HOST] + "/", *loopback, *settings, "--no-index",
                data=tmp_path / "data", check=True)
        hits = list(portal.hits)
    with Store(tmp_path / "data" / "archive.sqlite3") as store:
        return hits, sorted(r["url"] for r in store.iter_records())


def calendar_page(day: int) -> str:
    return listing([f"/lich.html?ngay={day + 1}"]).replace("<ul>", f"<h1>Lịch công tác ngày {day}</h1><ul>")


def test_an_endless_calendar_is_cut_by_the_run_of_pages_that_lead_nowhere_new(tmp_path):
    calendar = {f"/lich.html@ngay={day}": calendar_page(day) for day in range(1, 200)}
    files = {"/": listing([f"/tin/bai-{n}.html" for n in range(1, 7)] + ["/lich.html?ngay=1"]), **calendar}
    hits, urls = crawl_site(tmp_path, files, "-s", "DEPTH_LIMIT=0", "-s", "GOVNEWS_TRAP_RUN=5")
    assert urls == sorted(REAL)
    calendar_hits = [path for _, path, _ in hits if path.startswith("/lich.html")]
    assert 5 <= len(calendar_hits) <= 6


def test_session_ids_and_tracking_parameters_do_not_make_new_pages(tmp_path):
    links = ["/tin/bai-1.html;jsessionid=A1B2", "/tin/bai-1.html?utm_source=zalo", "/tin/bai-1.html",
             "/tin/bai-2.html?PHPSESSID=77&utm_medium=x", "/tin/bai-2.html?PHPSESSID=78"]
    hits, urls = crawl_site(tmp_path, {"/": listing(links)})
    assert urls == sorted(REAL[:2])
    article_hits = [path for _, path, _ in hits if path.startswith("/tin/")]
    assert sorted(article_hits) == ["/tin/bai-1.html", "/tin/bai-2.html"]
