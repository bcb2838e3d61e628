"""The One-to-ones screen's panes: each list pages on its own, and its pieces stay readable."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from netcoach.app import create_app
from netcoach.core.meetings import OneToOneDraft
from netcoach.core.models import ContactDraft
from netcoach.screens.meetings.lists import EventsPane, FollowUpsPane, OneToOnesPane
from netcoach.screens.meetings.pane import PAGE_SIZE
from tests.conftest import FIXED_NOW, fixed_clock, settle

PACKAGES = Path(__file__).resolve().parents[2] / "netcoach" / "screens"


async def test_the_one_to_ones_list_reads_its_next_page_near_the_end(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    count = PAGE_SIZE + 30
    for day in range(count):
        app.store.meetings.plan_one_to_one(
            OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=day + 1), 60, "", f"Plan {day}")
        )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#one-to-ones-table", DataTable)
        assert table.row_count == PAGE_SIZE
        assert screen.query_one(OneToOnesPane).total == count
        # The other lists are empty, and say so in their own status lines.
        assert screen.query_one(EventsPane).loaded == 0
        events_status = str(screen.query_one("#events-status", Static).content)
        assert "No time at events" in events_status or "No events yet" in events_status
        await pilot.press("ctrl+end")  # to the last row read: the rest is read
        await settle(pilot)
        assert table.row_count == count
        assert screen.query_one(OneToOnesPane).loaded == count


async def test_show_done_is_the_follow_ups_panes_own(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        follow_ups = app.screen.query_one(FollowUpsPane)
        status = app.screen.query_one("#follow-ups-status", Static)
        assert not follow_ups.show_done
        assert str(status.content).startswith("No open follow-ups.")
        await pilot.press("3", "a")
        await settle(pilot)
        assert follow_ups.show_done
        assert str(status.content) == "No follow-ups yet."


@pytest.mark.parametrize("package", ["forms", "meetings"])
def test_each_piece_says_what_it_holds_and_stays_short(package: str) -> None:
    for module in sorted((PACKAGES / package).glob("*.py")):
        text = module.read_text(encoding="utf-8")
        assert ast.get_docstring(ast.parse(text)), f"{module.name} has no docstring"
        assert len(text.splitlines()) <= 400, f"{module.name} is over 400 lines"


async def test_a_first_visit_reads_each_list_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.screens.meetings.pane import MeetingsPane

    reads: list[str] = []
    load = MeetingsPane.load

    def counted(pane: MeetingsPane, offset: int = 0) -> None:
        reads.append(f"{pane.id}@{offset}")
        load(pane, offset)

    monkeypatch.setattr(MeetingsPane, "load", counted)
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=1), 60, "", "Hear her plans")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        # Textual resumes a new screen twice on its first visit; each list is read once.
        assert sorted(reads) == ["events@0", "follow-ups@0", "one-to-ones@0"]
        assert app.screen.query_one("#one-to-ones-table", DataTable).row_count == 1
