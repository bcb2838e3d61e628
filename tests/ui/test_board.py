"""The levels board: how it loads, what its columns show, keys and mouse."""

from __future__ import annotations

import re
from pathlib import Path

from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker

from netcoach.app import NetcoachApp, create_app
from netcoach.core.models import ContactDraft
from netcoach.screens.levels import LevelsScreen
from netcoach.widgets.card_list import CardList
from tests.conftest import fixed_clock, screen_text, settle


def make_app(tmp_path: Path) -> NetcoachApp:
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def add(app: NetcoachApp, name: str, **fields: object) -> int:
    return app.store.add_contact(ContactDraft(name=name, **fields)).id  # type: ignore[arg-type]


def loads(seen: list[Message]) -> int:
    """How many whole-board loads were started (a message is seen again as it bubbles up)."""
    return len(
        {
            id(m.worker)
            for m in seen
            if isinstance(m, Worker.StateChanged) and m.worker.group == "levels-load"
        }
    )


def shown(seen: list[Message]) -> int:
    """How many whole-board loads arrived."""
    return len({id(m) for m in seen if isinstance(m, LevelsScreen.Loaded) and not m.append})


async def test_the_board_loads_once_when_first_opened_and_again_on_return(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    add(app, "Grace Hopper", level=3)
    seen: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert loads(seen) == shown(seen) == 1
        assert app.screen.query_one("#board-list-3", CardList).card_count == 1
        summary = str(app.screen.query_one("#board-summary", Static).content).splitlines()
        assert summary[0].startswith("1 of 1 contact at Engage or above (100%)")
        assert summary[1].startswith("← → columns")
        await pilot.press("t")
        await settle(pilot)
        add(app, "Ada Lovelace", level=3)
        await pilot.press("l")
        await settle(pilot)
        assert loads(seen) == shown(seen) == 2
        assert app.screen.query_one("#board-list-3", CardList).card_count == 2


async def test_cards_are_drawn_for_the_width_their_column_has(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, "Grace Hopper", level=3, company="Meridian Mortgages and Protection Ltd")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        column = app.screen.query_one("#board-list-3", CardList)
        narrow = str(column.card_at(0)[1])
        assert narrow.endswith("…") and narrow.startswith("Meridian")
        assert "Meridian" in screen_text(app)
        await pilot.resize_terminal(240, 40)
        await settle(pilot)
        assert str(column.card_at(0)[1]) == "Meridian Mortgages and Protection Ltd"
        assert "Meridian Mortgages and Protection Ltd" in screen_text(app)


async def test_a_click_picks_a_card_and_a_second_click_opens_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    add(app, "Ada Lovelace", level=2)
    grace = add(app, "Grace Hopper", level=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        column = app.screen.query_one("#board-list-2", CardList)
        # The second card starts on the fifth line of the column (three lines and a gap each).
        await pilot.click(column, offset=(3, 5))
        await settle(pilot)
        assert app.screen.focused is column
        assert column.id_at(column.cursor) == grace
        await pilot.click(column, offset=(3, 5))
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"


async def test_a_narrow_terminal_still_shows_every_columns_count(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    for name in ("Ada Lovelace", "Alan Turing", "Grace Hopper"):
        add(app, name, level=1)
    add(app, "Katherine Johnson", level=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        # Three columns show at a time; the summary lists every column's count.
        counts = "Identify 3 · Connect 0 · Engage 0 · Collaborate 1 · Inner circle 0"
        assert counts in screen_text(app)
        lines = screen_text(app).splitlines()
        bottom = [line for line in lines if line.lstrip()[:1] in ("╰", "┗")]
        assert len(bottom) == 1
        # Each column's count opens its bottom border, so a cut leaves the number whole.
        assert re.findall(r"[─━] (\d+) ", bottom[0])[:3] == ["3", "0", "0"]


async def test_reading_a_columns_next_page_never_covers_the_board_with_textuals_loading(
    tmp_path: Path,
) -> None:
    """The board's own record of the columns being read is not Textual's ``loading``."""
    app = make_app(tmp_path)
    add(app, "Ada Lovelace", level=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LevelsScreen)
        assert screen.loading is False
        screen.levels_loading.add(3)  # as while the next page of a column is read
        await pilot.pause()
        assert screen.loading is False
