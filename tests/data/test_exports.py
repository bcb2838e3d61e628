"""Exports read from the database: calendars from whichever meeting tables exist, streaming."""

from __future__ import annotations

import io
from datetime import datetime

import vobject

from netcoach.core.models import ContactDraft
from netcoach.io.exporters import write_calendar, write_export


def test_calendar_lists_planned_one_to_ones_and_events(store) -> None:
    ann = store.add_contact(ContactDraft(name="Ann [b]Lee[/b]"))
    with store.db.connection_context():
        store.db.execute_sql(
            "INSERT INTO one_to_one (id, contact_id, starts_at, duration_minutes, place, "
            "objective, created_at) VALUES (1, ?, '2026-12-01 08:00:00', 45, 'Riverside café', "
            "'Learn who her ideal client is', '2026-11-01 08:00:00')",
            (ann.id,),
        )
        store.db.execute_sql(
            "INSERT INTO one_to_one (id, contact_id, starts_at, duration_minutes, objective, "
            "outcome, created_at) VALUES (2, ?, '2026-10-01 08:00:00', 30, 'Done already', "
            "'achieved', '2026-09-01 08:00:00')",
            (ann.id,),
        )
        store.db.execute_sql(
            "INSERT INTO event (id, name, kind, starts_at, duration_minutes, place, created_at) "
            "VALUES (7, 'Thursday breakfast', 'breakfast', '2026-11-26 07:00:00', 90, "
            "'The Grand Hotel', '2026-11-01 08:00:00')"
        )
    entries = store.exports.calendar_entries()
    assert [e.uid for e in entries] == ["event-7@netcoach", "one_to_one-1@netcoach"]
    assert entries[1].summary == "One-to-one with Ann [b]Lee[/b]"
    assert entries[1].starts_at == datetime(2026, 12, 1, 8, 0)
    out = io.StringIO()
    assert write_calendar(entries, out) == 2
    calendar = vobject.readOne(out.getvalue())
    events = sorted(calendar.vevent_list, key=lambda e: e.uid.value)
    assert events[0].summary.value == "Breakfast: Thursday breakfast"
    assert events[0].location.value == "The Grand Hotel"
    assert events[1].description.value == "Learn who her ideal client is"


def test_calendar_without_meeting_tables_is_empty_but_valid(store) -> None:
    out = io.StringIO()
    assert write_export(store, "ics", out) == 0
    calendar = vobject.readOne(out.getvalue())
    assert calendar.name == "VCALENDAR"
    assert not hasattr(calendar, "vevent")


def test_contacts_are_streamed_a_page_at_a_time_in_id_order(store) -> None:
    from netcoach.data import exports

    for index in range(5):
        store.add_contact(ContactDraft(name=f"Person {index}", emails=(f"p{index}@x.example",)))
    old_page = exports.PAGE
    exports.PAGE = 2
    try:
        names = [item.contact.name for item in store.exports.iter_contacts()]
    finally:
        exports.PAGE = old_page
    assert names == [f"Person {i}" for i in range(5)]


def test_csv_export_has_a_header_and_one_row_per_contact(store) -> None:
    store.add_contact(ContactDraft(name="Ann", tags=("a", "b"), phones=("+44 1",)))
    out = io.StringIO()
    assert write_export(store, "csv", out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("name,company,title,emails,phones")
    assert "'+44 1" in lines[1] and "a; b" in lines[1]
