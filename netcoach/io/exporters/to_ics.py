"""iCalendar: meetings and events as VEVENTs, in local (floating) times."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TextIO

from netcoach.core.exports import CalendarEntry
from netcoach.io.exporters.lines import escape_text, fold


def ics_text(value: str) -> str:
    return escape_text(value)


def vevent(entry: CalendarEntry, stamp: datetime) -> str:
    ends = entry.starts_at + timedelta(minutes=max(1, entry.minutes))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry.uid}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
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


def calendar(entries: Iterable[CalendarEntry], stamp: datetime | None = None) -> Iterable[str]:
    """The pieces of one VCALENDAR; local (floating) times, as the user entered them."""
    stamp = stamp or datetime.now(UTC)
    yield fold("BEGIN:VCALENDAR") + fold("VERSION:2.0")
    yield fold("PRODID:-//netcoach//netcoach//EN") + fold("CALSCALE:GREGORIAN")
    for entry in entries:
        yield vevent(entry, stamp)
    yield fold("END:VCALENDAR")


def write_calendar(entries: Iterable[CalendarEntry], out: TextIO) -> int:
    count = 0
    for piece in calendar(entries):
        out.write(piece)
        count += piece.startswith("BEGIN:VEVENT")
    return count
