"""CSV: one row per contact, each cell safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from netcoach.core.exports import ExportedContact
from netcoach.core.levels import level_name
from netcoach.core.validation import format_tags
from netcoach.io.exporters.lines import CRLF

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
    "birthday",
    "anniversary",
    "level",
    "level_name",
    "advisor",
    "keep_in_touch_days",
    "tags",
    "notes",
    "created_at",
    "last_interaction_at",
)


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
        c.birthday.shown() if c.birthday else "",  # "17 May 1980", or "17 May" without a year
        c.anniversary.shown() if c.anniversary else "",
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
