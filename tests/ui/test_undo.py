"""Destructive keys leave a note that stays, ctrl+z undoes on every screen, even after a restart."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input

from netcoach.app import NetcoachApp, create_app
from netcoach.core.ledger import EntryDraft
from netcoach.core.meetings import FollowUpDraft, OneToOneDraft, Outcome, OutcomeDraft, Owner
from netcoach.core.models import ContactDraft
from netcoach.data.undo import last_change_path
from netcoach.widgets.card_list import CardList
from netcoach.widgets.contact_table import ContactTable
from netcoach.widgets.undo_note import UndoNote
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle

HOSTILE = "[@click=app.quit]x[/]"


def make_app(tmp_path: Path) -> NetcoachApp:
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def add(app: NetcoachApp, name: str, **fields: object) -> int:
    return app.store.add_contact(ContactDraft(name=name, **fields)).id  # type: ignore[arg-type]


def note_text(app: NetcoachApp) -> str:
    found = app.screen.query(UndoNote)
    return found.first().text if found else ""


def toasts(app: NetcoachApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def archive_first(pilot, app: NetcoachApp) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    app.screen.query_one("#contacts-table", ContactTable).focus()
    await pilot.press("x")
    await settle(pilot)


async def test_archive_leaves_a_note_that_stays_until_the_next_change(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    amelia = add(app, "Amelia Hart", level=2)
    bob = add(app, "Bob Stone", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await archive_first(pilot, app)
        assert app.store.get_contact(amelia).archived
        assert note_text(app) == "Archived Amelia Hart · ctrl+z undo"
        assert "Archived Amelia Hart · ctrl+z undo" in screen_text(app)
        # Not a toast that times out: no timed notification carries it, and it is still
        # there after idling and after the focus moves somewhere else.
        assert not any("Amelia" in message for message in toasts(app))
        await pilot.pause(0.2)
        app.screen.query_one("#contacts-search", Input).focus()
        await settle(pilot)
        app.screen.query_one("#contacts-table", ContactTable).focus()
        await pilot.press("down", "up")
        await settle(pilot)
        assert note_text(app) == "Archived Amelia Hart · ctrl+z undo"
        # The next change (a touch logged with Bob) clears it.
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert note_text(app) == ""
        assert len(app.store.interactions(bob)) == 1
        # ctrl+z still undoes the archive, and says so where the note was.
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not app.store.get_contact(amelia).archived
        assert note_text(app) == "Undone: Archived Amelia Hart"
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == [
            "Amelia Hart",
            "Bob Stone",
        ]


async def test_the_last_change_is_undone_after_a_restart(tmp_path: Path) -> None:
    from netcoach.data.db import database

    app = make_app(tmp_path)
    amelia = add(app, "Amelia Hart", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await archive_first(pilot, app)
        assert app.store.get_contact(amelia).archived
    database.close()
    assert last_change_path(tmp_path / "netcoach.db").exists()

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not app.store.get_contact(amelia).archived
        assert note_text(app) == "Undone (from your last session): Archived Amelia Hart"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert any("Nothing to undo" in message for message in toasts(app))
    database.close()
    assert not last_change_path(tmp_path / "netcoach.db").exists()


async def test_undo_after_a_restart_of_something_changed_since_says_why(tmp_path: Path) -> None:
    from netcoach.data.db import database

    app = make_app(tmp_path)
    amelia = add(app, "Amelia Hart", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await archive_first(pilot, app)
    database.close()

    app = make_app(tmp_path)
    app.store.contacts.set_archived(amelia, False)  # brought back some other way since
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert note_text(app) == "Nothing to undo: Amelia Hart is already active."
        assert app.screen.query_one(UndoNote).has_class("-refused")
        assert not app.store.get_contact(amelia).archived


async def test_hostile_names_are_shown_literally_in_the_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, HOSTILE)
    add(app, "[/b]")
    async with app.run_test(size=(120, 40)) as pilot:
        await archive_first(pilot, app)
        assert note_text(app) == "Archived [/b] · ctrl+z undo"
        assert "Archived [/b] · ctrl+z undo" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert note_text(app) == f"Archived {HOSTILE} · ctrl+z undo"
        assert f"Archived {HOSTILE}" in screen_text(app)
        assert app.is_running


async def test_a_level_move_from_the_board_asks_then_leaves_a_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    amelia = add(app, "Amelia Hart", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        app.screen.query_one("#board-list-2", CardList).focus()
        await pilot.press("plus")
        await settle(pilot)
        assert type(app.screen).__name__ == "LevelReasonModal"
        await pilot.press("escape")
        await settle(pilot)
        assert app.store.get_contact(amelia).level == 2 and note_text(app) == ""
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press(*"good one-to-one", "enter")
        await settle(pilot)
        assert app.store.get_contact(amelia).level == 3
        assert note_text(app) == "Moved Amelia Hart up: 2 Connect → 3 Engage · ctrl+z undo"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.get_contact(amelia).level == 2
        assert [c.to_level for c in app.store.level_history(amelia)] == [2]
        assert app.screen.query_one("#board-list-2", CardList).card_count == 1


async def test_give_and_get_deletes_go_through_the_same_undo(tmp_path: Path) -> None:
    from netcoach.data.db import database

    app = make_app(tmp_path)
    ann = add(app, "Ann Lee", level=3)
    entry = app.store.ledger.add_entry(
        EntryDraft(ann, "received", "referral", FIXED_NOW.date(), status="won")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert "ledger.undo" not in {b.id for b in app.screen.BINDINGS if hasattr(b, "id")}
        table = app.screen.query_one("#ledger-entries", DataTable)
        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        assert app.store.ledger.list_entries()[1] == 0
        assert note_text(app) == (
            f"Deleted got referral (won) on {FIXED_NOW:%d %b %Y} with Ann Lee · ctrl+z undo"
        )
        assert len(app.undo_stack) == 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.ledger.list_entries()[0] == [entry]
        assert table.row_count == 1
        # Deleted again, and undone in the next run.
        table.focus()
        await pilot.press("delete")
        await settle(pilot)
    database.close()
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.ledger.list_entries()[0] == [entry]
        assert app.screen.query_one("#ledger-entries", DataTable).row_count == 1


async def test_a_follow_up_done_on_today_leaves_a_note_and_ctrl_z_reopens_it(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    ada = add(app, "Ada Lovelace", level=3)
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada, FIXED_NOW - timedelta(days=20), 60, "", "Hear her plans")
    )
    app.store.meetings.record_outcome(
        one.id,
        OutcomeDraft(
            Outcome.PARTLY,
            follow_ups=(
                FollowUpDraft("Send the notes", Owner.ME, FIXED_NOW.date() - timedelta(days=2)),
            ),
        ),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#today-follow-ups-table", DataTable)
        table.focus()
        await pilot.press("x")
        await settle(pilot)
        assert app.store.meetings.due_follow_ups()[1] == 0
        assert note_text(app) == ("Follow-up with Ada Lovelace done: Send the notes · ctrl+z undo")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.meetings.due_follow_ups()[1] == 1
        assert app.screen.query_one("#today-follow-ups-table", DataTable).row_count == 1
        assert app.store.interactions(ada) == [
            i for i in app.store.interactions(ada) if i.kind != "follow-up"
        ]


async def test_the_note_fits_80_columns_on_one_line_and_keeps_its_hint(tmp_path: Path) -> None:
    from rich.cells import cell_len

    app = make_app(tmp_path)
    add(app, "山田太郎" * 20)
    add(app, "Amelia " + "Hartington-" * 10)
    async with app.run_test(size=(80, 24)) as pilot:
        await archive_first(pilot, app)
        lines = [line for line in screen_text(app).splitlines() if "Archived" in line]
        assert len(lines) == 1
        assert lines[0].rstrip().endswith("… · ctrl+z undo")
        assert lines[0].startswith(" Archived Amelia Hartington-")
        # The wide name: cut by cells, so the hint still fits in the same 80 columns.
        await pilot.press("x")
        await settle(pilot)
        lines = [line for line in screen_text(app).splitlines() if "Archived" in line]
        assert len(lines) == 1 and "山田太郎" in lines[0]
        assert lines[0].rstrip().endswith("… · ctrl+z undo") and cell_len(lines[0]) <= 80


async def test_archive_from_the_detail_and_an_edit_both_undo_with_ctrl_z(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    amelia = add(app, "Amelia Hart", level=2, company="Navy")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#contacts-table", ContactTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        await pilot.press("x")
        await settle(pilot)
        assert app.store.get_contact(amelia).archived
        assert note_text(app) == "Archived Amelia Hart · ctrl+z undo"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not app.store.get_contact(amelia).archived
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#field-company", Input).value = "Univac"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        assert app.store.get_contact(amelia).company == "Univac"
        assert note_text(app) == "Edited Amelia Hart · ctrl+z undo"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.get_contact(amelia).company == "Navy"


async def test_a_dismissed_suggestion_comes_back_with_ctrl_z(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ann, bob = add(app, "Ann Wants", level=3), add(app, "Bob Has", level=3)
    app.store.ledger.add_want_have(ann, "want", "Needs a commercial property lawyer")
    app.store.ledger.add_want_have(bob, "have", "Solicitor for commercial leases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        suggestions = app.screen.query_one("#intro-suggestions", DataTable)
        assert suggestions.row_count == 1
        suggestions.focus()
        await pilot.press("x")
        await settle(pilot)
        assert suggestions.row_count == 0
        assert note_text(app) == "Dismissed the suggestion Ann Wants ↔ Bob Has · ctrl+z undo"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert suggestions.row_count == 1
        assert app.store.ledger.introductions() == []


def test_a_waiting_reload_request_is_replaced_by_a_newer_one() -> None:
    from textual.message import Message

    from netcoach.messages import DataChanged

    assert DataChanged().can_replace(DataChanged())
    assert not DataChanged().can_replace(Message())
