"""Quick-add to Give & get from the contact detail and from Today, and the help-back card."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Select, Static

from netcoach.app import create_app
from netcoach.core.ledger import EntryDraft
from netcoach.core.models import ContactDraft
from netcoach.screens.contact_detail import ContactDetailScreen
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle

HOSTILE = "[@click=app.quit]x[/] Ann [/b]"
TODAY = FIXED_NOW.date()


def make_app(tmp_path: Path, *names: str):  # type: ignore[no-untyped-def]
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    ids = [app.store.add_contact(ContactDraft(name=name, level=3)).id for name in names]
    return app, ids


def record(app, contact_id: int, direction: str, kind: str, days_ago: int) -> None:  # type: ignore[no-untyped-def]
    app.store.ledger.add_entry(
        EntryDraft(
            contact_id=contact_id,
            direction=direction,
            kind=kind,
            happened_on=TODAY - timedelta(days=days_ago),
            status="open" if kind == "referral" else None,
        )
    )


async def test_quick_add_from_the_contact_detail_updates_its_balance(tmp_path: Path) -> None:
    app, (ann, bob) = make_app(tmp_path, HOSTILE, "Bob")
    record(app, ann, "received", "advice", 10)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContactDetailScreen(app.store, ann))
        await settle(pilot)
        line = str(app.screen.query_one("#detail-give-get", Static).content)
        assert "gave — · received 1 advice · balance -1" in line

        await pilot.press("G")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "LedgerEntryModal"
        assert modal.contact_id == ann
        assert HOSTILE in str(modal.query_one("#entry-contact-name", Static).content)
        assert not modal.query_one("#entry-contact").display
        modal.query_one("#entry-kind", Select).value = "business"
        await settle(pilot)
        modal.query_one("#entry-amount", Input).value = "120.50"
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert isinstance(app.screen, ContactDetailScreen)
        line = str(app.screen.query_one("#detail-give-get", Static).content)
        assert "gave 1 business · received 1 advice · even" in line
        assert "Business: gave GBP 120.50 · received —" in line
        assert HOSTILE in screen_text(app)
    entries, total = app.store.ledger.list_entries()
    assert total == 2
    assert (entries[0].contact_id, entries[0].direction, entries[0].kind) == (
        ann,
        "given",
        "business",
    )
    assert entries[0].amount is not None and entries[0].amount.minor == 12050
    assert app.store.ledger.balances(contact_id=bob) == []


async def test_a_contact_with_no_entries_invites_a_quick_add(tmp_path: Path) -> None:
    app, (bob,) = make_app(tmp_path, "Bob")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContactDetailScreen(app.store, bob))
        await settle(pilot)
        line = str(app.screen.query_one("#detail-give-get", Static).content)
        assert "nothing recorded yet (press G to add)" in line
        await pilot.press("G")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ContactDetailScreen)
    assert app.store.ledger.list_entries()[1] == 0


async def test_quick_add_from_today_reloads_the_cards(tmp_path: Path) -> None:
    app, (ann, _bob) = make_app(tmp_path, "Ann Lee", "Bob")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
        card = app.screen.query_one("#today-help-back-box")
        assert not card.display

        await pilot.press("G")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "LedgerEntryModal"
        assert modal.contact_id is None
        await pilot.press(*"Ann")
        await settle(pilot)
        assert modal.query_one("#entry-contact .picker-matches", OptionList).option_count == 1
        await pilot.press("enter")
        await settle(pilot)
        modal.query_one("#entry-direction", Select).value = "received"
        modal.query_one("#entry-kind", Select).value = "introduction"
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert type(app.screen).__name__ == "TodayScreen"
        assert card.display
        table = app.screen.query_one("#today-help-back", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["Ann Lee"]
        assert str(table.get_row_at(0)[1]) == "1 (introduction)"
    entries, total = app.store.ledger.list_entries()
    assert total == 1
    assert (entries[0].contact_id, entries[0].direction, entries[0].kind) == (
        ann,
        "received",
        "introduction",
    )


async def test_help_back_card_lists_the_most_valuable_and_gives_back(tmp_path: Path) -> None:
    names = [HOSTILE, "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Old"]
    app, ids = make_app(tmp_path, *names)
    people = dict(zip(names, ids, strict=True))
    # Two referrals outweigh one; the rest gave advice once.
    record(app, people["Bob"], "received", "referral", 5)
    record(app, people["Bob"], "received", "referral", 20)
    record(app, people[HOSTILE], "received", "referral", 3)
    for name in ("Cy", "Di", "Ed", "Flo"):
        record(app, people[name], "received", "advice", 30)
    # Gus was helped back; Old helped more than six months ago.
    record(app, people["Gus"], "received", "referral", 40)
    record(app, people["Gus"], "given", "advice", 2)
    record(app, people["Old"], "received", "referral", 400)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#today-help-back-box")
        assert card.display
        table = card.query_one(DataTable)
        shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert shown[:2] == ["Bob", HOSTILE] and len(shown) == 5
        assert "Gus" not in shown and "Old" not in shown
        title = str(card.query_one(".section-title", Static).content)
        assert "Helped you; not helped back yet (the 5 most valuable of 6)" in title
        assert HOSTILE in screen_text(app)

        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "LedgerEntryModal"
        assert modal.contact_id == people[HOSTILE]
        assert modal.query_one("#entry-direction", Select).value == "given"
        modal.query_one("#entry-kind", Select).value = "testimonial"
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert type(app.screen).__name__ == "TodayScreen"
        shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert HOSTILE not in shown and shown[0] == "Bob" and len(shown) == 5
        assert "(the 5 most valuable of 6)" not in str(
            card.query_one(".section-title", Static).content
        )
    given = [e for e in app.store.ledger.list_entries()[0] if e.direction == "given"]
    assert {(e.contact_id, e.kind) for e in given} == {
        (people["Gus"], "advice"),
        (people[HOSTILE], "testimonial"),
    }
