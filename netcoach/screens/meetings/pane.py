"""A tab of the One-to-ones screen: a status line over a table read a page at a time.

``MeetingsPane`` is a ``ListPane`` (``netcoach.widgets.list_pane``: the reading, the
paging and the highlighted row) with the One-to-ones screen's layout: its status line
and a table whose columns fit the width. Each list (``OneToOnesPane``, ``EventsPane``,
``FollowUpsPane``) says how to read a page (``read_page``) and how a row reads
(``add_row``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from netcoach.screens.meetings.rows import COLUMNS
from netcoach.widgets.fitted_table import FittedTable
from netcoach.widgets.list_pane import PAGE_SIZE, ListPane

__all__ = ["PAGE_SIZE", "MeetingsPane"]


class MeetingsPane(ListPane):
    """One list of the screen, its id the list's name (``one-to-ones`` …)."""

    GROUP = "meetings-load"
    EMPTY: ClassVar[str] = ""
    """The status line when the list is empty."""

    def compose(self) -> ComposeResult:
        yield Static("", id=f"{self.NAME}-status", classes="meetings-status")
        yield FittedTable(COLUMNS[self.NAME], id=f"{self.NAME}-table")

    @property
    def status(self) -> Static:
        return self.query_one(f"#{self.NAME}-status", Static)

    # ---- what each list says ---------------------------------------------------------------

    def add_row(self, table: DataTable[object], row: Any, now: datetime) -> None:
        raise NotImplementedError

    def clear_rows(self) -> None:
        """The list is read again from the top: forget what was kept of its rows."""

    def show_total(self) -> None:
        """The status line once a page is in."""
        if not self.total:
            self.status.update(self.EMPTY)

    def show_page(self, page: Any, offset: int) -> None:
        table = self.table
        previous = table.cursor_row
        if offset == 0:
            table.clear()
            self.loaded = 0
            self.clear_rows()
        now = self.store.clock()
        for row in page.rows:
            self.add_row(table, row, now)
        self.loaded += len(page.rows)
        self.total = page.total
        if offset == 0 and table.row_count:
            table.move_cursor(row=min(previous, table.row_count - 1))
        self.show_total()
