"""A form that could not load its record saves nothing, says why, and loads again on ctrl+r.

And a record another copy deleted while its form was open is refused in words, with
what was typed kept, never written back. "The other copy" is a second sqlite3
connection to the same file. Each test checks the screen and the database.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from peewee import OperationalError
from textual.widgets import Input, RadioButton, Select, TextArea

from netcoach.app import NetcoachApp, create_app
from netcoach.core.goals import GoalDraft
from netcoach.core.meetings import EventDraft, OneToOneDraft
from netcoach.core.models import ContactDraft
from netcoach.drafts import draft_path
from netcoach.screens.forms import LoadFailure, SaveFailure
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle
from tests.failing import hold_write_lock, short_retry_window

DISK = "the disk could not be read or written"


def make_app(tmp_path: Path) -> NetcoachApp:
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def other_copy(app: NetcoachApp, sql: str, *params: object) -> None:
    with sqlite3.connect(app.database_path) as connection:
        connection.execute(sql, params)


def rows(app: NetcoachApp, table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(app.database_path) as connection:
        return connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def notes(app: NetcoachApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def load_failure(app: NetcoachApp) -> str:
    return str(app.screen.query_one(LoadFailure).render())


def save_failure(app: NetcoachApp) -> str:
    return str(app.screen.query_one(SaveFailure).render())


def fail_once(
    owner: object,
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    error: str = "disk I/O error",
    times: int = 1,
) -> None:
    """The next ``times`` calls of ``owner.name`` (any of its kind) fail as SQLite does with
    ``error`` (by default as an unreadable disk does)."""
    kind = type(owner)
    real = getattr(kind, name)
    calls = []

    def failing(self: object, *args: object) -> object:
        calls.append(args)
        if len(calls) <= times:
            raise OperationalError(error)
        return real(self, *args)

    monkeypatch.setattr(kind, name, failing)


def people(app: NetcoachApp) -> dict[str, int]:
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", company="Analytical", level=3))
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=1), 60, "Cafe", "Hear her plans")
    )
    event = app.store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", FIXED_NOW - timedelta(days=1), 60, people=(ada.id,))
    )
    app.store.pitches.save_profile({"intro": "I help bakers sell more bread"})
    return {"ada": ada.id, "one": one.id, "event": event.id}


# Each loading form: how to open it, which read to break, text it shows once loaded, its table.
LOADING_FORMS: list[tuple[str, Callable[[Any, dict[str, int]], Any], str, str, str]] = [
    (
        "contact",
        lambda app, ids: _screen("contact_form", "ContactFormScreen")(app.store, ids["ada"]),
        "get_contact",
        "Analytical",
        "contact",
    ),
    (
        "one-to-one plan",
        lambda app, ids: _screen("one_to_one_form", "OneToOneFormScreen")(app.store, ids["one"]),
        "meetings.get_one_to_one",
        "Cafe",
        "one_to_one",
    ),
    (
        "event",
        lambda app, ids: _screen("event_form", "EventFormScreen")(app.store, ids["event"]),
        "meetings.get_event",
        "Breakfast",
        "event",
    ),
    (
        "outcome",
        lambda app, ids: _screen("outcome", "OutcomeScreen")(app.store, ids["one"]),
        "meetings.get_one_to_one",
        "Hear her plans",
        "one_to_one",
    ),
    (
        "pitch guide",
        lambda app, ids: _screen("pitch_guide", "PitchGuideScreen")(app.store),
        "pitches.profile",
        "I help bakers sell more bread",
        "profile",
    ),
]


def _screen(module: str, name: str) -> Any:
    import importlib

    return getattr(importlib.import_module(f"netcoach.screens.{module}"), name)


def _owner(app: NetcoachApp, dotted: str) -> tuple[object, str]:
    owner: object = app.store
    *path, name = dotted.split(".")
    for part in path:
        owner = getattr(owner, part)
    return owner, name


@pytest.mark.parametrize(
    ("form_name", "opener", "read", "shown", "table"),
    LOADING_FORMS,
    ids=[form[0] for form in LOADING_FORMS],
)
async def test_a_form_whose_load_fails_saves_nothing_and_loads_on_ctrl_r(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    form_name: str,
    opener: Callable[[Any, dict[str, int]], Any],
    read: str,
    shown: str,
    table: str,
) -> None:
    app = make_app(tmp_path)
    ids = people(app)
    before = rows(app, table)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        fail_once(*_owner(app, read), monkeypatch)
        form = opener(app, ids)
        app.push_screen(form)
        await settle(pilot)
        assert load_failure(app) == (
            f"Could not load this {form_name}: {DISK}. Nothing can be saved from this form "
            "until it loads: press ctrl+r to try again, or esc to go back."
        )
        assert f"Could not load this {form_name}" in screen_text(app)
        assert shown not in screen_text(app)
        assert not form.query_one(form.LOAD_BODY).display  # no empty fields to type in
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert f"Not saved: this {form_name} could not be loaded ({DISK})." in notes(app)[-1]
        assert rows(app, table) == before

        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not form.query_one(LoadFailure).display
        assert "Could not load" not in screen_text(app)
        assert form.query_one(form.LOAD_BODY).display
        assert shown in screen_text(app)
        assert not form.has_changes()
    assert rows(app, table) == before


async def test_a_contact_whose_load_meets_a_busy_database_loads_again_on_ctrl_r(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading is not held up by another copy's write lock, so ctrl+r loads while it is
    still held; saving waits for it, says so, and saves once it is let go."""
    from netcoach.screens.contact_form import ContactFormScreen

    short_retry_window(monkeypatch)
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", company="Analytical"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = ContactFormScreen(app.store, ada.id)
        with hold_write_lock(tmp_path / "netcoach.db"):
            fail_once(app.store, "get_contact", monkeypatch, error="database is locked")
            app.push_screen(form)
            await settle(pilot)
            assert load_failure(app).startswith(
                "Could not load this contact: another netcoach is writing to the database."
            )
            assert "Load again" in screen_text(app)  # the footer offers ctrl+r
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert rows(app, "contact")[0][1:3] == ("Ada Lovelace", "Analytical")
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert form.query_one("#field-name", Input).value == "Ada Lovelace"
            assert "Load again" not in screen_text(app)
            form.query_one("#field-company", Input).value = "Analytical Engines"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert save_failure(app).startswith(
                "Not saved: another netcoach has been writing for 1 s."
            )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form
    saved = app.store.get_contact(ada.id)
    assert (saved.name, saved.company) == ("Ada Lovelace", "Analytical Engines")


async def test_a_load_that_fails_again_on_ctrl_r_says_so_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.screens.contact_form import ContactFormScreen

    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        fail_once(app.store, "get_contact", monkeypatch, times=2)
        form = ContactFormScreen(app.store, ada.id)
        app.push_screen(form)
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert f"Could not load this contact: {DISK}." in screen_text(app)
        assert len(form.query(LoadFailure)) == 1
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Could not load" not in screen_text(app)
        assert form.query_one("#field-name", Input).value == "Ada Lovelace"
    assert [row[1] for row in rows(app, "contact")] == ["Ada Lovelace"]


async def test_ctrl_s_while_a_form_is_still_loading_says_so_and_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.screens.contact_form import ContactFormScreen

    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace"))
    real = app.store.get_contact
    go_on = threading.Event()

    def slow(contact_id: int) -> object:
        go_on.wait(10)
        return real(contact_id)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app.store, "get_contact", slow)
        form = ContactFormScreen(app.store, ada.id)
        app.push_screen(form)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Still loading this contact: nothing to save yet." in notes(app)
        assert app.screen is form
        go_on.set()
        await settle(pilot)
        assert form.query_one("#field-name", Input).value == "Ada Lovelace"
    assert [row[1] for row in rows(app, "contact")] == ["Ada Lovelace"]


async def test_a_contact_deleted_before_its_form_loaded_is_said(tmp_path: Path) -> None:
    from netcoach.screens.contact_form import ContactFormScreen

    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        other_copy(app, "DELETE FROM contact WHERE id = ?", ada.id)
        app.push_screen(ContactFormScreen(app.store, ada.id))
        await settle(pilot)
        assert load_failure(app).startswith(
            "Could not load this contact: this contact was deleted in another netcoach."
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ != "ContactFormScreen"
    assert rows(app, "contact") == []


def _contact_change(form: Any) -> None:
    form.query_one("#field-company", Input).value = "Difference Engines"


def _one_to_one_change(form: Any) -> None:
    form.query_one("#field-place", Input).value = "Library"


def _event_change(form: Any) -> None:
    form.query_one("#field-place", Input).value = "Town hall"


def _outcome_change(form: Any) -> None:
    form.query_one("#outcome-achieved", RadioButton).value = True
    form.query_one("#field-learnt", TextArea).text = "She is moving to Leeds"


def _goal_change(form: Any) -> None:
    form.query_one("#goal-target", Input).value = "5"


def _ledger_change(form: Any) -> None:
    form.query_one("#entry-direction", Select).value = "given"
    form.query_one("#entry-note", Input).value = "Introduced her to the mayor"


# Each editing form: how to open it, what deletes its record, what to type, the words.
DELETED: list[tuple[str, Callable[[Any, dict[str, int]], Any], str, str, Any, str]] = [
    (
        "contact",
        lambda app, ids: _screen("contact_form", "ContactFormScreen")(app.store, ids["ada"]),
        "contact",
        "ada",
        _contact_change,
        "this contact was deleted in another netcoach",
    ),
    (
        "one-to-one plan",
        lambda app, ids: _screen("one_to_one_form", "OneToOneFormScreen")(app.store, ids["one"]),
        "one_to_one",
        "one",
        _one_to_one_change,
        "this one-to-one plan was deleted in another netcoach",
    ),
    (
        "event",
        lambda app, ids: _screen("event_form", "EventFormScreen")(app.store, ids["event"]),
        "event",
        "event",
        _event_change,
        "this event was deleted in another netcoach",
    ),
    (
        "outcome",
        lambda app, ids: _screen("outcome", "OutcomeScreen")(app.store, ids["one"]),
        "one_to_one",
        "one",
        _outcome_change,
        "this one-to-one was deleted in another netcoach",
    ),
    (
        "goal",
        lambda app, ids: _screen("goal_form", "GoalModal")(app.store, app.store.ledger.goals()[0]),
        "goal",
        "goal",
        _goal_change,
        "this goal was deleted in another netcoach",
    ),
    (
        "give & get entry",
        lambda app, ids: _screen("ledger_entry", "LedgerEntryModal")(
            app.store, contact_id=ids["ada"]
        ),
        "contact",
        "ada",
        _ledger_change,
        "the contact was deleted in another netcoach",
    ),
]


@pytest.mark.parametrize(
    ("form_name", "opener", "table", "key", "change", "words"),
    DELETED,
    ids=[form[0] for form in DELETED],
)
async def test_a_record_deleted_in_another_copy_while_its_form_is_open_is_not_written_back(
    tmp_path: Path,
    form_name: str,
    opener: Callable[[Any, dict[str, int]], Any],
    table: str,
    key: str,
    change: Callable[[Any], None],
    words: str,
) -> None:
    app = make_app(tmp_path)
    ids = people(app)
    start = FIXED_NOW.date()
    app.store.ledger.add_goal(
        GoalDraft("Three intros", "introductions", 3, start, start + timedelta(days=90))
    )
    ids["goal"] = app.store.ledger.goals()[0].id
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = opener(app, ids)
        app.push_screen(form)
        await settle(pilot)
        change(form)
        await pilot.pause()
        other_copy(app, f"DELETE FROM {table} WHERE id = ?", ids[key])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        kept = " and kept as a draft" if form.DRAFT_NAME else ""
        assert save_failure(app) == (
            f"Not saved: {words} since this form was opened. What you typed is still "
            f"here{kept}; copy what you need, then esc to leave."
        )
        assert form.has_changes()
        if form.DRAFT_NAME:
            await settle(pilot)
            assert draft_path(tmp_path, form.DRAFT_NAME, form.draft_key()).exists()
    assert all(row[0] != ids[key] for row in rows(app, table))
    assert rows(app, "ledger_entry") == []


async def test_an_archived_contact_edited_stays_archived(tmp_path: Path) -> None:
    from netcoach.screens.contact_form import ContactFormScreen

    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = ContactFormScreen(app.store, ada.id)
        app.push_screen(form)
        await settle(pilot)
        other_copy(
            app, "UPDATE contact SET archived_at = '2026-01-01 09:00:00' WHERE id = ?", ada.id
        )
        form.query_one("#field-company", Input).value = "Analytical Engines"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form
    saved = app.store.get_contact(ada.id)
    assert (saved.company, saved.archived) == ("Analytical Engines", True)
    assert app.store.count_contacts(include_archived=True) == 1
