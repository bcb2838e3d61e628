"""When the next half-yearly review is due, and which period it should look at.

The rule:

- After a saved review, the next is due six calendar months after the day it was
  saved (not after its period's end: a review is a habit of the person, and a
  period may be any range of days). 12 June gives 12 December; 31 August gives
  28 February (the month's last day when the day does not exist).
- With no review saved yet, the first is due once there is something to look
  back on: 30 days after the first give & get entry. A brand-new network with no
  entries has nothing to review, so nothing is due.
- It is *due* from the due day for ``OVERDUE_AFTER_DAYS`` days, *overdue* after
  that, and *not yet* before it; Today shows it from ``SOON_DAYS`` days before.

No Textual and no peewee here.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from netcoach.core.review.period import Period, default_period, half_year

REVIEW_EVERY_MONTHS = 6
FIRST_REVIEW_AFTER_DAYS = 30
OVERDUE_AFTER_DAYS = 30
SOON_DAYS = 14


class ReviewDueState(StrEnum):
    NOT_YET = "not yet"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class ReviewDue:
    """Whether a review is due, from when, and what the last one was."""

    state: ReviewDueState
    due_on: date
    last_saved_on: date | None  # None: no review saved yet
    period: Period  # the period the review should cover (``period_to_review``)

    @property
    def first(self) -> bool:
        return self.last_saved_on is None

    def days_left(self, today: date) -> int:
        return (self.due_on - today).days

    def shows_on_today(self, today: date, soon_days: int = SOON_DAYS) -> bool:
        """Due, overdue, or due within ``soon_days`` days."""
        return self.days_left(today) <= soon_days


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, or that month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(
    last_saved_on: date | None,
    last_period_end: date | None,
    first_entry_on: date | None,
    today: date,
) -> ReviewDue | None:
    """When the next review is due; None when there is nothing to review yet.

    ``last_saved_on`` and ``last_period_end`` are the last saved review's (None when
    none is saved); ``first_entry_on`` is the day of the first give & get entry."""
    if last_saved_on is not None:
        due_on = add_months(last_saved_on, REVIEW_EVERY_MONTHS)
    elif first_entry_on is not None:
        due_on = first_entry_on + timedelta(days=FIRST_REVIEW_AFTER_DAYS)
    else:
        return None
    late = (today - due_on).days
    if late < 0:
        state = ReviewDueState.NOT_YET
    elif late <= OVERDUE_AFTER_DAYS:
        state = ReviewDueState.DUE
    else:
        state = ReviewDueState.OVERDUE
    return ReviewDue(state, due_on, last_saved_on, period_to_review(last_period_end, today))


def period_to_review(last_period_end: date | None, today: date) -> Period:
    """The half-year a due review should cover: the latest half-year that has ended,
    when it comes after the last reviewed period; otherwise the screen's usual default
    (``default_period``: the half-year just ended in its first month after, else the
    current one)."""
    ended = half_year(today.year, 1) if today.month > 6 else half_year(today.year - 1, 2)
    if last_period_end is not None and ended.start > last_period_end:
        return ended
    return default_period(today)


def day_text(day: date, today: date) -> str:
    """12 June, with the year when it is not this year's."""
    shown = f"{day.day} {day:%B}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def due_line(due: ReviewDue, today: date) -> str:
    """The card's first line: when the review is due, and when the last one was."""
    if due.first:
        return "Your first review: see what your networking gave and got"
    last = f"last one {day_text(due.last_saved_on, today)}" if due.last_saved_on else ""
    if due.state is ReviewDueState.OVERDUE:
        when = f"overdue since {day_text(due.due_on, today)}"
    elif due.state is ReviewDueState.DUE:
        when = "due"
    else:
        days = due.days_left(today)
        when = f"due in {days} day{'s' if days != 1 else ''}, on {day_text(due.due_on, today)}"
    return f"Half-yearly review {when} ({last})"
