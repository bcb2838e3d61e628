"""LinkedIn's Connections.csv: some lines of notes, the header, then one row per connection."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from netcoach.core.imports import ImportedContact, normalise_linkedin
from netcoach.core.text import noun, plural
from netcoach.io.readers.csv_rows import HEADER_SEARCH_ROWS, clean, csv_rows, header_key
from netcoach.io.text import ImportFileError

MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def parse_connected_on(text: str) -> date | None:
    """LinkedIn's ``01 Jan 2024`` (and ISO or US dates from older exports); None if unreadable."""
    value = text.strip()
    if not value:
        return None
    parts = value.replace("-", " ").split()
    if len(parts) == 3 and parts[1][:3].casefold() in MONTHS and parts[0].isdigit():
        try:
            return date(int(parts[2]), MONTHS[parts[1][:3].casefold()], int(parts[0]))
        except ValueError:
            return None
    for pattern in ("%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def read_linkedin(path: Path, notices: list[str]) -> Iterator[ImportedContact]:
    """LinkedIn's Connections.csv: notes first, then the header, then one row per connection."""
    rows = csv_rows(path, notices)
    columns: dict[str, int] | None = None
    for number, row in rows:
        keys = [header_key(cell) for cell in row]
        if (
            "first name" in keys
            and "last name" in keys
            and ("url" in keys or "connected on" in keys or "email address" in keys)
        ):
            columns = {key: index for index, key in reversed(list(enumerate(keys)))}
            break
        if number > HEADER_SEARCH_ROWS:
            break
    if columns is None:
        raise ImportFileError(
            path,
            "line 1",
            "no LinkedIn header (First Name, Last Name, URL, …) in the first "
            f"{HEADER_SEARCH_ROWS} lines; is this Connections.csv?",
        )

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    unreadable_dates = 0
    for number, row in rows:
        if not "".join(row).strip():  # a blank row
            continue
        name = clean(f"{cell(row, 'first name')} {cell(row, 'last name')}")
        url = cell(row, "url")
        connected_text = cell(row, "connected on")
        connected = parse_connected_on(connected_text)
        if connected_text and connected is None:
            unreadable_dates += 1
        email = cell(row, "email address")
        yield ImportedContact(
            name=name,
            company=clean(cell(row, "company")),
            title=clean(cell(row, "position")),
            emails=(email,) if email else (),
            url=url,
            linkedin_url=normalise_linkedin(url),
            connected_on=connected,
            how_met="LinkedIn",
            where=f"line {number}",
        )
    if unreadable_dates:
        notices.append(
            f"{plural(unreadable_dates, 'connection date')} could not be read"
            f" and {noun(unreadable_dates, 'was', 'were')} left blank"
        )
