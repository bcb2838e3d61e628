"""The footer offers only keys that have something to act on."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from netcoach.app import create_app
from netcoach.core.meetings import OneToOneDraft
from netcoach.core.models import ContactDraft
from netcoach.widgets.footer import Footer
from tests.conftest import FIXED_NOW, fixed_clock, settle


def shown_keys(app) -> set[str]:  # type: ignore[no-untyped-def]
    """The keys the footer shows, as a person reads them (``^s``, ``e``, ``+``)."""
    return {item.display for item in app.screen.query_one(Footer).shown}


async def test_an_empty_pitch_screen_offers_no_save_rehearse_or_use_next(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.switch_mode("pitch")
        await settle(pilot)
        if type(app.screen).__name__ == "PitchGuideScreen":
            await pilot.press("escape")  # the guide opens for a first pitch; not now
            await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        keys = shown_keys(app)
        assert {"^s", "^r", "^t"}.isdisjoint(keys), keys
        assert {"^n", "^g"} <= keys, keys

        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.store.pitches.list_pitches()
        keys = shown_keys(app)
        assert {"^s", "^r", "^t"} <= keys, keys


async def test_an_empty_contact_list_offers_no_keys_for_a_contact(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.switch_mode("contacts")
        await settle(pilot)
        keys = shown_keys(app)
        assert {"e", "+", "-", "i", "x"}.isdisjoint(keys), keys
        assert "n" in keys, keys
        # Pressing them anyway does nothing and breaks nothing.
        await pilot.press("e", "plus", "i")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"

        app.store.add_contact(ContactDraft(name="Ann Lee", level=2))
        app.screen.reload()
        await settle(pilot)
        keys = shown_keys(app)
        assert {"e", "+", "-", "i"} <= keys, keys

        # Searching down to no match takes them away again.
        app.screen.set_filter(search="nobody by this name")
        await settle(pilot)
        assert {"e", "+", "-", "i"}.isdisjoint(shown_keys(app))


async def test_an_empty_levels_board_offers_no_level_moves(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.switch_mode("levels")
        await settle(pilot)
        assert {"+", "-", "i", "x"}.isdisjoint(shown_keys(app))

        app.store.add_contact(ContactDraft(name="Ann Lee", level=1))
        app.screen.reload()
        await settle(pilot)
        assert {"+", "-", "i"} <= shown_keys(app)


async def test_one_to_ones_offer_edit_and_done_only_with_a_row(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.switch_mode("meetings")
        await settle(pilot)
        assert "e" not in shown_keys(app)
        await pilot.press("3")
        await settle(pilot)
        keys = shown_keys(app)
        assert "x" not in keys and "a" in keys, keys

        ada = app.store.add_contact(ContactDraft(name="Ada Lovelace"))
        app.store.meetings.plan_one_to_one(
            OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=2), 60, "", "Hear her plans")
        )
        await pilot.press("1")
        app.screen.reload()
        await settle(pilot)
        assert "e" in shown_keys(app)
