"""The Import and Export screens: preview before writing, progress while writing, clear refusals."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, DataTable, Input, ProgressBar, Static

from netcoach.app import create_app
from netcoach.data.db import database
from netcoach.widgets.contact_table import ContactTable
from tests.conftest import fixed_clock, settle

FIXTURES = Path(__file__).parent.parent / "fixtures"


def make_app(tmp_path: Path, demo: bool = False):
    return create_app(tmp_path / "netcoach.db", demo=demo, clock=fixed_clock)


async def open_import_from_contacts(pilot) -> None:
    await pilot.press("c")
    await settle(pilot)
    await pilot.press("I")
    await settle(pilot)


async def test_preview_then_confirm_with_progress(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    seen: list[object] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_import_from_contacts(pilot)
        screen = app.screen
        assert type(screen).__name__ == "ImportScreen"
        screen.query_one("#import-path", Input).value = str(FIXTURES / "linkedin-connections.csv")
        await pilot.press("ctrl+r")
        await settle(pilot)
        table = screen.query_one("#import-preview", DataTable)
        assert table.row_count == 6
        assert [str(table.get_row_at(i)[1]) for i in range(6)] == [
            "new", "new", "skip", "new", "new", "skip",
        ]  # fmt: skip
        assert str(table.get_row_at(0)[2]) == "Amélie Durand"
        summary = str(screen.query_one("#import-summary", Static).content)
        assert "Will create 4, update 0 and skip 2 of 6 records." in summary
        assert app.store.count_contacts() == 0
        assert not screen.query_one("#import-confirm-button", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        bar = screen.query_one("#import-progress", ProgressBar)
        assert bar.display and bar.progress == bar.total == 6
        assert "imported 4, updated 0, skipped 2" in str(
            screen.query_one("#import-summary", Static).content
        )
        assert app.store.count_contacts() == 4
        assert any(type(m).__name__ == "Progressed" for m in seen)
        assert screen.query_one("#import-confirm-button", Button).disabled
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert app.screen.query_one("#contacts-table", ContactTable).row_count == 4


async def test_unreadable_file_is_explained_beside_the_field(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_import_contacts()
        await settle(pilot)
        screen = app.screen
        screen.query_one("#import-path", Input).value = str(FIXTURES / "truncated.vcf")
        from textual.widgets import Select

        screen.query_one("#import-kind", Select).value = "vcard"
        await settle(pilot)
        screen.query_one("#import-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        error = str(screen.query_one("#import-error", Static).content)
        assert "truncated.vcf: card 2" in error
        assert screen.query_one("#import-error").has_class("-shown")
        assert screen.query_one("#import-confirm-button", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.count_contacts() == 0


async def test_hostile_names_are_shown_as_text(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "[@click=app.quit]x[/],[/b],,,list[str],[b]bold,01 Jan 2024\r\n"
    )
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_import_contacts()
        await settle(pilot)
        app.screen.query_one("#import-path", Input).value = str(hostile)
        await pilot.press("ctrl+r")
        await settle(pilot)
        table = app.screen.query_one("#import-preview", DataTable)
        assert str(table.get_row_at(0)[2]) == "[@click=app.quit]x[/] [/b]"
        assert str(table.get_row_at(0)[3]) == "list[str] · [b]bold"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running
        assert app.store.count_contacts() == 1


async def test_demo_mode_offers_the_bundled_sample(tmp_path: Path) -> None:
    app = make_app(tmp_path, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from netcoach.commands import NetcoachCommands

        names = [name for name, _cb, _help in NetcoachCommands(app.screen)._commands()]
        assert "io: Import contacts" in names and "io: Export" in names
        app.action_import_contacts()
        await settle(pilot)
        path = app.screen.query_one("#import-path", Input).value
        from netcoach.screens.import_contacts import sample_export

        assert path == str(sample_export()) and path.endswith("linkedin-sample.csv")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Will create 11, update 0 and skip 1" in str(
            app.screen.query_one("#import-summary", Static).content
        )


async def test_export_screen_writes_the_file(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from netcoach.io.imports import import_file

        import_file(app.store, "vcard", FIXTURES / "contacts.vcf")
        app.action_export_contacts()
        await settle(pilot)
        target = tmp_path / "out.vcf"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote 3 records" in str(app.screen.query_one("#export-status", Static).content)
    database.close()
    assert target.read_text(encoding="utf-8").count("BEGIN:VCARD") == 3


def test_a_progress_count_waiting_to_be_shown_is_replaced_by_a_newer_one() -> None:
    from netcoach.screens.import_contacts import ImportScreen

    assert ImportScreen.Progressed(10).can_replace(ImportScreen.Progressed(20))
    assert not ImportScreen.Progressed(10).can_replace(ImportScreen.Refused("bad file"))
