"""`export ics --reminders`: touches due, follow-ups and goal deadlines as all-day items with an
alarm, read back with the icalendar package; stable UIDs; items leaving once done."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netcoach.cli import main
from netcoach.core.exports import Reminder, ReminderKind
from netcoach.core.goals import GoalDraft
from netcoach.core.models import ContactDraft
from netcoach.data.db import database, open_database
from netcoach.data.repo import Store
from netcoach.io.exporters import calendar, export_to, write_export

TODAY = date(2026, 11, 23)


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.at = datetime(2026, 11, 23, 7, 30)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    db = open_database(tmp_path / "netcoach.db", tmp_path / "backups")
    yield Store(db, clock=clock)
    database.close()


def export(store: Store, reminders: bool = True) -> str:
    out = io.StringIO()
    write_export(store, "ics", out, reminders=reminders)
    return out.getvalue()


def items(text: str) -> dict[str, icalendar.Event]:
    """The VEVENTs of a calendar by UID, parsed back by the icalendar package."""
    parsed = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in parsed.walk("VEVENT")}


def by_summary(text: str) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in items(text).values()}


def add_follow_up(store: Store, contact_id: int, what: str, due: date | None, owner="me") -> int:
    with store.db.connection_context(), store.db.atomic():
        cursor = store.db.execute_sql(
            "INSERT INTO follow_up (contact_id, what, owner, due_on, created_at) "
            "VALUES (?, ?, ?, ?, '2026-11-20 10:00:00')",
            (contact_id, what, owner, due.isoformat() if due else None),
        )
        return int(cursor.lastrowid)


def network(store: Store) -> dict[str, int]:
    """An overdue touch, one due soon, one due too far ahead, follow-ups and goals."""
    ids = {}
    ids["ann"] = store.add_contact(ContactDraft(name="Ann Lee", level=3, cadence_days=14)).id
    store.log_interaction(ids["ann"], "call", when=datetime(2026, 10, 1, 9, 0))  # due Oct 15
    ids["bo"] = store.add_contact(ContactDraft(name="Bo Chen", level=4, cadence_days=5)).id
    ids["cy"] = store.add_contact(ContactDraft(name="Cy Park", level=2, cadence_days=90)).id
    ids["di"] = store.add_contact(ContactDraft(name="Di Roe", level=1)).id  # no cadence
    ids["send"] = add_follow_up(store, ids["bo"], "Send the article", date(2026, 11, 20))
    ids["intro"] = add_follow_up(store, ids["cy"], "Introduce me", date(2027, 2, 1), "them")
    add_follow_up(store, ids["cy"], "Some day", None)
    ids["goal"] = store.ledger.add_goal(
        GoalDraft("Six one-to-ones", "manual", 6, date(2026, 11, 1), date(2026, 12, 31))
    ).id
    ids["met"] = store.ledger.add_goal(
        GoalDraft("Two referrals", "manual", 2, date(2026, 11, 1), date(2026, 12, 15))
    ).id
    store.ledger.set_goal_progress(ids["met"], 2)
    return ids


def test_reminders_are_all_day_free_items_with_a_morning_alarm(store: Store) -> None:
    network(store)
    found = by_summary(export(store))
    assert set(found) == {
        "Keep in touch with Ann Lee",
        "Keep in touch with Bo Chen",
        "You owe Bo Chen: Send the article",
        "Cy Park owes you: Introduce me",
        "Goal deadline: Six one-to-ones",
    }
    days = {name: event.decoded("DTSTART") for name, event in found.items()}
    assert days == {
        "Keep in touch with Ann Lee": TODAY,  # overdue since Oct 15: on today
        "Keep in touch with Bo Chen": date(2026, 11, 28),
        "You owe Bo Chen: Send the article": TODAY,  # overdue: on today
        "Cy Park owes you: Introduce me": date(2027, 2, 1),
        "Goal deadline: Six one-to-ones": date(2026, 12, 31),
    }
    for event in found.values():
        start = event.decoded("DTSTART")
        assert type(start) is date  # VALUE=DATE, not a date-time
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event.decoded("DTEND") == start + timedelta(days=1)
        assert str(event["TRANSP"]) == "TRANSPARENT"
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        assert alarm.decoded("TRIGGER") == timedelta(hours=9)
        assert alarm["TRIGGER"].params["RELATED"] == "START"
        assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt
        assert event.decoded("SEQUENCE") > 0
    assert "Touch due 2026-10-15; last touch 2026-10-01" in str(
        found["Keep in touch with Ann Lee"]["DESCRIPTION"]
    )


def test_without_the_option_the_calendar_is_meetings_and_events_only(store: Store) -> None:
    network(store)
    assert items(export(store, reminders=False)) == {}


def test_uids_stay_the_same_across_exports_and_edits(store: Store, clock: Clock) -> None:
    ids = network(store)
    first = items(export(store))
    clock.at += timedelta(days=1, minutes=5)
    store.update_contact(
        ids["bo"], dataclasses.replace(store.get_contact(ids["bo"]).to_draft(), name="Bo Chan")
    )
    store.ledger.update_goal(
        ids["goal"],
        GoalDraft("Eight one-to-ones", "manual", 8, date(2026, 11, 1), date(2027, 1, 15)),
    )
    with store.db.connection_context():
        store.db.execute_sql("UPDATE follow_up SET what = 'Send both articles'")
    second = items(export(store))
    assert set(second) == set(first)
    assert len(set(first)) == 5 and all(uid.endswith("@netcoach") for uid in first)
    summaries = {str(e["SUMMARY"]) for e in second.values()}
    assert {"Keep in touch with Bo Chan", "Goal deadline: Eight one-to-ones"} <= summaries
    assert "You owe Bo Chan: Send both articles" in summaries
    for uid, event in second.items():
        # A later export is a later revision: a calendar importing it again updates.
        assert event.decoded("SEQUENCE") > first[uid].decoded("SEQUENCE")
        assert event["LAST-MODIFIED"].dt > first[uid]["LAST-MODIFIED"].dt
    # The overdue ones follow today.
    ann = next(e for e in second.values() if "Ann Lee" in str(e["SUMMARY"]))
    assert ann.decoded("DTSTART") == TODAY + timedelta(days=1)
    assert export(store) == export(store)  # nothing changed: the same bytes


def test_done_follow_ups_touched_contacts_and_met_goals_drop_out(store: Store) -> None:
    ids = network(store)
    before = items(export(store))
    store.meetings.complete_follow_up(ids["send"])
    store.log_interaction(ids["ann"], "coffee")  # next due in 14 days: moves
    store.log_interaction(ids["bo"], "call")  # not touched again for 5 days: moves
    store.ledger.set_goal_progress(ids["goal"], 6)
    store.update_contact(
        ids["cy"], dataclasses.replace(store.get_contact(ids["cy"]).to_draft(), cadence_days=60)
    )
    after = items(export(store))
    gone = {str(before[uid]["SUMMARY"]) for uid in set(before) - set(after)}
    assert gone == {"You owe Bo Chen: Send the article", "Goal deadline: Six one-to-ones"}
    assert set(after) <= set(before)
    moved = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in after.values()}
    assert moved["Keep in touch with Ann Lee"] == TODAY + timedelta(days=14)
    assert moved["Keep in touch with Bo Chen"] == TODAY + timedelta(days=5)
    # Touched with a cadence beyond the 30 days shown: the contact leaves the calendar.
    store.update_contact(
        ids["ann"], dataclasses.replace(store.get_contact(ids["ann"]).to_draft(), cadence_days=45)
    )
    assert "Keep in touch with Ann Lee" not in by_summary(export(store))


def test_archived_contacts_and_past_goal_deadlines_are_left_out(store: Store, clock) -> None:
    ids = network(store)
    store.contacts.set_archived(ids["bo"], True)
    clock.at = datetime(2027, 1, 2, 8, 0)
    names = set(by_summary(export(store)))
    assert "Keep in touch with Bo Chen" not in names
    assert "Goal deadline: Six one-to-ones" not in names  # its deadline has passed
    assert "Cy Park owes you: Introduce me" in names


def test_meetings_and_reminders_together_through_the_cli(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    out_file = tmp_path / "calendars" / "netcoach.ics"
    out_file.parent.mkdir()
    code = main(["--demo", "export", "ics", "--reminders", "-o", str(out_file)])
    assert code == 0
    text = out_file.read_bytes().decode("utf-8")
    parsed = items(text)
    kinds = {str(e["CATEGORIES"].cats[1]) for e in parsed.values() if "CATEGORIES" in e}
    assert kinds == {"touch", "follow_up", "goal"}
    assert any("event-" in uid for uid in parsed)  # the events are still there
    err = capsys.readouterr().err
    assert err == f"exported {len(parsed)} to {out_file}\n"
    assert main(["--home", str(home), "export", "csv", "--reminders"]) == 2
    assert "--reminders goes with export ics" in capsys.readouterr().err


# ---- the text itself: CRLF, folding by octets, escaping ------------------------------------

hostile = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
        st.sampled_from(["\\", ";", ",", ":", "\n", "\r\n", "\r", "\t", '"', "\\n", "\\,"]),
        st.sampled_from(["😀", "👩‍👩‍👧", "名刺交換", "é", "\u2028", "x" * 80, "名" * 30]),
    ),
    max_size=40,
).map("".join)


def readable(value: str) -> str:
    """What iCalendar TEXT can carry of ``value``: line breaks as LF, other controls as spaces."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(" " if (ord(c) < 0x20 and c not in "\t\n") or c == "\x7f" else c for c in value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile, hostile)
def test_hostile_text_survives_the_round_trip(summary: str, description: str) -> None:
    reminder = Reminder("touch-1-20261101T080000@netcoach", ReminderKind.TOUCH, TODAY,
                        summary, description)  # fmt: skip
    text = "".join(calendar([], datetime(2026, 11, 23, 7, 30), [reminder]))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75
    [event] = items(text).values()
    assert str(event["SUMMARY"]) == readable(summary)
    if readable(description):
        assert str(event["DESCRIPTION"]) == readable(description)
    [alarm] = event.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == readable(summary)


def test_long_names_fold_without_splitting_a_character(store: Store) -> None:
    name = "名刺交換😀, Ann; \\ Lee " * 12
    cid = store.add_contact(ContactDraft(name=name[:200].strip(), level=5, cadence_days=1)).id
    add_follow_up(store, cid, "Line one\nline two, three; four \\ five", TODAY)
    raw = export(store).encode("utf-8")
    assert raw.count(b"\r\n ") > 5
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is whole UTF-8
    found = by_summary(raw.decode("utf-8"))
    assert f"Keep in touch with {name[:200].strip()}" in found
    assert f"You owe {name[:200].strip()}: Line one\nline two, three; four \\ five" in found


def test_export_to_a_file_replaces_it_whole(store: Store, tmp_path: Path) -> None:
    network(store)
    target = tmp_path / "netcoach.ics"
    target.write_text("old", encoding="utf-8")
    count = export_to(store, "ics", target, reminders=True)
    assert count == 5 == len(items(target.read_text(encoding="utf-8")))
    assert target.stat().st_mode & 0o777 == 0o600


def test_uid_and_sequence_rules() -> None:
    from datetime import UTC

    from netcoach.core.exports import reminder_day, reminder_uid, sequence_at

    created = datetime(2026, 11, 1, 8, 0, 5, 999)
    assert reminder_uid(ReminderKind.GOAL, 7, created) == "goal-7-20261101T080005@netcoach"
    assert reminder_uid(ReminderKind.TOUCH, 7, created) != reminder_uid(
        ReminderKind.FOLLOW_UP, 7, created
    )
    assert reminder_uid(ReminderKind.TOUCH, 7, created) != reminder_uid(
        ReminderKind.TOUCH, 7, created + timedelta(seconds=1)
    )
    stamp = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
    assert sequence_at(stamp + timedelta(minutes=1)) == sequence_at(stamp) + 1
    assert 0 < sequence_at(stamp) < 2**31 - 1
    assert reminder_day(date(2026, 11, 1), TODAY) == TODAY
    assert reminder_day(date(2026, 12, 1), TODAY) == date(2026, 12, 1)
