"""Citations of an archived article: BibTeX, RIS and CSL-JSON (for reference managers)."""
import re
from datetime import date


def _date_parts(value) -> list[int] | None:
    try:
        day = date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
    return [day.year, day.month, day.day]


def _one_line(text) -> str:
    return re.sub(r"\s+", " ", "".join(ch for ch in str(text or "") if ch.isprintable() or ch.isspace())).strip()


def _container(record: dict) -> str:
    return record.get("agency") or record.get("site") or ""


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def bibtex_escape(text) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in _one_line(text))


def _bibtex_url(url: str) -> str:
    """A URL for a verbatim BibTeX field: no braces or spaces to unbalance it."""
    return re.sub(r"[{}\s\\]", lambda m: f"%{ord(m.group()):02X}", url or "")


def _key(record: dict) -> str:
    return "govnews-" + re.sub(r"[^A-Za-z0-9_-]", "", record["id"])


def bibtex(record: dict) -> str:
    fields = [("title", "{" + bibtex_escape(record["title"]) + "}")]
    if record.get("authors"):
        fields.append(("author", " and ".join("{" + bibtex_escape(a["name"]) + "}" for a in record["authors"])))
    if _container(record):
        fields.append(("organization", bibtex_escape(_container(record))))
    issued, accessed = _date_parts(record.get("published")), _date_parts(record.get("fetched"))
    if issued:
        fields += [("date", "{:04d}-{:02d}-{:02d}".format(*issued)), ("year", str(issued[0]))]
    fields.append(("url", _bibtex_url(record["url"])))
    if accessed:
        fields.append(("urldate", "{:04d}-{:02d}-{:02d}".format(*accessed)))
    if record.get("language"):
        fields.append(("langid", bibtex_escape(record["language"])))
    if record.get("source_url"):
        fields.append(("note", "Source: \\url{" + _bibtex_url(record["source_url"]) + "}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{_key(record)},\n{body}\n}}\n"


def ris(record: dict) -> str:
    lines = [("TY", "ELEC"), ("ID", _key(record)), ("TI", record["title"])]
    lines += [("AU", a["name"]) for a in record.get("authors") or []]
    issued, accessed = _date_parts(record.get("published")), _date_parts(record.get("fetched"))
    if issued:
        lines += [("PY", str(issued[0])), ("DA", "{:04d}/{:02d}/{:02d}".format(*issued))]
    if _container(record):
        lines += [("T2", _container(record)), ("PB", _container(record))]
    if record.get("province"):
        lines.append(("CY", record["province"]))
    lines.append(("UR", record["url"]))
    if accessed:
        lines.append(("Y2", "{:04d}/{:02d}/{:02d}".format(*accessed)))
    if record.get("summary"):
        lines.append(("AB", record["summary"]))
    if record.get("language"):
        lines.append(("LA", record["language"]))
    lines += [("KW", rid) for rid in record.get("resolutions") or []]
    if record.get("source_url"):
        lines.append(("N1", "Source: " + record["source_url"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def csl_json(record: dict) -> list[dict]:
    item = {"id": _key(record), "type": "article-newspaper" if record.get("published") else "webpage",
            "title": record["title"], "URL": record["url"]}
    if record.get("authors"):
        item["author"] = [{"literal": a["name"]} for a in record["authors"]]
    if _container(record):
        item["container-title"] = _container(record)
    if record.get("agency"):
        item["publisher"] = record["agency"]
    if record.get("province"):
        item["publisher-place"] = record["province"]
    issued, accessed = _date_parts(record.get("published")), _date_parts(record.get("fetched"))
    if issued:
        item["issued"] = {"date-parts": [issued]}
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    if record.get("summary"):
        item["abstract"] = record["summary"]
    if record.get("language"):
        item["language"] = record["language"]
    if record.get("source_url"):
        item["note"] = "Source: " + record["source_url"]
    return [item]
