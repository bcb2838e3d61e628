"""The ledger repository on a real SQLite file: entries, introductions, goals and reviews."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netcoach.core.goals import GoalDraft
from netcoach.core.ledger import EntryDraft, Money
from netcoach.core.models import ContactDraft
from netcoach.core.review import build_review, parse_period
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.repo import Store
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def people(store: Store, *names: str, level: int = 2) -> list[int]:
    return [store.add_contact(ContactDraft(name=n, level=level)).id for n in names]


def test_entry_saved_and_resets_keep_in_touch(store: Store) -> None:
    (ann,) = people(store, "Ann")
    store.ledger.add_entry(EntryDraft(ann, "given", "advice", date(2026, 11, 2)))
    assert store.get_contact(ann).last_interaction_at == datetime(2026, 11, 2)
    # An older entry does not move the clock back.
    store.ledger.add_entry(EntryDraft(ann, "received", "support", date(2026, 10, 2)))
    assert store.get_contact(ann).last_interaction_at == datetime(2026, 11, 2)
    entries, total = store.ledger.list_entries()
    assert total == 2 and [e.kind for e in entries] == ["advice", "support"]


def test_refused_entry_writes_nothing(store: Store) -> None:
    (ann,) = people(store, "Ann")
    with pytest.raises(ValidationError) as caught:
        store.ledger.add_entry(EntryDraft(ann, "received", "business", TODAY))
    assert "amount" in caught.value.errors
    assert store.ledger.list_entries()[1] == 0
    assert store.get_contact(ann).last_interaction_at is None


def test_balances_from_the_database(store: Store) -> None:
    ann, bob = people(store, "Ann", "Bob")
    ledger = store.ledger
    ledger.add_entry(EntryDraft(ann, "given", "referral", TODAY, status="open"))
    ledger.add_entry(EntryDraft(ann, "received", "business", TODAY, amount=Money(1000, "GBP")))
    ledger.add_entry(EntryDraft(ann, "received", "business", TODAY, amount=Money(500, "EUR")))
    ledger.add_entry(EntryDraft(bob, "received", "advice", TODAY))
    first, second = ledger.balances()
    assert first.contact_name == "Ann"
    assert first.given == {"referral": 1} and first.received == {"business": 2}
    assert first.received_money == {"GBP": 1000, "EUR": 500}
    assert second.balance == -1
    assert [u.contact_name for u in ledger.not_helped_back()] == ["Bob"]


def test_introduction_walk_counts_as_given_to_both(store: Store) -> None:
    ann, bob = people(store, "Ann", "Bob")
    ledger = store.ledger
    ledger.add_want_have(ann, "want", "Needs a commercial property lawyer")
    ledger.add_want_have(bob, "have", "Solicitor for commercial property", tag="law")
    ledger.add_want_have(None, "have", "I know hotel owners")
    (match,) = ledger.suggestions()
    assert (match.want.owner_name, match.have.owner_name) == ("Ann", "Bob")
    intro = ledger.start_introduction(match)
    assert ledger.suggestions() == []  # now tracked
    with pytest.raises(ValidationError):
        ledger.move_introduction(intro.id, "introduced")  # cannot skip the asking
    for state in ("asked_first", "asked_second", "introduced"):
        intro = ledger.move_introduction(intro.id, state)
    assert intro.introduced_on == TODAY
    entries, total = ledger.list_entries()
    assert total == 2
    assert {(e.contact_id, e.direction, e.kind) for e in entries} == {
        (ann, "given", "introduction"),
        (bob, "given", "introduction"),
    }
    intro = ledger.record_outcome(intro.id, "business")
    assert intro.stage == "introduced: business"
    with pytest.raises(ValidationError):
        ledger.move_introduction(intro.id, "dismissed")


def test_goal_progress_from_the_data(store: Store) -> None:
    ann, bob = people(store, "Ann", "Bob")
    people(store, "Cy", level=4)
    ledger = store.ledger
    start, deadline = date(2026, 10, 1), date(2026, 12, 31)
    ledger.add_entry(EntryDraft(ann, "given", "referral", date(2026, 10, 5), status="open"))
    ledger.add_entry(EntryDraft(bob, "given", "referral", date(2026, 9, 5), status="won"))
    ledger.add_entry(EntryDraft(bob, "given", "advice", date(2026, 10, 6)))
    ledger.add_goal(GoalDraft("Give 4 referrals", "given", 4, start, deadline, kind="referral"))
    ledger.add_goal(GoalDraft("Five at Collaborate", "level4_contacts", 5, start, deadline))
    ledger.add_goal(GoalDraft("Eight one-to-ones", "one_to_ones", 8, start, deadline))
    manual = ledger.add_goal(GoalDraft("Join a chamber", "manual", 1, start, deadline))
    ledger.set_goal_progress(manual.id, 1)
    progress = {g.title: g.progress for g in ledger.goals()}
    assert progress == {
        "Give 4 referrals": 1,  # the September referral is before the start
        "Five at Collaborate": 1,
        "Eight one-to-ones": 0,  # none held yet
        "Join a chamber": 1,
    }


def test_review_input_reads_optional_tables_when_present(store: Store) -> None:
    (ann,) = people(store, "Ann")
    store.ledger.add_entry(EntryDraft(ann, "received", "advice", date(2026, 8, 1)))
    period = parse_period("2026H2")
    data = store.ledger.review_input(period)
    assert data.one_to_ones == () and data.events == () and data.reasons == {}
    db = store.db
    with db.connection_context():
        for one_id, starts, minutes, outcome in (
            (1, "2026-08-01 08:00:00", 90, "achieved"),
            (2, "2026-01-01 08:00:00", 60, "not"),
        ):
            db.execute_sql(
                "INSERT INTO one_to_one (id, contact_id, starts_at, duration_minutes, objective, "
                "outcome, created_at) VALUES (?, ?, ?, ?, 'Learn their plans', ?, ?)",
                (one_id, ann, starts, minutes, outcome, starts),
            )
        db.execute_sql(
            "INSERT INTO contact_reason (contact_id, reason) VALUES (?, 'leads')", (ann,)
        )
    report = build_review(store.ledger.review_input(period))
    assert report.one_to_ones_held == 1 and report.achievement_rate == 1.0
    assert report.hours == 1.5
    assert report.reasons == {"leads": 1}
    assert report.received == {"advice": 1}


def test_saved_review_is_found_as_the_previous_one(store: Store) -> None:
    first = parse_period("2026H1")
    saved = store.ledger.save_review(first, {"given": 3}, [{"what": "More coffee"}])
    again = store.ledger.previous_review(parse_period("2026H2").start)
    assert again is not None and again.id == saved.id
    assert again.figures == {"given": 3} and again.decisions == [{"what": "More coffee"}]
    assert store.ledger.previous_review(first.start) is None


def test_review_query_groups_like_the_core(store: Store) -> None:
    import random

    from netcoach.core.ledger import KINDS
    from netcoach.core.review import summarise_entries

    rng = random.Random(3)
    ids = people(store, "Ann", "Bob", "Cy")
    raw = []
    for _ in range(120):
        kind = rng.choice(KINDS)
        draft = EntryDraft(
            rng.choice(ids),
            rng.choice(("given", "received")),
            kind,
            date(2026, rng.randint(5, 11), rng.randint(1, 28)),
            status=rng.choice(("open", "won", "lost")) if kind == "referral" else None,
            amount=Money(rng.randint(0, 99999), rng.choice(("GBP", "EUR")))
            if kind == "business"
            else None,
        )
        store.ledger.add_entry(draft)
        raw.append(
            (
                draft.contact_id,
                draft.direction,
                draft.kind,
                draft.happened_on,
                draft.status,
                draft.amount.minor if draft.amount else None,
                draft.amount.currency if draft.amount else None,
            )
        )
    period = parse_period("2026H2")
    data = store.ledger.review_input(period)
    totals, grouped = summarise_entries(raw, period)  # type: ignore[arg-type]
    assert sorted(data.totals, key=repr) == sorted(totals, key=repr)
    assert sorted(data.people) == sorted(grouped)
    assert set(data.names) == set(ids)


def test_the_largest_allowed_amount_fits_every_currency(store: Store) -> None:
    from netcoach.core.ledger import parse_amount

    (ann,) = people(store, "Ann")
    for code in ("GBP", "JPY", "KWD"):
        money, error = parse_amount("1000000000000", code)
        assert error is None and money is not None
        store.ledger.add_entry(EntryDraft(ann, "received", "business", TODAY, amount=money))
    assert store.ledger.balances()[0].received_money == {
        "GBP": 10**14,
        "JPY": 10**12,
        "KWD": 10**15,
    }


def test_not_helped_back_in_sql_follows_the_core_rule(store: Store) -> None:
    import random
    from datetime import timedelta

    from netcoach.core.ledger import KINDS, not_helped_back

    rng = random.Random(11)
    ids = people(store, *(f"Person {n}" for n in range(10)), "Zoë Øster", "Émile Ång")
    for _ in range(300):
        kind = rng.choice(KINDS)
        store.ledger.add_entry(
            EntryDraft(
                rng.choice(ids),
                rng.choice(("given", "received", "received")),
                kind,
                TODAY - timedelta(days=rng.randint(0, 400)),
                status=rng.choice(("open", "won", "lost")) if kind == "referral" else None,
                amount=Money(rng.randint(0, 99999), rng.choice(("GBP", "EUR")))
                if kind == "business"
                else None,
            )
        )
    everything = store.ledger.list_entries(limit=1000)[0]
    for months in (1, 2, 6):
        expected = not_helped_back(everything, TODAY, months)
        assert expected, "the data should leave someone not helped back"
        assert store.ledger.not_helped_back(months) == expected
        for limit in (1, 3, len(expected) + 2):
            first, total = store.ledger.not_helped_back_first(months, limit)
            assert (first, total) == (expected[:limit], len(expected))


def test_a_deleted_entry_is_kept_and_comes_back_whole(store: Store) -> None:
    ann, bob = people(store, "Ann", "Bob")
    ledger = store.ledger
    kept = ledger.add_entry(EntryDraft(ann, "received", "advice", TODAY, note="Kept"))
    gone = ledger.add_entry(
        EntryDraft(bob, "received", "business", TODAY, amount=Money(1250, "EUR"), note="Gone")
    )
    made_sql = "SELECT created_at FROM ledger_entry WHERE id = ?"
    with store.reading():
        made = store.db.execute_sql(made_sql, [gone.id]).fetchone()
    assert ledger.delete_entry(gone.id) == gone
    assert [e.id for e in ledger.list_entries()[0]] == [kept.id]
    assert ledger.balances()[0].contact_name == "Ann"
    (item,) = ledger.deleted()
    assert (item.what, item.contact_name) == ("entry", "Bob")
    assert item.summary == f"got business EUR 12.50 on {TODAY:%d %b %Y}"
    assert item.deleted_at == FIXED_NOW

    ledger.restore_deleted(item)
    assert ledger.deleted() == []
    entries = ledger.list_entries()[0]
    assert gone in entries  # same id, amount, note
    with store.reading():
        assert store.db.execute_sql(made_sql, [gone.id]).fetchone() == made


def test_a_restored_entry_whose_id_was_reused_gets_a_new_one(store: Store) -> None:
    (ann,) = people(store, "Ann")
    ledger = store.ledger
    first = ledger.add_entry(EntryDraft(ann, "given", "advice", TODAY, note="First"))
    ledger.delete_entry(first.id)
    second = ledger.add_entry(EntryDraft(ann, "given", "support", TODAY, note="Second"))
    assert second.id == first.id  # SQLite hands the freed id out again
    ledger.restore_entry(first.id)
    notes = sorted(e.note for e in ledger.list_entries()[0])
    assert notes == ["First", "Second"]
    with pytest.raises(NotFoundError):
        ledger.restore_entry(first.id)  # nothing left to put back


def test_a_deleted_want_comes_back_linked_to_its_introduction(store: Store) -> None:
    ann, bob = people(store, "Ann", "Bob")
    ledger = store.ledger
    want = ledger.add_want_have(ann, "want", "Needs a commercial property lawyer")
    ledger.add_want_have(bob, "have", "Solicitor for commercial property")
    (match,) = ledger.suggestions()
    intro = ledger.start_introduction(match)
    ledger.delete_want_have(want.id)
    assert [w.phrase for w in ledger.wants_haves(ann)] == []
    linked = "SELECT want_id FROM introduction WHERE id = ?"
    with store.reading():
        assert store.db.execute_sql(linked, [intro.id]).fetchone() == (None,)
    (item,) = ledger.deleted()
    assert (item.what, item.contact_name) == ("want_have", "Ann")
    assert item.summary == "want: Needs a commercial property lawyer"
    ledger.restore_deleted(item)
    assert [w.phrase for w in ledger.wants_haves(ann)] == ["Needs a commercial property lawyer"]
    with store.reading():
        assert store.db.execute_sql(linked, [intro.id]).fetchone() == (want.id,)


def test_two_deleted_entries_that_had_the_same_id_are_both_kept(store: Store) -> None:
    (ann,) = people(store, "Ann")
    ledger = store.ledger
    first = ledger.add_entry(EntryDraft(ann, "given", "advice", TODAY, note="First"))
    ledger.delete_entry(first.id)
    second = ledger.add_entry(EntryDraft(ann, "given", "support", TODAY, note="Second"))
    assert second.id == first.id
    ledger.delete_entry(second.id)
    assert len(ledger.deleted()) == 2
    ledger.restore_entry(second.id)  # undo puts back the one deleted last
    assert [e.note for e in ledger.list_entries()[0]] == ["Second"]
    (left,) = ledger.deleted()
    ledger.restore_deleted(left)
    assert sorted(e.note for e in ledger.list_entries()[0]) == ["First", "Second"]
    assert ledger.deleted() == []


def test_the_review_counts_level_moves_in_its_period_as_the_core_rule_does(store: Store) -> None:
    """The repository counts the moves up and down itself; the figures are the ones the
    core rule gives on every level change of the period."""
    from dataclasses import replace

    ann, bob, cy = people(store, "Ann", "Bob", "Cy")
    store.contacts.move_level(ann, 3, "one-to-one went well")
    store.contacts.move_level(ann, 4, "referrals both ways")
    store.contacts.move_level(bob, 1, "moved away")
    store.contacts.move_level(cy, 3, "long ago")
    with store.reading():
        store.db.execute_sql(
            "UPDATE level_change SET changed_at = '2025-03-01 09:00:00' WHERE contact_id = ?",
            [cy],
        )
        rows = store.db.execute_sql(
            "SELECT contact_id, from_level, to_level FROM level_change "
            "WHERE changed_at >= '2026-07-01' AND changed_at < '2027-01-01'"
        ).fetchall()
    period = parse_period("2026H2")
    data = store.ledger.review_input(period)
    assert data.level_moves == (2, 1)
    counted = build_review(replace(data, level_moves=None, level_changes=tuple(rows)))
    report = build_review(data)
    assert (report.level_ups, report.level_downs) == (2, 1)
    assert (counted.level_ups, counted.level_downs) == (2, 1)
    assert len(rows) == 5  # Ann's and Bob's moves and the two new contacts (from no level)


def test_the_review_names_the_same_top_five_as_from_everyone(store: Store) -> None:
    """The repository hands the review only the people who can be among the top five
    (ties with the fifth kept) and the advisors; the report is the one every row gives."""
    import random
    from dataclasses import replace
    from datetime import timedelta

    from netcoach.core.review import report_lines

    rng = random.Random(5)
    ids = people(store, *(f"Person {n:02d}" for n in range(40)))
    for cid in ids[:6]:
        store.contacts.update_contact(cid, replace(_draft_of(store, cid), is_advisor=True))
    for _ in range(400):
        store.ledger.add_entry(
            EntryDraft(
                rng.choice(ids),
                rng.choice(("given", "received")),
                rng.choice(("advice", "support", "introduction")),  # few values: many ties
                TODAY - timedelta(days=rng.randint(0, 200)),
            )
        )
    for label in ("2026H2", "2026H1"):
        period = parse_period(label)
        data = store.ledger.review_input(period)
        with store.reading():
            everyone = store.db.execute_sql(
                "SELECT e.contact_id, e.direction, count(*), sum(CASE e.kind "
                "WHEN 'introduction' THEN 3 WHEN 'advice' THEN 2 ELSE 1 END) "
                "FROM ledger_entry e WHERE e.happened_on BETWEEN ? AND ? "
                "GROUP BY e.contact_id, e.direction",
                (period.start.isoformat(), period.end.isoformat()),
            ).fetchall()
        names = {cid: f"Person {n:02d}" for n, cid in enumerate(ids)}
        full = replace(
            data,
            people=tuple((c, d, n, float(w)) for c, d, n, w in everyone),
            names=names,
        )
        assert len(data.people) < len(full.people)
        assert {c for c, *_ in data.people} >= set(ids[:6]) & {c for c, *_ in full.people}
        assert build_review(data) == build_review(full)
        assert report_lines(build_review(data)) == report_lines(build_review(full))


def _draft_of(store: Store, contact_id: int) -> ContactDraft:
    contact = store.get_contact(contact_id)
    return ContactDraft(name=contact.name, level=contact.level)
