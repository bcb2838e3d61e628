"""The contact list's columns and choices, the words in a row's cells, and its status line."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from netcoach.core.levels import level_name
from netcoach.core.models import ContactFilter, ContactRow, Show, SortOrder
from netcoach.core.text import noun
from netcoach.widgets.contact_table import TableColumn
from netcoach.widgets.status import clip, status_text, when_text

# When the terminal is narrow the columns ranked last go first: Title, then Company, ...
COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("Name", 18, priority=1, grow=3, most=40),
    TableColumn("Company", 16, priority=6, grow=2, most=34),
    TableColumn("Title", 14, priority=7, grow=2, most=30),
    TableColumn("Level", 15, priority=2),
    TableColumn("Last touch", 12, priority=5),
    TableColumn("Next due", 12, priority=4),
    TableColumn("Status", 10, priority=3),
)
SHOW_CHOICES = (
    ("Active", Show.ACTIVE),
    ("Overdue", Show.OVERDUE),
    ("Advisors", Show.ADVISORS),
    ("Archived", Show.ARCHIVED),
)
SORT_CHOICES = (
    ("Sort: name", SortOrder.NAME),
    ("Sort: last touch", SortOrder.LAST_INTERACTION),
    ("Sort: next due", SortOrder.NEXT_DUE),
)


def contact_cells(row: ContactRow, today: date) -> tuple[Text, ...]:
    """One contact's cells under ``COLUMNS``, dates said relative to ``today``."""
    level = f"{row.level} {level_name(row.level)}" + (" ★" if row.is_advisor else "")
    return (
        Text(clip(row.name, 60)),
        Text(clip(row.company, 50)),
        Text(clip(row.title, 40)),
        Text(level),
        Text(when_text(row.last_interaction_at, today)),
        Text(when_text(row.next_due, today) if row.next_due else "—"),
        Text("archived", style="dim") if row.archived else status_text(row.status),
    )


def list_status(
    wanted: ContactFilter, loaded_rows: int, total_rows: int, capped: bool, more: bool
) -> str:
    """How many rows are shown of how many (``total_rows`` is -1 when not counted)."""
    filtered = wanted != ContactFilter(sort=wanted.sort)
    if loaded_rows == 0 and not more:
        if wanted.search:
            return f"No contact matches “{clip(wanted.search, 40)}”."
        if filtered:
            return "No contact fits these filters."
        return "No contacts yet. Press n to add the first person you network with."
    one, many = ("match", "matches") if filtered else ("contact", "contacts")
    if total_rows >= 0:
        total = f"{total_rows:,}" + ("+" if capped else "")
        counted = 2 if capped else total_rows
        text = f"{loaded_rows:,} of {total} {noun(counted, one, many)} shown"
    else:
        text = f"{loaded_rows:,} {noun(loaded_rows, one, many)} shown"
    return text + (" · scroll for more" if more else "")
