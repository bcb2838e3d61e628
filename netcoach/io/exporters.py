"""Exports: vCard 3.0, CSV, JSON of everything, and iCalendar; each written as it is read."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from netcoach.core.exports import CalendarEntry, ExportedContact
from netcoach.core.levels import level_name
from netcoach.core.validation import format_tags
from netcoach.data.repo import Store

KINDS = ("vcard", "csv", "json", "ics")
SUFFIXES = {"vcard": ".vcf", "csv": ".csv", "json": ".json", "ics": ".ics"}
JSON_FORMAT = "netcoach-export"
JSON_VERSION = 1
FOLD_AT = 75
CRLF = "\r\n"
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "name",
    "company",
    "title",
    "emails",
    "phones",
    "url",
    "linkedin_url",
    "connected_on",
    "how_met",
    "where_met",
    "level",
    "level_name",
    "advisor",
    "keep_in_touch_days",
    "tags",
    "notes",
    "created_at",
    "last_interaction_at",
)


def export_to(store: Store, kind: str, path: Path | None, stream: TextIO | None = None) -> int:
    """Write the ``kind`` export to ``path`` (created 0600) or ``stream``; return the count."""
    if path is None:
        assert stream is not None
        return write_export(store, kind, stream)
    import os

    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(descriptor, "w", encoding="utf-8", newline="") as handle:
        return write_export(store, kind, handle)


def write_export(store: Store, kind: str, out: TextIO) -> int:
    if kind == "vcard":
        return write_vcards(store, out)
    if kind == "csv":
        return write_csv(store.exports.iter_contacts(), out)
    if kind == "json":
        return write_json(store, out)
    if kind == "ics":
        return write_calendar(store.exports.calendar_entries(), out)
    raise ValueError(f"unknown kind of export: {kind}")


# ---- vCard ---------------------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """RFC 6350 text escaping: backslash, newline, comma and semicolon."""
    return (
        value.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    if len(line) <= FOLD_AT and line.isascii():
        return line + CRLF
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_AT:
        return line + CRLF
    parts = []
    current: list[str] = []
    size = 0
    limit = FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, FOLD_AT - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts) + CRLF


def vcard(item: ExportedContact) -> str:
    """One contact as a vCard 3.0, with netcoach's own fields as X-NETCOACH-* properties."""
    c = item.contact
    given, _, family = c.name.rpartition(" ")
    if not given:
        given, family = family, ""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape_text(family)};{escape_text(given)};;;",
        f"FN:{escape_text(c.name)}",
    ]
    if c.company:
        lines.append(f"ORG:{escape_text(c.company)}")
    if c.title:
        lines.append(f"TITLE:{escape_text(c.title)}")
    lines.extend(f"EMAIL;TYPE=INTERNET:{escape_text(e)}" for e in c.emails)
    lines.extend(f"TEL:{escape_text(p)}" for p in c.phones)
    if c.url:
        lines.append(f"URL:{escape_text(c.url)}")
    if item.linkedin_url and item.linkedin_url != c.url:
        lines.append(f"X-SOCIALPROFILE;TYPE=linkedin:{escape_text(item.linkedin_url)}")
    if c.notes:
        lines.append(f"NOTE:{escape_text(c.notes)}")
    if c.tags:
        lines.append("CATEGORIES:" + ",".join(escape_text(t) for t in c.tags))
    lines.append(f"X-NETCOACH-LEVEL:{c.level}")
    lines.extend(f"X-NETCOACH-TAG:{escape_text(t)}" for t in c.tags)
    extra = (
        ("URL", c.url),
        ("HOW-MET", c.how_met),
        ("WHERE-MET", c.where_met),
        ("ADVISOR", "1" if c.is_advisor else ""),
        ("CADENCE", str(c.cadence_days or "")),
        ("CONNECTED-ON", item.connected_on.isoformat() if item.connected_on else ""),
    )
    lines.extend(f"X-NETCOACH-{name}:{escape_text(value)}" for name, value in extra if value)
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def write_vcards(store: Store, out: TextIO) -> int:
    count = 0
    for item in store.exports.iter_contacts():
        out.write(vcard(item))
        count += 1
    return count


# ---- CSV -----------------------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (prefixing a quote)."""
    return "'" + cell if cell.startswith(DANGEROUS_START) else cell


def csv_row(item: ExportedContact) -> list[str]:
    c = item.contact
    values = (
        c.name,
        c.company,
        c.title,
        "; ".join(c.emails),
        "; ".join(c.phones),
        c.url,
        item.linkedin_url,
        item.connected_on.isoformat() if item.connected_on else "",
        c.how_met,
        c.where_met,
        str(c.level),
        level_name(c.level),
        "yes" if c.is_advisor else "",
        str(c.cadence_days or ""),
        format_tags(c.tags, "; "),  # a tag holding ; , or " is in quotes, as in the form
        c.notes,
        c.created_at.isoformat(sep=" "),
        c.last_interaction_at.isoformat(sep=" ") if c.last_interaction_at else "",
    )
    return [neutralise(v) for v in values]


def write_csv(items: Iterable[ExportedContact], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator=CRLF)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for item in items:
        writer.writerow(csv_row(item))
        count += 1
    return count


# ---- JSON ----------------------------------------------------------------------------------------


def write_json(store: Store, out: TextIO, now: datetime | None = None) -> int:
    """Every table as columns and rows (see docs/json-export.md); returns the number of rows."""
    from netcoach import __version__

    header = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "schema_version": store.exports.schema_version(),
        "app_version": __version__,
        "exported_at": (now or store.clock()).replace(microsecond=0).isoformat(),
    }
    out.write("{\n")
    for key, value in header.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
    out.write('  "tables": {')
    count = 0
    for index, (table, columns, rows) in enumerate(store.exports.iter_tables()):
        out.write("," if index else "")
        out.write(f'\n    {json.dumps(table)}: {{\n      "columns": {json.dumps(columns)},\n')
        out.write('      "rows": [')
        for row_index, row in enumerate(rows):
            out.write(",\n        " if row_index else "\n        ")
            out.write(json.dumps(list(row), ensure_ascii=False))
            count += 1
        out.write("\n      ]\n    }")
    out.write("\n  }\n}\n")
    return count


# ---- iCalendar -----------------------------------------------------------------------------------


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


def default_filename(kind: str, today: date) -> str:
    return f"netcoach-{today.isoformat()}{SUFFIXES[kind]}"
