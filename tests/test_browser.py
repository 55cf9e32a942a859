"""The web interface in real Chromium: search, facets, chips, the histogram, exports, articles,
keyboard, no JavaScript, phone width, dark mode. Failing tests leave a screenshot in test-results/."""
import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

QUERY = "chuyển đổi số"


@pytest.fixture()
def site(live_server, page):
    page.set_default_timeout(10_000)
    return live_server


def api(page, site, path):
    return page.request.get(site + path).json()


def test_search_shows_hits_with_marked_words_and_counts(page, site):
    page.goto(site + "/search")
    page.get_by_label("Tìm trong kho tin").fill(QUERY)
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.wait_for_url(re.compile(r"q=chuy"))
    total = api(page, site, "/api/search?q=" + QUERY)["total"]
    expect(page.locator("#count")).to_contain_text(str(total))
    expect(page.locator(".hit").first.locator("mark").first).to_be_visible()
    assert page.locator(".hit").count() == min(total, 20)


def test_facet_click_filters_and_chip_removal_undoes_it(page, site):
    page.goto(site + "/search?q=" + QUERY)
    before = api(page, site, "/api/search?q=" + QUERY)["total"]
    link = page.locator("#facet-resolution-list a").first
    value = link.inner_text()
    count = int(page.locator("#facet-resolution-list .count").first.inner_text())
    link.click()
    page.wait_for_url(re.compile("resolution="))
    assert parse_qs(urlsplit(page.url).query)["resolution"] == [value]
    expect(page.locator("#count")).to_contain_text(str(count))
    chip = page.locator(".chips a.chip").first
    expect(chip).to_contain_text(value)
    chip.click()
    page.wait_for_url(lambda url: "resolution=" not in url)
    expect(page.locator("#count")).to_contain_text(str(before))


def test_histogram_bar_filters_to_its_month(page, site):
    page.goto(site + "/search")
    bar = page.locator("svg.histogram a").first
    month = bar.get_attribute("data-month")
    tooltip = bar.locator("title").text_content()
    count = int(re.search(r": (\d+)", tooltip).group(1))
    bar.click()
    page.wait_for_url(re.compile("from=" + month))
    expect(page.locator("#count")).to_contain_text(str(count))
    expect(page.locator(".chips")).to_contain_text(month)


def test_export_download_has_every_row(page, site):
    page.goto(site + "/search?q=" + QUERY)
    total = api(page, site, "/api/search?q=" + QUERY)["total"]
    with page.expect_download() as info:
        page.locator("a.download", has_text="CSV").click()
    text = open(info.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")))
    assert len(rows) == total > 0


def test_article_page_from_a_hit(page, site):
    page.goto(site + "/search?q=" + QUERY)
    first = page.locator(".hit h2 a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("article h1")).to_have_text(title)
    expect(page.get_by_role("link", name=re.compile("Bài gốc|Original"))).to_be_visible()


def test_keyboard_only_search_and_facet(page, site):
    page.goto(site + "/search")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("href", "#main")  # the skip link comes first
    page.locator("#q").focus()
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=chuy"))
    link = page.locator("#facet-site-list a").first
    link.focus()
    value = link.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("site="))
    expect(page.locator(".chips")).to_contain_text(value)


def test_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site + "/search?q=" + QUERY)
        page.get_by_label("Sắp xếp").select_option("newest")
        page.get_by_role("button", name="Áp dụng").click()
        page.wait_for_url(re.compile("sort=newest"))
        dates = page.locator(".hit time").evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))")
        assert dates == sorted(dates, reverse=True) and dates
        page.locator("#facet-author-list a").first.click()
        page.wait_for_url(re.compile("author="))
        expect(page.locator(".chips a.chip")).to_have_count(1)
    finally:
        context.close()


def test_phone_width_puts_facets_under_results(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site + "/search?q=" + QUERY)
        results = page.locator("section.results").bounding_box()
        facets = page.locator("aside.facets").bounding_box()
        assert facets["y"] >= results["y"] + results["height"] - 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_dark_mode_follows_the_system(browser, site):
    context = browser.new_context(color_scheme="dark", locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site + "/search")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(21, 24, 30)"
    finally:
        context.close()


def test_english_interface_from_the_browser_language_and_the_switch(browser, site):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    try:
        page.goto(site + "/search?q=" + QUERY)
        expect(page.get_by_label("Search the archive")).to_be_visible()
        page.get_by_role("link", name="VI", exact=True).click()
        expect(page.get_by_label("Tìm trong kho tin")).to_be_visible()
        page.goto(site + "/search")  # the choice is remembered
        expect(page.locator("html")).to_have_attribute("lang", "vi")
    finally:
        context.close()
