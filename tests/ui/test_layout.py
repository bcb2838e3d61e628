"""Every screen at 80x24 and at 200x50: widths, names whole, footers, headers, focus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Input, Select, TextArea

from netcoach.app import NetcoachApp, create_app
from netcoach.core.models import ContactDraft
from netcoach.widgets.card_list import CardList
from netcoach.widgets.cells import crop_cells, fit_cells
from netcoach.widgets.contact_table import ContactTable, TableColumn, column_widths
from netcoach.widgets.footer import Footer
from tests.conftest import fixed_clock, screen_text, settle

SMALL = (80, 24)
LARGE = (200, 50)
CJK = "王小明的公司"
EMOJI = "Zoë 🌿 Khan"
AMELIAS = ("Amelia Hargreave", "Amelia Harcourts", "Amelia Hartwell", "Amelia Harrison")


def make_app(tmp_path: Path) -> NetcoachApp:
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def add(app: NetcoachApp, name: str, **fields: object) -> int:
    return app.store.add_contact(ContactDraft(name=name, **fields)).id  # type: ignore[arg-type]


def with_demo(tmp_path: Path) -> NetcoachApp:
    from netcoach.data.demo import generate_demo
    from tests.conftest import FIXED_NOW

    app = make_app(tmp_path)
    generate_demo(app.store.db, contacts=150, now=FIXED_NOW)
    return make_app(tmp_path)


# ---- cells -------------------------------------------------------------------------------


def test_text_is_cut_in_cells_and_never_splits_a_wide_character() -> None:
    assert cell_len(CJK) == 12
    assert crop_cells(CJK, 12) == CJK
    assert crop_cells(CJK, 7) == "王小明…"
    # The third character would need cells 5 and 6; with the ellipsis that is 7 > 6.
    assert crop_cells(CJK, 6) == "王小…" and cell_len(crop_cells(CJK, 6)) == 5
    assert fit_cells(CJK, 6) == "王小… "
    assert cell_len(fit_cells(EMOJI, 20)) == 20
    assert crop_cells(EMOJI, 5) == "Zoë…"
    assert crop_cells(EMOJI, 6) == "Zoë…"
    assert crop_cells(EMOJI, 7) == "Zoë 🌿…"
    assert crop_cells("abc", 0) == ""


def test_columns_are_hidden_by_their_rank_not_by_chance() -> None:
    columns = (
        TableColumn("Name", 10, priority=1, grow=1),
        TableColumn("Company", 10, priority=4),
        TableColumn("Level", 5, priority=2),
        TableColumn("Status", 5, priority=3),
    )
    # Name 10 + Level 5 + Status 5, a gap after each: 23 cells; Company needs 11 more.
    assert column_widths(columns, 23) == (10, 0, 5, 5)
    assert column_widths(columns, 30) == (17, 0, 5, 5)
    assert column_widths(columns, 34) == (10, 10, 5, 5)
    assert column_widths(columns, 17) == (10, 0, 5, 0)
    assert column_widths(columns, 16) == (15, 0, 0, 0)
    # The first column shows even when nothing fits.
    assert column_widths(columns, 3)[0] == 10


def test_the_footer_keeps_help_and_leaves_out_whole_keys_that_do_not_fit() -> None:
    from netcoach.widgets.footer import FooterItem, fit_items

    def item(key: str, text: str, is_global: bool = False) -> FooterItem:
        return FooterItem(key, key, text, text.lower(), True, is_global)

    own = [item("s", "Save"), item("r", "Rehearse"), item("g", "Guide")]
    shared = [item("t", "Today", True), item("c", "Contacts", True)]
    pinned = [item("?", "Help", True), item("^p", "palette", True)]
    # "s Save  r Rehearse" is 18 cells; "? Help  ^p palette" 17; two-cell gaps between.
    left, right = fit_items(own + shared, 40, pinned)
    assert right == pinned
    assert left == own[:2]
    left, right = fit_items(own + shared, 80, pinned)
    assert left == own + shared
    # Too narrow for the palette's key as well: what is left out goes whole.
    left, right = fit_items(own, 8, pinned)
    assert right == pinned[:1] and left == []


# ---- pitch, board and contacts -----------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, LARGE])
async def test_the_pitch_editor_keeps_forty_cells(tmp_path: Path, size: tuple[int, int]) -> None:
    app = with_demo(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        assert editor.region.width >= 40
        # The pitch list and the tabs are still on screen beside it.
        assert app.screen.query_one("#pitch-list").region.width >= 20
        assert app.screen.query_one("#pitch-tabs").region.width >= 30
        assert "Sam Rivers" in screen_text(app)


@pytest.mark.parametrize("size", [SMALL, LARGE])
async def test_board_cards_show_names_of_sixteen_cells_whole(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path)
    for name in AMELIAS[:3]:
        add(app, name, level=1, company="Hargreave & Harcourt Solicitors")
    add(app, AMELIAS[3], level=2, is_advisor=True)
    add(app, "Amelia Harwood ★ Ltd", level=2)
    add(app, CJK, level=3, company=CJK)
    add(app, EMOJI, level=3, is_advisor=True)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        text = screen_text(app)
        for name in (*AMELIAS, CJK, EMOJI):
            assert cell_len(name) <= 16
            assert name in text, name
        # Five Amelias, five different cards.
        assert len(set(re.findall(r"Amelia Har\w+", text))) == 5
        # No card line is cut twice ("……") and no wide character is split.
        assert "……" not in text
        # Every card line sits left of the column's scrollbar, in its own gutter.
        for level in (1, 2, 3):
            cards = app.screen.query_one(f"#board-list-{level}", CardList)
            inner = cards.scrollable_content_region
            assert inner.width >= 19
            assert cards.content_region.right - inner.right == cards.styles.scrollbar_size_vertical


async def test_a_narrow_board_scrolls_to_the_focused_column(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, "Katherine Johnson", level=5)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert "Katherine Johnson" not in screen_text(app)
        await pilot.press("right", "right", "right", "right")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#board-list-5")
        assert "Katherine Johnson" in screen_text(app)


async def test_contacts_keep_status_next_due_and_last_touch_at_eighty_columns(
    tmp_path: Path,
) -> None:
    app = with_demo(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        header = str(app.screen.query_one("#contacts-header").render())
        for title in ("Name", "Level", "Status", "Next due", "Last touch"):
            assert title in header
        assert "Company" not in header and "Title" not in header
        rows = [line for line in screen_text(app).splitlines() if re.search(r"\d Engage", line)]
        assert rows and all(re.search(r"ok|overdue|due soon", line) for line in rows)
    app = make_app(tmp_path)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert table.shown_titles == (
            "Name",
            "Company",
            "Title",
            "Level",
            "Last touch",
            "Next due",
            "Status",
        )
        # The room of a large terminal goes to the text columns.
        assert table.widths[0] > 30


async def test_wide_characters_keep_the_columns_in_line(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, CJK * 3, company="Acme", level=2)
    add(app, EMOJI, company="Acme", level=2)
    add(app, "Ada Lovelace", company="Acme", level=2)
    add(app, "🌿" * 30, company="Acme", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        lines = [line for line in screen_text(app).splitlines() if "Acme" in line]
        assert len(lines) == 4
        starts = {cell_len(line[: line.index("Acme")]) for line in lines}
        assert len(starts) == 1
        levels = {cell_len(line[: line.index("2 Connect")]) for line in lines}
        assert len(levels) == 1
        # The long CJK name is cut with an ellipsis, without splitting a character.
        assert any("…" in line and "王" in line for line in lines)


# ---- footer and header -------------------------------------------------------------------


def footer_line(app: NetcoachApp) -> str:
    return screen_text(app).splitlines()[-1]


def check_footer(app: NetcoachApp) -> None:
    """Every key shown is whole; the rest of the line is blank; screen keys come first."""
    footer = app.screen.query_one(Footer)
    line = footer_line(app)
    rest = line
    for item in footer.shown:
        assert item.text in rest, (item.text, line)
        rest = rest.replace(item.text, "", 1)
    assert rest.strip() == "", (rest, line)
    assert len(footer.shown) >= 3
    left = [item for item in footer.shown if not item.global_key]
    first_global = next(
        (i for i, item in enumerate(footer.shown) if item.global_key), len(footer.shown)
    )
    assert footer.shown[:first_global] == left or all(
        item.global_key for item in footer.shown[first_global:]
    )
    hidden = [item for item in footer.items if item not in footer.shown]
    for item in hidden:
        assert f" {item.text} " not in f" {line} "


SCREENS = (
    ("today", "Today"),
    ("contacts", "Contacts"),
    ("levels", "Levels board"),
    ("pitch", "Pitch"),
    ("meetings", "One-to-ones"),
    ("ledger", "Give & get"),
    ("review", "Review"),
)


@pytest.mark.parametrize("size", [SMALL, (120, 40), LARGE])
async def test_every_screen_names_itself_and_shows_whole_keys(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = with_demo(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for mode, title in SCREENS:
            app.switch_mode(mode)
            await settle(pilot)
            assert f"netcoach — {title}" in screen_text(app).splitlines()[0], title
            check_footer(app)
            footer = app.screen.query_one(Footer)
            own = [item for item in footer.items if not item.global_key]
            if own:
                # The screen's first key is shown before any global one.
                assert footer.shown[0] == own[0], title
            if size == LARGE:
                assert any(item.action == "help" for item in footer.shown), title
        app.switch_mode("contacts")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "netcoach — Contact" in screen_text(app).splitlines()[0]
        check_footer(app)


async def test_the_review_key_is_never_cut_at_120_columns(tmp_path: Path) -> None:
    app = with_demo(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        line = footer_line(app)
        assert "▏" not in line
        assert not re.search(r"\br R\b|\br Re?v?i?e?$", line)
        assert line.rstrip().endswith("^p palette")


# ---- focus -------------------------------------------------------------------------------


async def test_focus_shows_without_colour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.no_color
        app.action_export_contacts()
        await settle(pilot)
        select = app.screen.query_one("#export-kind", Select)
        button = app.screen.query_one("#export-button", Button)
        field = app.screen.query_one("#export-path", Input)
        current = select.query_one("SelectCurrent")
        field.focus()
        await pilot.pause()
        blurred_frame = current.styles.border_left[0]
        blurred_button = button.rich_style
        select.focus()
        await pilot.pause()
        # The select's frame changes its shape, not only its colour.
        assert current.styles.border_left[0] != blurred_frame
        assert field.styles.border_left[0] != current.styles.border_left[0]
        button.focus()
        await pilot.pause()
        # The button turns reversed and bold.
        assert button.rich_style.reverse and button.rich_style.bold
        assert not blurred_button.reverse
        assert current.styles.border_left[0] == blurred_frame


async def test_lists_show_their_focused_cursor_without_colour(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, "Ada Lovelace")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        table = app.screen.query_one("#contacts-table", ContactTable)
        assert table.has_focus
        focused = table.get_component_rich_style("contact-table--cursor")
        await pilot.press("slash")
        await pilot.pause()
        assert not table.has_focus
        blurred = table.get_component_rich_style("contact-table--cursor")
        assert focused.reverse and not blurred.reverse
        await pilot.press("escape", "l")
        await settle(pilot)
        cards = app.screen.query_one("#board-list-1", CardList)
        assert cards.has_focus
        assert cards.get_component_rich_style("card-list--cursor").reverse
        # The focused column's frame is heavy, the others' round.
        other = app.screen.query_one("#board-list-2", CardList)
        assert cards.styles.border_top[0] == "heavy" and other.styles.border_top[0] == "round"


async def test_today_drops_its_tables_least_needed_columns_and_uses_a_wide_terminal(
    tmp_path: Path,
) -> None:
    from netcoach.widgets.fitted_table import FittedTable

    app = with_demo(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        ones = app.screen.query_one("#today-one-to-ones-table", FittedTable)
        assert ones.shown_titles == ("Time", "With", "Objective", "Outcome")
        follow_ups = app.screen.query_one("#today-follow-ups-table", FittedTable)
        assert follow_ups.shown_titles == ("Due", "Status", "What", "Owed by", "With")
        # Nothing drawn past the right edge: no sideways scrolling.
        assert ones.virtual_size.width <= ones.scrollable_content_region.width
        assert not app.screen.has_class("-wide")
    app = make_app(tmp_path)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-wide")
        ones = app.screen.query_one("#today-one-to-ones-table", FittedTable)
        assert "Where" in ones.shown_titles
        event = app.screen.query_one("#today-next-event")
        pitch = app.screen.query_one("#today-pitch")
        # Two cards side by side, each showing all of its lines.
        assert event.region.y == pitch.region.y and event.region.x < pitch.region.x
        assert "Monday 23 November 2026" in screen_text(app)
        assert "menus, flyers and shop signs" in screen_text(app)  # the pitch used


async def test_one_to_ones_keep_their_outcome_at_eighty_columns(tmp_path: Path) -> None:
    from netcoach.widgets.fitted_table import FittedTable

    app = with_demo(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.switch_mode("meetings")
        await settle(pilot)
        table = app.screen.query_one("#one-to-ones-table", FittedTable)
        assert table.shown_titles == ("When", "With", "Objective", "Outcome")
        assert "⚑ no outcome yet" in screen_text(app)
        assert table.virtual_size.width <= table.scrollable_content_region.width
    app = make_app(tmp_path)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        app.switch_mode("meetings")
        await settle(pilot)
        table = app.screen.query_one("#one-to-ones-table", FittedTable)
        assert table.shown_titles == ("When", "With", "Objective", "Where", "Outcome")
