"""The contact list itself: read a page at a time in a worker, shown, and opened with enter.

``ContactListing`` is the Contacts screen's base: it keeps the filter wanted, the rows
read so far and where the next page starts, and reads the next one as the cursor or the
view nears the end.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from netcoach.core.models import ContactFilter, ContactPage, ContactRow
from netcoach.data.contacts.search import LIST_READ
from netcoach.data.errors import Superseded
from netcoach.data.repo import Store
from netcoach.screens.contact_actions import Target
from netcoach.screens.contacts.rows import contact_cells, list_status
from netcoach.widgets.contact_table import ContactTable
from netcoach.widgets.failures import ReportsFailures

PAGE_SIZE = 60
# When a change reloads the list, it reloads as many rows as were shown, up to this many.
RELOAD_LIMIT = 2_000


class ContactListing(ReportsFailures, Screen[None]):
    """The rows of the contacts that fit the filter, read and shown one page at a time."""

    @dataclass
    class Loaded(Message, bubble=False):
        """A page of the list for ``wanted``: the first (or a reload of it) or, with
        ``append``, the next; ``keep`` is the contact to keep the cursor on."""

        page: ContactPage
        wanted: ContactFilter
        append: bool
        keep: int | None

        def can_replace(self, message: Message) -> bool:
            # A first page still waiting to be shown is stale once a newer one arrives.
            return (
                isinstance(message, ContactListing.Loaded)
                and not message.append
                and not self.append
            )

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.wanted = ContactFilter()
        self.rows: dict[int, ContactRow] = {}
        self.loaded_rows = 0
        self.total_rows = 0
        self.capped = False
        self.after: tuple[str, int] | None = None
        self.more = False
        self.loading_more = False
        # The filter whose first page the list shows; enter in the search box waits for it.
        self.shown: ContactFilter | None = None
        self.open_when_shown = False
        self.stale = True
        """Whether the list must be read again when the screen is next shown."""

    @property
    def search_text(self) -> str:
        return self.wanted.search

    # ---- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="contacts-load", exit_on_error=False)
    def load(
        self,
        wanted: ContactFilter,
        after: tuple[str, int] | None = None,
        limit: int = PAGE_SIZE,
        keep: int | None = None,
    ) -> None:
        # The worker reads the page itself. A new first page (the next key typed) cancels
        # this worker and interrupts its query if it is still running.
        try:
            page = self.store.contacts.page(
                wanted, after=after, limit=limit, kind=LIST_READ if after is None else None
            )
        except Superseded:
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(page, wanted, append=after is not None, keep=keep))

    def reload(self) -> None:
        """Load the list again as it is, keeping the selected contact and the rows shown."""
        self.stale = False
        self.loading_more = False
        self.load(
            self.wanted,
            limit=min(RELOAD_LIMIT, max(PAGE_SIZE, self.loaded_rows)),
            keep=self.selected_id(),
        )

    def set_filter(self, **changes: object) -> None:
        wanted = replace(self.wanted, **changes)  # type: ignore[arg-type]
        if wanted == self.wanted:
            # Nothing changed (the show and sort boxes say their first value as they
            # mount): the list being read or shown is already the one wanted.
            return
        self.wanted = wanted
        self.loading_more = False
        self.load(self.wanted)

    @on(Loaded)
    def show_page(self, message: Loaded) -> None:
        if message.wanted != self.wanted:
            return
        table = self.query_one("#contacts-table", ContactTable)
        today = self.store.today()
        rows = [(row.id, contact_cells(row, today)) for row in message.page.rows]
        if not message.append:
            self.shown = message.wanted
            previous = table.cursor_row
            table.replace_rows(rows)
            self.rows.clear()
            self.loaded_rows = 0
            if message.page.total >= 0:
                self.total_rows = message.page.total
                self.capped = message.page.capped
            else:
                self.total_rows = -1
        else:
            table.add_rows(rows)
        for row in message.page.rows:
            self.rows[row.id] = row
        self.loaded_rows += len(message.page.rows)
        self.after = message.page.after
        self.more = message.page.more
        self.loading_more = False
        if not message.append and table.row_count:
            target = previous
            if message.keep is not None:
                target = table.index_of(message.keep) or previous
            table.move_cursor(min(target, table.row_count - 1))
        self._show_status()
        self.refresh_bindings()
        if self.open_when_shown and self.shown == self.wanted:
            self.open_when_shown = False
            self.action_open_contact()
        self._fill_view()

    def _fill_view(self, again: bool = True) -> None:
        """Read the next page while the rows do not fill the list's height."""
        table = self.query_one("#contacts-table", ContactTable)
        if not table.size.height and again:
            # The first page can arrive before the list is laid out: look again once it is.
            self.call_after_refresh(self._fill_view, False)
        elif self.more and table.row_count < table.size.height + 5:
            self._load_more()

    def _show_status(self) -> None:
        self._set_status(self._status_text())

    def _set_status(self, text: str) -> None:
        # One fixed line (app.tcss): a new text never changes its size, so no layout.
        self.query_one("#contacts-status", Static).update(Content(text), layout=False)

    def _status_text(self) -> str:
        return list_status(self.wanted, self.loaded_rows, self.total_rows, self.capped, self.more)

    def _load_more(self) -> None:
        if self.more and not self.loading_more:
            self.loading_more = True
            self.load(self.wanted, after=self.after)

    @on(ContactTable.ColumnsChanged, "#contacts-table")
    def show_header(self, event: ContactTable.ColumnsChanged) -> None:
        self.query_one("#contacts-header", Static).update(Content(event.table.header()))

    @on(ContactTable.NearEnd, "#contacts-table")
    def scrolled_near_end(self) -> None:
        self._load_more()

    @on(ContactTable.Highlighted, "#contacts-table")
    def maybe_load_more(self, event: ContactTable.Highlighted) -> None:
        if event.row_index >= self.loaded_rows - 20:
            self._load_more()

    # ---- the highlighted contact -----------------------------------------------------------

    def selected_id(self) -> int | None:
        table = self.query_one("#contacts-table", ContactTable)
        return table.row_id_at(table.cursor_row)

    def selected_target(self) -> Target | None:
        row = self.rows.get(self.selected_id() or -1)
        if row is None:
            return None
        return Target(row.id, row.name, row.level, row.archived)

    def action_open_contact(self) -> None:
        contact_id = self.selected_id()
        if contact_id is not None:
            self.open_contact(contact_id)

    @on(ContactTable.Selected, "#contacts-table")
    def row_chosen(self, event: ContactTable.Selected) -> None:
        self.open_contact(event.row_id)

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.app.push_screen(ContactDetailScreen(self.store, contact_id))
