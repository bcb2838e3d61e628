"""The warm read connections: lent to the reading thread; a newer read of a kind stops the older."""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from netcoach.data.errors import Superseded

COUNT_SLOWLY = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000000) "
    "SELECT count(*) FROM n WHERE tick(i)"
)


def test_a_newer_read_of_the_same_kind_interrupts_the_running_one(store) -> None:
    readers = store.contacts.readers
    running = threading.Event()
    results: dict[str, object] = {}

    def slow() -> None:
        try:
            with readers.lend("list") as conn:
                conn.create_function("tick", 1, lambda _i: running.set() or 1)
                results["first"] = conn.execute(COUNT_SLOWLY).fetchone()
        except Exception as error:
            results["first"] = error

    first = threading.Thread(target=slow)
    first.start()
    assert running.wait(10)
    with readers.lend("list") as conn:
        assert conn.execute("SELECT 'second'").fetchone()[0] == "second"
    first.join(10)
    assert not first.is_alive()
    assert isinstance(results["first"], Superseded)
    # The interrupted connection is kept, and still good for the next read.
    with readers.lend() as conn:
        assert conn.execute("SELECT 7").fetchone()[0] == 7


def test_reads_of_another_kind_run_side_by_side(store) -> None:
    readers = store.contacts.readers
    with readers.lend("list") as one, readers.lend("picker") as other, readers.lend() as third:
        assert len({id(one), id(other), id(third)}) == 3
        assert one.execute("SELECT 1").fetchone()[0] == 1
    # Only a few stay open for the next reads.
    assert len(readers.idle) == 2


def test_a_lent_connection_only_reads(store) -> None:
    import sqlite3

    with (
        pytest.raises(sqlite3.OperationalError, match="readonly"),
        store.contacts.readers.lend() as conn,
    ):
        conn.execute("DELETE FROM contact")


def test_a_page_read_alone_is_never_superseded_and_sees_the_latest_write(store) -> None:
    from netcoach.core.models import ContactDraft, ContactFilter

    store.add_contact(ContactDraft(name="Farid Iqbal"))
    page = store.contacts.page(ContactFilter(search="far"), kind="contacts-list")
    assert [row.name for row in page.rows] == ["Farid Iqbal"]
    store.add_contact(ContactDraft(name="Farah Khan"))
    page = store.contacts.page(ContactFilter(search="far"), kind="contacts-list")
    assert [row.name for row in page.rows] == ["Farah Khan", "Farid Iqbal"]


def test_a_replaced_file_is_read_afresh(store, db_path, tmp_path) -> None:
    from netcoach.core.models import ContactDraft, ContactFilter

    store.add_contact(ContactDraft(name="Before Restore"))
    with store.db.connection_context():
        store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    store.add_contact(ContactDraft(name="After Copy"))
    assert len(store.contacts.page(ContactFilter()).rows) == 2
    os.replace(copy, db_path)  # what a restore does
    for suffix in ("-wal", "-shm"):
        (db_path.parent / (db_path.name + suffix)).unlink(missing_ok=True)
    assert [r.name for r in store.contacts.page(ContactFilter()).rows] == ["Before Restore"]
