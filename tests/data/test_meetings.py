"""The meetings repository on a real SQLite file: one-to-ones, events, follow-ups, time spent."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from netcoach.core.meetings import (
    EventDraft,
    FollowUpDraft,
    OneToOneDraft,
    Outcome,
    OutcomeDraft,
    Owner,
)
from netcoach.core.models import ContactDraft
from netcoach.data.errors import ValidationError
from netcoach.data.repo import Store
from tests.conftest import FIXED_NOW


def plan(store: Store, contact_id: int, when: datetime, objective: str = "Learn their market"):
    return store.meetings.plan_one_to_one(
        OneToOneDraft(contact_id, when, 60, "Riverside café", objective)
    )


def test_a_one_to_one_needs_an_objective_and_a_real_contact(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace", level=2))
    with pytest.raises(ValidationError) as caught:
        plan(store, ada.id, FIXED_NOW + timedelta(days=1), objective="  ")
    assert "objective" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        plan(store, 999, FIXED_NOW + timedelta(days=1))
    assert "contact" in caught.value.errors
    assert store.meetings.list_one_to_ones().total == 0
    planned = plan(store, ada.id, FIXED_NOW + timedelta(days=1))
    assert planned.contact_name == "Ada Lovelace"
    assert not planned.is_record
    past = plan(store, ada.id, FIXED_NOW - timedelta(days=2))
    assert past.is_record
    assert store.meetings.count_missing_outcomes() == 1


def test_recording_an_outcome_logs_the_meeting_and_offers_engage_once(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace", level=2))
    first = plan(store, ada.id, FIXED_NOW - timedelta(days=1))
    offer = store.meetings.record_outcome(
        first.id,
        OutcomeDraft(
            Outcome.ACHIEVED,
            notes="Good",
            follow_ups=(
                FollowUpDraft("Send the brochure", Owner.ME, FIXED_NOW.date()),
                FollowUpDraft("Introduce me to Bob", Owner.THEM, None),
            ),
        ),
    )
    assert offer is not None and offer.from_level == 2
    assert "Learn their market" in offer.reason
    contact = store.get_contact(ada.id)
    assert contact.last_interaction_at == FIXED_NOW - timedelta(days=1)
    assert [i.kind for i in store.interactions(ada.id)] == ["meeting"]
    follow_ups = store.meetings.follow_ups_for(first.id)
    assert [(f.what, f.owner) for f in follow_ups] == [
        ("Send the brochure", Owner.ME),
        ("Introduce me to Bob", Owner.THEM),
    ]
    # Recording again edits the outcome but logs no second meeting and offers nothing.
    assert store.meetings.record_outcome(first.id, OutcomeDraft(Outcome.PARTLY)) is None
    assert len(store.interactions(ada.id)) == 1
    second = plan(store, ada.id, FIXED_NOW - timedelta(hours=3))
    assert store.meetings.record_outcome(second.id, OutcomeDraft(Outcome.NOT)) is None
    rate = store.meetings.achievement_rate()
    assert (rate.achieved, rate.partly, rate.not_achieved) == (0, 1, 1)


def test_an_outcome_must_be_chosen_and_nothing_is_half_written(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace"))
    one = plan(store, ada.id, FIXED_NOW - timedelta(days=1))
    with pytest.raises(ValidationError):
        store.meetings.record_outcome(one.id, OutcomeDraft(None))
    with pytest.raises(ValidationError):
        store.meetings.record_outcome(
            one.id,
            OutcomeDraft(Outcome.ACHIEVED, follow_ups=(FollowUpDraft(" ", Owner.ME, None),)),
        )
    again = store.meetings.get_one_to_one(one.id)
    assert again.outcome is None
    assert store.interactions(ada.id) == []


def test_move_level_records_the_change(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace", level=2))
    store.contacts.move_level(ada.id, 3, "First one-to-one")
    assert store.get_contact(ada.id).level == 3
    change = store.level_history(ada.id)[0]
    assert (change.from_level, change.to_level, change.reason) == (2, 3, "First one-to-one")


def test_completing_a_follow_up_moves_the_last_interaction(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace"))
    one = plan(store, ada.id, FIXED_NOW - timedelta(days=10))
    store.meetings.record_outcome(
        one.id,
        OutcomeDraft(
            Outcome.ACHIEVED,
            follow_ups=(
                FollowUpDraft("Send notes", Owner.ME, FIXED_NOW.date() - timedelta(days=2)),
                FollowUpDraft("Call back", Owner.ME, FIXED_NOW.date() + timedelta(days=2)),
            ),
        ),
    )
    due, total = store.meetings.due_follow_ups()
    assert [f.what for f in due] == ["Send notes"] and total == 1
    done = store.meetings.complete_follow_up(due[0].id)
    assert done.done_at == FIXED_NOW
    assert store.get_contact(ada.id).last_interaction_at == FIXED_NOW
    assert store.meetings.complete_follow_up(due[0].id).done_at == FIXED_NOW
    assert len(store.interactions(ada.id)) == 2
    assert [f.what for f in store.meetings.list_follow_ups().rows] == ["Call back"]
    assert store.meetings.list_follow_ups(include_done=True).total == 2


def test_events_create_new_people_at_identify_and_count_time(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace", level=3))
    event = store.meetings.add_event(
        EventDraft(
            "Thursday breakfast",
            "breakfast",
            FIXED_NOW - timedelta(days=3),
            90,
            place="The Grand Hotel",
            pitch="Short version",
            people=(ada.id,),
            new_people=("Grace Hopper",),
            follow_ups=(FollowUpDraft("Send slides", Owner.ME, None, ada.id),),
        )
    )
    assert [p.name for p in event.people] == ["Ada Lovelace", "Grace Hopper"]
    grace = next(p for p in event.people if p.name == "Grace Hopper")
    assert grace.level == 1
    assert store.get_contact(grace.contact_id).how_met == "Met at Thursday breakfast"
    assert store.get_contact(grace.contact_id).last_interaction_at == event.starts_at
    assert store.meetings.list_follow_ups().rows[0].source == "event: Thursday breakfast"
    future = store.meetings.add_event(
        EventDraft("Chamber mixer", "chamber", FIXED_NOW + timedelta(days=1), 120)
    )
    assert store.meetings.next_event() == future
    one = plan(store, ada.id, FIXED_NOW - timedelta(days=1))
    store.meetings.record_outcome(one.id, OutcomeDraft(Outcome.ACHIEVED))
    spent = store.meetings.time_spent(date(2026, 11, 1), FIXED_NOW.date() + timedelta(days=5))
    assert spent.events == timedelta(minutes=90)
    assert spent.one_to_ones == timedelta(minutes=60)
    assert spent.total == timedelta(minutes=150)
    with pytest.raises(ValidationError):
        store.meetings.add_event(EventDraft("X", "party", FIXED_NOW, 60))


def test_reopening_a_follow_up_removes_its_touch(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace"))
    one = plan(store, ada.id, FIXED_NOW - timedelta(days=10))
    store.meetings.record_outcome(
        one.id,
        OutcomeDraft(Outcome.ACHIEVED, follow_ups=(FollowUpDraft("Send notes", Owner.ME, None),)),
    )
    follow_up = store.meetings.follow_ups_for(one.id)[0]
    store.meetings.complete_follow_up(follow_up.id)
    assert store.get_contact(ada.id).last_interaction_at == FIXED_NOW
    reopened = store.meetings.reopen_follow_up(follow_up.id)
    assert reopened.done_at is None
    assert store.get_contact(ada.id).last_interaction_at == FIXED_NOW - timedelta(days=10)
    assert [i.kind for i in store.interactions(ada.id)] == ["meeting"]


def test_a_future_one_to_one_has_no_outcome_and_nothing_is_written(store: Store) -> None:
    ada = store.add_contact(ContactDraft("Ada Lovelace", level=2))
    tomorrow = plan(store, ada.id, datetime(2026, 11, 24, 8, 0))
    with pytest.raises(ValidationError) as caught:
        store.meetings.record_outcome(
            tomorrow.id,
            OutcomeDraft(
                Outcome.ACHIEVED,
                notes="Went well",
                follow_ups=(FollowUpDraft("Send notes", Owner.ME, None),),
            ),
        )
    assert caught.value.errors == {
        "outcome": "This one-to-one is on Tue 24 Nov at 08:00; "
        "its outcome can be recorded from then."
    }
    again = store.meetings.get_one_to_one(tomorrow.id)
    assert (again.outcome, again.notes, again.completed_at) == (None, "", None)
    assert store.meetings.follow_ups_for(tomorrow.id) == []
    assert store.interactions(ada.id) == []

    # Once held, it cannot be moved into the future with its outcome.
    held = plan(store, ada.id, FIXED_NOW - timedelta(days=1))
    store.meetings.record_outcome(held.id, OutcomeDraft(Outcome.PARTLY))
    with pytest.raises(ValidationError) as moved:
        store.meetings.update_one_to_one(
            held.id, OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=2), 60, "", "Learn more")
        )
    assert "when" in moved.value.errors
    assert store.meetings.get_one_to_one(held.id).starts_at == held.starts_at


def test_an_outcome_stored_in_the_future_is_not_counted_anywhere(store: Store) -> None:
    """Imported or hand-written rows with a future outcome count as held nowhere."""
    from netcoach.core.meetings import window
    from netcoach.core.review import Period, build_review

    ada = store.add_contact(ContactDraft("Ada Lovelace", level=2))
    past = plan(store, ada.id, FIXED_NOW - timedelta(days=5))
    store.meetings.record_outcome(past.id, OutcomeDraft(Outcome.ACHIEVED))
    with store.db.connection_context():
        store.db.execute_sql(
            "INSERT INTO one_to_one (contact_id, starts_at, duration_minutes, objective, "
            "outcome, completed_at, created_at) VALUES (?, ?, 90, 'Later', 'achieved', ?, ?)",
            (ada.id, FIXED_NOW + timedelta(days=1), FIXED_NOW, FIXED_NOW),
        )
    store.meetings.add_event(EventDraft("Mixer", "chamber", FIXED_NOW + timedelta(hours=2), 120))
    start, end = window(FIXED_NOW)
    tally = store.meetings.tally(start, end + timedelta(days=30))
    assert (tally.held, tally.one_to_one_minutes, tally.event_minutes) == (1, 60, 0)
    rate = store.meetings.achievement_rate()
    assert rate.total == 1
    report = build_review(store.ledger.review_input(Period(start, end + timedelta(days=30), "x")))
    assert report.one_to_ones_held == 1 and report.hours == 1
