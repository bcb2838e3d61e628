"""The repositories keep the forms' limits: long text and implausible dates are refused
from anywhere, imports cut text to fit and say so, and goals can be changed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from netcoach.core.goals import GoalDraft
from netcoach.core.ledger import EntryDraft
from netcoach.core.models import ContactDraft
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.repo import Store
from netcoach.io.imports import import_file
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def test_a_5000_character_name_is_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:
        store.add_contact(ContactDraft(name="x" * 5000))
    assert refused.value.errors["name"] == "Names are at most 200 characters."
    assert store.count_contacts() == 0


def test_a_goal_is_updated_in_place_and_keeps_its_manual_progress(store: Store) -> None:
    goal = store.ledger.add_goal(GoalDraft("Meet architects", "manual", 3, TODAY, TODAY))
    store.ledger.set_goal_progress(goal.id, 2)
    changed = store.ledger.update_goal(
        goal.id, GoalDraft("Meet six architects", "manual", 6, TODAY, date(2026, 12, 31))
    )
    assert (changed.id, changed.title, changed.target, changed.progress) == (
        goal.id,
        "Meet six architects",
        6,
        2,
    )
    assert store.ledger.goals() == [changed]


def test_a_goal_update_is_checked_like_a_new_goal(store: Store) -> None:
    goal = store.ledger.add_goal(GoalDraft("Meet architects", "manual", 3, TODAY, TODAY))
    with pytest.raises(ValidationError) as refused:
        store.ledger.update_goal(goal.id, GoalDraft("", "manual", 3, TODAY, date(3027, 1, 1)))
    assert set(refused.value.errors) == {"title", "deadline"}
    assert "10 years" in refused.value.errors["deadline"]
    assert store.ledger.goals() == [goal]
    with pytest.raises(NotFoundError):
        store.ledger.update_goal(999, GoalDraft("x", "manual", 1, TODAY, TODAY))


def test_a_new_goal_in_3027_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError):
        store.ledger.add_goal(GoalDraft("Far", "manual", 1, TODAY, date(3027, 1, 1)))
    assert store.ledger.goals() == []


def test_a_long_entry_note_and_a_date_before_1900_are_refused(store: Store) -> None:
    ann = store.add_contact(ContactDraft("Ann", level=3))
    draft = EntryDraft(ann.id, "given", "advice", TODAY - timedelta(days=1), note="n" * 501)
    with pytest.raises(ValidationError) as refused:
        store.ledger.add_entry(draft)
    assert "note" in refused.value.errors
    with pytest.raises(ValidationError):
        store.ledger.add_entry(EntryDraft(ann.id, "given", "advice", date(1850, 1, 1)))
    assert store.ledger.list_entries()[1] == 0


def test_an_import_cuts_a_long_name_to_fit_and_says_so(store: Store, tmp_path: Path) -> None:
    card = tmp_path / "long.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + "Long" * 1250 + "\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Short Name\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    summary = import_file(store, "vcard", card)
    assert summary.line == "imported 2, updated 0, skipped 0"
    assert any("1 record had text longer than the form takes" in n for n in summary.notices)
    names = sorted(row.name for row in store.list_contacts().rows)
    assert [len(n) for n in names] == [200, 10]
