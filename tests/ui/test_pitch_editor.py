"""The script editor stops wrapping once a line is too long to wrap cheaply."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from netcoach.widgets.pitch_editor import LONG_LINE_CHARS
from tests.conftest import settle
from tests.ui.test_pitch import make_app


async def test_a_pasted_long_line_turns_wrapping_off(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        assert editor.soft_wrap
        editor.focus()
        editor.move_cursor(editor.document.end)
        editor.insert("\nword" + " word" * (LONG_LINE_CHARS // 5) + "\nA last short line.")
        await pilot.pause()
        assert not editor.soft_wrap
        assert "words" in str(app.screen.query_one("#pitch-stats").content)  # still counted


async def test_typing_short_lines_keeps_wrapping(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.focus()
        await pilot.press(*"more words", "enter", *"and a line")
        assert editor.soft_wrap
