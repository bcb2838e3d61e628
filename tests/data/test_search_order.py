"""The search index in name order (migration 9): exact pages, and every write keeps it in step."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from netcoach.core.models import ContactDraft, ContactFilter, Show, SortOrder
from netcoach.core.search import matcher
from netcoach.data import health, migrations
from netcoach.data.db import database, open_database
from netcoach.data.migrations import m0009_search_order as order
from netcoach.data.repo import Store
from tests.conftest import fixed_clock

FIRST = ("Amelia", "amelia", "Ben", "Chloé", "Dara", "Émile", "O'Brien", "Zoë", "ximena", "[/b]")
LAST = ("Patel", "O'Brien", "Smith", "smith", "Ng", "Ávila", "Harbour", "Zane")
COMPANIES = ("Harbour Labs", "Pixel Works", "Northgate", "", "Cycle Co")


def in_order(store: Store) -> bool:
    from netcoach.data.contacts import search_paths

    with store.contacts.readers.lend() as conn:
        return search_paths.in_order(conn)


def fill(db: SqliteDatabase, count: int, seed: int = 7) -> None:
    """``count`` contacts with repeated names, mixed case and accents, emails and tags."""
    rng = random.Random(seed)
    with db.connection_context(), db.atomic():
        db.execute_sql("INSERT INTO tag (id, name) VALUES (1, 'referral partner'), (2, 'cyclist')")
        for number in range(1, count + 1):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if number % 17 == 0:
                name = "Amelia Patel"  # many contacts with one name
            db.execute_sql(
                "INSERT INTO contact (id, name, company, title, notes, level, created_at, "
                "updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    name,
                    rng.choice(COMPANIES),
                    rng.choice(("Director", "Owner", "")),
                    rng.choice(("keen cyclist", "met at breakfast", "")),
                    rng.randint(1, 5),
                    "2026-01-02 09:00:00",
                    "2026-01-02 09:00:00",
                    "2026-03-01 10:00:00" if number % 23 == 0 else None,
                ),
            )
            if number % 5 == 0:
                db.execute_sql(
                    "INSERT INTO contact_email (contact_id, address) VALUES (?, ?)",
                    (number, f"person{number}@quartz.example"),
                )
            if number % 7 == 0:
                db.execute_sql(
                    "INSERT INTO contact_tag (contact_id, tag_id) VALUES (?, ?)",
                    (number, 1 + number % 2),
                )


def build_version_8(path: Path, contacts: int) -> None:
    partial = SqliteDatabase(str(path))
    with partial.connection_context(), partial.atomic():
        for migration in migrations.MIGRATIONS[:8]:
            migration.up(partial)
            partial.execute_sql(
                "INSERT INTO schema_version (version) VALUES (?)", (migration.VERSION,)
            )
    fill(partial, contacts)
    partial.close()


def expected(store: Store, text: str, wanted: ContactFilter) -> list[int]:
    """Every contact the filter and typed text select, in name order, worked out in Python."""
    matches = matcher(text)
    with store.db.connection_context():
        rows = store.db.execute_sql(
            "SELECT c.id, c.name, c.company, c.title, c.notes, c.level, c.archived_at, "
            "(SELECT coalesce(group_concat(address, ' '), '') FROM contact_email "
            "WHERE contact_id = c.id), "
            "(SELECT coalesce(group_concat(t.name, ' '), '') FROM contact_tag ct "
            "JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id) FROM contact c"
        ).fetchall()
    kept = [
        (cid, name)
        for cid, name, company, title, notes, level, archived, emails, tags in rows
        if matches([name, company, title, emails, tags, notes])
        and (archived is not None) == (wanted.show is Show.ARCHIVED)
        and (wanted.level is None or level == wanted.level)
    ]
    ascii_lower = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    kept.sort(key=lambda row: (row[1].translate(ascii_lower), row[0]))
    return [cid for cid, _name in kept]


def every_page(store: Store, wanted: ContactFilter, limit: int) -> list[int]:
    found: list[int] = []
    page = store.contacts.page(wanted, limit=limit)
    found += [row.id for row in page.rows]
    while page.more:
        page = store.contacts.page(wanted, after=page.after, limit=limit, count=False)
        found += [row.id for row in page.rows]
    return found


SEARCHES = ("a", "amelia", "amelia p", "o'br", "harb", "smith", "z", "cyc", "quartz", "b")


@pytest.fixture
def small_buckets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Buckets of 5 contacts from 50 contacts up, so a test network has many."""
    monkeypatch.setattr(order, "BUCKET_SIZE", 5)
    monkeypatch.setattr(order, "ORDER_FROM", 50)


@pytest.fixture(autouse=True)
def close_database():
    yield
    database.close()


def test_a_version_8_network_migrates_and_search_finds_everything(
    tmp_path: Path, small_buckets: None
) -> None:
    path = tmp_path / "netcoach.db"
    build_version_8(path, 400)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    with store.db.connection_context():
        (buckets,) = store.db.execute_sql("SELECT count(*) FROM contact_search_order").fetchone()
        assert buckets == 400 // 5 - 1
        assert health.search_index_drift(store.db) == (0, 0)
        assert in_order(store)
    for text in SEARCHES:
        for wanted in (
            ContactFilter(search=text),
            ContactFilter(search=text, level=3),
            ContactFilter(search=text, show=Show.ARCHIVED),
        ):
            assert every_page(store, wanted, limit=7) == expected(store, text, wanted), wanted
    assert list((tmp_path / "backups").glob("*.db"))


def test_a_small_network_keeps_its_ids_as_index_keys(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    build_version_8(path, 30)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    with store.db.connection_context():
        keys = [r[0] for r in store.db.execute_sql("SELECT rowid FROM contact_search ORDER BY 1")]
        assert keys == list(range(1, 31))
        (buckets,) = store.db.execute_sql("SELECT count(*) FROM contact_search_order").fetchone()
    assert buckets == 0
    assert every_page(store, ContactFilter(search="a"), 4) == expected(
        store, "a", ContactFilter(search="a")
    )


@pytest.mark.parametrize("limit", [1, 2, 5, 6, 60])
def test_pages_meet_exactly_at_every_boundary(
    tmp_path: Path, small_buckets: None, limit: int
) -> None:
    path = tmp_path / "netcoach.db"
    build_version_8(path, 300)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    for text in ("amelia patel", "a", "smith", "z"):
        wanted = ContactFilter(search=text)
        pages = every_page(store, wanted, limit)
        assert pages == expected(store, text, wanted)
        assert len(set(pages)) == len(pages)


def test_the_count_and_the_other_sort_orders_still_agree(
    tmp_path: Path, small_buckets: None
) -> None:
    path = tmp_path / "netcoach.db"
    build_version_8(path, 300)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    for text in ("a", "amelia patel", "harb"):
        everyone = expected(store, text, ContactFilter(search=text))
        page = store.contacts.page(ContactFilter(search=text), limit=10)
        assert page.total == len(everyone)
        for sort in (SortOrder.LAST_INTERACTION, SortOrder.NEXT_DUE):
            found = every_page(store, ContactFilter(search=text, sort=sort), 9)
            assert sorted(found) == sorted(everyone)


def test_every_kind_of_write_keeps_the_ordered_index_in_step(
    tmp_path: Path, small_buckets: None
) -> None:
    path = tmp_path / "netcoach.db"
    build_version_8(path, 200)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    added = store.add_contact(
        ContactDraft(name="Amelia Parkes", emails=("ap@opal.example",), tags=("opal",))
    )
    early = store.add_contact(ContactDraft(name="aaa First", company="Harbour Labs"))
    store.update_contact(early.id, ContactDraft(name="Zz Last", company="Harbour Labs"))
    store.update_contact(added.id, ContactDraft(name="Amelia Parkes", emails=("new@opal.example",)))
    store.contacts.set_archived(10, True)
    with store.db.connection_context(), store.db.atomic():
        store.db.execute_sql("DELETE FROM contact WHERE id IN (3, 4, 5)")
        store.db.execute_sql("UPDATE contact SET name = 'Ng Ben' WHERE id = 6")
        store.db.execute_sql("DELETE FROM contact_tag WHERE contact_id = 14")
    with store.db.connection_context():
        assert health.search_index_drift(store.db) == (0, 0)
    assert [row.name for row in store.contacts.page(ContactFilter(search="new@opal")).rows] == [
        "Amelia Parkes"
    ]
    assert store.contacts.page(ContactFilter(search="ap@opal")).rows == ()
    assert store.contacts.page(ContactFilter(search="aaa")).rows == ()
    for text in ("harb", "a", "ng", "amelia pa", "referral", "opal"):
        wanted = ContactFilter(search=text)
        assert every_page(store, wanted, 6) == expected(store, text, wanted)


def test_an_import_keeps_the_ordered_index_in_step(tmp_path: Path, small_buckets: None) -> None:
    from netcoach.data.bulk_index import BulkSearchIndex
    from netcoach.io.imports import import_file

    path = tmp_path / "netcoach.db"
    build_version_8(path, 200)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    with store.db.connection_context(), store.db.atomic():
        bulk = BulkSearchIndex(store.db)
        assert bulk.insert_sql is not None and bulk.handles_children
        bulk.restore()
    fixtures = Path(__file__).parent.parent / "fixtures"
    import_file(store, "linkedin", fixtures / "linkedin-connections.csv")
    import_file(store, "google", fixtures / "google-contacts.csv")
    with store.db.connection_context():
        assert health.search_index_drift(store.db) == (0, 0)
    for text in ("amelie", "northgate", "referral", "a", "patel"):
        wanted = ContactFilter(search=text)
        assert every_page(store, wanted, 8) == expected(store, text, wanted)


def test_doctor_lays_the_order_again_when_it_has_grown_uneven(
    tmp_path: Path, small_buckets: None
) -> None:
    path = tmp_path / "netcoach.db"
    build_version_8(path, 60)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    # 200 more contacts that all fall in the last bucket laid for the first 60.
    for number in range(200):
        store.add_contact(ContactDraft(name=f"Zz {number:03}"))
    with store.db.connection_context():
        assert health.search_order_uneven(store.db) is not None
        assert not in_order(store)
    for text in ("zz", "a", "amelia p"):
        # Searched as before the order was laid, and still exactly right.
        wanted = ContactFilter(search=text)
        assert every_page(store, wanted, 7) == expected(store, text, wanted)
    report = health.check_health(store.db, path, tmp_path / "backups")
    finding = next(f for f in report.findings if f.check == "search order")
    assert finding.repaired and "rebuilt" in finding.detail
    with store.db.connection_context():
        assert health.search_order_uneven(store.db) is None
        assert health.search_index_drift(store.db) == (0, 0)
        assert in_order(store)
    wanted = ContactFilter(search="zz")
    assert every_page(store, wanted, 7) == expected(store, "zz", wanted)


@pytest.mark.parametrize("budget", [3, 40, 5_000])
def test_filtered_searches_read_a_budget_of_matches_then_sort_them_all(
    tmp_path: Path, small_buckets: None, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    from netcoach.data.contacts import search_paths

    monkeypatch.setattr(search_paths, "WALK_BUDGET", budget)
    path = tmp_path / "netcoach.db"
    build_version_8(path, 300)
    store = Store(open_database(path, tmp_path / "backups"), clock=fixed_clock)
    for text in ("a", "smith", "amelia patel", "cyc"):
        for level in (1, 5):
            wanted = ContactFilter(search=text, level=level)
            assert every_page(store, wanted, 4) == expected(store, text, wanted)
            first = store.contacts.page(wanted, limit=4)
            assert first.total == len(expected(store, text, wanted))
