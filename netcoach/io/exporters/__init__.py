"""Exports: vCard 3.0, CSV, JSON of everything, and iCalendar; each written as it is read.

Here: ``export_to`` (a file written whole, or a stream) and ``write_export``, which hands
each kind to its module:

- ``to_vcard.py``: vCard 3.0, one card per contact; ``to_vdir.py``: a folder of cards.
- ``to_csv.py``: CSV, cells neutralised against spreadsheet formulas.
- ``to_json.py``: every table as columns and rows.
- ``to_ics.py``: iCalendar, meetings and events, and with ``reminders`` the touches due,
  follow-ups and goal deadlines as all-day items with an alarm.
- ``lines.py``: the escaping and folding vCard and iCalendar share.

``write_export`` calls each writer as this module holds it (a test replaces
``netcoach.io.exporters.write_csv``).
"""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path
from typing import TextIO

from netcoach.core.exports import Reminder
from netcoach.data.repo import Store
from netcoach.io.exporters.lines import CRLF, FOLD_AT, PRODID, escape_text, fold
from netcoach.io.exporters.to_csv import (
    CSV_COLUMNS,
    DANGEROUS_START,
    csv_row,
    neutralise,
    write_csv,
)
from netcoach.io.exporters.to_ics import (
    calendar,
    ics_text,
    reminder_event,
    vevent,
    write_calendar,
)
from netcoach.io.exporters.to_json import JSON_FORMAT, JSON_VERSION, write_json
from netcoach.io.exporters.to_vcard import (
    GAINS_PROPERTIES,
    SPECIAL,
    UNWRITABLE,
    card_text,
    vcard,
    write_vcards,
)
from netcoach.io.exporters.to_vdir import (
    ESCAPED,
    OWN_CARD_LIMIT,
    SAFE_STEM,
    FolderExport,
    card_stem,
    export_folder,
    is_folder_target,
    is_own_card,
)
from netcoach.paths import make_dirs, written_whole

KINDS = ("vcard", "csv", "json", "ics")
SUFFIXES = {"vcard": ".vcf", "csv": ".csv", "json": ".json", "ics": ".ics"}


def export_to(
    store: Store,
    kind: str,
    path: Path | None,
    stream: TextIO | None = None,
    *,
    reminders: bool = False,
) -> int:
    """Write the ``kind`` export to ``path`` or ``stream``; return the count.

    ``reminders`` (ics only) adds touches due, follow-ups and goal deadlines.

    A file is written whole under a hidden name beside ``path`` and renamed when
    complete: a failed export leaves no half file, and a file that was there stays as
    it was until it is replaced by a new 0600 file. A symbolic link, terminal or pipe
    named as ``path`` (``/dev/stdout``) is written through, as it is. Missing folders
    above ``path`` are created 0700.
    """
    if path is None:
        assert stream is not None
        return write_export(store, kind, stream, reminders=reminders)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        with path.open("w", encoding="utf-8", newline="") as handle:
            return write_export(store, kind, handle, reminders=reminders)
    make_dirs(path.parent)  # missing folders are made 0700, as for a backup
    with written_whole(path) as handle:
        return write_export(store, kind, handle, reminders=reminders)


def write_export(store: Store, kind: str, out: TextIO, *, reminders: bool = False) -> int:
    if kind == "vcard":
        return write_vcards(store, out)
    if kind == "csv":
        return write_csv(store.exports.iter_contacts(), out)
    if kind == "json":
        return write_json(store, out)
    if kind == "ics":
        stamp = store.clock().astimezone(UTC)
        due = calendar_reminders(store) if reminders else ()
        return write_calendar(store.exports.calendar_entries(), out, due, stamp)
    raise ValueError(f"unknown kind of export: {kind}")


def calendar_reminders(store: Store) -> list[Reminder]:
    """The reminders of the calendar export, as of the store's today."""
    finished = {goal.id for goal in store.ledger.goals() if goal.done}
    return store.exports.reminders(store.today(), finished)


def default_filename(kind: str, today: date) -> str:
    return f"netcoach-{today.isoformat()}{SUFFIXES[kind]}"


__all__ = [
    "CRLF",
    "CSV_COLUMNS",
    "DANGEROUS_START",
    "ESCAPED",
    "FOLD_AT",
    "GAINS_PROPERTIES",
    "JSON_FORMAT",
    "JSON_VERSION",
    "KINDS",
    "OWN_CARD_LIMIT",
    "PRODID",
    "SAFE_STEM",
    "SPECIAL",
    "SUFFIXES",
    "UNWRITABLE",
    "FolderExport",
    "calendar",
    "calendar_reminders",
    "card_stem",
    "card_text",
    "csv_row",
    "default_filename",
    "escape_text",
    "export_folder",
    "export_to",
    "fold",
    "ics_text",
    "is_folder_target",
    "is_own_card",
    "neutralise",
    "reminder_event",
    "vcard",
    "vevent",
    "write_calendar",
    "write_csv",
    "write_export",
    "write_json",
    "write_vcards",
]
