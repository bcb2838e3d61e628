"""Fields that had been left behind: dates typed in words and lengths that stop at a limit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Input, Static, Tab, TabbedContent, Tabs, TextArea

from netcoach.app import create_app
from netcoach.core.validation import NOTE_MAX
from netcoach.data.errors import PitchError
from tests.conftest import fixed_clock, screen_text, settle


def pitch_app(tmp_path: Path):
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    app.store.pitches.create_pitch("Breakfast", 60, "I'm Rosa from Willow & Bloom.")
    return app


async def test_pitch_event_day_is_typed_in_words_with_a_preview(tmp_path: Path) -> None:
    app = pitch_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#pitch-event", Input).focus()
        await pilot.press(*"fri")
        await pilot.pause()
        assert "→ Fri 27 Nov 2026" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "YYYY-MM-DD" not in screen_text(app)
    pitch = app.store.pitches.get_pitch(app.store.pitches.next_pitch_id()).pitch
    assert pitch.event_day == date(2026, 11, 27)


async def test_pitch_fields_stop_at_their_limits(tmp_path: Path) -> None:
    app = pitch_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        editor.insert("x" * (NOTE_MAX + 500))
        await pilot.pause()
        assert len(editor.text) == NOTE_MAX
        assert "Notes are at most 65,536 characters." in screen_text(app)
        for selector in ("#pitch-limit", "#pitch-event"):
            field = app.screen.query_one(selector, Input)
            assert 0 < field.max_length <= 80


def test_the_pitch_repository_refuses_a_script_over_the_limit(tmp_path: Path) -> None:
    app = pitch_app(tmp_path)
    pitches = app.store.pitches
    pitch_id = pitches.next_pitch_id()
    with pytest.raises(PitchError, match="at most 65,536"):
        pitches.save_pitch(pitch_id, script="x" * (NOTE_MAX + 1))
    with pytest.raises(PitchError, match="at most 65,536"):
        pitches.create_pitch("Long", 60, "x" * (NOTE_MAX + 1))
    assert [v.number for v in pitches.get_pitch(pitch_id).versions] == [1]


async def test_every_pitch_tab_label_is_readable_at_80x24(tmp_path: Path) -> None:
    app = pitch_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        tabs = app.screen.query_one("#pitch-tabs", TabbedContent)
        shown = tabs.query_one(Tabs).region
        labels = []
        for tab in tabs.query(Tab):
            labels.append(tab.label_text)
            assert tab.region.right <= shown.right, tab.label_text
            assert tab.region.width >= cell_len(tab.label_text), tab.label_text
        assert labels == ["Parts", "Fillers", "History", "Versions"]
        assert all(label in screen_text(app) for label in labels)


async def test_the_one_to_one_picker_says_to_add_a_contact_when_there_are_none(
    tmp_path: Path,
) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "n")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "OneToOneFormScreen"
        box = screen.query_one("#field-contact .picker-input", Input)
        box.focus()
        await pilot.press(*"ada")
        await settle(pilot)
        advice = "No contacts yet: add one on Contacts first (escape, c, then n)."
        assert advice in screen_text(app)
        assert "choose from the list" not in screen_text(app)
        screen.query_one("#field-objective", Input).value = "Meet"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert advice in str(screen.query_one("#error-contact", Static).content)
    assert app.store.meetings.list_one_to_ones().total == 0


async def test_the_goals_tab_says_n_sets_a_goal_and_shows_its_deadline_once(
    tmp_path: Path,
) -> None:
    from netcoach.core.goals import GoalDraft

    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    app.store.ledger.add_goal(
        GoalDraft("Three introductions", "given", 3, date(2026, 11, 1), date(2027, 2, 6))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert "n New entry" in screen_text(app)
        await pilot.press("6")
        await settle(pilot)
        shown = screen_text(app)
        assert "n New goal" in shown and "New entry" not in shown
        goals = app.screen.query_one("#ledger-goals", DataTable)
        deadline = str(goals.get_row_at(0)[3])
        assert deadline == "Sat 6 Feb 2027 (in 75 days)"
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "GoalModal"


async def test_today_flags_a_past_one_to_one_without_an_outcome_as_its_tab_does(
    tmp_path: Path,
) -> None:
    from datetime import timedelta

    from netcoach.core.meetings import OneToOneDraft
    from netcoach.core.models import ContactDraft
    from tests.conftest import FIXED_NOW

    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace"))
    app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(hours=1), 30, "Café", "Catch up")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today-one-to-ones-table", DataTable)
        on_today = str(today.get_row_at(0)[4])
        await pilot.press("o")
        await settle(pilot)
        tab = app.screen.query_one("#one-to-ones-table", DataTable)
        on_tab = [str(cell) for cell in tab.get_row_at(0)]
    assert on_today.startswith("⚑ no outcome yet")
    assert on_today in on_tab


async def test_a_bad_pitch_event_day_is_refused_and_said_once(tmp_path: Path) -> None:
    app = pitch_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#pitch-event", Input).focus()
        await pilot.press(*"florp")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert shown.count("“florp”") == 1
        assert app.screen.query_one("#pitch-event", Input).has_class("-invalid")
    detail = app.store.pitches.get_pitch(app.store.pitches.next_pitch_id())
    assert detail.pitch.event_day is None
