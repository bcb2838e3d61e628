"""Follow-through after an event, in the repositories: the offer, the follow-ups it adds,
their undo, and the contacts still at Identify a month after they were met."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from netcoach.core import undo
from netcoach.core.meetings import (
    EventDraft,
    FollowThrough,
    OneToOneDraft,
    Outcome,
    OutcomeDraft,
)
from netcoach.core.meetings.follow_through import (
    follow_up_due,
    is_decision_due,
    offer_question,
)
from netcoach.core.models import ContactDraft
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.repo import Store
from netcoach.data.undo import UndoRefused, apply_undo
from tests.conftest import FIXED_NOW

YESTERDAY = FIXED_NOW - timedelta(days=1)


def contact(store: Store, name: str, days_ago: int = 0, level: int = 1) -> int:
    """A contact added (and at its level since) ``days_ago`` days before the fixed clock."""
    cid = store.add_contact(ContactDraft(name, level=level)).id
    moment = FIXED_NOW - timedelta(days=days_ago)
    with store.db.connection_context():
        store.db.execute_sql("UPDATE contact SET created_at = ? WHERE id = ?", [moment, cid])
        store.db.execute_sql(
            "UPDATE level_change SET changed_at = ? WHERE contact_id = ?", [moment, cid]
        )
    return cid


def decided(store: Store) -> list[str]:
    rows, total = store.contacts.still_at_identify(limit=50)
    assert total == len(rows)
    return [row.name for row in rows]


# ---- the rules ------------------------------------------------------------------------------


def test_the_default_due_day_is_two_days_after_the_event_and_never_past() -> None:
    assert follow_up_due(date(2026, 12, 7), date(2026, 12, 7)) == date(2026, 12, 9)
    assert follow_up_due(date(2026, 11, 1), date(2026, 12, 7)) == date(2026, 12, 7)
    assert offer_question(5, date(2026, 12, 9)) == (
        "Follow up with the 5 people you met? Due Wednesday 9 December"
    )
    assert offer_question(1, date(2026, 12, 9)).startswith("Follow up with the person you met?")


def test_the_decision_is_due_from_thirty_days_on_not_twenty_nine() -> None:
    now = datetime(2026, 11, 23, 7, 30)
    thirty, twenty_nine = now - timedelta(days=30), now - timedelta(days=29)
    assert is_decision_due(thirty, thirty, now)
    assert not is_decision_due(twenty_nine, thirty, now)
    assert not is_decision_due(thirty, twenty_nine, now)
    assert not is_decision_due(thirty, None, now)


# ---- the offer and the follow-ups it adds -------------------------------------------------------


def test_the_offer_is_everyone_met_without_a_follow_up_from_the_event(store: Store) -> None:
    ada, bob, cy = (contact(store, n) for n in ("Ada", "Bob", "Cy"))
    event = store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", YESTERDAY, 60, people=(ada, bob, cy))
    )
    assert [p.name for p in store.meetings.follow_through_people(event.id)] == [
        "Ada",
        "Bob",
        "Cy",
    ]
    chosen = FollowThrough((ada, cy), "Follow up after Breakfast", date(2026, 11, 24))
    ids = store.meetings.add_follow_through(event.id, chosen)
    assert len(ids) == 2
    assert [p.name for p in store.meetings.follow_through_people(event.id)] == ["Bob"]
    # A follow-up done still counts: nobody is offered a second one.
    store.meetings.complete_follow_up(ids[0])
    assert [p.name for p in store.meetings.follow_through_people(event.id)] == ["Bob"]
    # Offered twice at once (two copies of netcoach): the second adds only who has none.
    again = store.meetings.add_follow_through(
        event.id, FollowThrough((ada, bob), "Again", date(2026, 11, 24))
    )
    assert len(again) == 1
    assert store.meetings.follow_through_people(event.id) == ()


def test_an_event_still_to_come_offers_nobody(store: Store) -> None:
    ada = contact(store, "Ada")
    event = store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", FIXED_NOW + timedelta(hours=1), 60, people=(ada,))
    )
    assert store.meetings.follow_through_people(event.id) == ()


@pytest.mark.parametrize(
    ("what", "people"),
    [("", None), ("x" * 201, None), ("Call", ()), ("Call", "stranger")],
)
def test_bad_follow_through_writes_nothing(store: Store, what: str, people: object) -> None:
    ada, bob = contact(store, "Ada"), contact(store, "Bob")
    event = store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", YESTERDAY, 60, people=(ada,))
    )
    chosen_people = (ada,) if people is None else (bob,) if people == "stranger" else ()
    with pytest.raises(ValidationError):
        store.meetings.add_follow_through(
            event.id, FollowThrough(chosen_people, what, date(2026, 11, 24))
        )
    assert store.meetings.list_follow_ups().total == 0
    with pytest.raises(NotFoundError):
        store.meetings.add_follow_through(999, FollowThrough((ada,), "Call", date(2026, 11, 24)))


def test_undo_takes_the_follow_ups_away_and_refuses_once_one_is_done(store: Store) -> None:
    ada, bob = contact(store, "Ada"), contact(store, "Bob")
    event = store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", YESTERDAY, 60, people=(ada, bob))
    )
    chosen = FollowThrough((ada, bob), "Call", date(2026, 11, 24))
    ids = store.meetings.add_follow_through(event.id, chosen)
    action = undo.follow_ups_added(event.id, ids, "Added 2 follow-ups")
    assert undo.UndoAction.from_json(action.to_json()) == action  # kept for the next run
    apply_undo(store, action)
    assert store.meetings.list_follow_ups(include_done=True).total == 0
    with pytest.raises(UndoRefused, match="already taken away"):
        apply_undo(store, action)
    ids = store.meetings.add_follow_through(event.id, chosen)
    store.meetings.complete_follow_up(ids[1])
    with pytest.raises(UndoRefused, match="marked done since"):
        apply_undo(store, undo.follow_ups_added(event.id, ids, "Added 2 follow-ups"))
    assert store.meetings.list_follow_ups(include_done=True).total == 2


# ---- still at Identify a month after meeting ----------------------------------------------------


def test_met_thirty_days_ago_is_listed_twenty_nine_is_not(store: Store) -> None:
    old = contact(store, "Thirty", days_ago=30)
    store.log_interaction(old, "coffee", when=FIXED_NOW - timedelta(days=30))
    young = contact(store, "Twenty-nine", days_ago=29)
    store.log_interaction(young, "coffee", when=FIXED_NOW - timedelta(days=29))
    late = contact(store, "Added long ago, met lately", days_ago=400)
    store.log_interaction(late, "meeting", when=FIXED_NOW - timedelta(days=29))
    assert decided(store) == ["Thirty"]


def test_never_met_archived_or_at_connect_are_not_listed(store: Store) -> None:
    contact(store, "Imported, never met", days_ago=300)
    called = contact(store, "Only called", days_ago=300)
    store.log_interaction(called, "call", when=FIXED_NOW - timedelta(days=200))
    gone = contact(store, "Archived", days_ago=300)
    store.log_interaction(gone, "coffee", when=FIXED_NOW - timedelta(days=200))
    store.contacts.set_archived(gone, True)
    connect = contact(store, "At Connect", days_ago=300, level=2)
    store.log_interaction(connect, "coffee", when=FIXED_NOW - timedelta(days=200))
    assert decided(store) == []


def test_a_move_back_to_identify_starts_the_month_again(store: Store) -> None:
    ada = contact(store, "Ada", days_ago=300, level=2)
    store.log_interaction(ada, "coffee", when=FIXED_NOW - timedelta(days=200))
    store.contacts.move_level(ada, 1, "Drifted apart", from_level=2)  # today
    assert decided(store) == []


def test_met_at_an_event_or_a_held_one_to_one_counts(store: Store) -> None:
    at_event = contact(store, "At the breakfast", days_ago=100)
    planned = contact(store, "Listed for a breakfast to come", days_ago=100)
    held = contact(store, "Held one-to-one", days_ago=100)
    not_held = contact(store, "One-to-one never recorded", days_ago=100)
    with store.db.connection_context():
        # Listed before the event began: no touch was logged, but they were met.
        store.db.execute_sql(
            "INSERT INTO event (name, kind, starts_at, duration_minutes, created_at) "
            "VALUES ('Breakfast', 'breakfast', ?, 60, ?)",
            [FIXED_NOW - timedelta(days=40), FIXED_NOW - timedelta(days=41)],
        )
        store.db.execute_sql(
            "INSERT INTO event (name, kind, starts_at, duration_minutes, created_at) "
            "VALUES ('Later', 'breakfast', ?, 60, ?)",
            [FIXED_NOW + timedelta(days=3), FIXED_NOW],
        )
        store.db.execute_sql(
            "INSERT INTO event_person (event_id, contact_id) VALUES (1, ?), (2, ?)",
            [at_event, planned],
        )
    starts = FIXED_NOW - timedelta(days=35)
    for cid in (held, not_held):
        one = store.meetings.plan_one_to_one(OneToOneDraft(cid, starts, 60, "Cafe", "Hear plans"))
        if cid == held:
            store.meetings.record_outcome(one.id, OutcomeDraft(Outcome.ACHIEVED))
            with store.db.connection_context():  # the touch the outcome logged, left out
                store.db.execute_sql("DELETE FROM interaction WHERE contact_id = ?", [cid])
    assert decided(store) == ["At the breakfast", "Held one-to-one"]


def test_oldest_first_with_the_count_of_all(store: Store) -> None:
    for index, days in enumerate((40, 90, 60)):
        cid = contact(store, f"P{index}", days_ago=days)
        store.log_interaction(cid, "event", when=FIXED_NOW - timedelta(days=days))
    rows, total = store.contacts.still_at_identify(limit=2)
    assert [row.name for row in rows] == ["P1", "P2"] and total == 3
    assert rows[0].first_met == FIXED_NOW - timedelta(days=90)
