"""One page in, one record out: profile selectors, embedded metadata, known portal markup,
generic main-content detection, then text patterns; every field says where it came from."""
import functools
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import trafilatura
from htmldate import find_date
from lxml.cssselect import CSSSelector

from archive.docref import find_references
from archive.record import canonical_url
from archive.text import nfc

from . import bylines, dates, htmltext, metadata
from .profiles import Profile

TITLE_SELECTORS = ("[data-role=title]", "h1.detail-title", "h1.article-title", "header.title-article", ".title-article",
                   "#divArticleDescription3 h1", "h1.title", ".news-title", "#news-title", "article h1", "main h1", "h1")
SUMMARY_SELECTORS = ("[data-role=sapo]", ".detail-sapo", ".sapo", "[class*=sapo]", "[class*=tom-tat]", "[class*=tomtat]",
                     "[class*=mo-ta]", "[class*=mota]", ".the-article-summary", "#news-des",
                     "#divArticleDescription1", ".lead", ".summary", "[itemprop=description]")
# The body containers of the Vietnamese portal families; other pages go to trafilatura.
BODY_SELECTORS = ("[data-role=content]", ".detail-content", ".the-article-body", ".content-detail", ".news-content",
                  ".noi-dung", "#divArticleDescription2", "#divArticleContent", "#toanvancontent",
                  ".journal-content-article")
DATE_SELECTORS = ("[data-role=publishdate]", ".detail-time", ".the-article-timecreate", ".publish-date",
                  ".post-date", ".ngay-dang", ".date", ".time")
AUTHOR_SELECTORS = ("a.detail-author-top-name", ".detail-author", ".the-article-author", ".post-author",
                    ".news-author", ".article-author", ".author-name", ".author", ".tac-gia", ".tacgia")
CATEGORY_SELECTORS = ("[data-role=cate-name]", ".breadcrumb li:last-child a", ".breadcrumb a:last-child",
                      ".breadcrumbs a:last-child", ".category-breadcrump li:last-child a")
ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar")
_URL = re.compile(r"https?://\S+")
# Page furniture that Vietnamese portals name in Vietnamese (footer, header, related, comments).
_VIETNAMESE_FURNITURE = [f"//*[contains(@class, '{name}') or contains(@id, '{name}')]" for name in
                         ("chan-trang", "chantrang", "dau-trang", "tin-khac", "tinkhac", "lien-quan", "binh-luan")]
# Pages in these languages get our own date patterns first; others get htmldate's reading.
OUR_LANGUAGES = ("vi", "bn")
# The "attached files" block portals put right after the article text.
_ATTACHMENT_BLOCK = re.compile(r"attach|dinh-?kem|tep-?tin|tai-?lieu|download|file", re.IGNORECASE)
_UPDATED_LABEL = re.compile(r"(?:cập nhật|updated|sửa đổi)", re.IGNORECASE)
_CAPTION_LINE = re.compile(r"^\(.{3,300}\)$|^(?:ảnh|photo)\s*:", re.IGNORECASE | re.DOTALL)


@dataclass
class Extraction:
    record: dict
    explain: dict = field(default_factory=dict)
    is_article: bool = False

    def set(self, name: str, value, source: str):
        if value in (None, "", []):
            return False
        self.record[name] = value
        self.explain[name] = source
        return True


def extract_html(html: str | bytes, url: str, profile: Profile | None = None,
                 content_type: str | None = None) -> Extraction:
    text = htmltext.decode_html(html, content_type) if isinstance(html, bytes) else nfc(html)
    root = htmltext.parse_html(text)
    htmltext.strip_scripts(root)
    page = _Page(root, url, profile, text)
    return page.extract()


class _Page:
    def __init__(self, root, fetch_url: str, profile: Profile | None, html: str):
        self.root, self.fetch_url, self.profile, self.html = root, fetch_url, profile, html
        self.generic = False  # no profile selector or known portal markup found the body
        self.ld = metadata.json_ld_article(root)
        self.meta = metadata.meta_tags(root)
        self.out = Extraction(record={})

    # -- orchestration ------------------------------------------------------------------
    def extract(self) -> Extraction:
        self._url()
        self._site()
        title_el = self._title()
        container = self._container()
        self._dates(title_el, container)
        self._summary()
        self._body_and_bylines(container, title_el)
        self._authors_fallback()
        self._references()
        self._category()
        self._language()
        if self.out.record.get("language") not in OUR_LANGUAGES:
            self._date_by_htmldate(overrule=True)
        self.out.set("fetched", datetime.now(timezone.utc).replace(microsecond=0).isoformat(), "time of fetch")
        self.out.is_article = self._looks_like_article(title_el, container)
        return self.out

    # -- helpers ------------------------------------------------------------------------
    def _select(self, selectors) -> tuple[object, str] | tuple[None, None]:
        for selector in selectors:
            for el in _css(selector)(self.root):
                if htmltext.text_of(el) or el.get("datetime"):
                    return el, selector
        return None, None

    def _profile_selector(self, key: str) -> tuple[object, str] | tuple[None, None]:
        selector = self.profile.selectors.get(key) if self.profile else None
        if not selector:
            return None, None
        el, _ = self._select((selector,))
        return (el, f"profile {self.profile.id} selector {key} ({selector})") if el is not None else (None, None)

    def _find(self, key: str, known_selectors) -> tuple[object, str] | tuple[None, None]:
        """The element for a field: the profile's selector first, then the known portal markup."""
        el, source = self._profile_selector(key)
        if el is None:
            el, selector = self._select(known_selectors)
            source = f"markup {selector}" if el is not None else None
        return el, source

    def _absolute(self, href: str) -> str:
        # Relative links resolve against the record's canonical URL, so a mirror gives the original's links.
        return urljoin(self.out.record.get("url") or self.fetch_url, href.strip())

    # -- fields -------------------------------------------------------------------------
    def _url(self):
        for link in self.root.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                candidate = urljoin(self.fetch_url, link.get("href").strip())
                if urlsplit(candidate).scheme in ("http", "https"):
                    self.out.set("url", canonical_url(candidate), "link rel=canonical")
                    return
        if self.meta.get("og:url", "").startswith("http"):
            self.out.set("url", canonical_url(self.meta["og:url"]), "meta og:url")
            return
        self.out.set("url", canonical_url(self.fetch_url), "fetched URL")

    def _site(self):
        host = urlsplit(self.out.record["url"]).hostname or ""
        self.out.set("site", host, "host of the URL")
        if self.profile and self.profile.owns(self.out.record["url"]):
            self.out.set("site", self.profile.id, f"profile {self.profile.id}")
            self.out.set("agency", self.profile.agency, f"profile {self.profile.id}")
            self.out.set("province", self.profile.province, f"profile {self.profile.id}")

    def _title(self):
        el, source = self._find("title", TITLE_SELECTORS)
        if el is not None:
            self.out.set("title", htmltext.text_of(el), source)
            return el
        for value, source in ((metadata.ld_text(self.ld, "headline"), "JSON-LD headline"),
                              (self.meta.get("og:title"), "meta og:title"),
                              (_strip_site_suffix(htmltext.text_of(self.root.find(".//title")), self.meta.get("og:site_name")), "<title>")):
            if self.out.set("title", value, source):
                break
        return _heading_with_text(self.root, self.out.record.get("title"))

    def _container(self):
        el, source = self._find("body", BODY_SELECTORS)
        if el is None:
            el, source = _densest_block(self.root), "densest text block"
            self.generic = True
        self.out.explain["body"] = source
        return el

    def _dates(self, title_el, container):
        for key, ld_key, meta_keys in (("published", "datePublished", ("article:published_time", "datepublished",
                                                                          "pubdate", "og:published_time", "dc.date")),
                                       ("updated", "dateModified", ("article:modified_time", "datemodified",
                                                                    "og:updated_time"))):
            el, source = self._profile_selector("date" if key == "published" else "updated")
            if el is not None and self.out.set(key, _date_from_element(el), source):
                if key == "published":
                    self._updated_beside(el)
                continue
            if self.out.set(key, dates.parse_iso(metadata.ld_text(self.ld, ld_key) or ""), f"JSON-LD {ld_key}"):
                continue
            if any(self.out.set(key, dates.parse_iso(self.meta.get(m, "")), f"meta {m}") for m in meta_keys):
                continue
        if "published" not in self.out.record:
            self._dates_from_markup(title_el, container)
        elif "updated" not in self.out.record and title_el is not None:
            self._dates_after_title(title_el, container)

    def _updated_beside(self, date_el):
        """An "Updated: …" / "Cập nhật: …" date printed next to the publication date."""
        block = date_el.getparent() if date_el.getparent() is not None else date_el
        text = htmltext.text_of(block)
        for position, value in dates.find_dates(text):
            if _UPDATED_LABEL.search(text[max(0, position - 25):position]):
                self.out.set("updated", value, "date labelled as an update beside the date")
                return

    def _dates_from_markup(self, title_el, container):
        for time_el in _article_region(self.root, title_el).iterfind(".//time"):
            if self.out.set("published", dates.parse_iso(time_el.get("datetime") or ""), "<time datetime>"):
                return
        if title_el is not None:
            self._dates_after_title(title_el, container)
        if "published" not in self.out.record:
            el, selector = self._select(DATE_SELECTORS)
            if el is not None:
                self.out.set("published", _date_from_element(el), f"markup {selector}")
        if "published" not in self.out.record:
            self._date_by_htmldate()

    def _date_by_htmldate(self, overrule: bool = False):
        """htmldate's reading of the whole page. On our portals' pages, never a date the page
        header shows (they print "today" there). On pages in other languages than ours it
        overrules a date of another day: its knowledge of the world's sites beats our patterns
        there (a UTC timestamp, say, whose day is not the one the site shows)."""
        if overrule and (self.out.explain.get("published") or "").startswith("profile"):
            return  # a site profile knows where its pages print the date
        found = find_date(self.html, url=self.fetch_url, extensive_search=True, original_date=True)
        if not found or found in _header_dates(self.root):
            return
        current = self.out.record.get("published")
        if current is None or (overrule and current[:10] != found):
            self.out.set("published", found, "htmldate (whole page)")

    def _dates_after_title(self, title_el, container):
        """Dates written between the heading and the body: never the header's "today" or a sidebar's."""
        text = _text_between(title_el, container)
        for position, value in dates.find_dates(text):
            label = text[max(0, position - 25):position]
            key = "updated" if _UPDATED_LABEL.search(label) else "published"
            if key not in self.out.record:
                self.out.set(key, value, "date line under the title")

    def _summary(self):
        el, source = self._find("summary", SUMMARY_SELECTORS)
        if el is not None:
            self.out.set("summary", htmltext.text_of(el), source)
        else:
            self.out.set("summary", metadata.ld_text(self.ld, "description"), "JSON-LD description")

    def _body_and_bylines(self, container, title_el):
        images = self._captioned_images(container)
        self._attachments(container)
        htmltext.strip_boilerplate(container)
        found = _article_paragraphs(container, self.out.record)
        paragraphs = self._take_captions(found, images)
        paragraphs = self._take_tail_lines(paragraphs)
        paragraphs = self._take_head_byline(paragraphs)
        if self.generic:
            # Bylines, source lines and captions were read from the page's own blocks above;
            # trafilatura decides what else is article text.
            taken = {text for text, _ in found} - {text for text, _ in paragraphs}
            paragraphs = [(t, e) for t, e in self._generic_paragraphs(images) if t not in taken] or paragraphs
        self.out.set("images", images, "figures and captions in the body")
        self.out.record["body"] = "\n\n".join(text for text, _ in paragraphs)

    def _generic_paragraphs(self, images) -> list[tuple[str, object]]:
        """Main content by trafilatura, for pages of no known family; captions found in the page
        are taken out of it, as from any body."""
        text = trafilatura.extract(self.html, url=self.fetch_url, include_comments=False, include_tables=True,
                                   prune_xpath=_VIETNAMESE_FURNITURE)
        if not text:
            return []
        self.out.explain["body"] = "trafilatura (generic main content)"
        captions = {image["caption"] for image in images if image["caption"]}
        lines = [htmltext.clean_line(line) for line in text.splitlines()]
        kept = []
        for line in lines:
            if htmltext.END_MARKERS.match(line):
                break
            if line and line not in captions and line not in (self.out.record.get("title"), self.out.record.get("summary")):
                kept.append((line, None))
        return kept

    def _captioned_images(self, container) -> list[dict]:
        images = []
        for img in container.iter("img"):
            src = img.get("src") or img.get("data-src") or img.get("data-original")
            if not src or src.startswith("data:"):
                continue
            caption_el = _caption_of(img)
            caption = htmltext.text_of(caption_el) if caption_el is not None else None
            images.append({"src": self._absolute(src), "caption": caption or img.get("alt") or None})
            if caption_el is not None:
                htmltext.remove_element(caption_el)
        return images

    def _take_captions(self, paragraphs, images):
        """Parenthesised lines such as "(Quang cảnh hội nghị)" are photo captions, not body text."""
        kept = []
        uncaptioned = [image for image in images if not image["caption"]]
        for text, el in paragraphs:
            if _CAPTION_LINE.match(text) and len(text) < 300:
                if uncaptioned:
                    uncaptioned.pop(0)["caption"] = text
                else:
                    images.append({"src": None, "caption": text})
                continue
            kept.append((text, el))
        return kept

    def _take_tail_lines(self, paragraphs):
        """Bylines and source lines at the end of the body become fields and leave the body."""
        while paragraphs:
            text, el = paragraphs[-1]
            if bylines.is_source_credit(text):
                found = _URL.search(text)
                if found:
                    self.out.set("source_url", canonical_url(found.group(0).rstrip(").,")), "source line at the end")
                paragraphs = paragraphs[:-1]
                continue
            styled = el is not None and bool(htmltext.style_marks(el) & {"right", "bold", "italic"})
            authors = bylines.parse_byline(text, labelled_only=not styled)
            if not authors or "authors" in self.out.record:
                break
            self.out.set("authors", authors, "byline at the end of the body")
            paragraphs = paragraphs[:-1]
        return paragraphs

    def _take_head_byline(self, paragraphs):
        if paragraphs and "authors" not in self.out.record:
            authors = bylines.parse_byline(paragraphs[0][0], labelled_only=True)
            if authors:
                self.out.set("authors", authors, "byline at the start of the body")
                return paragraphs[1:]
        return paragraphs

    def _authors_fallback(self):
        if "authors" in self.out.record:
            return
        el, source = self._find("author", AUTHOR_SELECTORS)
        if el is not None and self.out.set("authors", bylines.parse_byline(htmltext.text_of(el)), source):
            return
        names = metadata.ld_authors(self.ld) or ([self.meta["author"]] if "author" in self.meta else [])
        people = [a for name in names for a in bylines.parse_byline(name)]
        self.out.set("authors", people, "JSON-LD author" if self.ld.get("author") else "meta author")

    def _attachments(self, container):
        seen, files = set(), []
        blocks = [container, *(sibling for sibling in container.itersiblings() if _ATTACHMENT_BLOCK.search(
            f"{sibling.get('class') or ''} {sibling.get('id') or ''}"))]
        for link in (a for block in blocks for a in block.iter("a")):
            href = link.get("href") or ""
            if urlsplit(href).path.lower().endswith(ATTACHMENT_EXTENSIONS):
                url = self._absolute(href)
                if url not in seen:
                    seen.add(url)
                    files.append({"url": url, "title": htmltext.text_of(link) or None})
        self.out.set("attachments", files, "document links in the body")

    def _references(self):
        record = self.out.record
        text = "\n\n".join(record.get(k) or "" for k in ("title", "summary", "body"))
        references = find_references(text)
        self.out.set("references", references, "document numbers in the text")
        self.out.set("resolutions", [r["id"] for r in references], "document numbers in the text")

    def _category(self):
        el, source = self._find("category", CATEGORY_SELECTORS)
        if el is not None and self.out.set("category", htmltext.text_of(el), source):
            return
        self.out.set("category", metadata.ld_text(self.ld, "articleSection") or self.meta.get("article:section"),
                     "JSON-LD articleSection")

    def _language(self):
        lang = (self.root.get("lang") or "").split("-")[0].lower()
        if lang:
            self.out.set("language", lang, "<html lang>")
        else:
            self.out.set("language", guess_language(self.out.record.get("body") or ""), "script of the body text")

    def _looks_like_article(self, title_el, container) -> bool:
        by_url = self.profile.is_article_url(self.fetch_url) if self.profile else None
        if by_url is not None:
            return by_url
        if self.ld or self.meta.get("og:type") == "article":
            return True
        body = self.out.record.get("body") or ""
        return (title_el is not None and len(body) >= 200 and body.count("\n\n") >= 1
                and "published" in self.out.record and _link_density(container) < 0.4)


def extract_text(text: str, url: str, profile: Profile | None = None) -> Extraction:
    """A plain-text page (one paragraph a line), such as a saved translation."""
    html = "".join(f"<p>{_escape(line)}</p>" for line in nfc(text).splitlines() if line.strip())
    title = _first_sentence(next((line for line in text.splitlines() if line.strip()), ""))
    page = f"<html><head><title>{_escape(title)}</title></head><body><div class='text'>{html}</div></body></html>"
    out = extract_html(page, url, profile)
    out.explain["title"] = "first sentence of the text (plain text has no heading)"
    return out


def guess_language(text: str) -> str | None:
    bengali = sum(1 for ch in text if "\u0980" <= ch <= "\u09ff")
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    if bengali / letters > 0.3:
        return "bn"
    if re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text.lower()):
        return "vi"
    return "en" if text.strip() else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _first_sentence(line: str, limit: int = 120) -> str:
    sentence = re.split(r"(?<=[.!?।:])\s", line.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


@functools.lru_cache(maxsize=256)
def _css(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def _caption_of(img):
    """The caption of an image: a figcaption, or a "caption" cell or block of the image's frame."""
    for depth, frame in enumerate(img.iterancestors()):
        if depth > 4 or frame.tag == "body":
            return None
        if frame.tag in ("figure", "table") or re.search(r"image|photo|figure|picture", frame.get("class") or ""):
            return next((el for el in frame.iter()
                         if el.tag == "figcaption" or "caption" in (el.get("class") or "").lower()), None)
    return None


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _strip_site_suffix(title: str, site_name: str | None = None) -> str:
    """"Heading - Site name" → "Heading": the site's name is the part og:site_name gives, or the last."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    if site_name in parts:
        return " - ".join(part for part in parts if part != site_name)
    last = list(_TITLE_SEPARATOR.finditer(title))[-1]
    return title[:last.start()] if len(title) - last.end() <= 80 else title


def _date_from_element(el) -> str | None:
    return dates.parse_iso(el.get("datetime") or el.get("content") or "") or dates.first_date(htmltext.text_of(el))


def _heading_with_text(root, title: str | None):
    """The page's heading that says the title (an h2 or h3 where the portal has no h1)."""
    if not title:
        return None
    return next((el for el in root.iter("h1", "h2", "h3", "h4") if htmltext.text_of(el) == title), None)


def _article_region(root, title_el):
    """Where an article's own <time> elements are: its <article>, or the block around its heading."""
    article = root.find(".//article")
    if article is not None:
        return article
    if title_el is None:
        return root
    region = title_el
    for _ in range(2):
        region = region.getparent() if region.getparent() is not None else region
    return region


# Page headers by their class or id as whole words ("date-header" on a blog is a post's date).
_HEADER = re.compile(r"(?:^|\s)(?:header|site-header|page-header|top-?bar|today|current-?date|ngay-?hien-?tai)(?:$|\s)",
                     re.I)


def _header_dates(root) -> set[str]:
    """Dates printed in the page's header, where portals show today's date."""
    found = set()
    for el in root.iter():
        if isinstance(el.tag, str) and (el.tag == "header" or _HEADER.search(f"{el.get('class', '')} {el.get('id', '')}")):
            found.update(value[:10] for _, value in dates.find_dates(" ".join(el.itertext())))
    return found


def _text_between(title_el, container, limit: int = 600) -> str:
    parts, size = [], 0
    for node in title_el.xpath("following::text()"):
        parent = node.getparent()
        if parent is container or container in parent.iterancestors() or htmltext.is_boilerplate(parent):
            break
        parts.append(str(node))
        size += len(node)
        if size > limit:
            break
    return htmltext.clean_line(" ".join(parts))


def _article_paragraphs(container, record) -> list[tuple[str, object]]:
    title = record.get("title")
    summary = record.get("summary")
    kept = []
    for text, el in htmltext.blocks(container):
        if htmltext.END_MARKERS.match(text):
            break
        if text in (title, summary) or bylines.is_uploader(text):
            continue
        kept.append((text, el))
    return kept


def _densest_block(root):
    best, best_score = root.find("body") if root.find("body") is not None else root, 0
    for el in root.iter("div", "article", "section", "main", "td"):
        text = sum(len(htmltext.text_of(p)) for p in el if p.tag == "p")
        if text <= best_score or htmltext.is_boilerplate(el):
            continue  # the link density can only lower the score: no need to compute it
        score = text * (1 - _link_density(el))
        if score > best_score:
            best, best_score = el, score
    return best


def _link_density(el) -> float:
    total = len(htmltext.text_of(el)) or 1
    linked = sum(len(htmltext.text_of(a)) for a in el.iter("a"))
    return linked / total
