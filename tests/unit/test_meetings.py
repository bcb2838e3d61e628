"""The rules of one-to-ones and follow-ups: achievement rate, due status, the Engage offer."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from netcoach.core.meetings import (
    Event,
    EventDraft,
    FollowUpStatus,
    OneToOne,
    OneToOneDraft,
    Outcome,
    PersonMet,
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


def test_held_means_an_outcome_and_a_start_not_after_now() -> None:
    from netcoach.core.meetings import has_begun, is_held, outcome_not_yet, tally_time

    assert is_held(NOW, Outcome.ACHIEVED, NOW)
    assert is_held(NOW - timedelta(days=3), "partly", NOW)
    assert not is_held(NOW - timedelta(days=3), None, NOW)  # no outcome yet
    assert not is_held(NOW + timedelta(minutes=1), Outcome.ACHIEVED, NOW)  # not begun
    assert has_begun(NOW, NOW) and not has_begun(NOW + timedelta(seconds=1), NOW)
    assert outcome_not_yet(NOW, NOW) is None
    assert outcome_not_yet(datetime(2026, 11, 27, 8, 0), NOW) == (
        "This one-to-one is on Fri 27 Nov at 08:00; its outcome can be recorded from then."
    )
    assert "Sat 2 Jan 2027 at 09:15" in (outcome_not_yet(datetime(2027, 1, 2, 9, 15), NOW) or "")

    tally = tally_time(
        [
            (NOW - timedelta(days=2), 60, "achieved"),
            (NOW - timedelta(days=1), 90, "not"),
            (NOW - timedelta(days=1), 45, None),  # no outcome: no hours either
            (NOW + timedelta(days=1), 30, "achieved"),  # a future outcome: not held
            (NOW - timedelta(days=40), 60, "partly"),  # before the window
        ],
        [(NOW - timedelta(days=3), 120), (NOW + timedelta(hours=1), 90)],
        NOW,
        TODAY - timedelta(days=29),
        TODAY + timedelta(days=5),
    )
    assert (tally.held, tally.achieved, tally.not_achieved) == (2, 1, 1)
    assert (tally.one_to_one_minutes, tally.events_attended, tally.event_minutes) == (150, 1, 120)
    assert tally.time_spent.total == timedelta(minutes=270)


def test_what_an_edit_opens_is_named_as_in_the_drafts() -> None:
    one = OneToOne(
        1, 7, "Ann", 3, NOW, 45, "Café", "Referrals", "", None, "", "", None, is_record=False
    )
    assert list(one.draft_fields()) == list(OneToOneDraft.__dataclass_fields__)
    assert OneToOneDraft(**one.draft_fields()).place == "Café"  # type: ignore[arg-type]
    event = Event(2, "Breakfast", "breakfast", NOW, 90, "Hall", "", "", (PersonMet(7, "Ann", 3),))
    typed_only = ("new_people", "follow_ups")
    assert [*event.draft_fields(), *typed_only] == list(EventDraft.__dataclass_fields__)
    assert event.draft_fields()["people"] == (7,)
