"""One-to-ones, events, outcomes and goals: a save writes only what changed, in one transaction."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from netcoach.core.goals import GoalDraft
from netcoach.core.meetings import EventDraft, OneToOneDraft, Outcome
from netcoach.core.merge import Clash, RecordChanged, merged_set
from netcoach.core.models import ContactDraft
from netcoach.data.repo import Store
from tests.conftest import FIXED_NOW


def other_copy(db_path: Path, sql: str, *params: object) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute(sql, params)


def test_a_one_to_one_save_keeps_the_other_copys_change(store: Store, db_path: Path) -> None:
    ada = store.add_contact(ContactDraft("Ada"))
    one = store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=1), 60, "Cafe", "Hear her plans")
    )
    opened = {"place": "Cafe", "objective": "Hear her plans"}
    other_copy(db_path, "UPDATE one_to_one SET place = 'Library'")
    saved = store.meetings.save_one_to_one_changes(one.id, opened, {"objective": "Ask for intros"})
    assert (saved.place, saved.objective) == ("Library", "Ask for intros")
    with pytest.raises(RecordChanged) as caught:
        store.meetings.save_one_to_one_changes(one.id, opened, {"place": "Online"})
    assert caught.value.clashes == (Clash("place", "Cafe", "Library", "Online"),)
    assert store.meetings.get_one_to_one(one.id).place == "Library"


def test_an_outcome_recorded_elsewhere_is_a_clash(store: Store, db_path: Path) -> None:
    ada = store.add_contact(ContactDraft("Ada"))
    one = store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=1), 60, "Cafe", "Hear her plans")
    )
    opened = {"outcome": None, "notes": "", "learnt": ""}
    store.meetings.save_outcome_changes(
        one.id, opened, {"outcome": Outcome.ACHIEVED, "notes": "Theirs"}
    )
    with pytest.raises(RecordChanged) as caught:
        store.meetings.save_outcome_changes(
            one.id, opened, {"outcome": Outcome.PARTLY, "learnt": "Mine"}
        )
    assert [clash.field for clash in caught.value.clashes] == ["outcome"]
    saved = store.meetings.save_outcome_changes(
        one.id,
        {**opened, "outcome": Outcome.ACHIEVED},
        {"outcome": Outcome.PARTLY, "learnt": "Mine"},
    )
    assert saved is None  # no second Engage offer
    after = store.meetings.get_one_to_one(one.id)
    assert (after.outcome, after.notes, after.learnt) == (Outcome.PARTLY, "Theirs", "Mine")


def test_people_met_at_an_event_merge(store: Store, db_path: Path) -> None:
    ada, bob, cy = (store.add_contact(ContactDraft(n)).id for n in ("Ada", "Bob", "Cy"))
    event = store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", FIXED_NOW + timedelta(days=1), 60, people=(ada, bob))
    )
    opened = {"name": "Breakfast", "people": (ada, bob)}
    # The other copy adds Cy and renames the event.
    other_copy(
        db_path, "INSERT INTO event_person (event_id, contact_id) VALUES (?, ?)", event.id, cy
    )
    other_copy(db_path, "UPDATE event SET name = 'Chamber breakfast'")
    # This copy takes Bob out and adds a new person.
    saved = store.meetings.save_event_changes(
        event.id, opened, {"people": (ada,)}, new_people=("Dee New",)
    )
    assert saved.name == "Chamber breakfast"
    assert sorted(p.name for p in saved.people) == ["Ada", "Cy", "Dee New"]


def test_merged_sets_keep_both_sides_additions_and_removals() -> None:
    assert merged_set((1, 2), (1, 2, 3), (1, 4)) == (1, 3, 4)
    assert merged_set((1, 2), (2,), (1, 2)) == (2,)


def test_a_goal_save_writes_only_what_changed(store: Store, db_path: Path) -> None:
    start = FIXED_NOW.date()
    goal = store.ledger.add_goal(
        GoalDraft("Three intros", "introductions", 3, start, start + timedelta(days=90))
    )
    opened = {"title": "Three intros", "target": 3}
    other_copy(db_path, "UPDATE goal SET title = 'Three introductions'")
    saved = store.ledger.save_goal_changes(goal.id, opened, {"target": 5})
    assert (saved.title, saved.target) == ("Three introductions", 5)
    with pytest.raises(RecordChanged):
        store.ledger.save_goal_changes(goal.id, opened, {"title": "Four intros"})
