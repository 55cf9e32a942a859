"""Crawl schedules: validation and the next-run arithmetic (pure functions, no database).

A schedule is either an interval (`every_hours`, 0.25–720 hours) or a time of day (`at_time`,
"HH:MM" in the schedule's `timezone`, Asia/Ho_Chi_Minh unless said otherwise). Times are kept in
the archive as ISO 8601 strings in UTC with whole seconds ("2025-01-02T23:30:00+00:00"), which
compare correctly as text.

next_run(schedule, after) is the first moment strictly after `after` the schedule fires:
- an interval: `after` + every_hours (the scheduler passes the moment a run started, so the
  schedule drifts by at most one scheduler tick per run and never fires a burst of missed runs);
- a time of day: the next HH:MM on the schedule's local clock (today's if still ahead, else
  tomorrow's), found with zoneinfo, so a day boundary (or a DST change elsewhere) is handled by
  the calendar, not by adding 24 hours.
"""
import re
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
MIN_HOURS = 0.25
MAX_HOURS = 720.0
_AT = re.compile(r"(\d{1,2}):(\d{2})")
_EVERY = re.compile(r"(\d+(?:\.\d+)?)\s*([mhd]?)", re.IGNORECASE)
_UNIT_HOURS = {"m": 1 / 60, "h": 1.0, "d": 24.0, "": 1.0}


class ScheduleError(ValueError):
    """A schedule that cannot be kept; `code` names the problem for translated messages."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def check_every(hours) -> float:
    try:
        value = float(hours)
    except (TypeError, ValueError):
        raise ScheduleError("every", f"the interval must be a number of hours, not {hours!r}") from None
    if not MIN_HOURS <= value <= MAX_HOURS:  # also refuses NaN
        raise ScheduleError("every", f"the interval must be between {MIN_HOURS} and {MAX_HOURS:g} hours "
                                     f"(15 minutes to 30 days), not {value:g}")
    return value


def check_at(text) -> str:
    """"HH:MM" from 00:00 to 23:59 (one-digit hours are accepted and padded)."""
    found = _AT.fullmatch(str(text or "").strip())
    if not found or int(found.group(1)) > 23 or int(found.group(2)) > 59:
        raise ScheduleError("at", f"the time of day must be HH:MM from 00:00 to 23:59, not {text!r}")
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def check_timezone(name) -> str:
    name = name or DEFAULT_TIMEZONE
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError("timezone", f"unknown time zone {name!r}") from None
    return name


def check(every_hours=None, at_time=None) -> tuple[float | None, str | None]:
    """Exactly one of an interval and a time of day, validated."""
    if (every_hours is None) == (at_time is None):
        raise ScheduleError("one", "give either an interval or a time of day (exactly one)")
    if every_hours is not None:
        return check_every(every_hours), None
    return None, check_at(at_time)


def parse_every(text: str) -> float:
    """"6h", "30m", "2d", "1.5h" or a bare number of hours → hours (validated)."""
    found = _EVERY.fullmatch(str(text or "").strip())
    if not found:
        raise ScheduleError("every", f"the interval must look like 30m, 6h or 2d, not {text!r}")
    return check_every(float(found.group(1)) * _UNIT_HOURS[found.group(2).lower()])


def next_run(schedule: dict, after: datetime) -> datetime:
    """The first moment strictly after `after` (UTC if naive) that the schedule fires, in UTC."""
    if after.tzinfo is None:
        after = after.replace(tzinfo=timezone.utc)
    after = after.astimezone(timezone.utc)
    if schedule.get("every_hours") is not None:
        return after + timedelta(hours=check_every(schedule["every_hours"]))
    hour, minute = map(int, check_at(schedule.get("at_time")).split(":"))
    zone = ZoneInfo(check_timezone(schedule.get("timezone")))
    day = after.astimezone(zone).date()
    for offset in range(3):  # today's, else tomorrow's (a third day only around odd DST jumps)
        candidate = datetime.combine(day + timedelta(days=offset), time(hour, minute), tzinfo=zone)
        candidate = candidate.astimezone(timezone.utc)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: some day ahead has the time of day")


def iso(moment: datetime) -> str:
    """A moment as the archive keeps it: ISO 8601 in UTC, whole seconds."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def local(text: str | None, zone: str | None = None) -> str:
    """An archived UTC moment on the schedule's clock, "YYYY-MM-DD HH:MM" ("" for none)."""
    if not text:
        return ""
    try:
        return parse_iso(text).astimezone(ZoneInfo(zone or DEFAULT_TIMEZONE)).strftime("%Y-%m-%d %H:%M")
    except (ValueError, ZoneInfoNotFoundError):
        return text


def describe(schedule: dict) -> str:
    """A schedule in a few words (English, for the command line)."""
    if schedule.get("every_hours") is not None:
        return f"every {format_hours(schedule['every_hours'])}"
    return f"daily at {schedule['at_time']} ({schedule.get('timezone') or DEFAULT_TIMEZONE})"


def format_hours(hours: float) -> str:
    """6.0 → "6h", 0.5 → "30m", 48 → "2d", 1.5 → "1.5h"."""
    if hours >= 24 and hours % 24 == 0:
        return f"{hours / 24:g}d"
    if hours < 1 and (hours * 60) == int(hours * 60):
        return f"{hours * 60:g}m"
    return f"{hours:g}h"
