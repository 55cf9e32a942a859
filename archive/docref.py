"""Document references: find the legal and Party document numbers a text cites.

Two numbering systems exist (vn_portals §2.1):
  Party  NUM-TYPE/ISSUER            57-NQ/TW, 02-KH/BCĐTW
  State  NUM[/YEAR]/TYPE-ISSUER     160/KH-UBND, 01/2025/NĐ-CP, 2881/VP-KGVX (công văn: no type)

Text is first normalised (NFC, wrong Đ code points, dashes, Bengali digits and Bengali-spelled
letter names), then searched twice: a case-sensitive pass that trusts upper-case codes anywhere,
and a case-insensitive pass on diacritic-folded text that only looks right after a type word
("Nghị quyết", "Resolution") or "số"/"No.", where a lower-case code cannot be a date or a rate.
"""
import re
from datetime import date
from functools import lru_cache

from archive.text import ascii_digits, fold, nfc

TYPE_NAMES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "KH": "Kế hoạch", "CT": "Chỉ thị",
    "TB": "Thông báo", "KL": "Kết luận", "NĐ": "Nghị định", "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch", "HD": "Hướng dẫn",
    "CTr": "Chương trình", "BC": "Báo cáo", "TTr": "Tờ trình", "ĐA": "Đề án", "DA": "Dự án",
    "PA": "Phương án", "QC": "Quy chế", "QyĐ": "Quy định", "QĐi": "Quy định",
    "CĐ": "Công điện", "CV": "Công văn", "TC": "Thông cáo", "BB": "Biên bản",
    "HĐ": "Hợp đồng", "BGN": "Bản ghi nhớ", "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo",
    "SY": "Bản sao y", "TrS": "Bản trích sao", "SL": "Bản sao lục",
    "L": "Luật", "QH": "Luật", "PL": "Pháp lệnh", "VBHN": "Văn bản hợp nhất", "AL": "Án lệ",
}
# "L" is Luật, except in L-CTN, the President's order (Lệnh) promulgating a law.
_TYPE_NAME_BY_ISSUER = {("L", "CTN"): "Lệnh"}

# Upper-cased segments whose canonical spelling is mixed case or carries Đ.
_SEGMENT_FIXES = {
    "TTG": "TTg", "TTR": "TTr", "CTR": "CTr", "QYĐ": "QyĐ", "QYD": "QyĐ", "TRS": "TrS",
    "QĐI": "QĐi", "QDI": "QĐi", "HDND": "HĐND", "BCDTW": "BCĐTW", "BCDCP": "BCĐCP",
}
# Only in the type slot: ND is Nghị định there, but the ND of UBND (Ủy ban nhân dân) has no Đ.
_TYPE_SLOT_FIXES = {"QD": "QĐ", "ND": "NĐ", "CD": "CĐ"}

# --- normalisation ------------------------------------------------------------------------

_WRONG_D = str.maketrans({"\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SLASHES = re.compile(r"[\u2044\u2215\uff0f]")
_NUMBER_WORD_GLUED = re.compile(r"(?<!\w)(số|Số|SỐ|so|So|No\.?|no\.?)(?=\d)")

# English letter names as Bengali script writes them, e.g. এনকিউ = N-Q.
_BENGALI_LETTER_NAMES = {
    "A": ["এ"], "B": ["বি"], "C": ["সি"], "D": ["ডি"], "E": ["ই"], "F": ["এফ"], "G": ["জি"],
    "H": ["এইচ"], "I": ["আই"], "J": ["জে"], "K": ["কে"], "L": ["এল"], "M": ["এম"], "N": ["এন"],
    "O": ["ও"], "P": ["পি"], "Q": ["কিউ"], "R": ["আর"], "S": ["এস"], "T": ["টি"], "U": ["ইউ"],
    "V": ["ভি"], "W": ["ডব্লিউ", "ডাব্লিউ"], "X": ["এক্স"], "Y": ["ওয়াই"], "Z": ["জেড"],
}
_BENGALI_NAME_TO_LETTER = sorted(
    ((nfc(name), letter) for letter, names in _BENGALI_LETTER_NAMES.items() for name in names),
    key=lambda pair: -len(pair[0]),
)
_BENGALI_SEGMENT = r"[\u0980-\u09ff\u200c\u200d]+"
_BENGALI_CODE = re.compile(
    rf"(?<!\w)(\d{{1,5}}(?:\s*/\s*\d{{4}})?\s*[-/]\s*)({_BENGALI_SEGMENT}(?:\s*[-/]\s*{_BENGALI_SEGMENT})*)"
)


def _normalise(text: str) -> str:
    text = nfc(text).translate(_WRONG_D)
    text = _SLASHES.sub("/", _DASHES.sub("-", text))
    text = _decode_bengali_codes(ascii_digits(text))
    return _NUMBER_WORD_GLUED.sub(r"\1 ", text)


def _decode_bengali_codes(text: str) -> str:
    return _BENGALI_CODE.sub(lambda m: m.group(1) + _decode_bengali_tail(m.group(2)), text)


def _decode_bengali_tail(tail: str) -> str:
    """Decode the letter-name segments of a code; stop at the first one that is not a code."""
    pieces = re.split(r"(\s*[-/]\s*)", tail)  # segment, separator, segment, ...
    decoded = ""
    for index in range(0, len(pieces), 2):
        letters = _decode_letter_names(pieces[index])
        if letters is None:
            return decoded + "".join(pieces[index - 1:]) if index else tail
        if index:
            decoded += pieces[index - 1].strip()
        decoded += letters
    return decoded


def _decode_letter_names(segment: str) -> str | None:
    """'কেএইচ' -> 'KH' (greedy, longest name first); None unless it decodes completely."""
    segment = segment.replace("\u200c", "").replace("\u200d", "")
    letters, position = [], 0
    while position < len(segment):
        for name, letter in _BENGALI_NAME_TO_LETTER:
            if segment.startswith(name, position):
                letters.append(letter)
                position += len(name)
                break
        else:
            return None
    # A lone letter is more likely a Bengali suffix (-এ, "in") than a code segment.
    return "".join(letters) if len(letters) >= 2 else None


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    folded = fold(ch).lower()
    if len(folded) == 1:
        return folded
    return ch.lower() if len(ch.lower()) == 1 else ch


def _fold_lower(text: str) -> str:
    """Diacritic-folded lower case text, character for character (positions stay valid)."""
    return "".join(_fold_char(ch) for ch in text)


# --- code patterns --------------------------------------------------------------------------

_SP = r"[ \t\u00a0]*"
_MIXED = "TTg|TTr|CTr|QyĐ|QĐi|TrS"
_SEG = rf"(?:{_MIXED}|[A-ZĐƯ][A-ZĐƯ0-9&]*)"
_BEFORE = r"(?<![\w/.\-])"
_AFTER = r"(?![\w&])"

_PARTY = re.compile(
    rf"{_BEFORE}(?P<num>\d{{1,5}}){_SP}-{_SP}(?P<type>{_MIXED}|[A-ZĐ]{{1,5}}){_SP}/{_SP}"
    rf"(?P<issuer>{_SEG}(?:-{_SEG})*){_AFTER}"
)
_STATE = re.compile(
    rf"{_BEFORE}(?P<num>\d{{1,5}}[a-z]?)(?:{_SP}/{_SP}(?P<year>(?:19|20)\d{{2}}))?{_SP}/{_SP}"
    rf"(?P<sym>{_SEG}(?:[-.]{_SEG})*){_AFTER}"
)

# The same shapes in folded lower case; a state symbol needs a hyphen so "100/ha" stays out.
_SEG_L = r"[a-z][a-z0-9&]*"
_PARTY_L = (rf"(?P<num>\d{{1,5}}){_SP}-{_SP}(?P<type>[a-z]{{1,5}}){_SP}/{_SP}"
            rf"(?P<issuer>{_SEG_L}(?:-{_SEG_L})*){_AFTER}")
_STATE_L = (rf"(?P<num>\d{{1,5}}[a-z]?)(?:{_SP}/{_SP}(?P<year>(?:19|20)\d{{2}}))?{_SP}/{_SP}"
            rf"(?P<sym>{_SEG_L}(?:-{_SEG_L})+|qh\d+|ttg){_AFTER}")

_TYPE_WORDS = [
    # Vietnamese, folded
    "nghi quyet lien tich", "nghi quyet", "quyet dinh", "ke hoach", "chi thi", "thong bao",
    "thong cao", "ket luan", "nghi dinh", "thong tu lien tich", "thong tu", "cong van",
    "cong dien", "huong dan", "chuong trinh hanh dong", "chuong trinh", "bao cao", "to trinh",
    "de an", "du an", "phuong an", "bo luat", "luat", "phap lenh", "lenh", "quy dinh", "quy che",
    "van ban hop nhat", "van ban", "bien ban", "an le",
    # English
    "resolution", "decision", "plan", "directive", "notice", "announcement", "conclusion",
    "decree", "joint circular", "circular", "guidance", "guideline", "instruction",
    "action programme", "action program", "programme", "program", "report", "submission",
    "proposal", "scheme", "project", "law", "ordinance", "order", "official dispatch",
    "official letter", "dispatch", "regulation", "document",
]
_BENGALI_TYPE_WORDS = [nfc(w) for w in (
    "রেজোলিউশন", "প্রস্তাব", "পরিকল্পনা", "সিদ্ধান্ত", "ডিক্রি", "নির্দেশিকা", "নির্দেশনা", "নির্দেশ",
    "সার্কুলার", "বিজ্ঞপ্তি", "উপসংহার", "প্রতিবেদন", "আইন", "কর্মসূচি", "নথি",
)]
_TYPE_WORD = "(?:" + "|".join(sorted(_TYPE_WORDS, key=len, reverse=True)) + ")s?"
_NUMBER_WORD = r"so|no\.?|number|nº|#|নং|নম্বর"
_CONTEXT = rf"(?<!\w)(?:(?:{_TYPE_WORD})(?:\s+(?:{_NUMBER_WORD}))?|(?:{_NUMBER_WORD}))\s*:?\s*"
_CONTEXT_BEHIND = re.compile(_CONTEXT + "$")
_CONTEXT_WINDOW = 60
_PARTY_IN_CONTEXT = re.compile(_CONTEXT + _PARTY_L)
_STATE_IN_CONTEXT = re.compile(_CONTEXT + _STATE_L)
_PARTY_LOWER = re.compile(_PARTY_L)
_STATE_LOWER = re.compile(_STATE_L)

_BENGALI_TYPE_WORD = "|".join(sorted(_BENGALI_TYPE_WORDS, key=len, reverse=True))
_ID_PREFIX = re.compile(
    rf"\s*(?:(?:{_TYPE_WORD}|{_BENGALI_TYPE_WORD})\s*)?(?:(?:{_NUMBER_WORD})\s*:?\s*)?"
)

# --- dates ------------------------------------------------------------------------------------

_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_BN_MONTHS = {nfc(name): number for name, number in {
    "জানুয়ারি": 1, "জানুয়ারী": 1, "ফেব্রুয়ারি": 2, "ফেব্রুয়ারী": 2, "মার্চ": 3, "এপ্রিল": 4,
    "মে": 5, "জুন": 6, "জুলাই": 7, "আগস্ট": 8, "অগাস্ট": 8, "সেপ্টেম্বর": 9, "অক্টোবর": 10,
    "নভেম্বর": 11, "ডিসেম্বর": 12,
}.items()}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_EN_MONTH = rf"(?P<mon>{_alternation(_EN_MONTHS)})\.?"
_BN_DATE = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_alternation(_BN_MONTHS)})\s*,?\s*(?P<y>\d{{4}})(?!\d)")
# Each pattern runs on folded lower-case text and has groups d, m or mon, y.
_DATE_PATTERNS = [
    re.compile(r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s*,?\s+nam\s+(?P<y>\d{4})(?!\d)"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_EN_MONTH}\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
    re.compile(rf"{_EN_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
    _BN_DATE,
]
_DATE_LEAD = re.compile(
    r"[\s,;:(\[]*(?:(?:(?:ban hanh|ky)\s+)?ngay|dated|issued on|of|on|তারিখ)?\s*:?\s*"
)
# Bengali puts the date first: "২২ ডিসেম্বর, ২০২৪ তারিখের রেজোলিউশন নং <code>".
_BN_DATE_BEFORE = re.compile(_BN_DATE.pattern + r"\s*তারিখে(?:র)?(?:\s+[^\s\d]+){0,4}\s*$")
_BEFORE_WINDOW = 160


def _iso_date(match: re.Match) -> str | None:
    groups = match.groupdict()
    month = groups.get("m")
    if month is None:
        name = groups["mon"]
        month = _EN_MONTHS.get(name) or _BN_MONTHS.get(name)
    try:
        return date(int(groups["y"]), int(month), int(groups["d"])).isoformat()
    except (TypeError, ValueError):
        return None


def _date_after(low: str, end: int) -> str | None:
    start = _DATE_LEAD.match(low, end).end()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(low, start)
        if match:
            return _iso_date(match)
    return None


def _date_before(low: str, start: int) -> str | None:
    match = _BN_DATE_BEFORE.search(low[max(0, start - _BEFORE_WINDOW):start])
    return _iso_date(match) if match else None


def parse_bengali_date(text: str) -> str | None:
    """'১১ জুলাই, ২০২৫' -> '2025-07-11'; None when the text holds no Bengali date."""
    match = _BN_DATE.search(ascii_digits(nfc(text)))
    return _iso_date(match) if match else None


# --- canonical form ---------------------------------------------------------------------------

def _canonical_segment(segment: str) -> str:
    upper = segment.upper()
    return _SEGMENT_FIXES.get(upper, upper)


def _canonical_type(segment: str) -> str:
    upper = segment.upper()
    return _TYPE_SLOT_FIXES.get(upper) or _SEGMENT_FIXES.get(upper, upper)


def _canonical_chain(chain: str) -> str:
    return "".join(_canonical_segment(p) if p not in "-." else p for p in re.split(r"([-.])", chain))


def _party_reference(num: str, type_code: str, issuer: str) -> dict:
    type_code, issuer = _canonical_type(type_code), _canonical_chain(issuer)
    return _reference(f"{num}-{type_code}/{issuer}", type_code, issuer)


def _state_reference(num: str, year: str | None, symbol: str) -> dict:
    prefix = f"{num.lower()}/{year}/" if year else f"{num.lower()}/"
    first, separator, rest = (re.split(r"([-.])", symbol, maxsplit=1) + ["", ""])[:3]
    type_code = _canonical_type(first)
    if separator and type_code in TYPE_NAMES:
        issuer = _canonical_chain(rest)
        return _reference(f"{prefix}{type_code}{separator}{issuer}", type_code, issuer)
    symbol = _canonical_chain(symbol)
    if symbol in TYPE_NAMES:
        return _reference(prefix + symbol, symbol, None)
    if re.fullmatch(r"QH\d*", symbol):
        return _reference(prefix + symbol, "QH", symbol)
    return _reference(prefix + symbol, None, symbol)


def _reference(ref_id: str, type_code: str | None, issuer: str | None) -> dict:
    type_name = _TYPE_NAME_BY_ISSUER.get((type_code, issuer)) or TYPE_NAMES.get(type_code)
    return {"id": ref_id, "type": type_code, "type_name": type_name, "issuer": issuer,
            "date": None, "mentions": 0}


def _from_match(match: re.Match, text: str) -> dict:
    """Build a reference from a match, reading the characters from `text` (unfolded)."""
    def group(name):
        return text[match.start(name):match.end(name)] if match.group(name) is not None else None
    if "type" in match.re.groupindex:
        return _party_reference(group("num"), group("type"), group("issuer"))
    return _state_reference(group("num"), group("year"), group("sym"))


# --- public API -------------------------------------------------------------------------------

def _citations(norm: str, low: str) -> list[tuple[int, int, dict]]:
    """(start, end, reference) of every citation, left to right, without overlaps."""
    found = [(m.start(), m.end(), _from_match(m, norm)) for m in _PARTY.finditer(norm)]
    found += [(m.start(), m.end(), _from_match(m, norm)) for m in _STATE.finditer(norm)
              if _looks_like_a_code(m) or _after_context(low, m.start())]
    for pattern in (_PARTY_IN_CONTEXT, _STATE_IN_CONTEXT):
        found += [(m.start("num"), m.end(), _from_match(m, norm)) for m in pattern.finditer(low)]
    found.sort(key=lambda item: (item[0], -item[1]))
    citations, covered_to = [], -1
    for start, end, reference in found:
        if start >= covered_to:
            citations.append((start, end, reference))
            covered_to = end
    return citations


def _looks_like_a_code(match: re.Match) -> bool:
    """A bare single symbol ("12/B2") needs a year or a type word before it to count."""
    return bool(match.group("year")) or bool(re.search(r"[-.]", match.group("sym")))


def _after_context(low: str, start: int) -> bool:
    return bool(_CONTEXT_BEHIND.search(low[max(0, start - _CONTEXT_WINDOW):start]))


# Numbers whose code names no type (the National Assembly's NN/YYYY/QHnn and UBTVQHnn series,
# công văn) take it from the word written before them: "Nghị quyết 102/2015/QH13" is a
# resolution, "Luật 101/2015/QH13" a law.
_KIND_TYPES = {"nghi quyet": ("NQ", "Nghị quyết"), "resolution": ("NQ", "Nghị quyết"),
               "phap lenh": ("PL", "Pháp lệnh"), "ordinance": ("PL", "Pháp lệnh"),
               "bo luat": ("QH", "Bộ luật"), "luat": ("QH", "Luật"), "law": ("QH", "Luật"),
               "lenh": ("L", "Lệnh"), "cong van": (None, "Công văn"), "official letter": (None, "Công văn")}
_KIND_BEFORE = re.compile(r"(?<!\w)(" + _alternation(_KIND_TYPES) + r")(?:\s+(?:so|no\.?))?\s*:?\s*$")


def _typed_by_kind(reference: dict, low: str, start: int) -> None:
    if reference["type"] not in (None, "QH"):
        return
    kind = _KIND_BEFORE.search(low[max(0, start - 30):start])
    if kind:
        reference["type"], reference["type_name"] = _KIND_TYPES[kind.group(1)]


def find_references(text: str) -> list[dict]:
    """Every document number cited in `text`, in order of first appearance, with mention counts."""
    norm = _normalise(text)
    low = _fold_lower(norm)
    references: dict[str, dict] = {}
    for start, end, cited in _citations(norm, low):
        reference = references.setdefault(cited["id"], cited)
        if reference["mentions"] == 0:
            _typed_by_kind(reference, low, start)
        reference["mentions"] += 1
        if reference["date"] is None:
            reference["date"] = _date_after(low, end) or _date_before(low, start)
    return list(references.values())


def canonical_id(text: str) -> str | None:
    """The canonical id of one typed document number ('57-nq/tw' -> '57-NQ/TW'), else None."""
    norm = _normalise(text).strip().rstrip(".,;:").rstrip()
    low = _fold_lower(norm)
    start = _ID_PREFIX.match(low).end()
    for pattern in (_PARTY, _STATE):
        match = pattern.fullmatch(norm, start)
        if match:
            return _from_match(match, norm)["id"]
    for pattern in (_PARTY_LOWER, _STATE_LOWER):
        match = pattern.fullmatch(low, start)
        if match:
            return _from_match(match, norm)["id"]
    return None
