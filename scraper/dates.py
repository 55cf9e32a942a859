"""Dates as Vietnamese government pages write them, read day-first in Vietnam time (UTC+7)."""
import re
from datetime import date, datetime, timedelta, timezone

from archive.text import ascii_digits

VIETNAM = timezone(timedelta(hours=7))

_WEEKDAY = r"(?:(?:thứ|thu)\s*(?:hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay|[2-7])|chủ\s*nhật|chu\s*nhat|CN|T[2-7])\s*,?\s*"
_TIME = r"(?P<{h}>\d{{1,2}})\s*[:hg]\s*(?P<{m}>\d{{2}})(?::\d{{2}})?\s*(?P<{ap}>SA|CH|AM|PM|sa|ch|am|pm)?"
_NUMERIC = re.compile(
    rf"(?:{_WEEKDAY})?"
    rf"(?:{_TIME.format(h='h1', m='m1', ap='ap1')}\s*[,|\-–]?\s*(?:ngày\s*)?)?"
    r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<mo>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})(?!\d)"
    rf"(?:\s*[,|\-–]?\s*(?:lúc\s*)?{_TIME.format(h='h2', m='m2', ap='ap2')})?"
    r"(?:\s*\(?\s*(?:GMT|UTC)\s*\+\s*0?7(?::?00)?\)?)?",
    re.IGNORECASE,
)
_SPELLED_VI = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<mo>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
_ISO = re.compile(
    r"(?P<y>(?:19|20)\d{2})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_EN_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_EN_MONTHS.update({m[:3]: i for m, i in list(_EN_MONTHS.items())})
_BN_MONTHS = {m: i for i, m in enumerate(
    "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর".split(), 1)}
_EN_MDY = re.compile(
    r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d{2})"
    r"(?:\s*(?:,|at)?\s*(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ap>AM|PM|am|pm)?)?")
_EN_DMY = re.compile(r"(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>(?:19|20)\d{2})")
_BN_DMY = re.compile(r"(?P<d>\d{1,2})\s+(?P<mon>[\u0980-\u09ff]+),?\s+(?P<y>(?:19|20)\d{2})")


def _build(y, mo, d, h=None, mi=None, ap=None, tz=None) -> str | None:
    """ISO 8601 text: a date alone when no time is given, else date-time with the offset."""
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if h is None:
        return day.isoformat()
    hour, minute = int(h), int(mi)
    if ap and ap.upper() in ("CH", "PM") and hour < 12:
        hour += 12
    elif ap and ap.upper() in ("SA", "AM") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz or VIETNAM).isoformat()


def parse_iso(text: str) -> str | None:
    """An ISO value from meta, JSON-LD or <time datetime>; Vietnam time when no zone is given."""
    m = _ISO.search(text or "")
    if not m:
        return None
    if m["h"] is None:
        return _build(m["y"], m["mo"], m["d"])
    tz = VIETNAM
    if m["tz"]:
        tz = timezone.utc if m["tz"] == "Z" else _offset(m["tz"])
    try:
        value = datetime(int(m["y"]), int(m["mo"]), int(m["d"]), int(m["h"]), int(m["mi"]), int(m["s"] or 0), tzinfo=tz)
    except ValueError:
        return None
    return value.isoformat()


def _offset(text: str) -> timezone:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date written in the text, as (position, ISO value), in order of position."""
    text = ascii_digits(text or "")
    found = []
    for m in _NUMERIC.finditer(text):
        h, mi, ap = (m["h1"], m["m1"], m["ap1"]) if m["h1"] else (m["h2"], m["m2"], m["ap2"])
        found.append((m.start(), _build(m["y"], m["mo"], m["d"], h, mi, ap)))
    for m in _SPELLED_VI.finditer(text):
        found.append((m.start(), _build(m["y"], m["mo"], m["d"])))
    for m in _EN_MDY.finditer(text):
        month = _EN_MONTHS.get(m["mon"].lower())
        if month:
            found.append((m.start(), _build(m["y"], month, m["d"], m["h"], m["mi"], m["ap"])))
    for pattern, months in ((_EN_DMY, _EN_MONTHS), (_BN_DMY, _BN_MONTHS)):
        for m in pattern.finditer(text):
            month = months.get(m["mon"].lower())
            if month:
                found.append((m.start(), _build(m["y"], month, m["d"])))
    found = [(pos, value) for pos, value in found if value]
    return sorted(found)


def first_date(text: str) -> str | None:
    found = find_dates(text)
    return found[0][1] if found else None
