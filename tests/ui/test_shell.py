"""The app shell: every mode by its key, help, the palette and the remembered theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Static

from netcoach.app import SCREENS, create_app
from netcoach.data.demo import generate_demo
from tests.conftest import FIXED_NOW, fixed_clock, settle


def make_app(tmp_path: Path, demo: int = 0, config: Path | None = None):
    db_path = tmp_path / "netcoach.db"
    app = create_app(db_path, config_path=config, clock=fixed_clock)
    if demo:
        generate_demo(app.store.db, contacts=demo, now=FIXED_NOW)
    return app


async def test_every_mode_opens_by_its_key(tmp_path: Path) -> None:
    app = make_app(tmp_path, demo=40)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.current_mode == "today"
        for mode, key, _title, _where in SCREENS:
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == mode
            assert type(app.screen).__name__.lower().startswith(mode)


async def test_today_shows_counts_and_overdue_contacts(tmp_path: Path) -> None:
    app = make_app(tmp_path, demo=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        counts = app.store.level_counts()
        for level, count in counts.items():
            shown = str(app.screen.query_one(f"#level-count-{level}", Static).content)
            assert str(count) in shown
        table = app.screen.query_one("#today-overdue", DataTable)
        _rows, overdue_total = app.store.overdue_contacts()
        assert table.row_count == min(8, overdue_total) > 0
        levels = [int(str(table.get_row_at(i)[0])) for i in range(table.row_count)]
        assert levels == sorted(levels, reverse=True)


async def test_today_on_an_empty_database_explains_first_steps(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#today-first-steps").display
        steps = app.screen.query_one("#today-first-steps-text", Static)
        assert "Three things to do first" in str(steps.content)
        assert not app.screen.query_one("#today-overdue-box").display


async def test_help_lists_every_global_binding(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one("#help-table", DataTable)
        described = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        for _mode, _key, title, _where in SCREENS:
            assert title in described
        assert {"Help", "Quit"} <= described
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"


async def test_palette_offers_every_screen(tmp_path: Path) -> None:
    from netcoach.commands import NetcoachCommands

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        provider = NetcoachCommands(app.screen)
        names = [name for name, _cb, _help in provider._commands()]
        for _mode, _key, title, _where in SCREENS:
            assert f"go: {title}" in names
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


def test_the_palette_commands_are_declared_on_the_app_class() -> None:
    from textual.app import App

    from netcoach.app import NetcoachApp, netcoach_commands
    from netcoach.commands import NetcoachCommands

    # Textual's own providers stay; netcoach's is imported when the palette opens.
    added = NetcoachApp.COMMANDS - App.COMMANDS
    assert App.COMMANDS < NetcoachApp.COMMANDS
    assert added == {netcoach_commands}
    assert netcoach_commands() is NetcoachCommands


async def test_theme_is_remembered_between_runs(tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.json"
    app = make_app(tmp_path, config=config)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
    assert '"nord"' in config.read_text()
    from netcoach.data.db import database

    database.close()
    again = make_app(tmp_path, config=config)
    async with again.run_test() as pilot:
        assert again.theme == "nord"


async def test_unknown_theme_in_config_falls_back(tmp_path: Path) -> None:
    config = tmp_path / "config.json"
    config.write_text('{"theme": "no-such-theme"}')
    app = make_app(tmp_path, config=config)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "netcoach"


async def test_an_areas_stylesheet_is_read_on_its_first_visit_and_styles_it(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, demo=20)

    def stylesheets() -> set[str]:
        return {Path(where).name for where, _ in app.stylesheet.source if where.endswith(".tcss")}

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert stylesheets() == {"app.tcss"}
        await pilot.press("p")
        await settle(pilot)
        assert "pitch.tcss" in stylesheets()
        # A rule from pitch.tcss sizes the list of pitches, and Today's rules still hold.
        assert app.screen.query_one("#pitch-side").outer_size.width == 26
        await pilot.press("t")
        await settle(pilot)
        body = app.screen.query_one("#today-body")
        # Two cells before the text: a blank bar (thick while focused) and one of padding.
        assert body.styles.gutter.left == 2


async def test_the_first_screen_is_drawn_in_the_chosen_theme(tmp_path: Path) -> None:
    from textual.color import Color

    app = make_app(tmp_path, config=tmp_path / "config.json")
    async with app.run_test() as pilot:
        await settle(pilot)
        background = Color.parse(app.current_theme.background or "")
        assert app.screen.styles.background == background
        assert {"-theme-netcoach", "-dark-mode"} <= app.classes
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.styles.background == background


async def test_a_light_theme_from_the_settings_is_used_from_the_start(tmp_path: Path) -> None:
    from textual.color import Color

    config = tmp_path / "config.json"
    config.write_text('{"theme": "textual-light"}')
    app = make_app(tmp_path, config=config)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        assert app.screen.styles.background == Color.parse(app.current_theme.background or "")
        assert {"-theme-textual-light", "-light-mode"} <= app.classes
        assert "-dark-mode" not in app.classes


async def test_screen_modules_are_imported_in_pauses_after_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import time

    import netcoach.app_idle

    (tmp_path / "board_probe.py").write_text("class Probe:\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(sys.modules, "board_probe", None)
    monkeypatch.delitem(sys.modules, "board_probe")
    # Only the calls below import, not the timer that starts them after start-up.
    monkeypatch.setattr(netcoach.app_idle, "WARM_AFTER", 3600.0)
    app = make_app(tmp_path)
    monkeypatch.setattr(
        netcoach.app_idle, "SCREENS", (SCREENS[0], ("probe", "x", "Probe", "board_probe:Probe"))
    )
    async with app.run_test() as pilot:
        await settle(pilot)
        app._last_input = time.monotonic()
        app._import_next_screen()
        assert "board_probe" not in sys.modules
        app._last_input = 0.0
        app._import_next_screen()
        assert "board_probe" in sys.modules
        assert app.is_running
