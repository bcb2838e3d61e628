"""A contact list load is one hop: the worker reads the page itself, and stale pages are dropped."""

from __future__ import annotations

import threading
from pathlib import Path

from netcoach.app import create_app
from netcoach.core.models import ContactDraft, ContactFilter, ContactPage
from netcoach.screens.contacts import ContactsScreen
from netcoach.widgets.contact_table import ContactTable
from tests.conftest import fixed_clock, settle


def page(search: str) -> ContactsScreen.Loaded:
    return ContactsScreen.Loaded(ContactPage((), 0, 0), ContactFilter(search=search), False, None)


def test_a_newer_first_page_replaces_one_waiting_but_not_a_next_page() -> None:
    older, newer = page("a"), page("ad")
    assert older.can_replace(newer)
    more = ContactsScreen.Loaded(ContactPage((), 0, 0), ContactFilter(search="a"), True, None)
    assert not older.can_replace(more)
    assert not more.can_replace(newer)


async def test_fast_typing_shows_the_last_search_read_in_the_workers_own_thread(
    tmp_path: Path,
) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    for name in ("Ada Lovelace", "Adam Smith", "Alan Turing", "Grace Hopper"):
        app.store.add_contact(ContactDraft(name=name))
    read_in: set[str] = set()
    page_read = app.store.contacts.page

    def watched(*args: object, **kwargs: object) -> ContactPage:
        read_in.add(threading.current_thread().name)
        return page_read(*args, **kwargs)  # type: ignore[arg-type]

    app.store.contacts.page = watched  # type: ignore[method-assign]
    shown: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, ContactsScreen.Loaded) and not message.append:
            shown.append(message.wanted.search)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("slash", *"ada")
        await settle(pilot)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == [
            "Ada Lovelace",
            "Adam Smith",
        ]
        assert app.screen.shown == ContactFilter(search="ada")
    assert shown[-1] == "ada"
    # Each read ran in a worker's thread: there is no reader thread to hand it to.
    assert read_in and not any("reader" in name for name in read_in)
    assert threading.main_thread().name not in read_in
