"""Pictures that must match the data they show as soon as it is on screen, without a resize.

A table drawn between its rows arriving and its columns being measured used to keep
columns as narrow as their titles ("2026  Owen Iq  supp"); a board column drawn before
its scrollbar showed used to keep a horizontal scrollbar over its last card line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult

from netcoach.app import create_app
from netcoach.data.db import database
from netcoach.widgets.card_list import CardList
from netcoach.widgets.measured_table import MeasuredTable, cell_width
from tests.conftest import FIXED_NOW, screen_text, settle
from tests.snapshots.conftest import build_demo_database

TITLES = ("Date", "Contact", "", "Kind")
ROWS = [
    (("2026-11-23", "Owen Iqbal", "got", "support"), "1"),
    (("2026-11-20", "Aoife Ellis-Fitzgerald", "gave", "introduction"), "2"),
]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield MeasuredTable(TITLES, id="table")


def rows_of_text() -> list[tuple[tuple[Text, ...], str]]:
    return [(tuple(Text(cell) for cell in cells), key) for cells, key in ROWS]


async def test_a_table_drawn_before_it_is_idle_shows_its_columns_whole() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(MeasuredTable)
        # Rows arrive and the table is drawn at once, before it has had an idle moment:
        # what a worker's rows and the screen's next refresh do in one run in five.
        table.add_keyed_rows(rows_of_text())
        for y in range(table.size.height):
            table.render_line(y)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert lines[0].startswith(" Date        Contact                       Kind")
        assert lines[1].startswith(" 2026-11-23  Owen Iqbal              got   support")
        assert "Aoife Ellis-Fitzgerald  gave  introduction" in lines[2]
        assert table.widths == (10, 22, 4, 12)

        # More rows that need wider columns widen them at once, the cursor kept.
        table.move_cursor(row=1)
        table.add_row(Text("2026-11-19"), Text("x" * 30), Text("got"), Text("a"), key="3")
        for y in range(table.size.height):
            table.render_line(y)
        await pilot.pause()
        assert table.widths == (10, 30, 4, 12)
        assert table.cursor_row == 1
        assert "x" * 30 + "  got   a" in screen_text(app)

        # Cleared, the columns go back to their titles' widths.
        table.clear()
        await pilot.pause()
        assert table.widths == (4, 7, 0, 4)
        assert table.row_count == 0


def all_rows(table: MeasuredTable) -> list[list[Text]]:
    return [table.get_row_at(index) for index in range(table.row_count)]


def demo_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    template = build_demo_database(tmp_path / "template" / "netcoach.db")
    path = tmp_path / "home" / "netcoach.db"
    path.parent.mkdir(parents=True)
    shutil.copyfile(template, path)
    return create_app(path, config_path=tmp_path / "home" / "config.json", clock=lambda: FIXED_NOW)


async def test_give_and_get_entries_show_whole_dates_and_names_at_80x24(tmp_path: Path) -> None:
    for run in range(4):
        app = demo_app(tmp_path / str(run))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("g")
            await settle(pilot)
            await pilot.pause(0.2)
            table = app.screen.query_one("#ledger-entries", MeasuredTable)
            first = table.get_row_at(0)
            assert str(first[0]) == "2026-11-23"
            widths = table.widths[:4]
            assert widths[:3] == (10, max(cell_width(row[1]) for row in all_rows(table)), 4)
            header = "".join(f" {t.ljust(w)} " for t, w in zip(TITLES, widths, strict=True))
            row = "".join(f" {c.plain.ljust(w)} " for c, w in zip(first[:4], widths, strict=True))
            text = screen_text(app)
            assert header in text, text
            assert row in text, text
        database.close()


async def test_board_columns_never_scroll_sideways(tmp_path: Path) -> None:
    for run, size in enumerate([(120, 40), (130, 40), (120, 40)]):
        app = demo_app(tmp_path / str(run))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("l")
            await settle(pilot)
            await pilot.pause(0.2)
            for cards in app.screen.query(CardList):
                assert cards.card_count
                assert not cards.show_horizontal_scrollbar, cards.id
                assert cards.virtual_size.width <= cards.scrollable_content_region.width
            # The first card's name is not cut by a scrollbar at the foot of its column.
            assert "┃ Amelia Fraser" in screen_text(app)
        database.close()


class CardsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield CardList(lambda item, width: (Text(str(item)), Text(""), Text("")), id="cards")


async def test_a_card_list_that_fills_up_gets_no_horizontal_scrollbar() -> None:
    app = CardsApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        cards = app.query_one(CardList)
        width = cards.scrollable_content_region.width
        # Empty, then full enough for its vertical scrollbar to show.
        cards.replace_cards([(n, f"card {n}") for n in range(40)])
        await pilot.pause()
        await pilot.pause()
        assert cards.show_vertical_scrollbar
        assert not cards.show_horizontal_scrollbar
        assert cards.scrollable_content_region.width == width
        assert cards.virtual_size.width <= cards.scrollable_content_region.width
        last = screen_text(app).splitlines()[-1]
        assert "▁" not in last and "▂" not in last
