"""Reading how long something lasts: "45 min", "1h30", "1:30", or an end time, "until 8:30"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from netcoach.core.when.clock import take_time
from netcoach.core.when.ranges import WhenError

MAX_LENGTH = timedelta(hours=24)

LENGTH_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(hours|hour|hrs|hr|h|minutes|minute|mins|min|m)?")
END_PREFIX = re.compile(r"^(until|till|til|to|ends?|-)\s*")


def parse_length(text: str, start: datetime | None = None) -> timedelta:
    """Read how long something lasts: "45", "45 min", "1h", "1h30", "1:30", "1.5 h".

    With ``start`` given, an end time may be typed instead ("until 8:30", "to 9am",
    "-8:30"). A bare number means minutes. Zero, over 24 hours and an end before the
    start are refused with WhenError.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise WhenError("Type how long it lasts, e.g. 45 min, 1h30, or until 8:30.")
    prefix = END_PREFIX.match(cleaned)
    if prefix:
        if start is None:
            raise WhenError("Type the date and time first, then when it ends.")
        return _length_to_end(cleaned[prefix.end() :], start)
    if found := re.fullmatch(r"(\d{1,2}):(\d{2})", cleaned):
        length = timedelta(hours=int(found[1]), minutes=int(found[2]))
    else:
        length = _sum_parts(cleaned)
    return _checked_length(length)


def _sum_parts(text: str) -> timedelta:
    total = timedelta()
    position = 0
    last_unit = ""
    compact = text.replace(" ", "")
    for found in LENGTH_PART.finditer(compact):
        if found.start() != position or not found.group(0):
            break
        amount = float(found[1].replace(",", "."))
        if amount > MAX_LENGTH.total_seconds():
            raise WhenError("Over 24 hours: type a length of a day at most.")
        unit = found[2] or ("min" if last_unit.startswith("h") else "")
        if unit.startswith("h"):
            total += timedelta(hours=amount)
        else:
            total += timedelta(minutes=amount)
        last_unit = unit
        position = found.end()
    if position != len(compact) or position == 0:
        raise WhenError(f"Could not read “{text}” as a length: type e.g. 45 min or 1h30.")
    return total


def _length_to_end(text: str, start: datetime) -> timedelta:
    clock, rest = take_time(text)
    if clock is None or rest:
        raise WhenError(f"Could not read “{text}” as an end time: type e.g. until 8:30.")
    end = datetime.combine(start.date(), clock)
    if end <= start:
        raise WhenError(
            f"It ends at {end:%H:%M}, before it starts at {start:%H:%M}: check the end time."
        )
    return _checked_length(end - start)


def _checked_length(length: timedelta) -> timedelta:
    length = timedelta(minutes=round(length.total_seconds() / 60))
    if length <= timedelta():
        raise WhenError("A length of zero: how long will it last?")
    if length > MAX_LENGTH:
        raise WhenError("Over 24 hours: type a length of a day at most.")
    return length
