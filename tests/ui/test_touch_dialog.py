"""The touch dialog takes a date ("yesterday 4pm") in the same field as the other forms."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from netcoach.app import NetcoachApp
from tests.conftest import FIXED_NOW, settle
from tests.ui.test_contacts import add, cursor_to, make_app, open_contacts


async def open_dialog(pilot, app: NetcoachApp, name: str) -> None:  # type: ignore[no-untyped-def]
    await open_contacts(pilot)
    cursor_to(app, name)
    await pilot.press("i")
    await settle(pilot)
    assert type(app.screen).__name__ == "InteractionModal"


def preview(app: NetcoachApp) -> Static:
    return app.screen.query_one("#interaction-when-preview", Static)


async def test_a_touch_dated_yesterday_is_logged_then(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    grace = add(app, "Grace Hopper", level=5)
    app.store.log_interaction(grace, "call", when=FIXED_NOW - timedelta(days=60))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dialog(pilot, app, "Grace Hopper")
        when = app.screen.query_one("#interaction-when", Input)
        assert when.value == "now"
        assert "today" in str(preview(app).content)
        # Focus starts on the note; the order is note → when → kind.
        note = app.screen.query_one("#interaction-note", Input)
        assert app.focused is note
        await pilot.press(*"at the station", "tab")
        assert app.focused is when
        await pilot.press("ctrl+u", *"yesterday 4pm")
        assert "Sun 22 Nov 2026, 16:00 (yesterday)" in str(preview(app).content)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#interaction-kind", OptionList)
        await pilot.press("tab")
        assert app.focused is note
        await pilot.press("up", "enter")  # up from Call wraps round to Event
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
    touch = app.store.interactions(grace)[0]
    assert (touch.kind, touch.note) == ("event", "at the station")
    assert touch.happened_at == datetime(2026, 11, 22, 16, 0)
    contact = app.store.get_contact(grace)
    assert contact.last_interaction_at == datetime(2026, 11, 22, 16, 0)
    assert contact.next_due_on == date(2026, 12, 6)  # 14 days at Inner circle


async def test_enter_at_once_logs_the_touch_now(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = add(app, "Ada Lovelace", level=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot, app, "Ada Lovelace")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
    touch = app.store.interactions(ada)[0]
    assert (touch.kind, touch.happened_at) == ("call", FIXED_NOW)
    assert app.store.get_contact(ada).next_due_on == date(2027, 1, 22)  # 60 days at Engage


async def test_a_date_to_come_or_unreadable_is_refused_in_place(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = add(app, "Ada Lovelace", level=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot, app, "Ada Lovelace")
        await pilot.press("tab", "ctrl+u", *"fri", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "InteractionModal"
        shown = str(preview(app).content)
        assert "Fri 27 Nov 2026" in shown and "still to come" in shown
        assert preview(app).has_class("-error")
        assert app.focused is app.screen.query_one("#interaction-when", Input)
        await pilot.press("ctrl+u", *"the day after never", "tab", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "InteractionModal"
        assert "Could not read" in str(preview(app).content)
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactsScreen"
    assert app.store.interactions(ada) == []
    assert app.store.get_contact(ada).last_interaction_at is None


def test_the_repository_refuses_a_touch_still_to_come(store) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from netcoach.core.models import ContactDraft
    from netcoach.data.errors import ValidationError

    ada = store.add_contact(ContactDraft(name="Ada", level=3)).id
    with pytest.raises(ValidationError, match="still to come"):
        store.log_interaction(ada, "call", when=FIXED_NOW + timedelta(minutes=1))
    with pytest.raises(ValidationError, match="at most 2,000"):
        store.log_interaction(ada, "call", note="x" * 2_001)
    assert store.interactions(ada) == []
    store.log_interaction(ada, "call", when=FIXED_NOW)
    assert [t.happened_at for t in store.interactions(ada)] == [FIXED_NOW]
