"""Birthdays and anniversaries: a day and month, with or without the year.

``parse_important_date`` reads what a person types ("17 May", "May 17", "17/05",
"1980-05-17") and what contact files hold (vCard 2.1/3.0 "1980-05-17" or
"19800517", vCard 4.0 "--0517" or "--05-17", with or without a time part). Numbers
are read day first, as every date field of netcoach reads them: "03/04" is 3 April.
``ImportantDate.stored`` is how the database keeps one: "1980-05-17", or "--05-17"
when the year is not known.

The date's next occurrence (``next_occurrence``) falls on 28 February in a year
without a 29 February. ``upcoming`` is the window Today shows: the dates from today
to ``DAYS_AHEAD`` days on.
"""

from __future__ import annotations

import re
from calendar import isleap
from dataclasses import dataclass
from datetime import date, timedelta

from netcoach.core.when.dates import MONTHS

DAYS_AHEAD = 14
EARLIEST_YEAR = 1800
HINT = "day first: 17 May, 17/05, 1980-05-17"
KINDS = ("birthday", "anniversary")

STORED = re.compile(r"^(?:([0-9]{4})-|--)([0-9]{2})-([0-9]{2})$")
# Years address books write for "not known": 0000, and Apple's 1604 (X-APPLE-OMIT-YEAR).
NO_YEARS = (0, 1604)
# A time part after the date in a file ("T000000Z", "T10:22:00+01:00"), left out.
TIME_PART = re.compile(
    r"[t ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?$"
)
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
BASIC = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$")
DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$")
MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?$")


class ImportantDateError(ValueError):
    """What could not be read as a birthday or anniversary, in a sentence for the person."""


@dataclass(frozen=True, slots=True, order=True)
class ImportantDate:
    """A day of the year that comes back every year, and the year it began when known."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ImportantDateError(f"There is no month {self.month}.")
        leap_year = self.year if self.year is not None else 2000
        if self.year is not None and not EARLIEST_YEAR <= self.year <= 9999:
            raise ImportantDateError(f"The year {self.year} is not a year netcoach keeps.")
        try:
            date(leap_year, self.month, self.day)
        except ValueError:
            raise ImportantDateError(
                f"There is no {self.day} {month_name(self.month)}"
                + (f" {self.year}." if self.year is not None else ".")
            ) from None

    def stored(self) -> str:
        """How the database and the exports keep it: "1980-05-17" or "--05-17"."""
        head = f"{self.year:04d}" if self.year is not None else "-"
        return f"{head}-{self.month:02d}-{self.day:02d}"

    def vcard(self) -> str:
        """As vCard 4.0 writes it: "19800517", or "--0517" without the year."""
        head = f"{self.year:04d}" if self.year is not None else "--"
        return f"{head}{self.month:02d}{self.day:02d}"

    def shown(self) -> str:
        """For people: "17 May", "17 May 1980"."""
        text = f"{self.day} {month_name(self.month)}"
        return f"{text} {self.year}" if self.year is not None else text

    def next_occurrence(self, today: date) -> date:
        """The first day from ``today`` on (itself included) when this date comes round.

        29 February falls on 28 February in a year without it.
        """
        for year in (today.year, today.year + 1):
            day = self.in_year(year)
            if day >= today:
                return day
        raise AssertionError("a date comes round within a year")  # pragma: no cover

    def in_year(self, year: int) -> date:
        """This date in ``year`` (29 February on the 28th when the year has none)."""
        if self.month == 2 and self.day == 29 and not isleap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)

    def years_on(self, day: date) -> int | None:
        """How many years it is on ``day`` (its occurrence that year), when the year is known."""
        return None if self.year is None else day.year - self.year


def month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%B")


def from_stored(text: str | None) -> ImportantDate | None:
    """The date the database keeps as ``text`` ("" or anything unreadable: none)."""
    found = STORED.match(text or "")
    if not found:
        return None
    try:
        return ImportantDate(
            int(found[2]), int(found[3]), int(found[1]) if found[1] is not None else None
        )
    except ImportantDateError:
        return None


def stored_or_blank(value: ImportantDate | None) -> str:
    return value.stored() if value is not None else ""


def parse_important_date(text: str) -> ImportantDate:
    """Read a birthday or anniversary as typed or as a file holds it.

    Raises ImportantDateError with a sentence saying what could not be read.
    """
    cleaned = " ".join(str(text).strip().lower().replace(",", " ").split())
    if not cleaned:
        raise ImportantDateError("Type a day and month, e.g. 17 May or 17/05/1980.")
    if len(cleaned) > 40:
        raise ImportantDateError("That is too long to be a date; type e.g. 17 May.")
    without_time = TIME_PART.sub("", cleaned) if re.match(r"^[\d-]{6,}[t ]", cleaned) else cleaned
    for pattern, order in (
        (ISO, "ymd"),
        (BASIC, "ymd"),
        (NO_YEAR, "md"),
        (SLASHED, "dmy"),
    ):
        found = pattern.match(without_time)
        if found:
            parts = dict(zip(order, found.groups(), strict=True))
            return _made(parts.get("d"), parts.get("m"), parts.get("y"), text)
    if found := DAY_MONTH.match(cleaned):
        return _made(found[1], _month(found[2], text), found[3], text)
    if found := MONTH_DAY.match(cleaned):
        return _made(found[2], _month(found[1], text), found[3], text)
    if cleaned in MONTHS:
        name = month_name(MONTHS[cleaned])
        raise ImportantDateError(f"Which day of {name}? Type e.g. 17 {name}.")
    raise ImportantDateError(f"Could not read “{_short(text)}” as a day and month ({HINT}).")


def _month(word: str, text: str) -> str:
    number = MONTHS.get(word.rstrip("."))
    if number is None:
        raise ImportantDateError(f"“{_short(word)}” is not a month (in “{_short(text)}”).")
    return str(number)


def _made(day: str | None, month: str | None, year: str | None, text: str) -> ImportantDate:
    assert day is not None and month is not None
    if year is not None and int(year) in NO_YEARS:
        year = None
    try:
        return ImportantDate(int(month), int(day), int(year) if year is not None else None)
    except ImportantDateError as error:
        raise ImportantDateError(f"{error} (read from “{_short(text)}”)") from None


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 30 else text[:29] + "…"


def describe_typed(value: ImportantDate, today: date, kind: str = "birthday") -> str:
    """For beside the field: "17 May 1980 · next Monday 17 May 2027 (turns 47)"."""
    coming = value.next_occurrence(today)
    days = (coming - today).days
    when = {0: "today", 1: "tomorrow"}.get(days, f"{coming:%A} {coming.day} {coming:%B %Y}")
    text = f"{value.shown()} · next {when}"
    extra = years_phrase(kind, value.years_on(coming))
    if value.month == 2 and value.day == 29 and coming.day == 28:
        extra = ", ".join(p for p in (extra, f"{coming.year} has no 29 February") if p)
    return text + (f" ({extra})" if extra else "")


def describe_brief(value: ImportantDate, today: date, kind: str = "birthday") -> str:
    """In a few words, for the contact page: "29 Feb 1984 · turns 43 on 28 Feb"."""
    coming = value.next_occurrence(today)
    text = f"{value.day} {month_name(value.month)[:3]}"
    if value.year is not None:
        text += f" {value.year}"
    on = "today" if coming == today else f"on {coming.day} {coming:%b}"
    years = value.years_on(coming)
    if years is not None and years > 0:
        step = (
            f"turns {years}"
            if kind == "birthday"
            else f"{years} {'year' if years == 1 else 'years'}"
        )
        return f"{text} · {step} {on}"
    return f"{text} · next {on.removeprefix('on ')}"


def years_phrase(kind: str, years: int | None) -> str:
    """ "turns 40", "10 years married"; blank when the year is not known."""
    if years is None or years <= 0:
        return ""
    if kind == "birthday":
        return f"turns {years}"
    return f"{years} {'year' if years == 1 else 'years'} married"


@dataclass(frozen=True, slots=True)
class ComingDate:
    """A birthday or anniversary of a contact that comes round soon."""

    contact_id: int
    name: str
    level: int
    kind: str  # "birthday" or "anniversary"
    value: ImportantDate
    on: date

    def years(self) -> int | None:
        return self.value.years_on(self.on)

    def line(self, today: date) -> str:
        """ "birthday · Thursday 10 December (turns 40)", without the name."""
        days = (self.on - today).days
        when = f"{self.on:%A} {self.on.day} {self.on:%B}"
        if days == 0:
            when = f"today, {when}"
        elif days == 1:
            when = f"tomorrow, {when}"
        phrase = years_phrase(self.kind, self.years())
        extra = f" ({phrase})" if phrase else ""
        return f"{self.kind} · {when}{extra}"


def window_keys(today: date, days: int = DAYS_AHEAD) -> list[str]:
    """The "MM-DD" keys of the stored dates that may come round in the window.

    29 February is among them when the window holds 28 February of a year without it.
    """
    keys = []
    for offset in range(days + 1):
        day = today + timedelta(days=offset)
        keys.append(f"{day.month:02d}-{day.day:02d}")
        if day.month == 2 and day.day == 28 and not isleap(day.year):
            keys.append("02-29")
    return keys


def upcoming(
    found: list[tuple[int, str, int, str, ImportantDate]], today: date, days: int = DAYS_AHEAD
) -> list[ComingDate]:
    """Of (contact id, name, level, kind, date), those that come round from ``today`` to
    ``days`` days on (both included), soonest first."""
    last = today + timedelta(days=days)
    coming = []
    for contact_id, name, level, kind, value in found:
        on = value.next_occurrence(today)
        if on <= last:
            coming.append(ComingDate(contact_id, name, level, kind, value, on))
    coming.sort(key=lambda c: (c.on, c.name.casefold(), c.contact_id, KINDS.index(c.kind)))
    return coming
