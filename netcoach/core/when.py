"""Read dates, times and lengths the way people type them: "tomorrow 7am", "1 Dec", "1h30".

Everything here is pure: the caller passes ``now``, so the same text always reads
the same way in tests.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
# A date typed without a year is taken in this year, unless that is this long ago.
YEARLESS_PAST_DAYS = 92
MAX_LENGTH = timedelta(hours=24)

TIME_AMPM = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b")
TIME_24H = re.compile(r"\b(\d{1,2})[:h](\d{2})\b")
TIME_WORDS = re.compile(r"\b(noon|midday|midnight)\b")
FILLER = re.compile(r"\b(at|on|the|of)\b|,")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$")
DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)(?:\s+(\d{4}))?$")
MONTH_DAY = re.compile(r"^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?$")
WEEKDAY = re.compile(r"^(?:(next|this|last)\s+)?([a-z]+)$")
IN_DAYS = re.compile(r"^in\s+(\d{1,3})\s+(days?|weeks?|months?|years?)$")
END_OF = re.compile(r"^end\s+(?:(this|next)\s+)?(week|month|quarter|year)$")
# Dates before this are typing slips, whatever the field.
EARLIEST = date(1900, 1, 1)


class WhenError(ValueError):
    """Text that could not be read as a date or time; the message says which part."""


@dataclass(frozen=True, slots=True)
class When:
    """A moment read from text, and whether the text gave a time of day."""

    moment: datetime
    has_time: bool

    @property
    def day(self) -> date:
        return self.moment.date()


@dataclass(frozen=True, slots=True)
class DateRange:
    """How far ahead a date may plausibly be, and what to call it in the message."""

    what: str  # "a deadline", "the date it happened"
    days_ahead: int
    ahead_words: str  # "10 years", "a year"

    def check(self, moment: datetime, now: datetime) -> None:
        """Raise WhenError, saying the range, when ``moment`` falls outside it."""
        day = moment.date()
        latest = now.date() + timedelta(days=self.days_ahead)
        if day < EARLIEST:
            raise WhenError(
                f"{day:%Y}? The earliest date is 1 Jan {EARLIEST.year}: check the year."
            )
        if day > latest:
            raise WhenError(
                f"{day.day} {day:%b %Y} is too far ahead: {self.what} can be at most "
                f"{self.ahead_words} from today (up to {latest.day} {latest:%b %Y})."
            )


# Something that has happened (a give or get, an outcome): up to about a year ahead, for
# a date typed a little wrong; a plan (a meeting, a follow-up, a deadline): ten years.
HAPPENED = DateRange("the day it happened", 366, "a year")
PLANNED = DateRange("a plan", 3653, "10 years")
DEADLINE = DateRange("a deadline", 3653, "10 years")
ANY_DATE = DateRange("a date", 0, "")


def parse_when(
    text: str,
    now: datetime,
    default_time: time = time(9, 0),
    within: DateRange | None = None,
) -> When:
    """Read a date and optional time; a date alone gets ``default_time``, a time alone today.

    Accepts ISO dates ("2026-12-01", "2026-12-01 07:30"), day and month ("1 Dec",
    "Dec 1st 2027", "1/12"), words ("today", "tomorrow", "next tue", "friday",
    "in 3 days", "in 2 months", "end of month", "end of next year") and times
    ("7am", "7:30", "19h15", "7.30pm", "noon").
    A weekday alone means the next one from today (today itself included);
    "next" skips today. Raises WhenError naming what it could not read, or, with
    ``within`` given, saying the plausible range the date falls outside.
    """
    when = _parse_when(text, now, default_time)
    if within is not None:
        within.check(when.moment, now)
    elif when.moment.date() < EARLIEST:
        ANY_DATE.check(when.moment, when.moment)
    return when


def _parse_when(text: str, now: datetime, default_time: time) -> When:
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise WhenError("Type a date, e.g. 2026-12-01, 1 Dec, tomorrow 7am or next tue.")
    iso = _iso_datetime(cleaned)
    if iso is not None:
        return iso
    clock, rest = _take_time(cleaned)
    rest = " ".join(FILLER.sub(" ", rest).split())
    day = _read_day(rest, now.date()) if rest else now.date()
    if clock is None:
        return When(datetime.combine(day, default_time), has_time=False)
    return When(datetime.combine(day, clock), has_time=True)


def _iso_datetime(text: str) -> When | None:
    if not re.match(r"^\d{4}-\d{1,2}-\d{1,2}[t ]\d{1,2}:\d{2}(:\d{2})?$", text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T").upper())
    except ValueError:
        return None
    return When(moment, has_time=True)


def _take_time(text: str) -> tuple[time | None, str]:
    """Find one time of day in ``text``; return it and the text without it."""
    for pattern in (TIME_AMPM, TIME_24H, TIME_WORDS):
        found = pattern.search(text)
        if found is None:
            continue
        clock = _time_from(found)
        rest = (text[: found.start()] + " " + text[found.end() :]).strip()
        if _take_time_anywhere(rest):
            raise WhenError(f"Two times in “{text}”: type just one.")
        return clock, rest
    return None, text


def _take_time_anywhere(text: str) -> bool:
    return any(p.search(text) for p in (TIME_AMPM, TIME_24H, TIME_WORDS))


def _time_from(found: re.Match[str]) -> time:
    groups = found.groups()
    if groups[0] in ("noon", "midday"):
        return time(12, 0)
    if groups[0] == "midnight":
        return time(0, 0)
    hour = int(groups[0])
    minute = int(groups[1] or 0)
    if len(groups) > 2 and groups[2]:
        if not 1 <= hour <= 12:
            raise WhenError(f"“{found.group(0)}” is not a time: with am or pm, use 1 to 12.")
        hour = hour % 12 + (12 if groups[2] == "pm" else 0)
    if hour > 23 or minute > 59:
        raise WhenError(f"“{found.group(0)}” is not a time of day.")
    return time(hour, minute)


def _read_day(text: str, today: date) -> date:
    if text in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[text])
    if found := ISO_DATE.match(text):
        return _make_date(int(found[1]), int(found[2]), int(found[3]), text)
    if found := SLASH_DATE.match(text):
        year = _full_year(found[3]) if found[3] else None
        return _yearless(int(found[1]), int(found[2]), year, today, text)
    if found := DAY_MONTH.match(text):
        return _yearless(int(found[1]), _month(found[2], text), _year(found[3]), today, text)
    if found := MONTH_DAY.match(text):
        return _yearless(int(found[2]), _month(found[1], text), _year(found[3]), today, text)
    if found := IN_DAYS.match(text):
        count, unit = int(found[1]), found[2]
        if unit.startswith("month"):
            return _add_months(today, count)
        if unit.startswith("year"):
            return _add_months(today, 12 * count)
        return today + timedelta(days=count * (7 if unit.startswith("week") else 1))
    if found := END_OF.match(text):
        return _end_of(found[2], found[1] == "next", today)
    if found := WEEKDAY.match(text):
        word = found[2]
        if word in WEEKDAYS:
            return _weekday(WEEKDAYS[word], found[1], today)
        if word in MONTHS:
            raise WhenError(f"Which day of {word.capitalize()}? Type e.g. 1 {word.capitalize()}.")
    words = [w for w in text.split() if not _known_word(w)]
    unknown = " ".join(words) if words else text
    raise WhenError(f"Could not read “{unknown}” as a date.")


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year > 9999:
        raise WhenError("That is too far ahead to be a date.")
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _end_of(unit: str, following: bool, today: date) -> date:
    """The last day of this (or the next) week, month, quarter or year."""
    if unit == "week":
        return today + timedelta(days=6 - today.weekday() + (7 if following else 0))
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    if unit == "month":
        first = date(today.year, today.month, 1)
    elif unit == "quarter":
        first = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    else:
        first = date(today.year, 1, 1)
    if following:
        first = _add_months(first, months)
    return _add_months(first, months) - timedelta(days=1)


def _known_word(word: str) -> bool:
    return (
        word in MONTHS
        or word in WEEKDAYS
        or word in RELATIVE_DAYS
        or word in ("next", "this", "last", "in", "end", "day", "days", "week", "weeks", "month")
        or word in ("months", "quarter", "year", "years")
        or bool(re.fullmatch(r"\d{1,4}(st|nd|rd|th)?", word))
    )


def _weekday(target: int, qualifier: str | None, today: date) -> date:
    ahead = (target - today.weekday()) % 7
    if qualifier == "last":
        behind = (today.weekday() - target) % 7 or 7
        return today - timedelta(days=behind)
    if qualifier == "next" and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead)


def _month(word: str, text: str) -> int:
    if word not in MONTHS:
        raise WhenError(f"Could not read “{word}” as a month in “{text}”.")
    return MONTHS[word]


def _year(digits: str | None) -> int | None:
    return int(digits) if digits else None


def _full_year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _yearless(day: int, month: int, year: int | None, today: date, text: str) -> date:
    if year is not None:
        return _make_date(year, month, day, text)
    candidate = _make_date(today.year, month, day, text, allow_leap_retry=True)
    if (today - candidate).days > YEARLESS_PAST_DAYS:
        return _make_date(today.year + 1, month, day, text, allow_leap_retry=True)
    return candidate


def _make_date(year: int, month: int, day: int, text: str, allow_leap_retry: bool = False) -> date:
    if not 1 <= month <= 12:
        raise WhenError(f"There is no month {month} in “{text}”.")
    try:
        return date(year, month, day)
    except ValueError:
        if allow_leap_retry and month == 2 and day == 29:
            for offset in range(1, 4):
                try:
                    return date(year + offset, 2, 29)
                except ValueError:
                    continue
        month_name = date(2000, month, 1).strftime("%B")
        raise WhenError(f"There is no {day} {month_name} {year}.") from None


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
    clock, rest = _take_time(text)
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


def describe_when(moment: datetime, now: datetime, has_time: bool = True) -> str:
    """A moment in words for beside a field: 'Tue 24 Nov 2026, 07:00 (tomorrow)'."""
    text = f"{moment:%a} {moment.day} {moment:%b %Y}"
    if has_time:
        text += f", {moment:%H:%M}"
    delta = (moment.date() - now.date()).days
    relative = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta)
    if relative is None:
        relative = f"in {delta} days" if delta > 0 else f"{-delta} days ago"
    return f"{text} ({relative})"


def describe_length(length: timedelta) -> str:
    """'45 min', '1 h', '1 h 30 min'."""
    minutes = round(length.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    if hours:
        return f"{hours} h"
    return f"{minutes} min"
