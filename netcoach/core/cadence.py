"""Keep-in-touch rules: how often to be in touch at each level, and whether a contact is due.

These constants are the one statement of the rule. The database keeps each
contact's next due date with triggers whose SQL is generated from them
(``netcoach.data.migrations.m0012_cadence``): a change here reaches existing
databases through a new migration that creates those triggers again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum

# Days between touches at each level; level 1 has no cadence.
DEFAULT_INTERVALS: dict[int, int | None] = {5: 14, 4: 30, 3: 60, 2: 120, 1: None}
# The setting that overrides DEFAULT_INTERVALS level by level: a JSON object of
# level: days, where null or 0 means no cadence for that level.
INTERVALS_SETTING = "cadence.intervals"
DUE_SOON_DAYS = 7
MAX_INTERVAL_DAYS = 3650


class TouchStatus(StrEnum):
    """Whether a contact needs attention, always shown with words as well as colour."""

    OK = "ok"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"
    NONE = "no cadence"


def interval_for(
    level: int, override_days: int | None, defaults: dict[int, int | None] | None = None
) -> int | None:
    """Days between touches for a contact: its own override, else its level's default."""
    if override_days is not None:
        return override_days
    return (defaults or DEFAULT_INTERVALS).get(level)


def with_overrides(stored: Mapping[str, object]) -> dict[int, int | None]:
    """The defaults with the ``INTERVALS_SETTING`` object laid over them, level by level.

    The object's keys are levels as text ("5"); days that are null or 0 mean no
    cadence for that level. Netcoach writes whole numbers from 1 to
    ``MAX_INTERVAL_DAYS`` or null there.
    """
    intervals = dict(DEFAULT_INTERVALS)
    for level in intervals:
        if str(level) in stored:
            days = stored[str(level)]
            intervals[level] = days if type(days) is int and days != 0 else None
    return intervals


def next_due(last_touch: date | datetime, interval_days: int | None) -> date | None:
    """The day the next touch is due, or None when the contact has no cadence."""
    if interval_days is None:
        return None
    day = last_touch.date() if isinstance(last_touch, datetime) else last_touch
    return day + timedelta(days=interval_days)


def touch_status(due: date | None, today: date, soon_days: int = DUE_SOON_DAYS) -> TouchStatus:
    """Overdue after the due day, due soon within ``soon_days`` of it, else ok."""
    if due is None:
        return TouchStatus.NONE
    if today > due:
        return TouchStatus.OVERDUE
    if (due - today).days <= soon_days:
        return TouchStatus.DUE_SOON
    return TouchStatus.OK


def days_overdue(due: date | None, today: date) -> int:
    """How many days past due, or 0."""
    if due is None or today <= due:
        return 0
    return (today - due).days


def parse_interval(text: str) -> tuple[int | None, str | None]:
    """Read days between touches for a level: blank means none. Returns (days, error)."""
    return parse_days(text, "Days", "no reminder")


def parse_days(text: str, what: str, blank: str) -> tuple[int | None, str | None]:
    """Read a count of days between touches, 1 to ``MAX_INTERVAL_DAYS``, or blank (None).

    Returns (days, error); the error names the field (``what``) and what blank means.
    """
    value = text.strip()
    if not value:
        return None, None
    if not value.isdigit():
        return None, f"{what} must be a whole number, or blank for {blank}."
    days = int(value)
    if not 1 <= days <= MAX_INTERVAL_DAYS:
        return None, f"{what} must be from 1 to {MAX_INTERVAL_DAYS}."
    return days, None
