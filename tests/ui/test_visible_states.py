"""Focus, on/off and keys a person can see without colour: pages, toggles and dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox

from netcoach.app import NetcoachApp, create_app
from netcoach.core.models import ContactDraft
from netcoach.widgets.footer import Footer
from tests.conftest import fixed_clock, screen_text, settle

SIZE = (120, 40)


def make_app(tmp_path: Path) -> NetcoachApp:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    app.store.add_contact(ContactDraft(name="Ada Lovelace", level=2))
    app.store.pitches.create_pitch("Breakfast", 60, "I'm Rosa from Willow & Bloom.")
    return app


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


async def test_a_focused_page_shows_its_focus_without_colour(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.no_color
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen.query_one("#detail-body")
        assert type(app.screen).__name__ == "ContactDetailScreen" and detail.has_focus
        assert detail.styles.border_left[0] == "thick"
        app.screen.set_focus(None)
        await pilot.pause()
        assert detail.styles.border_left[0] == "blank"
        await pilot.press("r")
        await settle(pilot)
        review = app.screen.query_one("#review-body")
        assert type(app.screen).__name__ == "ReviewScreen"
        review.focus()
        await pilot.pause()
        assert review.styles.border_left[0] == "thick"
        app.screen.set_focus(None)
        await pilot.pause()
        assert review.styles.border_left[0] == "blank"
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert type(app.screen).__name__ == "RehearsalScreen"
        prompter = app.screen.query_one("#rehearsal-prompter")
        assert prompter.has_focus
        assert prompter.styles.border_top[0] == "heavy"
        app.screen.set_focus(None)
        await pilot.pause()
        assert prompter.styles.border_top[0] == "round"


async def test_a_checkbox_that_is_on_looks_different_without_colour(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        boxes = list(app.screen.query(Checkbox).results(Checkbox))
        on = next(box for box in boxes if box.value)
        off = next(box for box in boxes if not box.value)
        on_style = on.get_component_rich_style("toggle--button")
        off_style = off.get_component_rich_style("toggle--button")
        assert on_style.reverse and on_style.bold
        assert not off_style.reverse and not off_style.bold
        off.toggle()
        await pilot.pause()
        assert off.get_component_rich_style("toggle--button").reverse


def footer_line(app: NetcoachApp) -> str:
    return screen_text(app).splitlines()[-1]


async def test_a_dialog_shows_its_own_keys_not_the_list_under_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        under = footer_line(app)
        assert "/ Search" in under and "n New" in under
        for key, dialog, own in (
            ("plus", "LevelReasonModal", "esc Cancel"),
            ("i", "InteractionModal", "esc Cancel"),
            ("question_mark", "HelpScreen", "esc Close"),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == dialog
            line = footer_line(app)
            assert own in line, dialog
            assert "Search" not in line and "New" not in line and "Edit" not in line, dialog
            footers = list(app.screen.query(Footer).results(Footer))
            assert len(footers) == 1 and footers[0].region.y == SIZE[1] - 1, dialog
            await pilot.press("escape")
            await settle(pilot)
            assert "/ Search" in footer_line(app)
        # Nothing was written by the dialogs that were cancelled.
        contact = app.store.list_contacts().rows[0]
        assert contact.level == 2
