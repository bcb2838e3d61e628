"""The reader thread: a newer read of the same kind stops or skips the older ones."""

from __future__ import annotations

import threading

import pytest

from netcoach.data.errors import Superseded

COUNT_SLOWLY = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000000) "
    "SELECT count(*) FROM n WHERE tick(i)"
)


def in_thread(call, results: dict[str, object], name: str) -> threading.Thread:
    def target() -> None:
        try:
            results[name] = call()
        except Exception as error:
            results[name] = error

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def test_a_newer_read_of_the_same_kind_interrupts_the_running_one(store) -> None:
    reader = store.contacts.reader
    running = threading.Event()

    def slow() -> object:
        store.db.connection().create_function("tick", 1, lambda _i: running.set() or 1)
        return store.db.execute_sql(COUNT_SLOWLY).fetchone()

    results: dict[str, object] = {}
    first = in_thread(lambda: reader.run(slow, kind="list"), results, "first")
    assert running.wait(10)
    assert reader.run(lambda: "second", kind="list") == "second"
    first.join(10)
    assert not first.is_alive()
    assert isinstance(results["first"], Superseded)
    # The connection is still good for the next read.
    assert reader.run(lambda: store.db.execute_sql("SELECT 7").fetchone()[0]) == 7


def test_a_waiting_read_of_the_same_kind_is_skipped_and_others_still_run(store) -> None:
    reader = store.contacts.reader
    release = threading.Event()
    busy = threading.Event()

    def hold() -> str:
        busy.set()
        release.wait(10)
        return "held"

    results: dict[str, object] = {}
    threads = [in_thread(lambda: reader.run(hold), results, "hold")]
    assert busy.wait(10)
    threads.append(in_thread(lambda: reader.run(lambda: "old", kind="list"), results, "old"))
    while reader.jobs.qsize() < 1:
        pass
    threads.append(in_thread(lambda: reader.run(lambda: "other"), results, "other"))
    threads.append(in_thread(lambda: reader.run(lambda: "new", kind="list"), results, "new"))
    while reader.jobs.qsize() < 3:
        pass
    release.set()
    for thread in threads:
        thread.join(10)
    assert results["hold"] == "held"
    assert isinstance(results["old"], Superseded)
    assert results["other"] == "other"
    assert results["new"] == "new"


@pytest.mark.parametrize("kind", [None, "contacts-list"])
def test_a_page_read_alone_is_never_superseded(store, kind) -> None:
    from netcoach.core.models import ContactDraft, ContactFilter

    store.add_contact(ContactDraft(name="Farid Iqbal"))
    page = store.contacts.page(ContactFilter(search="far"), kind=kind)
    assert [row.name for row in page.rows] == ["Farid Iqbal"]
