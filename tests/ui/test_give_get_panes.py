"""Give & get's tabs as panes: each read the first time it is shown, a stale reading
replaced by a newer one, and a delete put back with ctrl+z through the app's one undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import DataTable

from netcoach.app import create_app
from netcoach.core.ledger import EntryDraft
from netcoach.core.models import ContactDraft
from netcoach.core.undo import UndoAction
from netcoach.screens.give_get import LedgerScreen
from netcoach.screens.give_get.exchange_panes import WantsPane
from netcoach.screens.give_get.ledger_panes import BalancesPane, EntriesPane
from netcoach.screens.give_get.pane import GiveGetPane
from netcoach.widgets.list_pane import ListPane, Page
from tests.conftest import FIXED_NOW, fixed_clock, settle

TODAY = FIXED_NOW.date()


def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    ann = app.store.add_contact(ContactDraft(name="Ann Lee", level=3)).id
    bob = app.store.add_contact(ContactDraft(name="Bob Roe", level=3)).id
    app.store.ledger.add_entry(EntryDraft(ann, "received", "advice", TODAY))
    app.store.ledger.add_entry(EntryDraft(bob, "given", "referral", TODAY, status="open"))
    app.store.ledger.add_want_have(None, "have", "Knows hotel owners")
    return app


def readings(seen: list[Message], which: str) -> list[ListPane.Loaded]:
    """The tab's readings that reached it (a message bubbling up is seen once per node)."""
    found: list[ListPane.Loaded] = []
    for message in seen:
        if (
            isinstance(message, ListPane.Loaded)
            and message.which == which
            and not any(message is earlier for earlier in found)
        ):
            found.append(message)
    return found


async def test_each_tab_is_read_the_first_time_it_is_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    seen: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LedgerScreen)
        assert screen.query_one("#ledger-entries", DataTable).row_count == 2
        # Only the tab on view was read: the other five wait to be shown.
        assert len(readings(seen, "tab-entries")) == 1
        for pane in screen.query(GiveGetPane):
            assert pane.stale is (pane.id != "tab-entries")
            if pane.id != "tab-entries":
                assert readings(seen, pane.NAME) == []
        # ... and their widgets are made when they are first shown.
        assert not screen.query("#ledger-balances")

        await pilot.press("2")
        await settle(pilot)
        assert len(readings(seen, "tab-balances")) == 1
        balances = screen.query_one("#ledger-balances", DataTable)
        assert balances.row_count == 2 and app.focused is balances
        # Shown again with nothing changed: not read again.
        await pilot.press("1", "2")
        await settle(pilot)
        assert len(readings(seen, "tab-balances")) == 1
        assert len(readings(seen, "tab-entries")) == 1

        # A change on one tab: the tab on view is read at once, the others when shown.
        await pilot.press("1")
        await settle(pilot)
        screen.query_one("#ledger-entries", DataTable).move_cursor(row=0)
        await pilot.press("delete")
        await settle(pilot)
        assert len(readings(seen, "tab-entries")) == 2
        assert screen.query_one(BalancesPane).stale
        assert len(readings(seen, "tab-balances")) == 1
        await pilot.press("2")
        await settle(pilot)
        assert len(readings(seen, "tab-balances")) == 2
        assert balances.row_count == 1
        assert app.store.ledger.list_entries()[1] == 1


async def test_a_stale_reading_waiting_in_the_queue_is_replaced_by_a_newer_one(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    seen: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await pilot.press("g")
        await settle(pilot)
        pane = app.screen.query_one(EntriesPane)
        entries, total = app.store.ledger.list_entries()
        older = pane.Loaded(pane.NAME, Page(tuple(entries[:1]), 1), 0)
        newer = pane.Loaded(pane.NAME, Page(tuple(entries), total), 0)
        # Both arrive before the pane gets to either: only the newer is shown.
        pane.post_message(older)
        pane.post_message(newer)
        await settle(pilot)
        assert not any(message is older for message in seen)
        assert any(message is newer for message in seen)
        assert pane.table.row_count == 2 and pane.total == 2
        # A first page replaces whatever of the same list was waiting; nothing else does.
        next_page = pane.Loaded(pane.NAME, Page((), total), 200)
        other_tab = pane.Loaded("tab-balances", Page((), 0), 0)
        assert next_page.can_replace(newer)  # a waiting next page is stale too
        assert not newer.can_replace(next_page)
        assert not newer.can_replace(other_tab)


async def test_deletes_on_two_tabs_come_back_with_ctrl_z_through_the_apps_undo(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        # No undo of the screen's own: ctrl+z is the app's.
        for node in (screen, *screen.query(GiveGetPane)):
            assert all(getattr(b, "action", "") != "undo" for b in node.BINDINGS)
        entries = screen.query_one("#ledger-entries", DataTable)
        entries.move_cursor(row=0)
        await pilot.press("delete")
        await settle(pilot)
        assert entries.row_count == 1 and app.store.ledger.list_entries()[1] == 1
        top = app.undo_stack.top()
        assert top is not None and isinstance(top.action, UndoAction)

        await pilot.press("4")
        await settle(pilot)
        wants = screen.query_one(WantsPane).table
        assert wants.row_count == 1
        await pilot.press("delete")
        await settle(pilot)
        assert wants.row_count == 0 and app.store.ledger.wants_haves(None) == []
        assert len(app.undo_stack) == 2

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [w.phrase for w in app.store.ledger.wants_haves(None)] == ["Knows hotel owners"]
        assert wants.row_count == 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.ledger.list_entries()[1] == 2
        await pilot.press("1")
        await settle(pilot)
        assert entries.row_count == 2
        assert len(app.undo_stack) == 0


async def test_help_back_shows_a_page_at_a_time_and_the_next_near_the_end(
    tmp_path: Path,
) -> None:
    from netcoach.widgets.list_pane import PAGE_SIZE

    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    people = PAGE_SIZE + 5
    for number in range(people):
        contact = app.store.add_contact(ContactDraft(name=f"Helper {number:03}", level=3)).id
        app.store.ledger.add_entry(EntryDraft(contact, "received", "advice", TODAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "3")
        await settle(pilot)
        table = app.screen.query_one("#ledger-unreturned", DataTable)
        assert table.row_count == PAGE_SIZE and app.focused is table
        table.move_cursor(row=PAGE_SIZE - 1)
        await settle(pilot)
        assert table.row_count == people
        # n gives the highlighted person something.
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "LedgerEntryModal"
        assert app.screen.contact_id == int(
            table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or 0
        )


async def test_a_tab_slow_to_make_its_widgets_still_shows_its_rows_and_takes_the_focus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a busy machine a tab's widgets can take a while to mount after a quick g 3: its
    rows and the focus wait for them instead of being dropped."""
    import asyncio

    from textual.widgets import Static

    from netcoach.screens.give_get.ledger_panes import HelpBackPane

    class SlowToMount(Static):
        async def on_mount(self) -> None:
            await asyncio.sleep(0.4)

    parts = HelpBackPane.parts
    monkeypatch.setattr(HelpBackPane, "parts", lambda pane: [SlowToMount(""), *parts(pane)])
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "3")
        await settle(pilot)
        table = app.screen.query_one("#ledger-unreturned", DataTable)
        assert app.focused is table
        assert table.row_count == 1  # Ann gave advice and had nothing back
