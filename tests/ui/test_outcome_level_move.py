"""The move to Engage offered after a first one-to-one: the same level move as + on a list.

It goes on the undo stack (ctrl+z puts it back), says it was made only when it was,
and says clearly when it was not, with nothing written.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, RadioButton

from netcoach.app import create_app
from netcoach.core.meetings import OneToOneDraft
from netcoach.core.models import ContactDraft
from netcoach.widgets.undo_note import UndoNote
from tests.conftest import FIXED_NOW, fixed_clock, settle


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def note_text(app) -> str:
    found = app.screen.query(UndoNote)
    return found.first().text if found else ""


async def open_engage_offer(app, pilot) -> None:
    """From Today to the outcome of the one past one-to-one, saved, to the Engage offer."""
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    app.screen.query_one("#one-to-ones-table").focus()
    await pilot.press("enter")
    await settle(pilot)
    assert type(app.screen).__name__ == "OutcomeScreen"
    app.screen.query_one("#outcome-achieved", RadioButton).value = True
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert type(app.screen).__name__ == "EngageOfferModal"
    app.screen.query_one("#engage-reason", Input).value = "Good first one-to-one"


def make_app(tmp_path: Path):
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=2))
    app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=1), 60, "", "Learn her market")
    )
    return app, ada.id


async def test_the_move_to_engage_is_undone_with_ctrl_z(tmp_path: Path) -> None:
    app, ada = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_engage_offer(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingsScreen"
        assert app.store.get_contact(ada).level == 3
        assert "Ada Lovelace is now at Engage" in toasts(app)
        assert note_text(app) == "Moved Ada Lovelace up: 2 Connect → 3 Engage · ctrl+z undo"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.get_contact(ada).level == 2
        assert [c.to_level for c in app.store.level_history(ada)] == [2]
        assert note_text(app).startswith("Undone: Moved Ada Lovelace up")


async def test_a_move_that_fails_says_so_and_writes_nothing(tmp_path: Path) -> None:
    app, ada = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_engage_offer(app, pilot)
        # Another copy of netcoach moves her while the offer is open.
        with app.store.db.connection_context():
            app.store.db.execute_sql("UPDATE contact SET level = 4 WHERE id = ?", [ada])
        history = app.store.level_history(ada)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingsScreen"
        failures = [t for t in toasts(app) if "was not moved to Engage" in t]
        assert failures == [
            "The outcome is saved, but Ada Lovelace was not moved to Engage: Ada Lovelace has "
            "moved since, to level 4 Collaborate. Move them on the Levels board (l, then +)."
        ]
        assert not any("is now at Engage" in t for t in toasts(app))
        assert app.store.get_contact(ada).level == 4
        assert app.store.level_history(ada) == history
        assert len(app.undo_stack) == 0
        assert note_text(app) == ""
