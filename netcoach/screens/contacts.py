"""Contacts: search-as-you-type and filters over the whole network, one page of rows at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Select, Static
from textual.worker import get_current_worker

from netcoach.core.levels import LEVELS, level_name
from netcoach.core.models import ContactFilter, ContactPage, ContactRow, Show, SortOrder
from netcoach.core.network import REASONS
from netcoach.core.text import noun
from netcoach.data.contacts.search import LIST_READ
from netcoach.data.errors import Superseded
from netcoach.data.repo import Store
from netcoach.screens.contact_actions import ContactActions, Target
from netcoach.widgets.contact_table import ContactTable, TableColumn
from netcoach.widgets.footer import Footer
from netcoach.widgets.search_box import SearchBox
from netcoach.widgets.status import clip, status_text, when_text

PAGE_SIZE = 60
# When a change reloads the list, it reloads as many rows as were shown, up to this many.
RELOAD_LIMIT = 2_000
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


class ContactsScreen(ContactActions, Screen[None]):
    """The contact list: type to search, filter, enter to open, + / - to move a level."""

    TITLE = "netcoach — Contacts"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="contacts.search", tooltip="Type to filter"),
        Binding("n", "new_contact", "New", id="contacts.new", tooltip="Add a contact"),
        Binding("enter", "open_contact", "Open", id="contacts.open", tooltip="Open the contact"),
        Binding("e", "edit_contact", "Edit", id="contacts.edit", tooltip="Edit the contact"),
        *ContactActions.ACTION_BINDINGS,
        Binding("a", "advisors", "Advisors", id="contacts.advisors", tooltip="Your board"),
        Binding(
            "S", "settings", "Settings", id="contacts.settings", tooltip="Keep-in-touch intervals"
        ),
        Binding("escape", "focus_list", "List", id="contacts.list", show=False),
        Binding("f5", "refresh", "Refresh", id="contacts.refresh", show=False),
        Binding("I", "import_contacts", "Import", id="contacts.import", tooltip="From a file"),
    ]

    TARGET_ACTIONS: ClassVar[frozenset[str]] = ContactActions.TARGET_ACTIONS | {
        "open_contact",
        "edit_contact",
    }

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
                isinstance(message, ContactsScreen.Loaded)
                and not message.append
                and not self.append
            )

    class TagsLoaded(Message):
        def __init__(self, tags: list[str]) -> None:
            super().__init__()
            self.tags = tags

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

    def compose(self) -> ComposeResult:
        # The first page loads while the screen is built and styled, not after its first
        # frame: it is ready to be drawn about when the empty list is.
        self.stale = False
        self.load(self.wanted)
        yield Header()
        yield SearchBox(
            placeholder="Search name, company, title, email, tag or notes  ( / )",
            id="contacts-search",
        )
        with Horizontal(id="contacts-filters"):
            yield Select(
                [(f"Level {level.number} {level.name}", level.number) for level in LEVELS],
                prompt="Any level",
                id="filter-level",
            )
            yield Select([], prompt="Any tag", id="filter-tag")
            yield Select(
                [(label, key) for key, label in REASONS], prompt="Any reason", id="filter-reason"
            )
            yield Select(SHOW_CHOICES, value=Show.ACTIVE, allow_blank=False, id="filter-show")
            yield Select(SORT_CHOICES, value=SortOrder.NAME, allow_blank=False, id="filter-sort")
        yield Static("", id="contacts-header")
        yield ContactTable(COLUMNS, id="contacts-table")
        yield Static("", id="contacts-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#contacts-table", ContactTable)
        self.query_one("#contacts-header", Static).update(Content(table.header()))
        table.focus()
        self.load_tags()

    def on_screen_resume(self) -> None:
        # Textual resumes a new screen twice; the list is read again only if it was left
        # (another screen or a dialog on top) since it was last read.
        if self.stale:
            self.reload()

    def on_screen_suspend(self) -> None:
        self.stale = True

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("contacts: New contact", self.action_new_contact, "Add a contact (n)"),
            ("contacts: Search", self.action_focus_search, "Filter the list as you type (/)"),
            ("contacts: Advisors", self.action_advisors, "Your informal board (a)"),
            ("contacts: Keep-in-touch settings", self.action_settings, "Intervals per level (S)"),
            ("contacts: Refresh", self.action_refresh, "Reload the list"),
        ]

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

    @work(thread=True, exclusive=True, group="contacts-tags", exit_on_error=False)
    def load_tags(self) -> None:
        self.post_message(self.TagsLoaded(self.store.contacts.tags()))

    @on(TagsLoaded)
    def show_tags(self, message: TagsLoaded) -> None:
        select = self.query_one("#filter-tag", Select)
        current = select.value
        with self.prevent(Select.Changed):
            select.set_options([(clip(tag, 30), tag) for tag in message.tags])
            if current in message.tags:
                select.value = current

    def reload(self) -> None:
        """Load the list again as it is, keeping the selected contact and the rows shown."""
        self.stale = False
        self.loading_more = False
        self.load(
            self.wanted,
            limit=min(RELOAD_LIMIT, max(PAGE_SIZE, self.loaded_rows)),
            keep=self.selected_id(),
        )

    @on(Loaded)
    def show_page(self, message: Loaded) -> None:
        if message.wanted != self.wanted:
            return
        table = self.query_one("#contacts-table", ContactTable)
        today = self.store.today()
        rows = [(row.id, self._cells(row, today)) for row in message.page.rows]
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

    def _cells(self, row: ContactRow, today: date) -> tuple[Text, ...]:
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

    def _show_status(self) -> None:
        self._set_status(self._status_text())

    def _set_status(self, text: str) -> None:
        # One fixed line (app.tcss): a new text never changes its size, so no layout.
        self.query_one("#contacts-status", Static).update(Content(text), layout=False)

    def _status_text(self) -> str:
        filtered = self.wanted != ContactFilter(sort=self.wanted.sort)
        if self.loaded_rows == 0 and not self.more:
            if self.search_text:
                return f"No contact matches “{clip(self.search_text, 40)}”."
            if filtered:
                return "No contact fits these filters."
            return "No contacts yet. Press n to add the first person you network with."
        one, many = ("match", "matches") if filtered else ("contact", "contacts")
        if self.total_rows >= 0:
            total = f"{self.total_rows:,}" + ("+" if self.capped else "")
            counted = 2 if self.capped else self.total_rows
            text = f"{self.loaded_rows:,} of {total} {noun(counted, one, many)} shown"
        else:
            text = f"{self.loaded_rows:,} {noun(self.loaded_rows, one, many)} shown"
        return text + (" · scroll for more" if self.more else "")

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

    def set_filter(self, **changes: object) -> None:
        wanted = replace(self.wanted, **changes)  # type: ignore[arg-type]
        if wanted == self.wanted:
            # Nothing changed (the show and sort boxes say their first value as they
            # mount): the list being read or shown is already the one wanted.
            return
        self.wanted = wanted
        self.loading_more = False
        self.load(self.wanted)

    @on(Input.Changed, "#contacts-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.open_when_shown = False
        self.set_filter(search=event.value)

    @on(Input.Submitted, "#contacts-search")
    def search_submitted(self) -> None:
        """Enter in the search box opens the highlighted match, once the list shows the search."""
        if self.shown == self.wanted:
            self.action_open_contact()
        else:
            self.open_when_shown = True

    @on(SearchBox.ToResults, "#contacts-search")
    def search_to_results(self) -> None:
        self.action_focus_list()

    @on(Select.Changed)
    def filter_changed(self, event: Select.Changed) -> None:
        value = None if event.select.is_blank() else event.value
        field = (event.select.id or "").removeprefix("filter-")
        if field == "show":
            self.set_filter(show=Show(value or Show.ACTIVE))
        elif field == "sort":
            self.set_filter(sort=SortOrder(value or SortOrder.NAME))
        elif field in ("level", "tag", "reason"):
            self.set_filter(**{field: value})

    # ---- actions ---------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        table = self.query_one("#contacts-table", ContactTable)
        return table.row_id_at(table.cursor_row)

    def selected_target(self) -> Target | None:
        row = self.rows.get(self.selected_id() or -1)
        if row is None:
            return None
        return Target(row.id, row.name, row.level, row.archived)

    def action_focus_search(self) -> None:
        self.query_one("#contacts-search", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#contacts-table", ContactTable).focus()

    def action_refresh(self) -> None:
        self.load_tags()
        self.reload()

    def action_new_contact(self) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        self.app.push_screen(ContactFormScreen(self.store, None))

    def action_open_contact(self) -> None:
        contact_id = self.selected_id()
        if contact_id is not None:
            self.open_contact(contact_id)

    def action_edit_contact(self) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        contact_id = self.selected_id()
        if contact_id is not None:
            self.app.push_screen(ContactFormScreen(self.store, contact_id))

    @on(ContactTable.Selected, "#contacts-table")
    def row_chosen(self, event: ContactTable.Selected) -> None:
        self.open_contact(event.row_id)

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.app.push_screen(ContactDetailScreen(self.store, contact_id))

    def action_advisors(self) -> None:
        from netcoach.screens.advisors import AdvisorsScreen

        self.app.push_screen(AdvisorsScreen(self.store))

    def action_import_contacts(self) -> None:
        self.app.action_import_contacts()

    def action_settings(self) -> None:
        from netcoach.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.store))
