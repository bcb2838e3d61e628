"""Keep-in-touch rules, with dates at month ends and around leap days."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netcoach.core.cadence import (
    DEFAULT_INTERVALS,
    TouchStatus,
    days_overdue,
    interval_for,
    next_due,
    parse_interval,
    touch_status,
)


@pytest.mark.parametrize(
    ("last", "days", "due"),
    [
        (date(2024, 1, 31), 30, date(2024, 3, 1)),  # leap year: 29 days in February
        (date(2023, 1, 31), 30, date(2023, 3, 2)),
        (date(2024, 2, 29), 14, date(2024, 3, 14)),
        (date(2024, 2, 29), 365, date(2025, 2, 28)),
        (date(2023, 2, 28), 1, date(2023, 3, 1)),
        (date(2024, 2, 28), 1, date(2024, 2, 29)),
        (date(2026, 12, 31), 1, date(2027, 1, 1)),
        (date(2026, 4, 30), 60, date(2026, 6, 29)),
        (datetime(2024, 2, 29, 23, 59), 120, date(2024, 6, 28)),
    ],
)
def test_next_due_counts_calendar_days_across_month_ends(
    last: date | datetime, days: int, due: date
) -> None:
    assert next_due(last, days) == due


def test_no_interval_means_nothing_is_ever_due() -> None:
    assert next_due(date(2024, 2, 29), None) is None
    assert touch_status(None, date(2030, 1, 1)) is TouchStatus.NONE
    assert days_overdue(None, date(2030, 1, 1)) == 0


@pytest.mark.parametrize(
    ("due", "today", "status"),
    [
        (date(2024, 2, 29), date(2024, 3, 1), TouchStatus.OVERDUE),
        (date(2024, 2, 29), date(2024, 2, 29), TouchStatus.DUE_SOON),
        (date(2024, 3, 7), date(2024, 2, 29), TouchStatus.DUE_SOON),  # 7 days ahead
        (date(2024, 3, 8), date(2024, 2, 29), TouchStatus.OK),  # 8 days ahead
        (date(2023, 3, 1), date(2023, 2, 28), TouchStatus.DUE_SOON),
        (date(2026, 12, 31), date(2027, 1, 1), TouchStatus.OVERDUE),
    ],
)
def test_status_boundaries(due: date, today: date, status: TouchStatus) -> None:
    assert touch_status(due, today) is status


def test_days_overdue_across_a_leap_day() -> None:
    assert days_overdue(date(2024, 2, 28), date(2024, 3, 1)) == 2
    assert days_overdue(date(2023, 2, 28), date(2023, 3, 1)) == 1
    assert days_overdue(date(2024, 3, 1), date(2024, 2, 28)) == 0


def test_interval_override_wins_over_the_level_default() -> None:
    assert interval_for(5, None) == DEFAULT_INTERVALS[5] == 14
    assert interval_for(1, None) is None
    assert interval_for(1, 10) == 10
    assert interval_for(3, None, {3: 45}) == 45


@pytest.mark.parametrize(
    ("text", "days", "error"),
    [
        ("", None, None),
        ("  30 ", 30, None),
        ("0", None, "Days must be from 1 to 3650."),
        ("3651", None, "Days must be from 1 to 3650."),
        ("-5", None, "Days must be a whole number, or blank for no reminder."),
        ("two weeks", None, "Days must be a whole number, or blank for no reminder."),
    ],
)
def test_parse_interval(text: str, days: int | None, error: str | None) -> None:
    assert parse_interval(text) == (days, error)
