"""A tab of a screen that owns its list: read in a thread worker, a page at a time, when shown.

``ListPane`` is the shared part of the tabs of the One-to-ones and Give & get screens.
It reads its rows (``read_page``, in a worker thread, through the Store's repositories,
returning dataclasses) and posts them to itself as ``Loaded``; a newer first page
replaces an older one still waiting in the queue, and a newer read supersedes an older
one still running. Highlighting a row near the end of what is loaded reads the next page.

A pane reads when it is shown: ``reload_when_shown()`` reads now if the pane is the
tab on view, and otherwise marks it ``stale``, to be read the next time it is shown (a
pane never shown is never read). Each kind of pane says how to read a page and how to
show it (``show_page``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from textual import on
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import ContentSwitcher, DataTable, TabPane
from textual.worker import get_current_worker

from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.typed_app import UsesNetcoachApp

PAGE_SIZE = 200
# Highlighting a row this close to the end of what is loaded reads the next page.
NEAR_END = 20
# How long a page that was read waits for its pane's widgets to be made (they are made in
# a moment; the bound only keeps a pane removed meanwhile from holding its queue).
READY_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class Page:
    """A page of a list: its rows from some offset, and how many rows the whole list has."""

    rows: tuple[Any, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Rows:
    """A list read whole (it needs no paging): its rows."""

    rows: tuple[Any, ...]

    @property
    def total(self) -> int:
        return len(self.rows)


class ListPane(ReportsFailures, UsesNetcoachApp, TabPane):
    """One tab of a screen, its id ``NAME``, owning its table, its paging and its reading."""

    NAME: ClassVar[str] = ""
    """The pane's id (the tab's name), and the default prefix of its table's id."""
    TITLE: ClassVar[str] = ""
    """The tab's label."""
    TABLE_ID: ClassVar[str] = ""
    """The id of the pane's main table (the one paged and acted on); ``NAME-table`` unless set."""
    GROUP: ClassVar[str] = "list-load"
    """The start of the pane's loading worker group; the pane's id ends it."""

    class Loaded(Message):
        """A page of a pane's list was read (``offset`` 0: the list from the top)."""

        def __init__(self, which: str, page: Any, offset: int) -> None:
            super().__init__()
            self.which = which
            self.page = page
            self.offset = offset

        def can_replace(self, message: Message) -> bool:
            # A newer read of the same list from the top makes this one stale: whatever
            # this page was (the first or a next one), the newer list starts afresh.
            return (
                isinstance(message, ListPane.Loaded)
                and message.which == self.which
                and message.offset == 0
            )

    def __init__(self, store: Store) -> None:
        super().__init__(self.TITLE, id=self.NAME)
        self.store = store
        self.loaded = 0
        """How many rows of the list are in the table."""
        self.total = 0
        """How many rows the list has."""
        self.loading_more = False
        self.stale = True
        """Whether the list shown is out of date (or was never read): read it when shown."""

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one(f"#{self.TABLE_ID or self.NAME + '-table'}", DataTable)

    # ---- what each pane says ---------------------------------------------------------------

    def read_page(self, offset: int) -> Any:
        """A page of the list (in a worker thread), a dataclass for ``show_page``."""
        raise NotImplementedError

    def show_page(self, page: Any, offset: int) -> None:
        """Put a page that was read on screen; set ``loaded`` and ``total``."""
        raise NotImplementedError

    # ---- loading ---------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        """Whether the pane's widgets are mounted (a pane may mount them lazily)."""
        return True

    def build(self) -> None:
        """Make the pane's widgets if they are not made yet (for a pane that makes them lazily)."""

    async def ready(self) -> bool:
        """Make the pane's widgets if need be and wait until they are mounted.

        False if they were not there within ``READY_SECONDS`` (the pane was removed).
        """
        return True

    @property
    def on_view(self) -> bool:
        """Whether this pane is the tab shown (on whichever screen it is)."""
        switcher = self.parent
        return isinstance(switcher, ContentSwitcher) and switcher.current == self.id

    def reload_when_shown(self) -> None:
        """Read the list again: now if it is on view, else the next time it is shown."""
        if self.is_mounted and self.on_view:
            self.load(0)
        else:
            self.stale = True

    def load_if_stale(self) -> None:
        if self.stale:
            self.load(0)

    def on_show(self) -> None:
        self.load_if_stale()

    def load(self, offset: int = 0) -> None:
        """Read a page; a newer read of the same list supersedes an older one."""
        if offset == 0:
            self.stale = False
        self.run_worker(
            partial(self._read_page, offset),
            thread=True,
            exclusive=True,
            group=f"{self.GROUP}-{self.id}",
            exit_on_error=False,
        )

    def _read_page(self, offset: int) -> None:
        page = self.read_page(offset)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(self.NAME, page, offset))

    @on(Loaded)
    async def show_rows(self, message: Loaded) -> None:
        if message.which != self.NAME:
            return
        if message.offset != 0 and message.offset != self.loaded:
            return  # a next page of a list read again since
        if not await self.ready():
            self.stale = True  # its table never came: read it again when next shown
            return
        self.loading_more = False
        self.show_page(message.page, message.offset)
        self.screen.call_after_refresh(self.screen.refresh_bindings)  # some keys need a row

    @on(DataTable.RowHighlighted)
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id != (self.TABLE_ID or self.NAME + "-table"):
            return
        near_end = event.cursor_row >= self.loaded - NEAR_END
        if near_end and not self.loading_more and self.loaded < self.total:
            self.loading_more = True
            self.load(self.loaded)

    # ---- the highlighted row ---------------------------------------------------------------

    @staticmethod
    def cursor_key(table: DataTable[Any]) -> str | None:
        """The key of ``table``'s highlighted row, or None with no rows."""
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def key(self) -> int | None:
        """The highlighted row's record id in the main table, or None with no rows (or
        before the table is built)."""
        try:
            key = self.cursor_key(self.table)
        except NoMatches:
            return None
        return int(key) if key is not None else None

    def has_row(self) -> bool:
        """Whether there is a row to act on."""
        return self.key() is not None


class ReloadsOnce:
    """Mixed into a screen of list panes: ``reload()`` asked for twice at once reads once.

    Textual resumes a screen twice on its first visit, and a form's callback and the
    screen's resume come together; each asks to read again. The screen says what a
    reading is in ``reload_now``.
    """

    _reload_pending = False
    call_later: Callable[..., object]  # the screen's, declared for type checkers

    def reload(self) -> None:
        if not self._reload_pending:
            self._reload_pending = True
            self.call_later(self._reload_once)

    def _reload_once(self) -> None:
        self._reload_pending = False
        self.reload_now()

    def reload_now(self) -> None:
        """Read what the screen shows again."""
        raise NotImplementedError
