"""iCalendar: meetings and events as VEVENTs in local (floating) times, and reminders as
all-day VEVENTs with an alarm."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TextIO

from netcoach.core.exports import ALARM_TRIGGER, CalendarEntry, Reminder, sequence_at
from netcoach.io.exporters.lines import escape_text, fold

# iCalendar TEXT has no room for control characters (RFC 5545 3.3.11) beside tab and line
# breaks; any other, from an imported file say, becomes a space.
CONTROLS = {code: " " for code in (*range(0x20), 0x7F) if code not in (0x09, 0x0A, 0x0D)}


def ics_text(value: str) -> str:
    """``value`` as an iCalendar TEXT value: escaped, control characters made spaces."""
    return escape_text(value.translate(CONTROLS))


def utc(stamp: datetime) -> datetime:
    """``stamp`` in UTC; a naive one is taken as UTC already."""
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def revision(stamp: datetime) -> list[str]:
    """DTSTAMP, LAST-MODIFIED and SEQUENCE of an item written at ``stamp``.

    Without a METHOD, DTSTAMP is when the item was last revised, as LAST-MODIFIED; every
    export counts as a revision (see ``sequence_at``), so importing the file again
    replaces each UID's older copy rather than adding a second one.
    """
    at = utc(stamp).strftime("%Y%m%dT%H%M%SZ")
    return [f"DTSTAMP:{at}", f"LAST-MODIFIED:{at}", f"SEQUENCE:{sequence_at(utc(stamp))}"]


def vevent(entry: CalendarEntry, stamp: datetime) -> str:
    ends = entry.starts_at + timedelta(minutes=max(1, entry.minutes))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry.uid}",
        *revision(stamp),
        f"DTSTART:{entry.starts_at.strftime('%Y%m%dT%H%M%S')}",
        f"DTEND:{ends.strftime('%Y%m%dT%H%M%S')}",
        f"SUMMARY:{ics_text(entry.summary)}",
    ]
    if entry.description:
        lines.append(f"DESCRIPTION:{ics_text(entry.description)}")
    if entry.location:
        lines.append(f"LOCATION:{ics_text(entry.location)}")
    lines.append("END:VEVENT")
    return "".join(fold(line) for line in lines)


def reminder_event(reminder: Reminder, stamp: datetime) -> str:
    """An all-day, free (transparent) VEVENT on the reminder's day, with a display alarm.

    The alarm is relative to the start of the day (``ALARM_TRIGGER``, 9:00 that morning):
    calendar apps honour a relative trigger on an all-day item in the time zone they show
    it in, while an absolute one would have to be fixed in UTC and one at the start
    (``-PT0M``) would ring at midnight.
    """
    after = reminder.on + timedelta(days=1)
    summary = ics_text(reminder.summary)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{reminder.uid}",
        *revision(stamp),
        f"DTSTART;VALUE=DATE:{reminder.on:%Y%m%d}",
        f"DTEND;VALUE=DATE:{after:%Y%m%d}",
        f"SUMMARY:{summary}",
    ]
    if reminder.description:
        lines.append(f"DESCRIPTION:{ics_text(reminder.description)}")
    lines += [
        "TRANSP:TRANSPARENT",
        f"CATEGORIES:netcoach,{reminder.kind.value}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{summary}",
        f"TRIGGER;RELATED=START:{ALARM_TRIGGER}",
        "END:VALARM",
        "END:VEVENT",
    ]
    return "".join(fold(line) for line in lines)


def calendar(
    entries: Iterable[CalendarEntry],
    stamp: datetime | None = None,
    reminders: Iterable[Reminder] = (),
) -> Iterable[str]:
    """The pieces of one VCALENDAR; local (floating) times, as the user entered them."""
    stamp = stamp or datetime.now(UTC)
    yield fold("BEGIN:VCALENDAR") + fold("VERSION:2.0")
    yield fold("PRODID:-//netcoach//netcoach//EN") + fold("CALSCALE:GREGORIAN")
    for entry in entries:
        yield vevent(entry, stamp)
    for reminder in reminders:
        yield reminder_event(reminder, stamp)
    yield fold("END:VCALENDAR")


def write_calendar(
    entries: Iterable[CalendarEntry],
    out: TextIO,
    reminders: Iterable[Reminder] = (),
    stamp: datetime | None = None,
) -> int:
    count = 0
    for piece in calendar(entries, stamp, reminders):
        out.write(piece)
        count += piece.startswith("BEGIN:VEVENT")
    return count
