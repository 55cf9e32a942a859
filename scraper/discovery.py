"""How a crawl finds pages: pagination, feeds, URL shapes (for traps), dates on listing pages."""
import re
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from scraper.dates import find_dates

_PAGE_PARAM = re.compile(r"(?:^|[?&;_])(?:page|Page|p|trang|cur|pageindex|PageIndex|pg)=\d+")
_PAGE_PATH = re.compile(r"/(?:trang|page|p)[-/]\d+(?:\.html?|/)?$|/PhanTrang/\d+/\d+/", re.IGNORECASE)
_NEXT_TEXT = re.compile(r"^(?:trang sau|sau|tiếp|tiếp theo|next|»|›|>|>>|xem thêm)$", re.IGNORECASE)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


def is_pagination(url: str, text: str = "", rel: str = "") -> bool:
    """A link to another page of the same listing: rel=next, "Trang sau", ?page=2, /trang-2.html, _cur=2."""
    parts = urlsplit(url)
    return ("next" in rel.lower().split() or bool(_NEXT_TEXT.match(text.strip()))
            or bool(_PAGE_PARAM.search(parts.query)) or bool(_PAGE_PATH.search(parts.path)))


def url_shape(url: str) -> str:
    """Path with digit runs as '#', and the query's parameter names: one shape per kind of page."""
    parts = urlsplit(url)
    names = sorted({name for name, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return re.sub(r"\d+", "#", parts.path) + ("?" + "&".join(names) if names else "")


def feed_links(feed_body: bytes) -> list[tuple[str, str | None]]:
    """(link, date text) of every item of an RSS or Atom feed; [] for a broken feed."""
    try:
        root = etree.fromstring(feed_body, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                                   no_network=True))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    items = []
    for item in root.iter("{*}item", "{*}entry"):
        link = item.findtext("{*}link") or ""
        if not link.strip():
            atom = item.find("{*}link")
            link = atom.get("href", "") if atom is not None else ""
        when = item.findtext("{*}pubDate") or item.findtext("{*}updated") or item.findtext("{*}published")
        if link.strip():
            items.append((link.strip(), when))
    return items


def item_date(anchor) -> str | None:
    """The date printed next to a listing item (in the link's block), as ISO text."""
    block = anchor
    for _ in range(3):
        parent = block.getparent()
        if parent is None or len(parent.xpath(".//a[@href]")) > 3:
            break
        block = parent
    found = find_dates(" ".join(block.itertext()))
    return found[0][1] if found else None
