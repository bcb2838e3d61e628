"""The one-to-one, event, outcome and goal forms save only what was changed in them.

Each test changes the record from a second connection while the form is open, as
another netcoach would, then saves and checks the screen and the database.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, RadioButton, TextArea

from netcoach.app import NetcoachApp, create_app
from netcoach.core.goals import GoalDraft
from netcoach.core.meetings import EventDraft, OneToOneDraft, Outcome, OutcomeDraft
from netcoach.core.models import ContactDraft
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle


def other_copy(app: NetcoachApp, sql: str, *params: object) -> None:
    with sqlite3.connect(app.database_path) as connection:
        connection.execute(sql, params)


def make_app(tmp_path: Path) -> NetcoachApp:
    return create_app(tmp_path / "netcoach.db", clock=fixed_clock)


async def open_screen(pilot, screen) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.push_screen(screen)
    await settle(pilot)
    assert pilot.app.screen is screen


async def save(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_one_to_one_plan_keeps_the_other_copys_place_and_asks_about_a_clash(
    tmp_path: Path,
) -> None:
    from netcoach.screens.one_to_one_form import OneToOneFormScreen

    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=1), 60, "Cafe", "Hear her plans")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        form = OneToOneFormScreen(app.store, one.id)
        await open_screen(pilot, form)
        other_copy(app, "UPDATE one_to_one SET place = 'Library'")
        form.query_one("#field-objective", Input).value = "Ask for two introductions"
        await save(pilot)
        assert app.screen is not form
        saved = app.store.meetings.get_one_to_one(one.id)
        assert (saved.place, saved.objective) == ("Library", "Ask for two introductions")

        form = OneToOneFormScreen(app.store, one.id)
        await open_screen(pilot, form)
        other_copy(app, "UPDATE one_to_one SET objective = 'Theirs', duration_minutes = 90")
        form.query_one("#field-objective", Input).value = "Mine"
        await save(pilot)
        assert type(app.screen).__name__ == "ClashModal"
        shown = screen_text(app)
        assert "Objective" in shown and "Saved: Theirs" in shown and "Yours: Mine" in shown
        await pilot.click("#clash-all-mine")
        await settle(pilot)
        assert app.screen is not form
    saved = app.store.meetings.get_one_to_one(one.id)
    assert (saved.objective, saved.duration_minutes, saved.place) == ("Mine", 90, "Library")


async def test_event_keeps_a_person_the_other_copy_added(tmp_path: Path) -> None:
    from netcoach.screens.event_form import EventFormScreen

    app = make_app(tmp_path)
    ada, bob = (app.store.add_contact(ContactDraft(name)).id for name in ("Ada", "Bob"))
    event = app.store.meetings.add_event(
        EventDraft("Breakfast", "breakfast", FIXED_NOW - timedelta(days=1), 60, people=(ada,))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        form = EventFormScreen(app.store, event.id)
        await open_screen(pilot, form)
        other_copy(
            app, "INSERT INTO event_person (event_id, contact_id) VALUES (?, ?)", event.id, bob
        )
        other_copy(app, "UPDATE event SET notes = 'Bob knows the mayor'")
        form.query_one("#field-place", Input).value = "Town hall"
        await save(pilot)
        assert app.screen is not form
    saved = app.store.meetings.get_event(event.id)
    assert (saved.place, saved.notes) == ("Town hall", "Bob knows the mayor")
    assert sorted(p.name for p in saved.people) == ["Ada", "Bob"]


async def test_outcome_recorded_in_another_copy_is_asked_about(tmp_path: Path) -> None:
    from netcoach.screens.outcome import OutcomeScreen

    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=1), 60, "Cafe", "Hear her plans")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        form = OutcomeScreen(app.store, one.id)
        await open_screen(pilot, form)
        app.store.meetings.record_outcome(one.id, OutcomeDraft(Outcome.ACHIEVED, notes="Theirs"))
        form.query_one("#outcome-not", RadioButton).value = True
        form.query_one("#field-learnt", TextArea).text = "She is moving to Leeds"
        await save(pilot)
        assert type(app.screen).__name__ == "ClashModal"
        shown = screen_text(app)
        assert "Saved: achieved" in shown and "Yours: not" in shown
        await pilot.click("#clash-all-theirs")
        await settle(pilot)
        assert app.screen is not form
    saved = app.store.meetings.get_one_to_one(one.id)
    assert (saved.outcome, saved.notes, saved.learnt) == (
        Outcome.ACHIEVED,
        "Theirs",
        "She is moving to Leeds",
    )


async def test_goal_edit_keeps_the_other_copys_title(tmp_path: Path) -> None:
    from netcoach.screens.goal_form import GoalModal

    app = make_app(tmp_path)
    start = FIXED_NOW.date()
    app.store.ledger.add_goal(
        GoalDraft("Three intros", "introductions", 3, start, start + timedelta(days=90))
    )
    goal = app.store.ledger.goals()[0]
    async with app.run_test(size=(120, 40)) as pilot:
        form = GoalModal(app.store, goal)
        await open_screen(pilot, form)
        other_copy(app, "UPDATE goal SET title = 'Three introductions to architects'")
        form.query_one("#goal-target", Input).value = "5"
        await save(pilot)
        assert app.screen is not form
    saved = app.store.ledger.goals()[0]
    assert (saved.title, saved.target) == ("Three introductions to architects", 5)
