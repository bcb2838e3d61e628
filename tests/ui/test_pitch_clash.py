"""Two copies of netcoach on one pitch: a save never turns the other copy's version back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Input, TextArea

from netcoach.app import create_app
from tests.conftest import fixed_clock, screen_text, settle


def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    app.store.pitches.create_pitch("Breakfast", 60, "I'm Rosa from Willow & Bloom.")
    return app


async def open_studio(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == "PitchScreen"


async def test_a_new_limit_keeps_the_script_another_copy_saved(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        # The other copy saves a new script and renames the pitch.
        app.store.pitches.save_pitch(1, script="I'm Rosa: flowers for offices.")
        with sqlite3.connect(app.database_path) as connection:
            connection.execute("UPDATE pitch SET name = 'Chamber breakfast'")
        app.screen.query_one("#pitch-limit", Input).value = "45"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
    detail = app.store.pitches.get_pitch(1)
    assert detail.current.script == "I'm Rosa: flowers for offices."
    assert (detail.pitch.name, detail.pitch.limit_seconds) == ("Chamber breakfast", 45)
    assert [v.number for v in detail.versions] == [2, 1]


async def test_a_script_changed_in_both_copies_is_asked_about(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.store.pitches.save_pitch(1, script="Theirs: flowers for offices.")
        app.screen.query_one("#pitch-editor", TextArea).load_text("Mine: plants for clinics.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClashModal"
        shown = screen_text(app)
        assert "Saved: Theirs: flowers for offices." in shown
        assert "Yours: Mine: plants for clinics." in shown
        assert len(app.store.pitches.get_pitch(1).versions) == 2  # nothing written yet
        await pilot.click("#clash-all-mine")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
    detail = app.store.pitches.get_pitch(1)
    assert [v.script for v in detail.versions] == [
        "Mine: plants for clinics.",
        "Theirs: flowers for offices.",
        "I'm Rosa from Willow & Bloom.",
    ]


async def test_keeping_the_saved_script_shows_it_and_adds_no_version(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.store.pitches.save_pitch(1, script="Theirs: flowers for offices.")
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.load_text("Mine: plants for clinics.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#clash-all-theirs")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        assert editor.text == "Theirs: flowers for offices."
    detail = app.store.pitches.get_pitch(1)
    assert [v.number for v in detail.versions] == [2, 1]
    assert detail.current.script == "Theirs: flowers for offices."


async def test_saving_twice_in_one_copy_is_no_clash(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        for script in ("Second version.", "Third version."):
            editor.load_text(script)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "PitchScreen"
    assert [v.script for v in app.store.pitches.get_pitch(1).versions][:2] == [
        "Third version.",
        "Second version.",
    ]


async def test_the_guide_writes_only_the_answers_changed_in_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.pitches.save_profile({"intro": "I'm Rosa.", "ask": "Who knows a baker?"})
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.screen.action_guide("ask")
        await settle(pilot)
        app.store.pitches.save_profile({"intro": "I'm Rosa, florist."})  # the other copy
        app.screen.query_one("#guide-answer", TextArea).load_text("I'd love to meet a baker.")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
    assert app.store.pitches.profile() == {
        "intro": "I'm Rosa, florist.",
        "ask": "I'd love to meet a baker.",
    }
