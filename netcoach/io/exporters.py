"""Exports: vCard 3.0, CSV, JSON of everything, and iCalendar; each written as it is read."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from netcoach.core.exports import CalendarEntry, ExportedContact, contact_uid
from netcoach.core.levels import level_name
from netcoach.core.network import GAINS
from netcoach.core.validation import format_tags
from netcoach.data.repo import Store
from netcoach.paths import make_dirs, written_whole

KINDS = ("vcard", "csv", "json", "ics")
SUFFIXES = {"vcard": ".vcf", "csv": ".csv", "json": ".json", "ics": ".ics"}
JSON_FORMAT = "netcoach-export"
JSON_VERSION = 1
FOLD_AT = 75
CRLF = "\r\n"
PRODID = "PRODID:-//netcoach//netcoach//EN"
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
# The X-NETCOACH-* property of each GAINS note.
GAINS_PROPERTIES = {
    field: "GAINS-" + field.removeprefix("gains_").upper() for field, _l, _p in GAINS
}
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
    """Write the ``kind`` export to ``path`` or ``stream``; return the count.

    A file is written whole under a hidden name beside ``path`` and renamed when
    complete: a failed export leaves no half file, and a file that was there stays as
    it was until it is replaced by a new 0600 file. A symbolic link, terminal or pipe
    named as ``path`` (``/dev/stdout``) is written through, as it is.
    """
    if path is None:
        assert stream is not None
        return write_export(store, kind, stream)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        with path.open("w", encoding="utf-8", newline="") as handle:
            return write_export(store, kind, handle)
    with written_whole(path) as handle:
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


# Characters a vCard line cannot hold (RFC 6350 allows no control character but tab; a
# newline is written as \n): a NUL would make the file binary, so they are left out.
UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


# Anything escape_text or UNWRITABLE would change: most values have none of it.
SPECIAL = re.compile(r"[\\,;\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def card_text(value: str) -> str:
    """``value`` escaped for a vCard, without the control characters vCard cannot carry."""
    if SPECIAL.search(value) is None:
        return value
    return escape_text(UNWRITABLE.sub("", value))


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
    """One contact as a vCard 3.0, with netcoach's own fields as X-NETCOACH-* properties.

    Everything a contact holds is written, so ``import vcard`` reads it back
    (docs: README, "Importing and exporting"); text is kept exactly, except the
    control characters vCard cannot carry.
    """
    c = item.contact
    given, _, family = c.name.rpartition(" ")
    if not given:
        given, family = family, ""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        PRODID,
        f"UID:{card_text(item.uid or contact_uid(c.id, c.created_at))}",
        f"N:{card_text(family)};{card_text(given)};;;",
        f"FN:{card_text(c.name)}",
    ]
    if c.company:
        lines.append(f"ORG:{card_text(c.company)}")
    if c.title:
        lines.append(f"TITLE:{card_text(c.title)}")
    lines.extend(f"EMAIL;TYPE=INTERNET:{card_text(e)}" for e in c.emails)
    lines.extend(f"TEL:{card_text(p)}" for p in c.phones)
    if c.url:
        lines.append(f"URL:{card_text(c.url)}")
    if item.linkedin_url:
        lines.append(f"X-SOCIALPROFILE;TYPE=linkedin:{card_text(item.linkedin_url)}")
    if c.notes:
        lines.append(f"NOTE:{card_text(c.notes)}")
    if c.tags:
        lines.append("CATEGORIES:" + ",".join(card_text(t) for t in c.tags))
    lines.append(f"X-NETCOACH-LEVEL:{c.level}")
    extra = (
        ("URL", c.url),
        ("HOW-MET", c.how_met),
        ("WHERE-MET", c.where_met),
        ("ADVISOR", "1" if c.is_advisor else ""),
        ("CADENCE", str(c.cadence_days or "")),
        ("CONNECTED-ON", item.connected_on.isoformat() if item.connected_on else ""),
        ("CREATED", c.created_at.isoformat(sep=" ")),
        ("LAST-TOUCH", c.last_interaction_at.isoformat(sep=" ") if c.last_interaction_at else ""),
        ("ARCHIVED", item.archived_at.isoformat(sep=" ") if item.archived_at else ""),
        *((GAINS_PROPERTIES[field], getattr(c, field)) for field, _l, _p in GAINS),
    )
    lines.extend(f"X-NETCOACH-{name}:{card_text(value)}" for name, value in extra if value)
    lines.extend(f"X-NETCOACH-REASON:{reason}" for reason in c.reasons)
    for kind, phrases in (("WANT", item.wants), ("HAVE", item.haves)):
        for number, (phrase, tag) in enumerate(phrases, 1):
            if not tag:
                lines.append(f"X-NETCOACH-{kind}:{card_text(phrase)}")
                continue
            group = f"{kind.lower()}{number}"
            lines.append(f"{group}.X-NETCOACH-{kind}:{card_text(phrase)}")
            lines.append(f"{group}.X-NETCOACH-{kind}-TAG:{card_text(tag)}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def write_vcards(store: Store, out: TextIO) -> int:
    count = 0
    for item in store.exports.iter_contacts(include_archived=True):
        out.write(vcard(item))
        count += 1
    return count


# ---- vCard folder (vdir) ------------------------------------------------------------------------

# A UID that is a file name as it is (after ``urn:uuid:``); any other UID is named by its hash.
SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_@+=-]{0,99}")
ESCAPED = re.compile(r"\\(.)")
OWN_CARD_LIMIT = 1 << 20  # a card netcoach wrote is far smaller; a bigger file is not read


@dataclass(frozen=True, slots=True)
class FolderExport:
    """What ``export_folder`` did: cards written, and cards of deleted contacts removed."""

    written: int
    removed: int


def card_stem(uid: str) -> str:
    """The file name (without ``.vcf``) of the card with ``uid`` in a vdir."""
    stem = uid.removeprefix("urn:uuid:")
    if SAFE_STEM.fullmatch(stem):
        return stem
    from hashlib import sha1

    return sha1(uid.encode("utf-8")).hexdigest()[:32]


def is_folder_target(output: str) -> bool:
    """Whether ``-o output`` names a folder: one that exists, or a name ending in a slash."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def export_folder(store: Store, folder: Path) -> FolderExport:
    """Write one ``<UID>.vcf`` per contact into ``folder`` (a vdir, as khard and vdirsyncer
    read it), each whole under a hidden name and renamed when complete, each 0600.

    A missing folder is made 0700. A card of a contact still there is replaced (left as
    it is when it holds the card already, so a sync tool sees no change); once
    every card is written, a card netcoach wrote for a contact deleted since is removed.
    Any other file is left as it is (see ``is_own_card``).
    """
    make_dirs(folder)
    taken: set[str] = set()
    for item in store.exports.iter_contacts(include_archived=True):
        text = vcard(item)
        stem = card_stem(_card_uid(item))
        name, number = f"{stem}.vcf", 1
        while name.casefold() in taken:  # the same UID twice, or two names one disk sees as one
            number += 1
            name = f"{stem}-{number}.vcf"
        taken.add(name.casefold())
        if not _holds(folder / name, text):
            with written_whole(folder / name) as handle:
                handle.write(text)
    removed = 0
    if not taken:  # an empty home (a wrong --home?) never empties a folder
        return FolderExport(written=0, removed=0)
    with os.scandir(folder) as entries:
        gone = [
            Path(entry.path)
            for entry in entries
            if entry.name.casefold() not in taken and is_own_card(Path(entry.path))
        ]
    for path in gone:
        path.unlink()
        removed += 1
    return FolderExport(written=len(taken), removed=removed)


def _holds(path: Path, text: str) -> bool:
    """Whether ``path`` is a plain file holding exactly ``text``: a card that has not changed
    is not written again, so a sync tool (vdirsyncer) sees no change in it."""
    data = text.encode("utf-8")
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _card_uid(item: ExportedContact) -> str:
    return item.uid or contact_uid(item.contact.id, item.contact.created_at)


def is_own_card(path: Path) -> bool:
    """Whether ``path`` is a card netcoach wrote into a vdir, as it wrote it: a plain
    ``.vcf`` file holding one vCard with netcoach's PRODID and X-NETCOACH-LEVEL, named
    from its own UID. A card another program changed or made is not netcoach's."""
    if path.suffix != ".vcf" or path.name.startswith("."):
        return False
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > OWN_CARD_LIMIT:
            return False
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    lines = text.replace(CRLF + " ", "").split(CRLF)
    uids = [line.removeprefix("UID:") for line in lines if line.startswith("UID:")]
    if (
        lines[:3] != ["BEGIN:VCARD", "VERSION:3.0", PRODID]
        or text.count("BEGIN:VCARD") != 1
        or len(uids) != 1
        or not any(line.startswith("X-NETCOACH-LEVEL:") for line in lines)
    ):
        return False
    uid = ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], uids[0])
    stem = re.escape(card_stem(uid))
    return re.fullmatch(rf"{stem}(-[0-9]+)?\.vcf", path.name) is not None


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
