"""Reading a date and optional time: "tomorrow 7am", "1 Dec", "next tue", "end of month"."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, time, timedelta

from netcoach.core.when.clock import take_time
from netcoach.core.when.ranges import ANY_DATE, EARLIEST, DateRange, When, WhenError

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
NOW_WORDS = frozenset({"now", "just now", "right now"})
# A date typed without a year is taken in this year, unless that is this long ago.
YEARLESS_PAST_DAYS = 92

FILLER = re.compile(r"\b(at|on|the|of)\b|,")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$")
DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)(?:\s+(\d{4}))?$")
MONTH_DAY = re.compile(r"^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?$")
WEEKDAY = re.compile(r"^(?:(next|this|last)\s+)?([a-z]+)$")
IN_DAYS = re.compile(r"^in\s+(\d{1,3})\s+(days?|weeks?|months?|years?)$")
END_OF = re.compile(r"^end\s+(?:(this|next)\s+)?(week|month|quarter|year)$")


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
    ("7am", "7:30", "19h15", "7.30pm", "noon"), and "now".
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
    if cleaned in NOW_WORDS:
        return When(now, has_time=True)
    iso = _iso_datetime(cleaned)
    if iso is not None:
        return iso
    clock, rest = take_time(cleaned)
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
