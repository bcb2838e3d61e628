"""Contacts, detail, levels board, advisors and settings, driven as a person would."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from netcoach.app import NetcoachApp, create_app
from netcoach.core.models import ContactDraft
from netcoach.widgets.card_list import CardList
from netcoach.widgets.contact_table import ContactTable
from netcoach.widgets.undo_note import UndoNote
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle

HOSTILE = "[@click=app.quit]x[/]"


def make_app(tmp_path: Path) -> NetcoachApp:
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def add(app: NetcoachApp, name: str, **fields: object) -> int:
    return app.store.add_contact(ContactDraft(name=name, **fields)).id  # type: ignore[arg-type]


def table_names(app: NetcoachApp) -> list[str]:
    table = app.screen.query_one("#contacts-table", ContactTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def messages(app: NetcoachApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def cursor_to(app: NetcoachApp, name: str) -> None:
    table = app.screen.query_one("#contacts-table", ContactTable)
    table.move_cursor(table_names(app).index(name))
    table.focus()


async def open_contacts(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)


async def test_search_as_you_type_narrows_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, "Grace Hopper", company="Navy Computing", tags=("cobol",))
    add(app, "Ada Lovelace", notes="Analytical engine")
    add(app, "Alan Turing", emails=("alan@bletchley.example",))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        assert table_names(app) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
        await pilot.press("slash", *"bletch")
        await settle(pilot)
        assert table_names(app) == ["Alan Turing"]
        assert "1 of 1 match shown" in str(app.screen.query_one("#contacts-status").content)
        search = app.screen.query_one("#contacts-search", Input)
        search.value = "cobol"
        await settle(pilot)
        assert table_names(app) == ["Grace Hopper"]
        search.value = "nobody-like-this"
        await settle(pilot)
        assert table_names(app) == []
        assert "No contact matches" in str(app.screen.query_one("#contacts-status").content)


async def test_filters_by_level_show_and_sort(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = add(app, "Ada", level=5, is_advisor=True, reasons=("leads",))
    add(app, "Bob", level=2, tags=("print",))
    add(app, "Cyd", level=5)
    app.store.log_interaction(ada, "coffee", when=FIXED_NOW - timedelta(days=30))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        app.screen.query_one("#filter-level", Select).value = 5
        await settle(pilot)
        assert table_names(app) == ["Ada", "Cyd"]
        app.screen.query_one("#filter-show", Select).value = "overdue"
        await settle(pilot)
        assert table_names(app) == ["Ada"]
        assert "overdue" in str(app.screen.query_one("#contacts-table", ContactTable).get_row_at(0))
        app.screen.query_one("#filter-show", Select).value = "advisors"
        app.screen.query_one("#filter-level", Select).clear()
        await settle(pilot)
        assert table_names(app) == ["Ada"]
        app.screen.query_one("#filter-show", Select).value = "active"
        app.screen.query_one("#filter-tag", Select).value = "print"
        await settle(pilot)
        assert table_names(app) == ["Bob"]
        app.screen.query_one("#filter-tag", Select).clear()
        app.screen.query_one("#filter-reason", Select).value = "leads"
        await settle(pilot)
        assert table_names(app) == ["Ada"]
        app.screen.query_one("#filter-reason", Select).clear()
        app.screen.query_one("#filter-sort", Select).value = "last"
        await settle(pilot)
        assert table_names(app)[0] == "Ada"


async def test_promote_asks_for_a_reason_and_records_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        cursor_to(app, "Grace Hopper")
        await pilot.press("plus")
        await settle(pilot)
        assert type(app.screen).__name__ == "LevelReasonModal"
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "LevelReasonModal"
        error = str(app.screen.query_one("#level-reason-error", Static).content)
        assert "Please give a short reason" in error
        assert app.store.get_contact(contact_id).level == 2
        await pilot.press(*"first one-to-one", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert app.store.get_contact(contact_id).level == 3
        change = app.store.level_history(contact_id)[0]
        assert (change.from_level, change.to_level, change.reason) == (2, 3, "first one-to-one")
        assert change.changed_at.date() == FIXED_NOW.date()
        row = app.screen.query_one("#contacts-table", ContactTable).get_row_at(0)
        assert str(row[3]).startswith("3 Engage")
        await pilot.press("minus")
        await settle(pilot)
        await pilot.press(*"moved away", "enter")
        await settle(pilot)
        assert app.store.get_contact(contact_id).level == 2


async def test_cancelling_a_level_move_changes_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        cursor_to(app, "Grace Hopper")
        await pilot.press("minus")
        await settle(pilot)
        await pilot.press(*"not sure", "escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert app.store.get_contact(contact_id).level == 3
        assert len(app.store.level_history(contact_id)) == 1


async def test_top_level_cannot_go_higher(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        cursor_to(app, "Grace Hopper")
        await pilot.press("plus")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert any("already at the top level" in m for m in messages(app))
        assert app.store.get_contact(contact_id).level == 5


async def test_logging_a_touch_resets_the_due_date(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=5)
    app.store.log_interaction(contact_id, "call", when=FIXED_NOW - timedelta(days=60))
    assert app.store.get_contact(contact_id).next_due_on == date(2026, 10, 8)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert str(table.get_row_at(0)[6]) == "overdue"
        cursor_to(app, "Grace Hopper")
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ == "InteractionModal"
        await pilot.press("down", "down", *"at the station", "enter")
        await settle(pilot)
        touches = app.store.interactions(contact_id)
        assert (touches[0].kind, touches[0].note) == ("coffee", "at the station")
        assert app.store.get_contact(contact_id).next_due_on == date(2026, 12, 7)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert str(table.get_row_at(0)[6]) == "ok"
        assert str(table.get_row_at(0)[4]) == "today"


async def test_advisors_view_warns_about_the_board(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, "Ada", level=5, is_advisor=True)
    add(app, "Bob", level=3, is_advisor=True)
    add(app, "Cyd", level=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert type(app.screen).__name__ == "AdvisorsScreen"
        table = app.screen.query_one("#advisors-table", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["Ada", "Bob"]
        assert str(table.get_row_at(0)[3]) == "never consulted"
        warnings = str(app.screen.query_one("#advisors-warnings", Static).content)
        assert "You have 2 advisors" in warnings
        assert "Bob is an advisor at level 3 Engage" in warnings
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"


async def test_archive_hides_and_ctrl_z_brings_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=3)
    add(app, "Ada Lovelace")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        cursor_to(app, "Grace Hopper")
        await pilot.press("x")
        await settle(pilot)
        assert table_names(app) == ["Ada Lovelace"]
        assert app.store.get_contact(contact_id).archived
        note = app.screen.query_one(UndoNote)
        assert note.text == "Archived Grace Hopper · ctrl+z undo"
        app.screen.query_one("#filter-show", Select).value = "archived"
        await settle(pilot)
        assert table_names(app) == ["Grace Hopper"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not app.store.get_contact(contact_id).archived
        assert table_names(app) == []
        app.screen.query_one("#filter-show", Select).value = "active"
        await settle(pilot)
        assert table_names(app) == ["Ada Lovelace", "Grace Hopper"]
        cursor_to(app, "Grace Hopper")
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press(*"helped me", "enter")
        await settle(pilot)
        assert app.store.get_contact(contact_id).level == 4
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.get_contact(contact_id).level == 3
        assert len(app.store.level_history(contact_id)) == 1
        assert note.text.startswith("Undone: Moved Grace Hopper up: 3 Engage → 4 Collaborate")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert any("Nothing to undo" in m for m in messages(app))


async def test_edit_from_the_detail_and_undo_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=3, company="Navy")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        cursor_to(app, "Grace Hopper")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        step = str(app.screen.query_one("#detail-next-step", Static).content)
        assert step.startswith("Next step to Collaborate: Give before you get")
        await pilot.press("e")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactFormScreen"
        app.screen.query_one("#field-company", Input).value = "Univac"
        app.screen.query_one("#field-wants", Input).value = "a COBOL mentor, press contacts"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        contact = app.store.get_contact(contact_id)
        assert contact.company == "Univac"
        assert contact.wants == ("a COBOL mentor", "press contacts")
        assert "Univac" in str(app.screen.query_one("#detail-sub", Static).content)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.get_contact(contact_id).company == "Navy"
        assert app.store.get_contact(contact_id).wants == ()
        assert "Navy" in str(app.screen.query_one("#detail-sub", Static).content)


async def test_hostile_and_huge_names_show_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    hostile = add(app, HOSTILE, company="[/b]", notes="list[str] " * 6_000)
    huge = add(app, "N")
    # As an older netcoach (or another program) may have left it: longer than forms take.
    with app.store.db.connection_context(), app.store.db.atomic():
        app.store.db.execute_sql(
            "UPDATE contact SET name = ?, notes = ? WHERE id = ?",
            ["N" * 100_000, "x" * 100_000, huge],
        )
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        names = table_names(app)
        assert HOSTILE in names
        assert any(name.startswith("NNN") and name.endswith("…") for name in names)
        assert max(len(name) for name in names) <= 60
        cursor_to(app, HOSTILE)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        assert HOSTILE in str(app.screen.query_one("#detail-name", Static).content)
        notes = str(app.screen.query_one("#detail-notes", Static).content)
        assert notes.endswith("…") and "list[str]" in notes
        await pilot.press("x")
        await settle(pilot)
        assert app.store.get_contact(hostile).archived
        await pilot.press("escape", "l")
        await settle(pilot)
        assert app.is_running
        assert type(app.screen).__name__ == "LevelsScreen"


async def test_levels_board_moves_a_contact_with_a_reason(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    grace = add(app, "Grace Hopper", level=3, company="Navy")
    add(app, "Ada Lovelace", level=3)
    add(app, "Alan Turing", level=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert type(app.screen).__name__ == "LevelsScreen"
        engage = app.screen.query_one("#board-list-3", CardList)
        assert "[b]3 Engage[/b]" in str(engage.border_title)
        assert str(engage.border_subtitle) == "2 contacts"
        assert "3 Engage" in screen_text(app) and "2 contacts" in screen_text(app)
        summary = str(app.screen.query_one("#board-summary", Static).content)
        assert summary.startswith("3 of 3 contacts at Engage or above")
        await pilot.press("right", "right")
        column = app.screen.query_one("#board-list-3", CardList)
        assert app.screen.focused is column
        await pilot.press("down")
        assert column.id_at(column.cursor) == grace
        assert str(column.card_at(column.cursor)[1]) == "Navy"
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press(*"referred me twice", "enter")
        await settle(pilot)
        assert app.store.get_contact(grace).level == 4
        assert app.screen.query_one("#board-list-4", CardList).card_count == 2
        assert column.card_count == 1
        await pilot.press("right")
        assert app.screen.focused is app.screen.query_one("#board-list-4", CardList)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"


async def test_settings_change_the_intervals_and_refuse_bad_days(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert type(app.screen).__name__ == "SettingsScreen"
        field = app.screen.query_one("#interval-5", Input)
        assert field.value == "14"
        field.value = "zero"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "whole number" in str(app.screen.query_one("#interval-error-5", Static).content)
        field.value = "7"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
        assert app.store.cadence_intervals()[5] == 7
        assert app.store.get_contact(contact_id).next_due_on == FIXED_NOW.date() + timedelta(days=7)


async def test_detail_logs_touches_and_moves_levels(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact_id = add(app, "Grace Hopper", level=4, reasons=("leads",), gains_skills="COBOL")
    app.store.log_interaction(contact_id, "call", when=FIXED_NOW - timedelta(days=45))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        cursor_to(app, "Grace Hopper")
        await pilot.press("enter")
        await settle(pilot)
        touch = str(app.screen.query_one("#detail-touch", Static).content)
        assert "OVERDUE" in touch and "15 days overdue" in touch
        assert "Leads" in str(app.screen.query_one("#detail-reasons", Static).content)
        assert "COBOL" in str(app.screen.query_one("#detail-gains", Static).content)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        touch = str(app.screen.query_one("#detail-touch", Static).content)
        assert "OK" in touch and "Last touch today" in touch
        assert app.store.interactions(contact_id)[0].kind == "call"
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press(*"my advocate now", "enter")
        await settle(pilot)
        assert app.store.get_contact(contact_id).level == 5
        history = app.screen.query_one("#detail-history", DataTable)
        assert str(history.get_row_at(0)[2]) == "my advocate now"
        assert "Keep it up" in str(app.screen.query_one("#detail-next-step", Static).content)


async def test_palette_reaches_advisors_and_settings(tmp_path: Path) -> None:
    from netcoach.commands import NetcoachCommands

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        commands = {name: cb for name, cb, _help in NetcoachCommands(app.screen)._commands()}
        assert "go: Levels" in commands
        commands["go: Advisors"]()
        await settle(pilot)
        assert type(app.screen).__name__ == "AdvisorsScreen"
        assert "You have 0 advisors" in str(
            app.screen.query_one("#advisors-warnings", Static).content
        )
        await pilot.press("escape")
        await settle(pilot)
        commands["go: Settings"]()
        await settle(pilot)
        assert type(app.screen).__name__ == "SettingsScreen"


async def test_the_list_loads_more_pages_as_you_scroll(tmp_path: Path) -> None:
    from netcoach.data.demo import generate_demo

    app = make_app(tmp_path)
    generate_demo(app.store.db, contacts=260, now=FIXED_NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert table.row_count == 60
        assert "60 of 260 contacts shown" in str(app.screen.query_one("#contacts-status").content)
        table.scroll_end(animate=False)
        await settle(pilot)
        assert table.row_count == 120
        for _ in range(6):
            await pilot.press("end")
            await settle(pilot)
        assert table.row_count == 260
        names = table_names(app)
        assert names == sorted(names, key=str.casefold)
        assert len(set(zip(names, table._ids, strict=True))) == 260
        await pilot.press("l")
        await settle(pilot)
        board = app.screen.query_one("#board-list-1", CardList)
        loaded = board.card_count
        board.scroll_end(animate=False)
        await settle(pilot)
        assert board.card_count > loaded


def footer_keys(app: NetcoachApp) -> set[str]:
    from netcoach.widgets.footer import Footer

    footer = app.screen.query_one(Footer)
    return {item.description for item in footer.items if item.key != app.COMMAND_PALETTE_BINDING}


def shown_keys(app: NetcoachApp) -> set[str]:
    bindings = app.screen.active_bindings.values()
    return {binding.description for _node, binding, _on, _tip in bindings if binding.show}


async def test_typing_a_search_keeps_the_list_scrollbar_and_footer_right(tmp_path: Path) -> None:
    from netcoach.data.demo import generate_demo

    generate_demo(make_app(tmp_path).store.db, contacts=120, now=FIXED_NOW)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_contacts(pilot)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert table.row_count == 60 and table.show_vertical_scrollbar
        await pilot.press("slash", *"zzz")
        await settle(pilot)
        # Fewer rows than fit: the list is redrawn without a scrollbar and from its top.
        assert table.row_count == 0 and table.virtual_size.height == 0
        assert not table.show_vertical_scrollbar and table.scroll_y == 0
        search = app.screen.query_one("#contacts-search", Input)
        search.value = HOSTILE
        await settle(pilot)
        assert f"No contact matches “{HOSTILE}”." in str(
            app.screen.query_one("#contacts-status", Static).content
        )
        search.value = ""
        await settle(pilot)
        assert table.row_count == 60 and table.show_vertical_scrollbar
        # In the search box letters are text: the footer shows no letter keys.
        assert footer_keys(app) == shown_keys(app) and "Search" not in footer_keys(app)
        assert "Quit" in footer_keys(app) and "Levels" not in footer_keys(app)
        await pilot.press("escape")
        await settle(pilot)
        assert footer_keys(app) == shown_keys(app) and "Search" in footer_keys(app)
        await pilot.press("l")
        await settle(pilot)
        assert footer_keys(app) == shown_keys(app) and "Search" not in footer_keys(app)
        await pilot.press("c")
        await settle(pilot)
        assert footer_keys(app) == shown_keys(app) and "Search" in footer_keys(app)
    assert app.return_code in (0, None)


async def test_the_first_page_is_read_once_per_visit_and_fills_a_tall_list(
    tmp_path: Path,
) -> None:
    """The list's first page is read while the screen is built: once on the first visit,
    again after the screen was left, and a tall list still reads the pages it can show."""
    from netcoach.data.demo import generate_demo

    app = make_app(tmp_path)
    generate_demo(app.store.db, contacts=260, now=FIXED_NOW)
    reads: list[object] = []
    page = app.store.contacts.page

    def counted(wanted, after=None, **options):  # type: ignore[no-untyped-def]
        if after is None:
            reads.append(wanted)
        return page(wanted, after=after, **options)

    app.store.contacts.page = counted  # type: ignore[method-assign]
    async with app.run_test(size=(120, 90)) as pilot:
        await settle(pilot)
        reads.clear()  # what Today read
        await pilot.press("c")
        await settle(pilot)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert len(reads) == 1
        assert table.row_count == 120 > table.size.height  # two pages fill 80-odd rows
        names = table_names(app)
        assert names == sorted(names, key=str.casefold)
        await pilot.press("t")
        await settle(pilot)
        add(app, "Aaron Newcomer")
        reads.clear()
        await pilot.press("c")
        await settle(pilot)
        assert len(reads) == 1
        assert table_names(app)[0] == "Aaron Newcomer"
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#contacts-table", ContactTable) is table
        assert len(reads) == 2
        assert table_names(app)[0] == "Aaron Newcomer"
