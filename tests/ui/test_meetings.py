"""One-to-ones, outcomes and follow-ups as a person uses them: on screen and in the database."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, RadioButton, Static

from netcoach.app import create_app
from netcoach.core.meetings import FollowUpDraft, OneToOneDraft, Outcome, OutcomeDraft, Owner
from netcoach.core.models import ContactDraft
from netcoach.data.tables import FollowUpRecord, OneToOneRecord
from tests.conftest import FIXED_NOW, fixed_clock, settle

HOSTILE = "[@click=app.quit]x[/]"


def make_app(tmp_path: Path):
    return create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)


def set_value(screen, selector: str, value: str) -> None:
    screen.query_one(selector, Input).value = value


async def pick_contact(pilot, text: str) -> None:
    picker_input = pilot.app.screen.query_one("#field-contact .picker-input", Input)
    picker_input.focus()
    picker_input.value = text
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_one_to_one_without_an_objective_is_refused(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=2))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "OneToOneFormScreen"
        await pick_contact(pilot, "ada")
        assert "Ada Lovelace" in str(screen.query_one("#field-contact .picked", Static).content)
        set_value(screen, "#field-when", "tomorrow 7am")
        set_value(screen, "#field-place", "Riverside café")
        await settle(pilot)
        assert "Tue 24 Nov 2026, 07:00 (tomorrow)" in str(
            screen.query_one("#hint-when", Static).content
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        error = screen.query_one("#error-objective", Static)
        assert error.has_class("-shown")
        assert "needs an objective" in str(error.content)
        with app.store.db.connection_context():
            assert OneToOneRecord.select().count() == 0

        set_value(screen, "#field-objective", "Learn who refers work to her")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingsScreen"
        table = app.screen.query_one("#one-to-ones-table", DataTable)
        assert table.row_count == 1
        assert "Learn who refers" in str(table.get_row_at(0)[2])
    one = app.store.meetings.list_one_to_ones().rows[0]
    assert one.contact_id == ada.id
    assert one.starts_at == FIXED_NOW.replace(hour=7, minute=0) + timedelta(days=1)
    assert one.objective == "Learn who refers work to her"
    assert one.duration_minutes == 60
    assert not one.is_record


async def test_bad_dates_lengths_and_contacts_are_refused_beside_the_field(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.add_contact(ContactDraft("Ada Lovelace"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "n")
        await settle(pilot)
        screen = app.screen
        set_value(screen, "#field-contact .picker-input", "Nobody Known")
        set_value(screen, "#field-when", "florp 7am")
        set_value(screen, "#field-length", "0")
        set_value(screen, "#field-objective", "Anything")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "No contact matches “Nobody Known”: check the spelling" in str(
            screen.query_one("#error-contact", Static).content
        )
        assert "“florp”" in str(screen.query_one("#hint-when", Static).content)
        assert "zero" in str(screen.query_one("#hint-length", Static).content)
        set_value(screen, "#field-when", "8:00")
        set_value(screen, "#field-length", "until 7:30")
        await settle(pilot)
        assert "before it starts" in str(screen.query_one("#hint-length", Static).content)
        set_value(screen, "#field-length", "25h")
        await settle(pilot)
        assert "Over 24 hours" in str(screen.query_one("#hint-length", Static).content)
    assert app.store.meetings.list_one_to_ones().total == 0


async def test_a_past_one_to_one_is_logged_as_a_record_then_asks_how_it_went(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    app.store.add_contact(ContactDraft("Ada Lovelace"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "n")
        await settle(pilot)
        screen = app.screen
        await pick_contact(pilot, "ada")
        set_value(screen, "#field-when", "yesterday 8am")
        set_value(screen, "#field-objective", "Hear about her plans")
        await settle(pilot)
        assert "logged as a record" in str(screen.query_one("#hint-when", Static).content)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "OutcomeScreen"
    assert app.store.meetings.list_one_to_ones().rows[0].is_record


async def test_record_an_outcome_with_two_follow_ups_and_move_to_engage(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft(HOSTILE, level=2))
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=1), 60, "[/b]", "Learn [/b] her market")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        table = app.screen.query_one("#one-to-ones-table", DataTable)
        assert "no outcome" in str(table.get_row_at(0)[4])
        assert "1 past one-to-one has no outcome" in str(
            app.screen.query_one("#one-to-ones-status", Static).content
        )
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "OutcomeScreen"
        assert "Learn [/b] her market" in str(screen.query_one("#outcome-summary", Static).content)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.query_one("#error-outcome", Static).has_class("-shown")
        screen.query_one("#outcome-achieved", RadioButton).value = True
        rows = screen.query(".follow-up-row")
        rows[0].query_one(".follow-up-what", Input).value = "Send her the pricing guide"
        rows[0].query_one(".follow-up-due", Input).value = "fri"
        rows[1].query_one(".follow-up-what", Input).value = "Introduce me to her accountant"
        screen.query_one("#field-learnt").text = "Most work comes from accountants"
        await settle(pilot)
        assert "Fri 27 Nov 2026" in str(rows[0].query_one(".date-preview", Static).content)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "EngageOfferModal"
        reason = app.screen.query_one("#engage-reason", Input)
        assert "First one-to-one on 22 Nov 2026" in reason.value
        reason.value = "Good first one-to-one"
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingsScreen"
        table = app.screen.query_one("#one-to-ones-table", DataTable)
        assert str(table.get_row_at(0)[4]) == "achieved (record)"
    saved = app.store.meetings.get_one_to_one(one.id)
    assert saved.outcome is Outcome.ACHIEVED
    assert saved.learnt == "Most work comes from accountants"
    follow_ups = app.store.meetings.follow_ups_for(one.id)
    assert [(f.what, f.owner, f.due_on) for f in follow_ups] == [
        ("Send her the pricing guide", Owner.ME, FIXED_NOW.date() + timedelta(days=4)),
        ("Introduce me to her accountant", Owner.ME, None),
    ]
    contact = app.store.get_contact(ada.id)
    assert contact.level == 3
    assert contact.last_interaction_at == FIXED_NOW - timedelta(days=1)
    change = app.store.level_history(ada.id)[0]
    assert (change.from_level, change.to_level, change.reason) == (2, 3, "Good first one-to-one")
    assert [i.kind for i in app.store.interactions(ada.id)] == ["meeting"]


async def test_complete_a_follow_up_and_the_last_interaction_moves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW - timedelta(days=20), 60, "", "Hear her plans")
    )
    app.store.meetings.record_outcome(
        one.id,
        OutcomeDraft(
            Outcome.PARTLY,
            follow_ups=(
                FollowUpDraft("Send the notes", Owner.ME, FIXED_NOW.date() - timedelta(days=2)),
            ),
        ),
    )
    before = app.store.get_contact(ada.id).last_interaction_at
    assert before == FIXED_NOW - timedelta(days=20)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#follow-ups-table", DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[1]) == "overdue"
        await pilot.press("x")
        await settle(pilot)
        assert table.row_count == 0
        await pilot.press("a")
        await settle(pilot)
        assert str(table.get_row_at(0)[1]) == "done"
        assert app.store.get_contact(ada.id).last_interaction_at == FIXED_NOW
        with app.store.db.connection_context():
            assert FollowUpRecord.get().done_at == FIXED_NOW
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert str(table.get_row_at(0)[1]) == "overdue"
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "OutcomeScreen"
        assert app.screen.one_to_one_id == one.id
    assert app.store.get_contact(ada.id).last_interaction_at == before


async def test_an_event_adds_a_new_person_met_at_identify_in_two_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=4))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "2", "n")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "EventFormScreen"
        set_value(screen, "#field-name", "Chamber lunch")
        set_value(screen, "#field-when", "yesterday 12:00")
        set_value(screen, "#field-length", "2h")
        set_value(screen, "#field-pitch", "The short version")
        picker = screen.query_one("#people-picker .picker-input", Input)
        picker.focus()
        picker.value = "Grace Hopper"
        await settle(pilot)
        await pilot.press("enter")  # no match: enter picks nothing, and adds no one
        await settle(pilot)
        assert screen.query_one("#event-people").option_count == 0
        await pilot.press("ctrl+n")  # the explicit choice: a new contact at Identify
        await settle(pilot)
        picker.value = "ada"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        people = screen.query_one("#event-people")
        assert people.option_count == 2
        row = screen.query_one(".follow-up-row")
        row.query_one(".follow-up-what", Input).value = "Send Grace the slides"
        row.query_one(".follow-up-person").value = "n:Grace Hopper"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        # The event has begun: a follow-up is offered to Ada (Grace has one); not now.
        assert type(app.screen).__name__ == "FollowThroughModal"
        assert [p.name for p in app.screen.people] == ["Ada Lovelace"]
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingsScreen"
        table = app.screen.query_one("#events-table", DataTable)
        assert table.row_count == 1
        assert "2 h" in str(app.screen.query_one("#events-status", Static).content)
    event = app.store.meetings.list_events().rows[0]
    assert (event.name, event.kind, event.duration_minutes, event.pitch) == (
        "Chamber lunch",
        "breakfast",
        120,
        "The short version",
    )
    grace = next(p for p in event.people if p.name == "Grace Hopper")
    assert grace.level == 1
    assert {p.contact_id for p in event.people} == {ada.id, grace.contact_id}
    follow_up = app.store.meetings.list_follow_ups().rows[0]
    assert (follow_up.what, follow_up.contact_id) == ("Send Grace the slides", grace.contact_id)
    assert app.store.get_contact(ada.id).last_interaction_at == event.starts_at


async def test_edit_the_plan_keeps_the_outcome(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ada = app.store.add_contact(ContactDraft("Ada Lovelace", level=3))
    one = app.store.meetings.plan_one_to_one(
        OneToOneDraft(ada.id, FIXED_NOW + timedelta(days=2), 45, "Café", "Hear her plans")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "e")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "OneToOneFormScreen"
        assert screen.query_one("#field-objective", Input).value == "Hear her plans"
        assert screen.query_one("#field-length", Input).value == "45 min"
        set_value(screen, "#field-place", "online")
        set_value(screen, "#field-length", "1h30")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "MeetingsScreen"
    saved = app.store.meetings.get_one_to_one(one.id)
    assert (saved.place, saved.duration_minutes, saved.starts_at) == (
        "online",
        90,
        one.starts_at,
    )


async def test_the_contact_picker_works_from_the_keyboard(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.add_contact(ContactDraft("Hamish Ellis", level=2))
    jones = app.store.add_contact(ContactDraft("Hamish Jones", company="Summit IT", level=5))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "n")
        await settle(pilot)
        await pilot.press(*"hami")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # down from the box is the first match
        await settle(pilot)
        picker = app.screen.query_one("#field-contact")
        assert picker.contact_id == jones.id
        assert "Hamish Jones · level 5 Inner circle" in str(
            app.screen.query_one("#field-contact .picked", Static).content
        )
        # Picking leaves the focus where it is: only tab moves on.
        assert app.screen.focused is app.screen.query_one("#field-contact .picker-input")
        await pilot.press("tab")
        assert app.screen.focused is app.screen.query_one("#field-when")
        picker.focus()
        await pilot.press("end", "backspace")
        await settle(pilot)
        assert picker.contact_id is None
        assert str(app.screen.query_one("#field-contact .picked", Static).content) == ""


async def test_the_warning_counts_the_fields_marked_in_red(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.add_contact(ContactDraft("Ada Lovelace", level=2))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "n")
        await settle(pilot)
        screen = app.screen
        await pick_contact(pilot, "ada")
        set_value(screen, "#field-when", "tomorrow 7am")
        await settle(pilot)
        await pilot.press("ctrl+s")  # only the objective is missing
        await settle(pilot)
        shown = [str(n.message) for n in app._notifications]
        assert "Please correct the field marked in red." in shown, shown
        app.clear_notifications()
        set_value(screen, "#field-when", "someday")
        await settle(pilot)
        await pilot.press("ctrl+s")  # now the time too
        await settle(pilot)
        shown = [str(n.message) for n in app._notifications]
        assert "Please correct the 2 fields marked in red." in shown, shown
        assert app.screen is screen
