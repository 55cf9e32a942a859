"""HTML to plain text the archive keeps: decoding, boilerplate removal, paragraphs and captions."""
import re

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

from archive.text import nfc

BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "tbody", "thead", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "figure", "figcaption", "form", "fieldset", "address", "center", "hr",
}
_DROP_TAGS = ("script", "style", "noscript", "iframe", "template", "svg", "button", "input", "select", "textarea")
# Class or id words that mark page furniture rather than article text.
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:comment|comments|binh-?luan|binhluan|formbinhluan|share|sharing|social|print|in-bai|"
    r"related|lien-?quan|lienquan|tin-?khac|tinkhac|xem-?nhieu|xemnhieu|most-read|tin-?moi|tinmoi|sidebar|"
    r"breadcrumbs?|breadcrump|menu|navbar|nav|footer|header|banner|toolbar|tags?|tu-?khoa|viewcount|luot-?xem|"
    r"pagination|paging|phan-?trang|rating|vote|widget|advert|quang-?cao|no-print)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Headings after which a body holds no more article text.
END_MARKERS = re.compile(
    r"^(?:bình luận|ý kiến bạn đọc|gửi bình luận|tin liên quan|các tin khác|tin cùng chuyên mục|bài viết liên quan|"
    r"tin đã đưa|xem thêm|comments?|related (?:articles|stories|news)|মন্তব্য|সম্পর্কিত)"
    r"\s*(?:\(\d+\))?\s*:?$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u200b\u3000]+")


HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_html(content_type: str | None, body: bytes) -> bool:
    """An HTML page by its type, or by its first byte when the type says nothing useful;
    sitemaps and feeds (XML) are not pages."""
    content_type = (content_type or "").lower()
    if content_type.startswith(HTML_TYPES):
        return True
    start = body.lstrip()[:5]
    return "xml" not in content_type and start[:1] == b"<" and start != b"<?xml"


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text: the charset of the HTTP header, else of the page's meta tag, else UTF-8 or a guess."""
    _, text = html_to_unicode(content_type, body)
    return nfc(text)


def parse_html(text: str) -> lxml.html.HtmlElement:
    if not text.strip():
        raise ValueError("the page is empty")
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    return lxml.html.document_fromstring(text, parser=parser)


def strip_scripts(root) -> None:
    for el in list(root.iter(*_DROP_TAGS)):
        if el.tag == "script" and "ld+json" in (el.get("type") or ""):
            continue
        remove_element(el)


def is_boilerplate(el) -> bool:
    if el.tag in ("nav", "footer", "aside"):
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    return bool(marks) and bool(_BOILERPLATE.search(marks))


def strip_boilerplate(container) -> None:
    for el in list(container.iter()):
        if el is not container and isinstance(el.tag, str) and el.getparent() is not None and is_boilerplate(el):
            remove_element(el)


def remove_element(el) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    parent.remove(el)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def clean_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def text_of(el) -> str:
    return clean_line(el.text_content()) if el is not None else ""


def blocks(el) -> list[tuple[str, object]]:
    """The element's text as paragraphs: (text, element that holds it), in document order."""
    out: list[tuple[str, object]] = []
    _collect(el, out)
    return [(t, e) for t, e in out if t]


def _collect(el, out) -> None:
    if not _holds_blocks(el):
        for line in _inline_lines(el):
            out.append((line, el))
        return
    buffer = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            buffer.append(child.tail or "")
        elif child.tag in BLOCK_TAGS or _holds_blocks(child):
            # Inline wrappers left open by sloppy markup (<span><p>…</p>) are walked like blocks.
            _flush(buffer, el, out)
            _collect(child, out)
            buffer = [child.tail or ""]
        elif child.tag == "br":
            _flush(buffer, el, out)
            buffer = [child.tail or ""]
        else:
            buffer.append(etree.tostring(child, method="text", encoding="unicode", with_tail=True))
    _flush(buffer, el, out)


def _flush(buffer, el, out) -> None:
    line = clean_line("".join(buffer))
    if line:
        out.append((line, el))
    buffer.clear()


def _holds_blocks(el) -> bool:
    return any(isinstance(d.tag, str) and (d.tag in BLOCK_TAGS or d.tag == "br") for d in el.iterdescendants())


def _inline_lines(el) -> list[str]:
    return [clean_line(t) for t in re.split(r"\n\s*\n", el.text_content())]


def style_marks(el) -> set[str]:
    """Typographic marks of a byline paragraph: right-aligned, bold, italic."""
    marks = set()
    for node in [el, *el.iterdescendants()]:
        if not isinstance(node.tag, str):
            continue
        style = (node.get("style") or "").replace(" ", "").lower()
        if "text-align:right" in style or node.get("align") == "right" or "right" in (node.get("class") or ""):
            marks.add("right")
        if node.tag in ("b", "strong") or "font-weight:bold" in style:
            marks.add("bold")
        if node.tag in ("i", "em"):
            marks.add("italic")
    return marks
