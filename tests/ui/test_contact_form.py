"""Adding and editing contacts through the form, as a person would."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from netcoach.app import create_app
from netcoach.data.tables import ContactRecord, EmailRecord
from netcoach.widgets.contact_table import ContactTable
from tests.conftest import fixed_clock, settle


async def type_into(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = pilot.app.screen.query_one(f"#field-{field}", Input)
    widget.focus()
    await pilot.pause()
    await pilot.press(*text)


def table_names(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#contacts-table", ContactTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_add_contact_rejects_bad_email_then_saves(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormScreen"

        await type_into(pilot, "name", "Priya Patel")
        await type_into(pilot, "company", "Harbour Lane")
        await type_into(pilot, "emails", "priya.at.example")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Refused: the message sits beside the email field and nothing is written.
        assert type(app.screen).__name__ == "ContactFormScreen"
        error = app.screen.query_one("#error-emails", Static)
        assert error.has_class("-shown")
        assert "Not an email address: priya.at.example" in str(error.content)
        assert app.screen.query_one("#field-emails", Input).has_class("-invalid")
        with app.store.db.connection_context():
            assert ContactRecord.select().count() == 0

        field = app.screen.query_one("#field-emails", Input)
        field.value = "priya@harbourlane.example"
        await pilot.pause()
        assert not error.has_class("-shown")
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert type(app.screen).__name__ == "ContactsScreen"
        assert "Priya Patel" in table_names(app)
        with app.store.db.connection_context():
            record = ContactRecord.get(ContactRecord.name == "Priya Patel")
            assert record.company == "Harbour Lane"
            assert record.level == 1
            emails = [e.address for e in EmailRecord.select().where(EmailRecord.contact == record)]
        assert emails == ["priya@harbourlane.example"]


async def test_name_is_required(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        await type_into(pilot, "company", "Nameless Ltd")
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = app.screen.query_one("#error-name", Static)
        assert "A name is required." in str(error.content)
        assert app.focused is app.screen.query_one("#field-name", Input)
        assert app.store.count_contacts() == 0


async def test_escape_cancels_without_saving(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        await type_into(pilot, "name", "Half Typed")
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "LeaveFormModal"
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert app.store.count_contacts() == 0


async def test_markup_in_names_is_shown_literally(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    from netcoach.core.models import ContactDraft

    hostile = "[@click=app.quit]x[/] [bold]Bo[/b] list[str]"
    app.store.add_contact(ContactDraft(name=hostile, company="[red]Acme", level=5))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert table_names(app) == [hostile]
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormScreen"
        assert app.screen.query_one("#field-name", Input).value == hostile
        assert app.screen.query_one("#field-company", Input).value == "[red]Acme"
        title = str(app.screen.query_one("#form-title", Static).render())
        assert hostile in title
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running
        assert app.store.get_contact(1).name == hostile


async def test_edit_contact_and_search_finds_it(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    from netcoach.core.models import ContactDraft

    for name in ("Amelia Ellis", "Ben Byrne", "Chloe Chen"):
        app.store.add_contact(ContactDraft(name=name))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"byr")
        await settle(pilot)
        assert table_names(app) == ["Ben Byrne"]
        await pilot.press("enter")  # the only match opens from the search box
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        await pilot.press("e")
        await settle(pilot)
        await type_into(pilot, "tags", "referral partner")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.get_contact(2).tags == ("referral partner",)
        while len(app.screen_stack) > 1:
            await pilot.press("escape")
            await settle(pilot)
        search = app.screen.query_one("#contacts-search", Input)
        search.value = "referral"
        await settle(pilot)
        assert table_names(app) == ["Ben Byrne"]
        assert "1 of 1 match" in str(app.screen.query_one("#contacts-status", Static).content)


async def test_form_refuses_a_phone_with_letters_and_a_script_address(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_into(pilot, "name", "Ann Lee")
        await type_into(pilot, "phones", "+44 abc")
        await type_into(pilot, "url", "javascript:alert(1)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormScreen"
        phones = app.screen.query_one("#error-phones", Static)
        assert phones.has_class("-shown")
        assert "Phone '+44 abc' has letters; use digits, spaces and + ( ) -" in str(phones.content)
        url = app.screen.query_one("#error-url", Static)
        assert url.has_class("-shown")
        assert "Web address 'javascript:alert(1)' starts with javascript:" in str(url.content)
        with app.store.db.connection_context():
            assert ContactRecord.select().count() == 0

        app.screen.query_one("#field-phones", Input).value = "+44 20 7946 0000"
        app.screen.query_one("#field-url", Input).value = "linkedin.com/in/ann-lee"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert "Ann Lee" in table_names(app)
        with app.store.db.connection_context():
            saved = ContactRecord.get()
            assert saved.url == "linkedin.com/in/ann-lee"
