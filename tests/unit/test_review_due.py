"""When the next review is due, the period it covers, and the decisions' look-backs in Markdown."""

from __future__ import annotations

from datetime import date

import pytest

from netcoach.core.review import (
    ReviewDueState,
    add_months,
    decisions_lines,
    look_back,
    period_to_review,
    review_due,
)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 6, 12), 6, date(2026, 12, 12)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # no 31 February: the month's last day
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # a leap year
        (date(2026, 12, 1), 6, date(2027, 6, 1)),
        (date(2026, 7, 1), 6, date(2027, 1, 1)),
    ],
)
def test_six_months_on_is_the_same_day_or_the_months_last(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_a_review_is_due_six_months_after_the_day_the_last_was_saved() -> None:
    saved, end = date(2026, 6, 12), date(2025, 12, 31)
    before = review_due(saved, end, date(2025, 3, 1), date(2026, 12, 11))
    assert before is not None
    assert before.state is ReviewDueState.NOT_YET and before.due_on == date(2026, 12, 12)
    assert before.days_left(date(2026, 12, 11)) == 1 and not before.first
    on_the_day = review_due(saved, end, None, date(2026, 12, 12))
    assert on_the_day is not None and on_the_day.state is ReviewDueState.DUE
    a_month_late = review_due(saved, end, None, date(2027, 1, 11))
    assert a_month_late is not None and a_month_late.state is ReviewDueState.DUE
    later = review_due(saved, end, None, date(2027, 1, 12))
    assert later is not None and later.state is ReviewDueState.OVERDUE


def test_today_shows_it_from_fourteen_days_before() -> None:
    due = review_due(date(2026, 6, 12), date(2026, 6, 30), None, date(2026, 11, 27))
    assert due is not None and due.state is ReviewDueState.NOT_YET
    assert not due.shows_on_today(date(2026, 11, 27))  # 15 days before
    assert due.shows_on_today(date(2026, 11, 28))  # 14 days before
    assert due.shows_on_today(date(2027, 3, 1))  # overdue


def test_the_first_review_waits_for_a_month_of_give_and_get() -> None:
    assert review_due(None, None, None, date(2026, 11, 23)) is None  # nothing to review
    first = review_due(None, None, date(2026, 11, 1), date(2026, 11, 23))
    assert first is not None and first.first and first.due_on == date(2026, 12, 1)
    assert first.state is ReviewDueState.NOT_YET and first.shows_on_today(date(2026, 11, 23))
    assert not first.shows_on_today(date(2026, 11, 16))
    due = review_due(None, None, date(2026, 10, 24), date(2026, 11, 23))
    assert due is not None and due.state is ReviewDueState.DUE
    assert due.period.label == "2026H2"  # no review yet: the screen's usual period


def test_the_period_to_review_is_the_half_year_after_the_last_reviewed() -> None:
    # The last review covered 2025H2; in November 2026 the half-year to look at is 2026H1.
    assert period_to_review(date(2025, 12, 31), date(2026, 11, 23)).label == "2026H1"
    # Skipped a year: the latest half-year that has ended.
    assert period_to_review(date(2024, 12, 31), date(2026, 11, 23)).label == "2026H1"
    # The last ended half-year is reviewed already: the current one.
    assert period_to_review(date(2026, 6, 30), date(2026, 11, 23)).label == "2026H2"
    assert period_to_review(date(2026, 6, 30), date(2027, 1, 5)).label == "2026H2"
    assert period_to_review(None, date(2027, 3, 5)).label == "2027H1"


def test_markdown_lists_decisions_their_actions_and_what_came_of_last_times() -> None:
    last = {"what": "Give **two** referrals", "with_whom": "Ann"}
    items = [
        {"what": "One breakfast a month", "when": "2027-01-31", "became": "goal 4"},
        look_back(last, "2026H1", "partly", "One given | [x](y)"),
        {"what": "Coffee with Bo"},
        look_back({"what": "Call Cy"}, "2026H1", "bogus", ""),
    ]
    lines = decisions_lines(items)
    assert "## Decisions" in lines
    assert "1. What to change: One breakfast a month; When: 2027-01-31 (became goal 4)" in lines
    assert "2. What to change: Coffee with Bo" in lines
    assert "## What came of last time's decisions (2026H1)" in lines
    assert "1. Give \\*\\*two\\*\\* referrals — partly: One given \\| \\[x\\](y)" in lines
    assert "2. Call Cy — nothing noted" in lines  # an unknown outcome is dropped


def test_markdown_of_old_decisions_and_odd_items() -> None:
    assert decisions_lines([]) == []
    assert decisions_lines([{"what": "More coffee"}, "not a decision", 3]) == [
        "",
        "## Decisions",
        "",
        "1. What to change: More coffee",
    ]
