"""Today before a networking breakfast, on an empty database and on demo data."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from netcoach.app import create_app
from netcoach.core.models import ContactDraft
from netcoach.data.demo import generate_demo
from netcoach.screens.today import SECTIONS
from netcoach.widgets.status import clip
from tests.conftest import FIXED_NOW, fixed_clock, settle


def make_app(tmp_path: Path, demo: int = 0):
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    if demo:
        generate_demo(app.store.db, contacts=demo, now=FIXED_NOW)
    return app


async def test_today_on_an_empty_database_shows_only_the_first_steps(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        shown = {
            section_id for _w, section_id in SECTIONS if screen.query_one(f"#{section_id}").display
        }
        assert shown == {"today-levels-section", "today-first-steps"}
        text = str(screen.query_one("#today-first-steps-text", Static).content)
        assert "Three things to do first" in text
        assert "plan a one-to-one" in text


async def test_archived_contacts_alone_leave_today_empty_until_one_is_active(
    tmp_path: Path,
) -> None:
    """Today asks whether any contact is active (not a count of them all): archived ones
    alone still show the first steps; one active contact shows the cards instead."""
    app = make_app(tmp_path)
    store = app.store
    for name in ("Ann Archived", "Bob Archived"):
        store.contacts.set_archived(store.add_contact(ContactDraft(name=name)).id, True)
    assert not store.has_contacts() and store.count_contacts(include_archived=True) == 2
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#today-first-steps").display
        assert not screen.query_one("#today-pitch").display  # no pitch and nobody to pitch to
        store.add_contact(ContactDraft(name="Cy Active", level=2))
        assert store.has_contacts()
        await pilot.press("f5")
        await settle(pilot)
        assert not screen.query_one("#today-first-steps").display
        assert screen.query_one("#today-pitch").display
        pitch = str(screen.query_one("#today-pitch-text", Static).content)
        assert "No pitch yet" in pitch
        assert str(screen.query_one("#level-count-2", Static).content).startswith("1")


async def test_today_on_demo_data_before_the_breakfast(tmp_path: Path) -> None:
    app = make_app(tmp_path, demo=80)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.query_one("#today-first-steps").display
        event = str(screen.query_one("#today-next-event-text", Static).content)
        assert "Weekly breakfast club" in event
        assert "Tue 24 Nov 2026, 07:00 (tomorrow)" in event
        assert "The Grand Hotel" in event
        assert "Expected: " in event
        ones = screen.query_one("#today-one-to-ones-table", DataTable)
        assert ones.row_count == 1
        assert str(ones.get_row_at(0)[0]) == "12:30"
        today_objective = app.store.meetings.one_to_ones_on(FIXED_NOW.date())[0].objective
        assert str(ones.get_row_at(0)[2]) == clip(today_objective, 44)
        _due, total = app.store.meetings.due_follow_ups()
        follow_ups = screen.query_one("#today-follow-ups-table", DataTable)
        assert follow_ups.row_count == min(8, total) > 0
        statuses = [str(follow_ups.get_row_at(i)[1]) for i in range(follow_ups.row_count)]
        assert set(statuses) <= {"overdue", "due today"}
        assert statuses[0] == "overdue"
        assert screen.query_one("#today-overdue", DataTable).row_count > 0
        for level in range(1, 6):
            assert screen.query_one(f"#level-count-{level}", Static).display


async def test_a_follow_up_is_done_from_today_in_one_key(tmp_path: Path) -> None:
    app = make_app(tmp_path, demo=80)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#today-follow-ups-table", DataTable)
        first, before_total = app.store.meetings.due_follow_ups()
        contact_before = app.store.get_contact(first[0].contact_id).last_interaction_at
        assert contact_before is None or contact_before < FIXED_NOW
        table.focus()
        await pilot.press("x")
        await settle(pilot)
        _rows, after_total = app.store.meetings.due_follow_ups()
        assert after_total == before_total - 1
        assert app.store.get_contact(first[0].contact_id).last_interaction_at == FIXED_NOW
        assert table.row_count == min(8, after_total)
        await pilot.press("question_mark")
        await settle(pilot)
        help_table = app.screen.query_one("#help-table", DataTable)
        rows = [tuple(map(str, help_table.get_row_at(i))) for i in range(help_table.row_count)]
        assert ("x", "Done", "Today: follow-ups due") in rows


async def test_book_a_one_to_one_with_an_overdue_contact(tmp_path: Path) -> None:
    app = make_app(tmp_path, demo=80)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#today-overdue", DataTable)
        table.focus()
        await pilot.press("b")
        await settle(pilot)
        form = app.screen
        assert type(form).__name__ == "OneToOneFormScreen"
        name = str(table.get_row_at(0)[1])
        assert name in str(form.query_one("#field-contact .picked", Static).content)
        form.query_one("#field-when").value = "in 2 days 10:00"
        form.query_one("#field-objective").value = "Catch up on their plans"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
    booked = [
        o
        for o in app.store.meetings.list_one_to_ones().rows
        if o.objective == "Catch up on their plans"
    ]
    assert booked and booked[0].starts_at == FIXED_NOW.replace(hour=10, minute=0) + timedelta(
        days=2
    )


async def test_hostile_names_show_as_typed_on_today(tmp_path: Path) -> None:
    from netcoach.core.meetings import EventDraft, OneToOneDraft
    from netcoach.core.models import ContactDraft

    app = make_app(tmp_path)
    hostile = app.store.add_contact(ContactDraft("[@click=app.quit]x[/]"))
    app.store.meetings.add_event(
        EventDraft(
            "[/b] club",
            "breakfast",
            FIXED_NOW + timedelta(days=1),
            60,
            place="list[str]",
            people=(hostile.id,),
        )
    )
    app.store.meetings.plan_one_to_one(
        OneToOneDraft(hostile.id, FIXED_NOW + timedelta(hours=2), 30, "[b]", "Ask [/i] why")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        event = str(app.screen.query_one("#today-next-event-text", Static).content)
        assert "[/b] club" in event
        assert "list[str]" in event
        assert "[@click=app.quit]x[/]" in event
        ones = app.screen.query_one("#today-one-to-ones-table", DataTable)
        assert str(ones.get_row_at(0)[2]) == "Ask [/i] why"
        await pilot.press("o")
        await settle(pilot)
        assert app.is_running
        table = app.screen.query_one("#one-to-ones-table", DataTable)
        assert str(table.get_row_at(0)[1]) == "[@click=app.quit]x[/]"
