"""The rules of one-to-ones and follow-ups: achievement rate, due status, the Engage offer."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from netcoach.core.meetings import (
    FollowUpStatus,
    OneToOneDraft,
    Outcome,
    achievement_rate,
    engage_offer,
    follow_up_status,
    is_due_or_overdue,
    validate_one_to_one,
)

NOW = datetime(2026, 11, 23, 7, 30)
TODAY = NOW.date()


def test_achievement_rate_counts_only_the_window() -> None:
    outcomes = [
        (NOW - timedelta(days=1), Outcome.ACHIEVED),
        (NOW - timedelta(days=10), Outcome.ACHIEVED),
        (NOW - timedelta(days=30), Outcome.PARTLY),
        (NOW - timedelta(days=89), Outcome.NOT),
        (NOW - timedelta(days=91), Outcome.ACHIEVED),  # too old
        (NOW + timedelta(days=1), Outcome.ACHIEVED),  # not held yet
    ]
    rate = achievement_rate(outcomes, NOW)
    assert (rate.achieved, rate.partly, rate.not_achieved) == (2, 1, 1)
    assert rate.total == 4
    assert rate.rate == 0.5
    assert "50% of objectives achieved" in rate.describe()


def test_achievement_rate_with_nothing_recorded() -> None:
    rate = achievement_rate([], NOW)
    assert rate.rate is None
    assert rate.describe() == "No outcomes recorded in the last 90 days."


def test_follow_up_status() -> None:
    done = datetime(2026, 11, 1, 10, 0)
    assert follow_up_status(TODAY - timedelta(days=3), done, TODAY) is FollowUpStatus.DONE
    assert follow_up_status(TODAY - timedelta(days=1), None, TODAY) is FollowUpStatus.OVERDUE
    assert follow_up_status(TODAY, None, TODAY) is FollowUpStatus.DUE
    assert follow_up_status(TODAY + timedelta(days=1), None, TODAY) is FollowUpStatus.UPCOMING
    assert follow_up_status(None, None, TODAY) is FollowUpStatus.NO_DATE
    assert is_due_or_overdue(TODAY, None, TODAY)
    assert is_due_or_overdue(date(2026, 1, 1), None, TODAY)
    assert not is_due_or_overdue(TODAY, done, TODAY)
    assert not is_due_or_overdue(TODAY + timedelta(days=1), None, TODAY)
    assert not is_due_or_overdue(None, None, TODAY)


def test_engage_is_offered_only_after_a_first_one_to_one_below_engage() -> None:
    offer = engage_offer(7, "Ada", 2, 0, TODAY, "Learn  who\nrefers to her")
    assert offer is not None
    assert offer.reason == "First one-to-one on 23 Nov 2026: Learn who refers to her"
    assert engage_offer(7, "Ada", 2, 1, TODAY, "x") is None
    assert engage_offer(7, "Ada", 3, 0, TODAY, "x") is None
    assert engage_offer(7, "Ada", 1, 0, TODAY, "x") is not None


def test_a_one_to_one_without_an_objective_is_refused() -> None:
    draft = OneToOneDraft(1, NOW, 60, "Café", "   ")
    assert "objective" in validate_one_to_one(draft)
    assert validate_one_to_one(OneToOneDraft(1, NOW, 60, "Café", "Learn their ideal client")) == {}
    errors = validate_one_to_one(OneToOneDraft(None, None, 0, "", "x"))
    assert set(errors) == {"contact", "when", "length"}
