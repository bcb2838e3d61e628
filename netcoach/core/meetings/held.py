"""What has happened: the one rule for a meeting begun or held, and the counts built on it.

Every count of one-to-ones held, of hours spent and of return on time goes through
``is_held`` and ``has_begun`` (via ``tally_time``): the One-to-ones and Events tabs, Today's
goals, the Review screen and ``netcoach review`` all agree because they ask these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from netcoach.core.meetings.outcomes import Outcome
from netcoach.core.text import plural

ACHIEVEMENT_WINDOW_DAYS = 90
# The longest a one-to-one or an event may last.
MAX_MINUTES = 24 * 60


def has_begun(starts_at: datetime, now: datetime) -> bool:
    """A meeting has begun once its start time is not after ``now``."""
    return starts_at <= now


def is_held(starts_at: datetime, outcome: object, now: datetime) -> bool:
    """A one-to-one counts as held when its outcome is recorded and it has begun by ``now``.

    A row with an outcome dated in the future (imported, or written by hand) is not held.
    """
    return bool(outcome) and has_begun(starts_at, now)


def outcome_not_yet(starts_at: datetime, now: datetime, what: str = "one-to-one") -> str | None:
    """Why no outcome can be recorded yet, or None once the meeting has begun."""
    if has_begun(starts_at, now):
        return None
    year = f" {starts_at.year}" if starts_at.year != now.year else ""
    return (
        f"This {what} is on {starts_at:%a} {starts_at.day} {starts_at:%b}{year} at "
        f"{starts_at:%H:%M}; its outcome can be recorded from then."
    )


def window(now: datetime, days: int = ACHIEVEMENT_WINDOW_DAYS) -> tuple[date, date]:
    """The last ``days`` days up to today, first and last day inclusive."""
    today = now.date()
    return today - timedelta(days=days - 1), today


@dataclass(frozen=True, slots=True)
class AchievementRate:
    """How one-to-ones with an outcome went over a window of days."""

    achieved: int
    partly: int
    not_achieved: int
    days: int = ACHIEVEMENT_WINDOW_DAYS

    @property
    def total(self) -> int:
        return self.achieved + self.partly + self.not_achieved

    @property
    def rate(self) -> float | None:
        """Share of one-to-ones whose objective was fully achieved; None when there are none."""
        return self.achieved / self.total if self.total else None

    def describe(self) -> str:
        if not self.total:
            return f"No outcomes recorded in the last {plural(self.days, 'day')}."
        rate = self.rate or 0.0
        return (
            f"Last {plural(self.days, 'day')}: {plural(self.total, 'one-to-one')} held, "
            f"{rate:.0%} of objectives achieved "
            f"({self.achieved} achieved, {self.partly} partly, {self.not_achieved} not)"
        )


@dataclass(frozen=True, slots=True)
class TimeSpent:
    one_to_ones: timedelta
    events: timedelta

    @property
    def total(self) -> timedelta:
        return self.one_to_ones + self.events


@dataclass(frozen=True, slots=True)
class TimeTally:
    """One-to-ones held, their outcomes and the time at them and at events, for some days."""

    achieved: int = 0
    partly: int = 0
    not_achieved: int = 0
    one_to_one_minutes: int = 0
    events_attended: int = 0
    event_minutes: int = 0

    @property
    def held(self) -> int:
        return self.achieved + self.partly + self.not_achieved

    @property
    def minutes(self) -> int:
        return self.one_to_one_minutes + self.event_minutes

    @property
    def time_spent(self) -> TimeSpent:
        return TimeSpent(
            timedelta(minutes=self.one_to_one_minutes), timedelta(minutes=self.event_minutes)
        )


def tally_time(
    one_to_ones: Iterable[tuple[datetime, int, object]],
    events: Iterable[tuple[datetime, int]],
    now: datetime,
    start: date,
    end: date,
) -> TimeTally:
    """Count what was held from ``start`` to ``end`` (days, inclusive), as of ``now``.

    ``one_to_ones`` are (starts at, minutes, outcome); ``events`` are (starts at, minutes).
    A one-to-one counts when ``is_held``; an event when it ``has_begun``. Hours are the
    planned length of each.
    """
    counts = dict.fromkeys(Outcome, 0)
    one_minutes = event_minutes = attended = 0
    for starts_at, minutes, outcome in one_to_ones:
        if start <= starts_at.date() <= end and is_held(starts_at, outcome, now):
            try:
                counts[Outcome(str(outcome))] += 1
            except ValueError:
                continue  # an outcome this version does not know is not counted
            one_minutes += max(0, int(minutes or 0))
    for starts_at, minutes in events:
        if start <= starts_at.date() <= end and has_begun(starts_at, now):
            attended += 1
            event_minutes += max(0, int(minutes or 0))
    return TimeTally(
        achieved=counts[Outcome.ACHIEVED],
        partly=counts[Outcome.PARTLY],
        not_achieved=counts[Outcome.NOT],
        one_to_one_minutes=one_minutes,
        events_attended=attended,
        event_minutes=event_minutes,
    )


def achievement_rate(
    outcomes: Iterable[tuple[datetime, Outcome]],
    now: datetime,
    days: int = ACHIEVEMENT_WINDOW_DAYS,
) -> AchievementRate:
    """Count the outcomes of one-to-ones held in the last ``days`` days (later ones ignored)."""
    start, end = window(now, days)
    tally = tally_time(((at, 0, outcome) for at, outcome in outcomes), (), now, start, end)
    return AchievementRate(
        achieved=tally.achieved, partly=tally.partly, not_achieved=tally.not_achieved, days=days
    )
