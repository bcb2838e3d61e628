"""A tab of the One-to-ones screen: a status line over a table read a page at a time.

``ListPane`` owns its table and its paging: ``load(0)`` reads the first page in a
thread worker (a newer read of the same list supersedes an older one), and
highlighting a row near the end of what is loaded reads the next page. Each list
(``OneToOnesPane``, ``EventsPane``, ``FollowUpsPane``) says how to read a page
(``read_page``) and how a row reads (``add_row``).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import DataTable, Static, TabPane
from textual.worker import get_current_worker

from netcoach.data.repo import Store
from netcoach.screens.meetings.rows import COLUMNS
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.fitted_table import FittedTable
from netcoach.widgets.typed_app import UsesNetcoachApp

PAGE_SIZE = 200


class ListPane(ReportsFailures, UsesNetcoachApp, TabPane):
    """One list of the screen, its id the list's name (``one-to-ones`` …)."""

    NAME: ClassVar[str] = ""
    """The list's name: the pane's id, and its table's and status line's prefix."""
    TITLE: ClassVar[str] = ""
    """The tab's label."""
    EMPTY: ClassVar[str] = ""
    """The status line when the list is empty."""

    class Loaded(Message):
        """A page of a list was read (``offset`` 0: the list from the top)."""

        def __init__(self, which: str, rows: tuple[object, ...], total: int, offset: int) -> None:
            super().__init__()
            self.which = which
            self.rows = rows
            self.total = total
            self.offset = offset

    def __init__(self, store: Store) -> None:
        super().__init__(self.TITLE, id=self.NAME)
        self.store = store
        self.loaded = 0
        self.total = 0
        self.loading_more = False

    def compose(self) -> ComposeResult:
        yield Static("", id=f"{self.NAME}-status", classes="meetings-status")
        yield FittedTable(COLUMNS[self.NAME], id=f"{self.NAME}-table")

    @property
    def table(self) -> DataTable[object]:
        return self.query_one(f"#{self.NAME}-table", DataTable)

    @property
    def status(self) -> Static:
        return self.query_one(f"#{self.NAME}-status", Static)

    # ---- what each list says ---------------------------------------------------------------

    def read_page(self, offset: int) -> Any:
        """A page of the list (in a worker thread): ``rows`` and ``total``."""
        raise NotImplementedError

    def add_row(self, table: DataTable[object], row: Any, now: datetime) -> None:
        raise NotImplementedError

    def clear_rows(self) -> None:
        """The list is read again from the top: forget what was kept of its rows."""

    def show_total(self) -> None:
        """The status line once a page is in."""
        if not self.total:
            self.status.update(self.EMPTY)

    # ---- loading ---------------------------------------------------------------------------

    def load(self, offset: int = 0) -> None:
        """Read a page; a newer read of the same list supersedes an older one."""
        self.run_worker(
            partial(self._read_page, offset),
            thread=True,
            exclusive=True,
            group=f"meetings-load-{self.NAME}",
            exit_on_error=False,
        )

    def _read_page(self, offset: int) -> None:
        page = self.read_page(offset)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(self.NAME, page.rows, page.total, offset))

    @on(Loaded)
    def show_rows(self, message: Loaded) -> None:
        table = self.table
        self.screen.call_after_refresh(self.screen.refresh_bindings)  # e and x need a row
        previous = table.cursor_row
        if message.offset == 0:
            table.clear()
            self.loaded = 0
            self.clear_rows()
        elif message.offset != self.loaded:
            return
        now = self.store.clock()
        for row in message.rows:
            self.add_row(table, row, now)
        self.loaded += len(message.rows)
        self.total = message.total
        self.loading_more = False
        if message.offset == 0 and table.row_count:
            table.move_cursor(row=min(previous, table.row_count - 1))
        self.show_total()

    @on(DataTable.RowHighlighted)
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        near_end = event.cursor_row >= self.loaded - 20
        if near_end and not self.loading_more and self.loaded < self.total:
            self.loading_more = True
            self.load(self.loaded)

    # ---- the highlighted row ---------------------------------------------------------------

    def key(self) -> int | None:
        """The highlighted row's record id, or None with no rows."""
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def has_row(self) -> bool:
        """Whether there is a row to act on (False before the table is built)."""
        try:
            return self.key() is not None
        except NoMatches:
            return False
