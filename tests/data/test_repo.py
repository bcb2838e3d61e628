"""The contact repository on a real SQLite file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netcoach.core.cadence import TouchStatus
from netcoach.core.models import ContactDraft
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.repo import Store
from netcoach.data.tables import ContactRecord
from tests.conftest import FIXED_NOW


def test_add_records_the_first_level_and_returns_the_contact(store: Store) -> None:
    contact = store.add_contact(
        ContactDraft(name="  Isla   Quinn ", emails=("isla@q.example",), phones=("0770",), level=2)
    )
    assert contact.name == "Isla Quinn"
    assert contact.phones == ("0770",)
    history = store.level_history(contact.id)
    assert [(h.from_level, h.to_level) for h in history] == [(None, 2)]


def test_invalid_drafts_write_nothing(store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        store.add_contact(ContactDraft(name="", emails=("x",)))
    assert set(caught.value.errors) == {"name", "emails"}
    assert store.count_contacts() == 0


def test_update_replaces_children_and_records_a_level_change(store: Store) -> None:
    contact = store.add_contact(ContactDraft(name="Hugo", emails=("a@b.io",), tags=("x", "y")))
    updated = store.update_contact(
        contact.id, ContactDraft(name="Hugo Hall", emails=("h@hall.io",), tags=("y",), level=3)
    )
    assert updated.emails == ("h@hall.io",)
    assert updated.tags == ("y",)
    assert [(h.from_level, h.to_level) for h in store.level_history(contact.id)] == [
        (1, 3),
        (None, 1),
    ]
    assert [r.id for r in store.list_contacts("hall.io").rows] == [contact.id]
    assert store.list_contacts("a@b").rows == ()


def test_update_of_a_missing_contact(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.update_contact(99, ContactDraft(name="Ghost"))


def test_interaction_resets_the_clock(store: Store) -> None:
    contact = store.add_contact(ContactDraft(name="Ben", level=5))
    with store.db.connection_context():
        ContactRecord.update(created_at=FIXED_NOW - timedelta(days=40)).execute()
    assert store.list_contacts().rows[0].status is TouchStatus.OVERDUE
    store.log_interaction(contact.id, "coffee", when=FIXED_NOW - timedelta(days=1))
    row = store.list_contacts().rows[0]
    assert row.last_interaction_at == FIXED_NOW - timedelta(days=1)
    assert row.status is TouchStatus.OK
    with pytest.raises(ValidationError):
        store.log_interaction(contact.id, "carrier pigeon")


def test_overdue_lists_highest_levels_first(store: Store) -> None:
    old = FIXED_NOW - timedelta(days=400)
    for name, level in (("L2", 2), ("L5", 5), ("L1", 1), ("L4", 4), ("L3 fresh", 3)):
        store.add_contact(ContactDraft(name=name, level=level))
    with store.db.connection_context():
        ContactRecord.update(created_at=old).where(ContactRecord.name != "L3 fresh").execute()
        ContactRecord.update(created_at=FIXED_NOW).where(ContactRecord.name == "L3 fresh").execute()
    rows, total = store.overdue_contacts()
    assert [r.name for r in rows] == ["L5", "L4", "L2"]
    assert total == 3


def test_pages_are_ordered_by_name(store: Store) -> None:
    for name in ("delta", "Alpha", "charlie", "Bravo"):
        store.add_contact(ContactDraft(name=name))
    first = store.list_contacts(limit=2)
    second = store.list_contacts(offset=2, limit=2)
    assert [r.name for r in first.rows + second.rows] == ["Alpha", "Bravo", "charlie", "delta"]
    assert first.total == 4


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_typed_search_is_safe(store: Store, text: str) -> None:
    page = store.list_contacts(text)
    assert page.total >= 0


def test_uses_the_clock_it_was_given(store: Store) -> None:
    contact = store.add_contact(ContactDraft(name="Clocked"))
    assert contact.created_at == FIXED_NOW.replace(microsecond=0)
    assert isinstance(contact.created_at, datetime)
