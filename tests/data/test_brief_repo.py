"""The brief's repository: a few set-based reads whatever the number of people expected."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netcoach.core.ledger import EntryDraft
from netcoach.core.meetings import EventDraft, FollowUpDraft, OneToOneDraft, Owner
from netcoach.core.models import ContactDraft
from netcoach.data.errors import NotFoundError
from netcoach.data.repo import Store
from tests.conftest import FIXED_NOW

TOMORROW = FIXED_NOW.replace(hour=7, minute=0) + timedelta(days=1)


def network(store: Store, people: int) -> int:
    """``people`` contacts, each with a give and get, a follow-up each way, a want, a
    planned one-to-one, all expected at tomorrow's event; returns the event's id."""
    ids = []
    for index in range(people):
        cid = store.add_contact(ContactDraft(name=f"Person {index:02}", level=2)).id
        ids.append(cid)
        store.ledger.add_entry(EntryDraft(cid, "received", "referral", date(2026, 11, 1), "open"))
        store.ledger.add_want_have(cid, "want", "a commercial property lawyer")
        store.meetings.plan_one_to_one(
            OneToOneDraft(cid, TOMORROW + timedelta(days=2), 60, "café", f"Objective {index}")
        )
    lawyer = store.add_contact(ContactDraft(name="Lee Law", level=4)).id
    store.ledger.add_want_have(lawyer, "have", "solicitor for commercial leases")
    event = store.meetings.add_event(
        EventDraft(
            "Breakfast",
            "breakfast",
            TOMORROW,
            90,
            people=tuple(ids),
            follow_ups=tuple(
                FollowUpDraft(what, owner, date(2026, 11, 30), cid)
                for cid in ids
                for what, owner in (("Send it", Owner.ME), ("Intro", Owner.THEM))
            ),
        )
    )
    return event.id


def count_queries(store: Store, monkeypatch: pytest.MonkeyPatch, event_id: int) -> int:
    seen = []
    real = store.db.execute_sql

    def counting(sql, params=None, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(store.db, "execute_sql", counting)
    brief = store.brief.brief(event_id)
    monkeypatch.undo()
    assert brief is not None
    return len(seen)


def test_the_queries_do_not_grow_with_the_people_expected(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    few = network(store, 3)
    many = network(store, 30)
    assert count_queries(store, monkeypatch, few) == count_queries(store, monkeypatch, many)
    brief = store.brief.brief(many)
    assert brief is not None and len(brief.attendees) == 30
    block = brief.attendees[0]
    assert [line.what for line in block.you_owe] == ["Send it"]
    assert [line.what for line in block.they_owe] == ["Intro"]
    assert block.one_to_one is not None and block.one_to_one.objective == "Objective 0"
    assert (block.given, block.received) == (0, 1) and block.unreturned is not None
    assert block.gift is not None and block.gift.giver_name == "Lee Law"


def test_the_next_event_none_and_an_unknown_id(store: Store) -> None:
    assert store.brief.brief() is None
    with pytest.raises(NotFoundError):
        store.brief.brief(999)
    event_id = network(store, 1)
    brief = store.brief.brief()
    assert brief is not None and brief.event.id == event_id


def test_someone_with_nothing_logged_is_not_met_yet(store: Store) -> None:
    new = store.add_contact(ContactDraft(name="Noor New")).id
    known = store.add_contact(ContactDraft(name="Kim Known")).id
    store.log_interaction(known, "call", when=FIXED_NOW - timedelta(days=3))
    event = store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", TOMORROW, 90, people=(new, known))
    )
    brief = store.brief.brief(event.id)
    assert brief is not None
    assert [p.name for p in brief.attendees] == ["Kim Known"]
    assert [p.name for p in brief.newcomers] == ["Noor New"]
    assert brief.attendees[0].last_touch_text == "last touch 3 days ago"


def test_an_archived_contact_is_never_offered_and_the_closest_holder_is(store: Store) -> None:
    asker = store.add_contact(ContactDraft(name="Ann Asks")).id
    store.ledger.add_want_have(asker, "want", "an architect")
    gone = store.add_contact(ContactDraft(name="Al Archived", level=5)).id
    near = store.add_contact(ContactDraft(name="Cy Close", level=4)).id
    far = store.add_contact(ContactDraft(name="Di Distant", level=1)).id
    for cid in (gone, near, far):
        store.ledger.add_want_have(cid, "have", "an architect friend")
    store.contacts.set_archived(gone, True)
    event = store.meetings.add_event(EventDraft("B", "breakfast", TOMORROW, 60, people=(asker,)))
    brief = store.brief.brief(event.id)
    assert brief is not None
    gift = brief.newcomers[0].gift
    assert gift is not None and gift.giver_name == "Cy Close"
