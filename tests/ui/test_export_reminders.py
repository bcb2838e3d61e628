"""The Export screen offers reminders with the iCalendar export, and writes them when ticked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import icalendar
from textual.widgets import Checkbox, Input, Select, Static

from netcoach.app import create_app
from netcoach.core.models import ContactDraft
from netcoach.data.db import database
from tests.conftest import fixed_clock, settle


def events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_text(encoding="utf-8")).walk("VEVENT"))


async def test_with_reminders_is_offered_for_ics_and_adds_them(tmp_path: Path) -> None:
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ann = app.store.add_contact(ContactDraft(name="Ann [b]Lee[/b]", level=5))
        app.store.log_interaction(ann.id, "call", when=datetime(2026, 10, 1, 9, 0))
        app.action_export_contacts()
        await settle(pilot)
        screen = app.screen
        box = screen.query_one("#export-reminders", Checkbox)
        assert not box.display  # vCard: nothing to remind
        screen.query_one("#export-kind", Select).value = "ics"
        await settle(pilot)
        assert box.display and not box.value
        plain = tmp_path / "plain.ics"
        screen.query_one("#export-path", Input).value = str(plain)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert events(plain) == []
        target = tmp_path / "reminders.ics"
        screen.query_one("#export-path", Input).value = str(target)
        box.focus()
        await pilot.press("space")
        assert box.value
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = str(screen.query_one("#export-status", Static).content)
        assert status == f"Wrote 1 record to {target}"
        [event] = events(target)
        assert str(event["SUMMARY"]) == "Keep in touch with Ann [b]Lee[/b]"
        assert event.decoded("DTSTART") == fixed_clock().date()  # overdue: on today
        assert len(event.walk("VALARM")) == 1
        # Back to vCard: the box is hidden and not applied.
        screen.query_one("#export-kind", Select).value = "vcard"
        await settle(pilot)
        assert not box.display
    database.close()
