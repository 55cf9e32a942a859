"""Bylines: who wrote an article, told apart from source credits and uploaders."""
import re

# "Tác giả: …", "Bài, ảnh: …", "Thực hiện: …" need their colon ("Thực hiện Nghị quyết…" is a
# sentence); "By …" and the Bengali "লেখক …" do not.
_LABEL = re.compile(
    r"^\s*(?:(?:tác\s*giả|người\s*viết|bài(?:\s*,\s*ảnh)?|tin(?:\s*,\s*ảnh)?|thực\s*hiện|author)\s*[:：]"
    r"|(?:by|লেখক|লেখা)(?=\s))\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_UPLOADER = re.compile(r"^\s*(?:người\s*đăng(?:\s*tin)?|biên\s*tập)\s*:", re.IGNORECASE)
_SOURCE = re.compile(
    r"^\s*(?:\(?nguồn(?:\s*tin)?\s*:?|theo\s+\S|ảnh\s*:|\(ảnh\s*:|source\s*:|সূত্র\s*:|\([\w.]+\.(?:vn|com|net)\)\s*[-–])",
    re.IGNORECASE,
)
_ROLE_HEAD = re.compile(
    r"^(?:phó\s+)?(?:chánh|giám\s*đốc|trưởng|chủ\s*tịch|bí\s*thư|cục\s*trưởng|vụ\s*trưởng|bộ\s*trưởng|thứ\s*trưởng|"
    r"chi\s*cục\s*trưởng|chuyên\s*viên|ủy\s*viên|uỷ\s*viên|văn\s*thư|kế\s*toán|phóng\s*viên|cộng\s*tác\s*viên|"
    r"cán\s*bộ|công\s*chức|viên\s*chức|head|director|deputy|officer|"
    r"অফিসের|পরিচালক|প্রধান|উপ|সচিব)",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+")
ANONYMOUS = {"PV", "P.V", "CTV", "BBT", "NHÓM PV", "PV-CTV"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’]*$")


def is_source_credit(line: str) -> bool:
    """"Nguồn: …", "Theo TTXVN", "সূত্র: URL": short lines (a sentence that starts with "Theo" is text)."""
    short = len(_URL.sub("", line)) <= 100
    return short and bool(_SOURCE.match(line))


def is_uploader(line: str) -> bool:
    return bool(_UPLOADER.match(line))


def parse_byline(line: str, labelled_only: bool = False) -> list[dict]:
    """Authors named by one byline line; [] when the line is not a byline.

    A labelled line ("Tác giả: …", "By …", "লেখক …") is trusted; a bare line ("Khánh Ly",
    "Hoàng Văn Dũng - Phó Giám đốc Sở") is accepted only when it looks like names.
    """
    line = line.strip().strip("|").strip()
    if not line or is_source_credit(line) or is_uploader(line):
        return []
    labelled = _LABEL.match(line)
    if labelled:
        line = labelled["rest"].strip().strip("|").strip()
    elif labelled_only or len(line) > 80:
        return []
    authors = _split_authors(line)
    if not labelled and not all(_looks_like_name(a["name"]) for a in authors):
        return []
    return authors


def _split_authors(text: str) -> list[dict]:
    parts = [p.strip(" .,;") for p in re.split(r"\s+[-–—]\s+|\s*,\s*|\s+và\s+|\s+and\s+", text) if p.strip(" .,;")]
    authors: list[dict] = []
    for part in parts:
        if authors and _ROLE_HEAD.match(part) and authors[-1]["role"] is None:
            authors[-1]["role"] = part
        elif authors and authors[-1]["role"] and not _looks_like_name(part):
            authors[-1]["role"] += " - " + part  # "Trưởng phòng Kế hoạch - Tổng hợp"
        else:
            authors.append({"name": _tidy_name(part), "role": None})
    return authors


def _tidy_name(name: str) -> str:
    """ALL-CAPS names become title case; the anonymous staff marks stay as written."""
    if name.upper() in ANONYMOUS:
        return name.upper()
    if name.isupper() and len(name) > 3:
        return name.title()
    return name


def _looks_like_name(name: str) -> bool:
    if name.upper() in ANONYMOUS:
        return True
    words = name.split()
    return 1 <= len(words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)
