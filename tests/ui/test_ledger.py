"""Give & get on screen: adding entries (and a refused amount), and walking an introduction."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Select, Static

from netcoach.app import create_app
from netcoach.core.models import ContactDraft
from tests.conftest import FIXED_NOW, fixed_clock, settle

HOSTILE = "[@click=app.quit]x[/] Ann [/b]"


def make_app(tmp_path: Path, *names: str):  # type: ignore[no-untyped-def]
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    ids = [app.store.add_contact(ContactDraft(name=name, level=3)).id for name in names]
    return app, ids


def cell(table: DataTable, row: int, column: int) -> str:
    return str(table.get_row_at(row)[column])


async def test_add_entries_and_refuse_a_bad_amount(tmp_path: Path) -> None:
    app, (ann,) = make_app(tmp_path, HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        assert app.current_mode == "ledger"
        status = app.screen.query_one("#ledger-status", Static)
        assert "Nothing recorded yet" in str(status.content)

        await pilot.press("n")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "LedgerEntryModal"
        await pilot.press(*"Ann")
        await settle(pilot)
        assert modal.query_one("#entry-contact .picker-matches", OptionList).option_count == 1
        await pilot.press("enter")
        await settle(pilot)
        assert modal.contact_id == ann
        modal.query_one("#entry-direction", Select).value = "received"
        modal.query_one("#entry-kind", Select).value = "business"
        await settle(pilot)
        assert modal.query_one("#entry-amount-row").display
        amount = modal.query_one("#entry-amount", Input)
        amount.value = "-250"
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = modal.query_one("#error-amount", Static)
        assert error.has_class("-shown") and "negative" in str(error.content)
        assert app.screen is modal
        assert app.store.ledger.list_entries()[1] == 0

        amount.value = "lots"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "must be a number" in str(error.content)
        amount.value = "1,250.50"
        modal.query_one("#entry-currency", Input).value = "XYZ"
        await pilot.press("ctrl+s")
        await settle(pilot)
        currency_error = modal.query_one("#error-currency", Static)
        assert "not a currency code" in str(currency_error.content)
        assert app.store.ledger.list_entries()[1] == 0

        modal.query_one("#entry-currency", Input).value = "eur"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "LedgerScreen"
        table = app.screen.query_one("#ledger-entries", DataTable)
        assert table.row_count == 1
        assert cell(table, 0, 1) == HOSTILE
        assert (cell(table, 0, 2), cell(table, 0, 3), cell(table, 0, 4)) == (
            "got",
            "business",
            "EUR 1,250.50",
        )
        entries, total = app.store.ledger.list_entries()
        assert total == 1 and entries[0].amount is not None
        assert (entries[0].amount.minor, entries[0].amount.currency) == (125050, "EUR")
        # Recording it counts as a touch for the keep-in-touch clock.
        assert app.store.get_contact(ann).last_interaction_at == FIXED_NOW

        # A quick-add that others can push with the contact already chosen.
        from netcoach.screens.ledger_entry import LedgerEntryModal

        app.push_screen(LedgerEntryModal(app.store, contact_id=ann, direction="given"))
        await settle(pilot)
        modal = app.screen
        assert HOSTILE in str(modal.query_one("#entry-contact-name", Static).content)
        modal.query_one("#entry-kind", Select).value = "advice"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.ledger.list_entries()[1] == 2
        # The Balances tab is read when it is shown.
        await pilot.press("2")
        await settle(pilot)
        balances = app.screen.query_one("#ledger-balances", DataTable)
        assert cell(balances, 0, 1) == "1 advice" and cell(balances, 0, 2) == "1 business"
        await pilot.press("1")
        await settle(pilot)

        # Remove the newest entry, then put it back.
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await settle(pilot)
        assert table.row_count == 1 and app.store.ledger.list_entries()[1] == 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert table.row_count == 2 and app.store.ledger.list_entries()[1] == 2


async def test_walk_an_introduction_through_its_states(tmp_path: Path) -> None:
    app, (ann, bob, cy, di) = make_app(tmp_path, "Ann Wants", "Bob Has", "Cy Plans", "Di Sells")
    app.store.ledger.add_want_have(ann, "want", "Needs a commercial property lawyer")
    app.store.ledger.add_want_have(bob, "have", "Solicitor for commercial leases")
    # A false positive of the synonym table ("estate" is property): dismissed, not tracked.
    app.store.ledger.add_want_have(cy, "want", "Help with estate planning")
    app.store.ledger.add_want_have(di, "have", "Estate agent")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        screen = app.screen
        suggestions = screen.query_one("#intro-suggestions", DataTable)
        # Ann's want also meets Di's have through "property": shared words are shown.
        assert suggestions.row_count == 3
        assert "commercial, law" in cell(suggestions, 0, 3)
        assert cell(suggestions, 1, 2).startswith("Di Sells")
        assert cell(suggestions, 2, 0).startswith("Cy Plans")
        assert cell(suggestions, 2, 3) == "words: property"
        suggestions.focus()
        suggestions.move_cursor(row=2)
        await pilot.press("x")
        await settle(pilot)
        assert suggestions.row_count == 2
        assert [i.state for i in app.store.ledger.introductions()] == ["dismissed"]
        suggestions.move_cursor(row=0)
        await pilot.press("i")
        await settle(pilot)
        tracked = screen.query_one("#intro-tracked", DataTable)
        assert suggestions.row_count == 1 and tracked.row_count == 2
        assert cell(tracked, 0, 2) == "suggested"
        assert cell(tracked, 1, 2) == "dismissed"
        tracked.focus()
        for stage in ("asked the first", "asked the second", "introduced"):
            await pilot.press("a")
            await settle(pilot)
            assert cell(tracked, 0, 2) == stage
        await pilot.press("o")
        await settle(pilot)
        assert cell(tracked, 0, 2) == "introduced: business"
        await pilot.press("o")
        await settle(pilot)
        assert cell(tracked, 0, 2) == "introduced: friendship"
        intro, _dismissed = app.store.ledger.introductions()
        assert (intro.state, intro.outcome) == ("introduced", "friendship")
        # Enter on a balance shows that contact's entries only; escape shows everyone.
        await pilot.press("2")
        await settle(pilot)
        balances = screen.query_one("#ledger-balances", DataTable)
        row = next(i for i in range(balances.row_count) if cell(balances, i, 0) == "Bob Has")
        balances.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        entries_table = screen.query_one("#ledger-entries", DataTable)
        assert entries_table.row_count == 1 and cell(entries_table, 0, 1) == "Bob Has"
        assert "Only Bob Has" in str(screen.query_one("#ledger-status", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert entries_table.row_count == 2
        entries, total = app.store.ledger.list_entries()
        assert total == 2
        assert {(e.contact_id, e.direction, e.kind) for e in entries} == {
            (ann, "given", "introduction"),
            (bob, "given", "introduction"),
        }


async def test_my_wants_and_haves(tmp_path: Path) -> None:
    app, _ids = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#want-phrase", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Write a short phrase" in str(screen.query_one("#want-error", Static).content)
        await pilot.press(*"Knows hotel owners")
        screen.query_one("#want-kind", Select).value = "have"
        await pilot.press("enter")
        await settle(pilot)
        table = screen.query_one("#me-wants", DataTable)
        assert table.row_count == 1 and cell(table, 0, 0) == "have"
        assert [w.phrase for w in app.store.ledger.wants_haves(None)] == ["Knows hotel owners"]
        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        assert table.row_count == 0 and app.store.ledger.wants_haves(None) == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert table.row_count == 1
        assert [w.phrase for w in app.store.ledger.wants_haves(None)] == ["Knows hotel owners"]


async def test_add_a_goal_and_see_it_on_today(tmp_path: Path) -> None:
    app, (ann,) = make_app(tmp_path, "Ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#today-goals").display
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "GoalModal"
        await pilot.press(*"Two referrals to Ann")
        modal.query_one("#goal-kind", Select).value = "referral"
        modal.query_one("#goal-target", Input).value = "two"
        modal.query_one("#goal-deadline", Input).value = "2026-12-10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "whole number" in str(modal.query_one("#goal-error-target", Static).content)
        modal.query_one("#goal-target", Input).value = "2"
        await pilot.press("ctrl+s")
        await settle(pilot)
        goals = app.screen.query_one("#ledger-goals", DataTable)
        assert goals.row_count == 1 and cell(goals, 0, 1) == "0 of 2"
        from datetime import date

        from netcoach.core.ledger import EntryDraft

        app.store.ledger.add_entry(EntryDraft(ann, "given", "referral", date(2026, 11, 23), "won"))
        await pilot.press("t")
        await settle(pilot)
        card = app.screen.query_one("#today-goals")
        assert card.display  # reloaded on coming back to Today
        body = str(card.query_one(".goals-card-body", Static).content)
        assert "Two referrals to Ann" in body and "1 of 2" in body and "in 17 days" in body


async def test_deleted_items_wait_in_a_list_and_can_be_put_back_later(tmp_path: Path) -> None:
    from netcoach.core.ledger import EntryDraft
    from netcoach.data.db import database

    app, (ann,) = make_app(tmp_path, HOSTILE)
    entry = app.store.ledger.add_entry(
        EntryDraft(ann, "received", "referral", FIXED_NOW.date(), status="won")
    )
    app.store.ledger.add_want_have(None, "have", "Knows hotel owners")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        table = app.screen.query_one("#ledger-entries", DataTable)
        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        assert table.row_count == 0 and app.store.ledger.list_entries()[1] == 0
    database.close()

    # A later session: the entry also waits among the deleted, to be put back from there.
    app, _ = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "DeletedItemsModal"
        listed = modal.query_one("#deleted-table", DataTable)
        assert listed.row_count == 1
        assert cell(listed, 0, 1) == HOSTILE  # shown literally, not as markup
        assert cell(listed, 0, 2) == f"got referral (won) on {FIXED_NOW:%d %b %Y}"
        await pilot.press("enter")
        await settle(pilot)
        assert listed.row_count == 0
        assert "Nothing deleted" in str(modal.query_one("#deleted-hint", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "LedgerScreen"
        assert app.store.ledger.list_entries()[0] == [entry]
        assert app.screen.query_one("#ledger-entries", DataTable).row_count == 1
