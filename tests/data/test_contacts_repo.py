"""The contacts repository: keyset pages, filters, search, next-due dates, levels, archive."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from peewee import IntegrityError

from netcoach.core.levels import LevelBoundError, LevelError, level_after
from netcoach.core.models import ContactDraft, ContactFilter, Show, SortOrder
from netcoach.data.contacts import search_paths
from netcoach.data.errors import LevelMoveError, ValidationError
from netcoach.data.repo import Store
from tests.conftest import FIXED_NOW


def add(store: Store, name: str, **fields: object) -> int:
    return store.add_contact(ContactDraft(name=name, **fields)).id  # type: ignore[arg-type]


def names(store: Store, wanted: ContactFilter, limit: int = 100) -> list[str]:
    return [row.name for row in store.contacts.page(wanted, limit=limit).rows]


def all_pages(store: Store, wanted: ContactFilter, limit: int) -> list[int]:
    seen: list[int] = []
    after = None
    while True:
        page = store.contacts.page(wanted, after=after, limit=limit)
        seen += [row.id for row in page.rows]
        if not page.more:
            return seen
        after = page.after


def test_search_covers_name_company_title_email_tags_and_notes(store: Store) -> None:
    add(store, "Ada Lovelace", company="Engines Ltd", title="Analyst")
    add(store, "Grace Hopper", emails=("grace@navy.example",), tags=("compilers",))
    add(store, "Alan Turing", notes="Enjoys long-distance running")
    for typed, expected in [
        ("engin", ["Ada Lovelace"]),
        ("analy", ["Ada Lovelace"]),
        ("navy", ["Grace Hopper"]),
        ("compil", ["Grace Hopper"]),
        ("running", ["Alan Turing"]),
        ("a", ["Ada Lovelace", "Alan Turing"]),
        ('"; DROP TABLE contact; --', []),
    ]:
        assert names(store, ContactFilter(search=typed)) == expected, typed


def test_search_index_follows_edits_of_tags_and_emails(store: Store) -> None:
    contact_id = add(store, "Grace Hopper", tags=("navy",))
    contact = store.get_contact(contact_id)
    store.update_contact(
        contact_id, replace(contact.to_draft(), tags=("cobol",), emails=("g@h.example",))
    )
    assert names(store, ContactFilter(search="navy")) == []
    assert names(store, ContactFilter(search="cobol")) == ["Grace Hopper"]
    assert names(store, ContactFilter(search="g h example")) == ["Grace Hopper"]


def test_keyset_pages_cover_every_row_once_in_each_order(store: Store) -> None:
    from netcoach.data.demo import generate_demo

    generate_demo(store.db, contacts=230, now=FIXED_NOW)
    for sort in SortOrder:
        wanted = ContactFilter(sort=sort)
        paged = all_pages(store, wanted, limit=37)
        whole = [row.id for row in store.contacts.page(wanted, limit=1000).rows]
        assert paged == whole
        assert len(set(paged)) == 230


def test_long_searches_walk_the_sort_order_and_agree_with_the_index(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.data.demo import generate_demo

    generate_demo(store.db, contacts=300, now=FIXED_NOW)
    for typed in ("a", "amel", "harbour", "e l", "zz"):
        wanted = ContactFilter(search=typed)
        from_matches = all_pages(store, wanted, limit=25)
        monkeypatch.setattr(search_paths, "drive_limit", lambda conn: 0)
        monkeypatch.setattr(search_paths, "SCAN_CHUNK", 7)
        walked = all_pages(store, wanted, limit=25)
        monkeypatch.undo()
        assert walked == from_matches, typed


def test_filters_level_tag_reason_overdue_advisors_archived(store: Store) -> None:
    ada = add(store, "Ada", level=5, tags=("finance",), reasons=("leads",), is_advisor=True)
    bob = add(store, "Bob", level=2, tags=("print",), reasons=("camaraderie",))
    cyd = add(store, "Cyd", level=1)
    store.log_interaction(ada, "coffee", when=FIXED_NOW - timedelta(days=40))
    store.contacts.set_archived(cyd, True)
    assert names(store, ContactFilter(level=5)) == ["Ada"]
    assert names(store, ContactFilter(tag="print")) == ["Bob"]
    assert names(store, ContactFilter(reason="leads")) == ["Ada"]
    assert names(store, ContactFilter(show=Show.OVERDUE)) == ["Ada"]
    assert names(store, ContactFilter(show=Show.ADVISORS)) == ["Ada"]
    assert names(store, ContactFilter(show=Show.ARCHIVED)) == ["Cyd"]
    assert names(store, ContactFilter()) == ["Ada", "Bob"]
    assert store.contacts.page(ContactFilter()).total == 2
    assert bob


def test_next_due_follows_touches_levels_overrides_and_settings(store: Store) -> None:
    contact_id = add(store, "Ada", level=4)
    created = FIXED_NOW.date()
    assert store.get_contact(contact_id).next_due_on == created + timedelta(days=30)
    store.log_interaction(contact_id, "call", when=datetime(2024, 1, 31, 9))
    assert store.get_contact(contact_id).next_due_on == date(2024, 3, 1)
    store.contacts.move_level(contact_id, 5, "trusted advocate")
    assert store.get_contact(contact_id).next_due_on == date(2024, 2, 14)
    store.contacts.set_cadence_intervals({5: 7, 4: 30, 3: 60, 2: 120, 1: None})
    assert store.get_contact(contact_id).next_due_on == date(2024, 2, 7)
    assert store.cadence_intervals()[5] == 7
    contact = store.get_contact(contact_id)
    store.update_contact(contact_id, replace(contact.to_draft(), cadence_days=3))
    assert store.get_contact(contact_id).next_due_on == date(2024, 2, 3)


def test_today_lists_the_most_overdue_at_the_highest_levels_first(store: Store) -> None:
    for name, level, days_ago in [
        ("Low late", 2, 400),
        ("High slightly", 5, 20),
        ("High very", 5, 90),
        ("Mid", 4, 45),
        ("Fresh", 5, 1),
    ]:
        contact_id = add(store, name, level=level)
        store.log_interaction(contact_id, "call", when=FIXED_NOW - timedelta(days=days_ago))
    rows, total = store.overdue_contacts(limit=3)
    assert [row.name for row in rows] == ["High very", "High slightly", "Mid"]
    assert total == 4


def test_level_moves_need_a_reason_stay_in_range_and_undo(store: Store) -> None:
    contact_id = add(store, "Ada", level=5)
    with pytest.raises(LevelMoveError, match="needs a short reason"):
        store.contacts.move_level(contact_id, 4, "   ")
    with pytest.raises(LevelBoundError, match="already at the top level, Inner circle"):
        level_after(5, 1)
    with pytest.raises(LevelBoundError, match="already at the first level, Identify"):
        level_after(1, -1)
    with pytest.raises(LevelMoveError, match="cannot move"):
        store.contacts.move_level(contact_id, 6, "even closer")
    with pytest.raises(LevelMoveError, match="already at level 5"):
        store.contacts.move_level(contact_id, 5, "even closer")
    with pytest.raises(LevelMoveError, match="has moved since, to level 5"):
        store.contacts.move_level(contact_id, 4, "as seen", from_level=3)
    change = store.contacts.move_level(contact_id, level_after(5, -1), " moved \n away ")
    assert store.get_contact(contact_id).level == 4
    assert store.level_history(contact_id)[0].reason == "moved away"
    store.contacts.undo_level_change(change)
    assert store.get_contact(contact_id).level == 5
    assert [c.reason for c in store.level_history(contact_id)] == ["Added to netcoach"]


def test_the_database_refuses_a_level_outside_one_to_five(store: Store) -> None:
    contact_id = add(store, "Ada")
    with (
        pytest.raises(IntegrityError, match="CHECK constraint failed"),
        store.db.connection_context(),
    ):
        store.db.execute_sql("UPDATE contact SET level = 6 WHERE id = ?", [contact_id])
    with pytest.raises(ValidationError, match="Level must be from 1 to 5, not 0"):
        store.add_contact(ContactDraft(name="Bob", level=0))
    with pytest.raises(LevelError):
        store.contacts.page(ContactFilter(level=7))
    assert names(store, ContactFilter()) == ["Ada"]


def test_archive_keeps_history_and_comes_back(store: Store) -> None:
    contact_id = add(store, "Ada", level=3)
    store.log_interaction(contact_id, "coffee")
    assert store.contacts.set_archived(contact_id, True) == "Ada"
    assert names(store, ContactFilter()) == []
    assert len(store.interactions(contact_id)) == 1
    store.contacts.set_archived(contact_id, False)
    assert names(store, ContactFilter()) == ["Ada"]


def test_wants_haves_reasons_and_gains_round_trip(store: Store) -> None:
    contact_id = add(
        store,
        "Ada",
        wants=("a bookkeeper",),
        haves=("press contacts", "a meeting room"),
        reasons=("refer_to", "leads"),
        gains_goals="Open a second office",
    )
    contact = store.get_contact(contact_id)
    assert contact.wants == ("a bookkeeper",)
    assert contact.haves == ("press contacts", "a meeting room")
    assert contact.reasons == ("leads", "refer_to")
    assert contact.gains_goals == "Open a second office"
    with store.db.connection_context():
        first_ids = store.db.execute_sql(
            "SELECT id, phrase FROM want_have WHERE contact_id = ? ORDER BY id", [contact_id]
        ).fetchall()
    store.update_contact(contact_id, replace(contact.to_draft(), haves=("press contacts",)))
    with store.db.connection_context():
        kept = store.db.execute_sql(
            "SELECT id, phrase FROM want_have WHERE contact_id = ? ORDER BY id", [contact_id]
        ).fetchall()
    assert kept == [first_ids[0], first_ids[1]]


def test_advisors_are_listed_with_their_last_touch(store: Store) -> None:
    ada = add(store, "Ada", level=5, is_advisor=True)
    add(store, "Bob", level=3, is_advisor=True)
    add(store, "Cyd", level=5)
    store.log_interaction(ada, "coffee", when=datetime(2026, 11, 1, 8))
    advisors = store.contacts.advisors()
    assert [(a.name, a.level) for a in advisors] == [("Ada", 5), ("Bob", 3)]
    assert advisors[0].last_consulted == datetime(2026, 11, 1, 8)


def test_demo_has_a_board_reasons_wants_haves_and_overdue_contacts(store: Store) -> None:
    from netcoach.data.demo import generate_demo

    generate_demo(store.db, contacts=150, now=FIXED_NOW)
    advisors = store.contacts.advisors()
    assert 4 <= len(advisors) <= 7
    assert store.overdue_contacts()[1] > 0
    with store.db.connection_context():
        kinds = dict(
            store.db.execute_sql("SELECT kind, count(*) FROM want_have GROUP BY kind").fetchall()
        )
        reasons = store.db.execute_sql("SELECT count(*) FROM contact_reason").fetchone()[0]
        moves = store.db.execute_sql(
            "SELECT count(*) FROM level_change WHERE from_level IS NOT NULL"
        ).fetchone()[0]
        oldest = store.db.execute_sql("SELECT min(happened_at) FROM interaction").fetchone()[0]
    assert kinds["want"] > 0 and kinds["have"] > 0
    assert reasons > 0 and moves > 0
    assert oldest >= str(FIXED_NOW - timedelta(days=550))


def test_search_counts_leave_out_archived_contacts(store: Store) -> None:
    ids = [add(store, f"Patel {n}") for n in range(5)]
    store.contacts.set_archived(ids[0], True)
    store.contacts.set_archived(ids[1], True)
    page = store.contacts.page(ContactFilter(search="patel"))
    assert (page.total, len(page.rows), page.capped) == (3, 3, False)
    archived = store.contacts.page(ContactFilter(search="patel", show=Show.ARCHIVED))
    assert (archived.total, len(archived.rows)) == (2, 2)


def test_the_reader_follows_the_database_to_another_file(tmp_path: Path) -> None:
    from netcoach.data.db import database, open_database
    from tests.conftest import fixed_clock

    first = Store(open_database(tmp_path / "a.db", tmp_path / "backups"), clock=fixed_clock)
    add(first, "Ada")
    assert names(first, ContactFilter()) == ["Ada"]
    database.close()
    second = Store(open_database(tmp_path / "b.db", tmp_path / "backups"), clock=fixed_clock)
    add(second, "Bob")
    assert names(first, ContactFilter()) == ["Bob"]  # same database object, now on b.db
    assert names(second, ContactFilter()) == ["Bob"]
    database.close()


def test_migration_fills_next_due_dates_of_existing_contacts(tmp_path: Path) -> None:
    from netcoach.data.db import database, open_database
    from netcoach.data.migrations import m0001_initial, m0002_search

    path = tmp_path / "old.db"
    database.init(str(path))
    with database.connection_context(), database.atomic():
        m0001_initial.up(database)
        m0002_search.up(database)
        database.execute_sql("INSERT INTO schema_version (version) VALUES (2)")
        database.execute_sql(
            "INSERT INTO contact (name, level, created_at, updated_at, last_interaction_at) "
            "VALUES ('Ada', 5, '2024-01-01 09:00:00', '2024-01-01 09:00:00', "
            "'2024-02-20 10:00:00'), ('Bob', 1, '2024-01-01 09:00:00', '2024-01-01 09:00:00', NULL)"
        )
    database.close()
    store = Store(open_database(path, tmp_path / "backups"))
    assert list((tmp_path / "backups").glob("netcoach-v2-*.db"))
    rows = {row.name: row for row in store.contacts.page(ContactFilter(), limit=10).rows}
    assert rows["Ada"].next_due == date(2024, 3, 5)
    assert rows["Bob"].next_due is None
    assert names(store, ContactFilter(search="ada")) == ["Ada"]
    database.close()


def test_searches_walking_the_sort_order_agree_with_sorting_every_match(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.data.demo import generate_demo

    generate_demo(store.db, contacts=300, now=FIXED_NOW)
    archived = store.contacts.page(ContactFilter(search="a"), limit=3).rows[1].id
    store.contacts.set_archived(archived, True)
    searches = [
        ContactFilter(search=typed, sort=sort)
        for typed in ("a", "amel", "harbour", "e l", "x", "zz")
        for sort in SortOrder
    ] + [ContactFilter(search="a", level=2), ContactFilter(search="e", show=Show.OVERDUE)]
    for wanted in searches:
        sorted_pages = all_pages(store, wanted, limit=25)
        # Every search walks the order, with room for a page only part of the time.
        monkeypatch.setattr(search_paths, "WALK_MIN_MATCHES", 0)
        monkeypatch.setattr(search_paths, "WALK_BUDGET", 40)
        monkeypatch.setattr(search_paths, "WALK_ROWS", 40)
        walked = all_pages(store, wanted, limit=25)
        monkeypatch.undo()
        assert walked == sorted_pages, wanted
        assert archived not in walked


def test_the_board_reads_counts_and_each_columns_first_page_at_once(store: Store) -> None:
    for name in ("Cy", "Ann", "Bo"):
        add(store, name, level=2)
    add(store, "Dee", level=4)
    gone = add(store, "Al", level=2)
    store.contacts.set_archived(gone, True)
    counts, pages = store.contacts.board({2: 2, 4: 5, 5: 5})
    assert counts == {1: 0, 2: 3, 3: 0, 4: 1, 5: 0}
    assert [row.name for row in pages[2].rows] == ["Ann", "Bo"] and pages[2].more
    later = store.contacts.page(ContactFilter(level=2), after=pages[2].after, count=False)
    assert [row.name for row in later.rows] == ["Cy"]
    assert [row.name for row in pages[4].rows] == ["Dee"] and not pages[4].more
    assert pages[5].rows == ()


def test_typing_on_narrows_from_the_last_first_page_and_finds_the_same_pages(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.core.search import narrows
    from netcoach.data.demo import generate_demo

    assert narrows("ame", "am") and narrows("amelia p", "amelia") and narrows("p amelia", "am")
    assert not narrows("am", "ame") and not narrows("bo", "am") and not narrows("am", "")
    generate_demo(store.db, contacts=300, now=FIXED_NOW)
    # Every search walks or sorts its matches, as a large network does.
    monkeypatch.setattr(search_paths, "in_order", lambda conn: False)
    monkeypatch.setattr(search_paths, "WALK_MIN_MATCHES", 0)
    for sort in SortOrder:
        for typed in ("amelia patel", "harbour", "o'brien", "x"):
            for end in range(1, len(typed) + 1):
                wanted = ContactFilter(search=typed[:end], sort=sort)
                typing = store.contacts.page(wanted, limit=7, kind="typing")
                alone = store.contacts.page(wanted, limit=7)
                assert typing == alone, wanted
    # A contact written between two keys is found by the next one.
    store.contacts.page(ContactFilter(search="ha"), limit=3, kind="typing")
    add(store, "Aaron Harbottle")
    first = store.contacts.page(ContactFilter(search="harb"), limit=3, kind="typing").rows[0]
    assert first.name == "Aaron Harbottle"
