"""The bundled sample portal: the loopback server, the static sites and the truth file agree."""
import html
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govnews.sample_portal import DEFAULT_ROOT, SamplePortal

ROOT = DEFAULT_ROOT
EXPECTED = json.loads((ROOT / "expected.json").read_text(encoding="utf-8"))
SITES = {site["host"]: site for site in json.loads((ROOT / "sites.json").read_text(encoding="utf-8"))["sites"]}
ARTICLES = EXPECTED["articles"]
SHAREPOINT = "sotttt.caobang.gov.vn"
SODTTG = "sodttg.langson.gov.vn"
MIRROR = "bn.langson-mirror.example"
SEED_URL = ("https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/chi-bo-so-dan-toc-va-ton-giao-tinh-lang-son"
            "-to-chuc-sinh-hoat-chuyen-de-ve-chuyen-doi-so-theo-nghi-quyet-so-57-nq-tw-nga.html")
SEED_CANDIDATES = [Path(__file__).parent / "fixtures" / "seed_bn.txt",
                   Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_7ad58fcb058abbeb.txt"]
HTML_SUFFIXES = (".html", ".htm", ".aspx")
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "wbr"}


# ---- helpers --------------------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, method="GET", headers=None, follow=True):
    """(status, headers, body) without raising on HTTP errors."""
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get_text(url):
    status, _, body = fetch(url)
    assert status == 200, url
    return body.decode("utf-8")


def page_text(markup):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def squeeze_codes(text):
    return re.sub(r"\s*([/-])\s*", r"\1", re.sub(r"[\u2010-\u2015]", "-", text))


def canonical(markup):
    match = re.search(r'<link rel="canonical" href="([^"]+)"', markup)
    return html.unescape(match.group(1)) if match else None


def local_links(markup):
    values = re.findall(r'\b(?:href|src)="(/[^"/][^"]*|/)"', markup)
    return {html.unescape(value) for value in values}


def site_articles(host):
    return [a for a in ARTICLES if a["site"] == host]


def html_files(host):
    root = ROOT / SITES[host]["directory"]
    return [p for p in sorted(root.rglob("*")) if p.is_file() and p.name.split("@")[0].endswith(HTML_SUFFIXES)]


def seed_lines():
    for path in SEED_CANDIDATES:
        if path.is_file():
            return path.read_text(encoding="utf-8").split("\n")
    pytest.skip("the seed text is not available")


class _TagBalance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], 0

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.errors += 1


def well_formed(markup):
    parser = _TagBalance()
    parser.feed(markup)
    parser.close()
    return parser.errors == 0 and not parser.stack


@pytest.fixture(scope="module")
def portal():
    with SamplePortal() as running:
        yield running


def local(portal, host, path):
    return portal.origins[host] + path


# ---- every site ---------------------------------------------------------------------------

@pytest.mark.parametrize("host", sorted(SITES))
def test_site_serves_robots_sitemap_listing_and_article(portal, host):
    robots = get_text(local(portal, host, "/robots.txt"))
    assert "User-agent: *" in robots
    assert f"Sitemap: https://{host}/sitemap.xml" in robots
    sitemap = ET.fromstring(fetch(local(portal, host, SITES[host]["sitemap"]))[2])
    assert sitemap.tag.endswith(("urlset", "sitemapindex"))
    article_paths = {html.escape(a["path"]) for a in site_articles(host)}
    for listing in SITES[host]["listings"]:
        markup = get_text(local(portal, host, listing))
        assert any(f'href="{path}"' in markup for path in article_paths), listing
    status, headers, _ = fetch(local(portal, host, site_articles(host)[0]["path"]))
    assert status == 200 and headers["Content-Type"].startswith("text/html")


def test_sharepoint_pages_declare_their_charset_only_in_meta(portal):
    status, headers, body = fetch(local(portal, SHAREPOINT, site_articles(SHAREPOINT)[0]["path"]))
    assert status == 200
    assert headers["Content-Type"] == "text/html"
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />' in body


@pytest.mark.parametrize("host", sorted(set(SITES) - {SHAREPOINT}))
def test_other_sites_send_the_charset_in_the_header(portal, host):
    _, headers, _ = fetch(local(portal, host, site_articles(host)[0]["path"]))
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_conditional_get_answers_304(portal):
    url = local(portal, SODTTG, site_articles(SODTTG)[0]["path"])
    status, headers, body = fetch(url)
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and etag and modified
    assert fetch(url, headers={"If-None-Match": etag})[0] == 304
    assert fetch(url, headers={"If-Modified-Since": modified})[0] == 304
    assert fetch(url, headers={"If-None-Match": '"other"', "If-Modified-Since": modified})[0] == 200
    stale = format_datetime(datetime(2015, 1, 1, tzinfo=timezone.utc), usegmt=True)
    assert fetch(url, headers={"If-Modified-Since": stale})[0] == 200
    head_status, head_headers, head_body = fetch(url, method="HEAD")
    assert head_status == 200 and head_body == b""
    assert int(head_headers["Content-Length"]) == len(body)


@pytest.mark.parametrize("path", [
    "/no-such-page.html",
    "/../sites.json",
    "/%2e%2e/sites.json",
    "/tin-tuc-su-kien/..%2f..%2fsites.json",
    "/static/../../expected.json",
    "/tin-tuc-su-kien/tin-hoat-dong.html@x",
])
def test_missing_and_traversal_are_404(portal, path):
    assert fetch(local(portal, SODTTG, path))[0] == 404


def test_query_strings_select_stored_pages(portal):
    first = get_text(local(portal, SHAREPOINT, "/Pages/tin-tuc.aspx"))
    second = get_text(local(portal, SHAREPOINT, "/Pages/tin-tuc.aspx?page=2"))
    assert first != second
    assert fetch(local(portal, SHAREPOINT, "/Pages/tin-tuc.aspx?page=99"))[0] == 404
    article = site_articles(SHAREPOINT)[0]["path"]
    assert fetch(local(portal, SHAREPOINT, article.split("?")[0] + "?ItemID=999999"))[0] == 404
    assert fetch(local(portal, SHAREPOINT, "/Pages/lich-cong-tac.aspx?tuan=7&nam=2025"))[0] == 200
    plain = site_articles(SODTTG)[0]["path"]
    assert get_text(local(portal, SODTTG, plain + "?utm_source=rss")) == get_text(local(portal, SODTTG, plain))


def test_redirects(portal):
    status, headers, _ = fetch(local(portal, SHAREPOINT, "/"), follow=False)
    assert (status, headers["Location"]) == (302, "/Pages/Home.aspx")
    post = site_articles(MIRROR)[0]["path"]
    status, headers, _ = fetch(local(portal, MIRROR, post.rstrip("/")), follow=False)
    assert (status, headers["Location"]) == (301, post)


def test_attachments_are_pdf(portal):
    attachments = [att for a in ARTICLES for att in a["attachments"]]
    assert len(attachments) >= 2
    for attachment in attachments:
        status, headers, body = fetch(portal.local_url(attachment["url"]))
        assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF-")


def test_hits_are_logged(portal):
    fetch(local(portal, MIRROR, "/robots.txt?probe=1"))
    fetch(local(portal, MIRROR, "/no-such-probe"))
    assert (MIRROR, "/robots.txt?probe=1", 200) in portal.hits
    assert (MIRROR, "/no-such-probe", 404) in portal.hits


# ---- the truth file -----------------------------------------------------------------------

def test_expected_counts_and_dates():
    assert len(ARTICLES) >= 40
    per_site = {host: len(site_articles(host)) for host in SITES}
    assert sum(count >= 12 for count in per_site.values()) >= 3
    assert per_site[SODTTG] >= 16 and per_site[MIRROR] >= 3
    for article in ARTICLES:
        published = article["published"]
        day = datetime.fromisoformat(published) if "T" in published else date.fromisoformat(published)
        assert 2015 <= day.year <= 2025, article["url"]
        if "T" in published:
            assert published.endswith("+07:00")
    assert len({a["url"] for a in ARTICLES}) == len(ARTICLES)


def test_every_expected_article_is_served_with_its_canonical_url(portal):
    for article in ARTICLES:
        markup = get_text(local(portal, article["site"], article["path"]))
        assert canonical(markup) == article["url"]
        assert article["url"] == f"https://{article['site']}{article['path']}"


def test_expected_fields_are_on_the_page(portal):
    for article in ARTICLES:
        markup = get_text(local(portal, article["site"], article["path"]))
        text = page_text(markup)
        wanted = [article["title"], *article["captions"], *[a["name"] for a in article["authors"]]]
        wanted += [p for p in article["body"].split("\n\n")] + ([article["summary"]] if article["summary"] else [])
        for piece in wanted:
            assert re.sub(r"\s+", " ", piece) in text, (article["url"], piece[:60])
        for caption in article["captions"]:
            assert re.search(r"<(?:figcaption|em)[^>]*>(?:<p[^>]*>)?" + re.escape(html.escape(caption, quote=False)), markup)
        if article["language"] == "vi":
            squeezed = squeeze_codes(text)
            assert all(doc in squeezed for doc in article["resolutions"]), article["url"]
            day = datetime.fromisoformat(article["published"]).strftime("%d/%m/%Y")
            assert day in text, article["url"]


def test_non_articles_are_served_and_are_not_articles(portal):
    article_paths = {(a["site"], a["path"]) for a in ARTICLES}
    kinds = {page["kind"] for page in EXPECTED["non_articles"]}
    assert {"listing", "empty-listing", "tag", "calendar", "home"} <= kinds
    for page in EXPECTED["non_articles"]:
        assert (page["site"], page["path"]) not in article_paths
        assert fetch(local(portal, page["site"], page["path"]))[0] == 200, page


# ---- the seed and its original ------------------------------------------------------------

def test_seed_text_is_on_the_mirror_page_verbatim(portal):
    lines = seed_lines()
    mirror = next(a for a in ARTICLES if a["site"] == MIRROR and a["source_url"] == SEED_URL)
    markup = get_text(local(portal, MIRROR, mirror["path"]))
    text = page_text(markup)
    for line in lines:
        assert line in text, line[:60]
    captions = [line for line in lines if line.startswith("(") and line.endswith(")")]
    assert len(captions) == 2 and mirror["captions"] == captions
    for caption in captions:
        assert f"<figcaption>{html.escape(caption, quote=False)}</figcaption>" in markup
    for line in lines:
        if line not in captions and not line.startswith(("সূত্র:", "মন্তব্য")):
            assert f">{html.escape(line, quote=False)}</p>" in markup, line[:60]
    assert markup.index("</article>") < markup.index("মন্তব্য (0)")
    assert '<html lang="bn">' in markup and "১৫ জুলাই, ২০২৫" in markup
    assert '<meta property="article:published_time" content="2025-07-15T09:00:00+07:00">' in markup
    assert canonical(markup) == mirror["url"]


def test_vietnamese_original_of_the_seed(portal):
    original = next(a for a in ARTICLES if a["url"] == SEED_URL)
    markup = get_text(local(portal, SODTTG, original["path"]))
    assert f'<h1 class="news-title">{original["title"]}</h1>' in markup
    assert "Ngày đăng: 14/07/2025 10:30" in markup and "Người đăng tin: " in markup
    byline = '<p style="text-align:right"><b>Tác giả: Nguyễn Mạnh Cường - Chánh Văn phòng</b></p>\n</div>'
    assert byline in markup
    assert markup.index(byline) < markup.index("Bình luận (0)") < markup.index("Tin liên quan")
    assert original["published"] == "2025-07-14T10:30:00+07:00"
    assert original["resolutions"] == ["57-NQ/TW", "160/KH-UBND"]
    assert original["authors"] == [{"name": "Nguyễn Mạnh Cường", "role": "Chánh Văn phòng"}]


# ---- structure for crawlers ---------------------------------------------------------------

def next_page(markup):
    match = re.search(r'<a href="([^"]+)"[^>]*>Trang sau</a>', markup)
    return html.unescape(match.group(1)) if match else None


@pytest.mark.parametrize("host", sorted(SITES))
def test_listings_and_next_pages_reach_every_article(portal, host):
    wanted = {a["path"] for a in site_articles(host)}
    found = set()
    for start in SITES[host]["listings"]:
        path, seen = start, set()
        while path and path not in seen:
            seen.add(path)
            markup = get_text(local(portal, host, path))
            found |= local_links(markup) & wanted
            path = next_page(markup)
    assert found == wanted


@pytest.mark.parametrize("host", sorted(SITES))
def test_sitemaps_list_every_article(portal, host):
    locations, queue = {}, [local(portal, host, SITES[host]["sitemap"])]
    while queue:
        tree = ET.fromstring(fetch(queue.pop())[2])
        for entry in tree:
            loc = entry.find("{*}loc").text
            lastmod = entry.find("{*}lastmod")
            if tree.tag.endswith("sitemapindex"):
                queue.append(portal.local_url(loc))
            else:
                locations[loc] = lastmod.text if lastmod is not None else None
    for article in site_articles(host):
        assert locations.get(article["url"]), article["url"]


def test_rss_feeds_link_articles(portal):
    for host in (SODTTG, "xaydungchinhsach.chinhphu.vn"):
        feed = ET.fromstring(fetch(local(portal, host, SITES[host]["rss"]))[2])
        links = [item.find("link").text for item in feed.iter("item")]
        assert links and set(links) <= {a["url"] for a in site_articles(host)}
        markup = get_text(local(portal, host, site_articles(host)[0]["path"]))
        assert '<link rel="alternate" type="application/rss+xml"' in markup and SITES[host]["rss"] in markup


@pytest.mark.parametrize("host", sorted(SITES))
def test_internal_links_resolve(portal, host):
    links = set()
    for path in html_files(host):
        links |= local_links(path.read_text(encoding="utf-8"))
    assert links
    broken = [link for link in sorted(links) if fetch(local(portal, host, link), method="HEAD")[0] != 200]
    assert broken == []


def test_only_the_deliberately_malformed_pages_are_malformed():
    malformed = {ROOT / SITES[a["site"]]["directory"] / a["path"].lstrip("/").replace("?", "@")
                 for a in ARTICLES if a["malformed_html"]}
    assert len(malformed) >= 2
    for host in SITES:
        for path in html_files(host):
            assert well_formed(path.read_text(encoding="utf-8")) == (path not in malformed), path


# ---- the generator and the root ------------------------------------------------------------

def tree_bytes(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_checked_in_files_are_what_the_generator_writes(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "generate.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True)
    for name in ("sites.json", "expected.json"):
        assert (tmp_path / name).read_bytes() == (ROOT / name).read_bytes(), name
    assert tree_bytes(tmp_path / "sites") == tree_bytes(ROOT / "sites")


def test_root_can_be_overridden(tmp_path):
    env = dict(os.environ, GOVNEWS_SAMPLE_PORTAL=str(tmp_path))
    code = "from govnews.sample_portal import DEFAULT_ROOT; print(DEFAULT_ROOT)"
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == str(tmp_path)


def test_stop_releases_the_ports():
    running = SamplePortal().start()
    origins = dict(running.origins)
    assert fetch(origins[MIRROR] + "/")[0] == 200
    running.stop()
    assert running.origins == {}
    with pytest.raises(OSError):
        urllib.request.urlopen(origins[MIRROR] + "/", timeout=2)
