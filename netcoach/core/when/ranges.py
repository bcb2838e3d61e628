"""What reading gives back, When or WhenError, and the ranges a date must fall in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

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
    # True for what can only be recorded once it has happened (a touch): no later than now.
    up_to_now: bool = False

    def check(self, moment: datetime, now: datetime) -> None:
        """Raise WhenError, saying the range, when ``moment`` falls outside it."""
        day = moment.date()
        latest = now.date() + timedelta(days=self.days_ahead)
        if day < EARLIEST:
            raise WhenError(
                f"{day:%Y}? The earliest date is 1 Jan {EARLIEST.year}: check the year."
            )
        if self.up_to_now and moment > now:
            raise WhenError(
                f"{day:%a} {day.day} {day:%b %Y}, {moment:%H:%M} is still to come: "
                f"{self.what} is logged once it has happened."
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
# A touch (a call, a coffee) is logged when it has happened: any moment up to now.
TOUCHED = DateRange("a touch", 0, "", up_to_now=True)


def touch_default_time(now: datetime) -> time:
    """The time a touch typed as a day alone ("yesterday") is given: now's time of day,
    so that "today" means now rather than a time still to come."""
    return now.time().replace(second=0, microsecond=0)
