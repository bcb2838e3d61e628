"""Saved decisions on a real SQLite file: goals and follow-ups from them, look-backs, due days."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from netcoach.core.goals import GoalDraft
from netcoach.core.ledger import EntryDraft
from netcoach.core.meetings import FollowUpDraft, Owner
from netcoach.core.models import ContactDraft
from netcoach.core.review import ReviewDueState, look_back, parse_period
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.ledger import LedgerRepo
from netcoach.data.repo import Store
from netcoach.data.tables import ReviewRecord

H1 = parse_period("2026H1")


def saved_on(store: Store, day: datetime) -> LedgerRepo:
    return LedgerRepo(store.db, clock=lambda: day)


def test_decisions_and_look_backs_round_trip(store: Store) -> None:
    decisions = [
        {"what": "Two referrals for Ann", "with_whom": "Ann", "when": "end of january"},
        look_back({"what": "More coffee"}, "2025H2", "done", "  Six  coffees  "),
    ]
    saved = store.ledger.save_review(H1, {"given": 1}, decisions)
    again = store.ledger.saved_review_of(H1)
    assert again is not None and again.id == saved.id
    assert again.decisions[0] == decisions[0]
    assert again.decisions[1] == {
        "looked_back": "More coffee",
        "from": "2025H2",
        "outcome": "done",
        "came_of_it": "Six coffees",
    }


def test_old_decisions_without_the_new_keys_still_read(store: Store) -> None:
    with store.db.connection_context():
        ReviewRecord.create(
            label="2025H2",
            period_start=date(2025, 7, 1),
            period_end=date(2025, 12, 31),
            figures="{}",
            decisions=json.dumps([{"what": "More coffee", "how": "Ask"}]),
            saved_at=datetime(2026, 1, 5, 9),
        )
    previous = store.ledger.previous_review(H1.start)
    assert previous is not None and previous.decisions == [{"what": "More coffee", "how": "Ask"}]


def test_a_decision_becomes_a_goal_once(store: Store) -> None:
    saved = store.ledger.save_review(H1, {}, [look_back({}, "x", "", ""), {"what": "Referrals"}])
    draft = GoalDraft("Referrals", "given", 2, date(2026, 11, 23), date(2027, 1, 31), None)
    goal = store.ledger.goal_from_decision(saved.id, 1, draft)
    assert [g.title for g in store.ledger.goals()] == ["Referrals"]
    after = store.ledger.saved_review_of(H1)
    assert after is not None and after.decisions[1]["became"] == f"goal {goal.id}"
    with pytest.raises(ValidationError):  # not twice
        store.ledger.goal_from_decision(saved.id, 1, draft)
    with pytest.raises(NotFoundError):  # a look-back is not a decision
        store.ledger.goal_from_decision(saved.id, 0, draft)
    with pytest.raises(NotFoundError):
        store.ledger.goal_from_decision(saved.id + 1, 1, draft)
    assert len(store.ledger.goals()) == 1


def test_a_refused_goal_leaves_the_decision_as_it_was(store: Store) -> None:
    saved = store.ledger.save_review(H1, {}, [{"what": "Referrals"}])
    bad = GoalDraft("", "given", 2, date(2026, 11, 23), date(2026, 1, 31), None)
    with pytest.raises(ValidationError):
        store.ledger.goal_from_decision(saved.id, 0, bad)
    after = store.ledger.saved_review_of(H1)
    assert after is not None and "became" not in after.decisions[0]
    assert store.ledger.goals() == []


def test_a_decision_becomes_a_follow_up(store: Store) -> None:
    ann = store.add_contact(ContactDraft(name="Ann Lee", level=3)).id
    saved = store.ledger.save_review(H1, {}, [{"what": "Call Ann", "with_whom": "ann  lee"}])
    assert store.ledger.decision_contact("ann  lee") == (ann, "Ann Lee", 3)
    assert store.ledger.decision_contact("Nobody") is None
    draft = FollowUpDraft("Call Ann", Owner.ME, date(2026, 12, 1), contact_id=ann)
    follow_up_id = store.ledger.follow_up_from_decision(saved.id, 0, draft)
    (follow_up,) = store.meetings.list_follow_ups().rows
    assert follow_up.id == follow_up_id and follow_up.contact_id == ann
    assert follow_up.what == "Call Ann" and follow_up.due_on == date(2026, 12, 1)
    after = store.ledger.saved_review_of(H1)
    assert after is not None and after.decisions[0]["became"] == f"follow-up {follow_up_id}"
    with pytest.raises(ValidationError):  # a contact that is not there: nothing written
        store.ledger.follow_up_from_decision(
            store.ledger.save_review(H1, {}, [{"what": "x"}]).id,
            0,
            FollowUpDraft("x", Owner.ME, None, contact_id=ann + 99),
        )
    assert len(store.meetings.list_follow_ups().rows) == 1


def test_two_contacts_with_the_same_name_name_nobody(store: Store) -> None:
    for _ in range(2):
        store.add_contact(ContactDraft(name="Sam Roe", level=2))
    assert store.ledger.decision_contact("Sam Roe") is None


def test_the_review_is_due_six_months_after_the_last_saved(store: Store) -> None:
    assert store.ledger.review_due() is None  # an empty network: nothing to review
    ann = store.add_contact(ContactDraft(name="Ann", level=3)).id
    store.ledger.add_entry(EntryDraft(ann, "given", "advice", date(2026, 10, 1)))
    first = store.ledger.review_due()
    assert first is not None and first.first and first.due_on == date(2026, 10, 31)
    assert first.state is ReviewDueState.DUE
    saved_on(store, datetime(2026, 5, 18, 9)).save_review(parse_period("2025H2"), {}, [])
    due = store.ledger.review_due()
    assert due is not None and due.last_saved_on == date(2026, 5, 18)
    assert due.due_on == date(2026, 11, 18) and due.state is ReviewDueState.DUE
    assert due.period.label == "2026H1"
    store.ledger.save_review(H1, {}, [{"what": "x"}])  # saved today, 23 November
    later = store.ledger.review_due()
    assert later is not None and later.state is ReviewDueState.NOT_YET
    assert later.due_on == date(2027, 5, 23)
