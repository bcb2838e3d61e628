"""Hostile text everywhere: markup, escapes, controls, direction marks and huge strings
are stored intact, shown literally, and never act."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from netcoach.app import SCREENS, create_app
from netcoach.core.goals import GoalDraft
from netcoach.core.ledger import EntryDraft
from netcoach.core.meetings import EventDraft, OneToOneDraft
from netcoach.core.models import ContactDraft
from netcoach.core.text import BIDI_CONTROLS
from netcoach.data.db import database
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle

HOSTILE = [
    "[@click=app.quit]Quit me[/]",
    "[link=https://example.invalid]click[/link]",
    "[/b] unbalanced [bold",
    "list[str] and [red]red[/red]",
    "\x1b[31mANSI red\x1b[0m and \x1b]0;title\x07",
    "bell\x07 null\x00 backspace\x08 delete\x7f",
    "\u202eRTL override\u202c and \u2067isolate\u2069 \u200fmark",
    "Zoë Ó Briain 🎉 Ærøskøbing",
    "x" * 100_000,
]


def forbidden(text: str) -> set[str]:
    return {
        c
        for c in text
        if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or c in BIDI_CONTROLS
    }


def stored_long(app, table: str, row_id: int, **columns: str) -> None:  # type: ignore[no-untyped-def]
    """Put text longer than the forms take straight into a row, as an older netcoach or
    another program may have left it: the screens must still show it literally."""
    db = app.store.db
    sets = ", ".join(f"{column} = ?" for column in columns)
    with db.connection_context(), db.atomic():
        db.execute_sql(f"UPDATE {table} SET {sets} WHERE id = ?", [*columns.values(), row_id])


@pytest.fixture
def hostile_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    contacts = [
        app.store.add_contact(
            ContactDraft(name=text[:200] or "x", tags=(text[:40],), level=1 + index % 5)
        )
        for index, text in enumerate(HOSTILE)
    ]
    soon = FIXED_NOW + timedelta(hours=3)
    for contact, text in zip(contacts, HOSTILE, strict=True):
        stored_long(
            app, "contact", contact.id, name=text, company=text[:5000], title=text[:300], notes=text
        )
        app.store.pitches.create_pitch(text[:200], script=text[:65_536])
        one = app.store.meetings.plan_one_to_one(
            OneToOneDraft(contact.id, soon, 45, text[:200], text[:200] or "x")
        )
        stored_long(app, "one_to_one", one.id, place=text[:500], objective=text[:2000], agenda=text)
        event = app.store.meetings.add_event(
            EventDraft(
                text[:200] or "x", "breakfast", soon + timedelta(days=1), 60, people=(contact.id,)
            )
        )
        stored_long(app, "event", event.id, place=text[:300], pitch=text, notes=text)
        entry = app.store.ledger.add_entry(
            EntryDraft(contact.id, "received", "advice", FIXED_NOW.date())
        )
        stored_long(app, "ledger_entry", entry.id, note=text[:2000])
        app.store.ledger.add_want_have(contact.id, "have", text[:200] or "x")
        app.store.ledger.add_want_have(None, "want", text[:200] or "x")
        app.store.ledger.add_goal(
            GoalDraft(
                text[:200], "manual", 3, FIXED_NOW.date(), FIXED_NOW.date() + timedelta(days=9)
            )
        )
    yield app
    database.close()


async def show(pilot, key: str, screen: str) -> None:  # type: ignore[no-untyped-def]
    """Press a screen's global key once and wait (a bounded while) for that screen."""
    app = pilot.app
    await pilot.press(key)
    for _ in range(20):
        await settle(pilot)
        if type(app.screen).__name__ == screen:
            return
    raise AssertionError(
        f"{key} left {type(app.screen).__name__} on view (focus {app.focused!r}, "
        f"stack {[type(s).__name__ for s in app.screen_stack]})"
    )


async def test_every_screen_shows_hostile_text_literally(hostile_app) -> None:  # type: ignore[no-untyped-def]
    app = hostile_app
    tried = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _mode, key, title, _where in SCREENS:
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running, f"{title} made the app quit"
            shown = screen_text(app)
            assert not forbidden(shown), f"{title} shows raw control characters"
            tried += 1
            while len(app.screen_stack) > 1:  # a guide or dialog opened on its own
                await pilot.press("escape")
                await settle(pilot)
        for key, tabs, name in (("g", "123456", "LedgerScreen"), ("o", "123", "MeetingsScreen")):
            await show(pilot, key, name)
            for tab in tabs:
                await pilot.press(tab)
                await settle(pilot)
                assert app.is_running
                assert not forbidden(screen_text(app)), f"tab {tab} after {key}"
                tried += 1
        await show(pilot, "c", "ContactsScreen")
        shown = screen_text(app)
        assert "[@click=app.quit]Quit" in shown
        assert "[/b] unbalanced [bo" in shown
        assert "␛[31mANSI red" in shown
        assert "<U+202E>RTL override" in shown
        # Open each hostile contact, then its form, and save it unchanged.
        details = set()
        for _row in range(len(HOSTILE)):
            await pilot.press("enter")
            await settle(pilot)
            assert type(app.screen).__name__ == "ContactDetailScreen"
            shown = screen_text(app)
            assert not forbidden(shown)
            details.add(shown)
            await pilot.press("e")
            await settle(pilot)
            assert type(app.screen).__name__ == "ContactFormScreen"
            assert not forbidden(screen_text(app))
            await pilot.press("ctrl+s")
            # The save runs in a worker and the form closes after it: wait for that before
            # stepping back, or an escape meant for the contact page leaves Contacts.
            # Text longer than the form takes (stored by another program) is refused in place.
            for _ in range(100):
                await settle(pilot)
                if type(app.screen).__name__ != "ContactFormScreen":
                    break
                if "at most 200 characters" in screen_text(app):
                    break
            assert type(app.screen).__name__ == "ContactDetailScreen" or (
                "Names are at most 200 characters." in screen_text(app)
            ), screen_text(app)
            assert app.is_running
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
                await settle(pilot)
            await pilot.press("down")
            tried += 2
        assert any("[@click=app.quit]Quit me[/]" in shown for shown in details)
        await pilot.press("question_mark")
        await settle(pilot)
        assert app.is_running
    # Every save went through, and saving a form unchanged changed nothing.
    errors = [str(n.message) for n in app._notifications if n.severity == "error"]
    assert errors == []
    stored = sorted(c.name for c in app.store.list_contacts(limit=50).rows)
    assert stored == sorted(HOSTILE)
    assert len(details) == len(HOSTILE)
    full = {app.store.get_contact(r.id).notes for r in app.store.list_contacts(limit=50).rows}
    assert "x" * 100_000 in full
    assert any("\x1b[31m" in n for n in full)
    print(f"\nhostile strings tried: {len(HOSTILE)} on {tried} screen visits")


async def test_the_brief_of_each_event_shows_hostile_text_literally(hostile_app) -> None:  # type: ignore[no-untyped-def]
    from netcoach.screens.brief import BriefScreen

    app = hostile_app
    events = app.store.meetings.list_events(limit=len(HOSTILE)).rows
    assert len(events) == len(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        seen = ""
        for event in events:
            await app.push_screen(BriefScreen(app.store, event.id))
            await settle(pilot)
            assert app.is_running
            shown = screen_text(app)
            assert not forbidden(shown), f"the brief of event {event.id} shows control characters"
            seen += shown
            await pilot.press("escape")
            await settle(pilot)
        assert "[@click=app.quit]Quit me[/]" in seen
        assert "␛[31mANSI red" in seen
        assert "<U+202E>RTL override" in seen
