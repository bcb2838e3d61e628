"""The period a review covers: a half-year (2026H1) or a range of days, and the default one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HALF = re.compile(r"^(\d{4})\s*H([12])$", re.IGNORECASE)
RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|:|/|to)\s*(\d{4}-\d{2}-\d{2})$")


class PeriodError(ValueError):
    """A period that cannot be read."""


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    label: str

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def half_year(year: int, half: int) -> Period:
    if half == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), f"{year}H1")
    return Period(date(year, 7, 1), date(year, 12, 31), f"{year}H2")


def parse_period(text: str) -> Period:
    """Read 2026H1, 2026H2 or a range 2026-01-01..2026-03-31."""
    value = text.strip()
    if match := HALF.match(value):
        year = int(match.group(1))
        if not 1900 <= year <= 9999:
            raise PeriodError(f"bad period {text!r}: the year must be from 1900 to 9999")
        return half_year(year, int(match.group(2)))
    if match := RANGE.match(value):
        try:
            start, end = (date.fromisoformat(match.group(i)) for i in (1, 2))
        except ValueError as error:
            raise PeriodError(f"bad period {text!r}: {error}") from error
        if end < start:
            raise PeriodError(f"bad period {text!r}: the end comes before the start")
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")
    raise PeriodError(
        f"bad period {text!r}: use 2026H1, 2026H2 or a range like 2026-01-01..2026-03-31"
    )


def default_period(today: date) -> Period:
    """The half-year just ended in its first month after, else the current half-year."""
    half = 1 if today.month <= 6 else 2
    if today.month in (1, 7):
        return half_year(today.year - 1, 2) if half == 1 else half_year(today.year, 1)
    return half_year(today.year, half)
