"""Contacts: search-as-you-type over the whole network, one page of rows at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from netcoach.core.levels import level_name
from netcoach.core.models import ContactPage
from netcoach.data.repo import Store
from netcoach.widgets.status import clip, status_text, when_text

PAGE_SIZE = 200


class ContactsScreen(Screen[None]):
    """The contact list: type to search, enter to open, n for a new contact."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="contacts.search", tooltip="Type to filter"),
        Binding("n", "new_contact", "New", id="contacts.new", tooltip="Add a contact"),
        Binding("enter", "open_contact", "Open", id="contacts.open", tooltip="Edit the contact"),
        Binding("escape", "focus_list", "List", id="contacts.list", show=False),
        Binding("f5", "refresh", "Refresh", id="contacts.refresh", show=False),
        Binding("I", "app.import_contacts", "Import", id="contacts.import", tooltip="From a file"),
    ]

    class Loaded(Message):
        def __init__(self, page: ContactPage, search: str, append: bool) -> None:
            super().__init__()
            self.page = page
            self.search = search
            self.append = append

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.search_text = ""
        self.loaded_rows = 0
        self.total_rows = 0
        self.loading_more = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Search name, company, title, email, tag or notes  ( / )",
            id="contacts-search",
        )
        yield DataTable(id="contacts-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="contacts-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#contacts-table", DataTable)
        table.add_column("Name", width=30, key="name")
        table.add_column("Company", width=26, key="company")
        table.add_column("Title", width=22, key="title")
        table.add_column("Level", width=15, key="level")
        table.add_column("Last touch", width=13, key="last")
        table.add_column("Status", width=10, key="status")
        table.focus()

    def on_screen_resume(self) -> None:
        self.load(self.search_text)

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("contacts: New contact", self.action_new_contact, "Add a contact (n)"),
            ("contacts: Search", self.action_focus_search, "Filter the list as you type (/)"),
            ("contacts: Refresh", self.action_refresh, "Reload the list"),
        ]

    # ---- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="contacts-load", exit_on_error=False)
    def load(self, search: str, offset: int = 0) -> None:
        page = self.store.list_contacts(search=search, offset=offset, limit=PAGE_SIZE)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(page, search, append=offset > 0))

    @on(Loaded)
    def show_page(self, message: Loaded) -> None:
        if message.search != self.search_text:
            return
        table = self.query_one("#contacts-table", DataTable)
        today = self.store.today()
        if not message.append:
            previous = table.cursor_row
            table.clear()
            self.loaded_rows = 0
        for row in message.page.rows:
            table.add_row(
                Text(clip(row.name, 60)),
                Text(clip(row.company, 50)),
                Text(clip(row.title, 40)),
                Text(f"{row.level} {level_name(row.level)}" + (" ★" if row.is_advisor else "")),
                Text(when_text(row.last_interaction_at, today)),
                status_text(row.status),
                key=str(row.id),
            )
        self.loaded_rows += len(message.page.rows)
        self.total_rows = message.page.total
        self.loading_more = False
        if not message.append and table.row_count:
            table.move_cursor(row=min(previous, table.row_count - 1))
        self._show_status()

    def _show_status(self) -> None:
        status = self.query_one("#contacts-status", Static)
        if self.total_rows == 0:
            status.update(
                f"No contact matches “{self.search_text}”."
                if self.search_text
                else "No contacts yet. Press n to add the first person you network with."
            )
            return
        found = "match" if self.search_text else "contacts"
        status.update(
            f"{self.loaded_rows:,} of {self.total_rows:,} {found} shown"
            + (" · scroll for more" if self.loaded_rows < self.total_rows else "")
        )

    @on(DataTable.RowHighlighted, "#contacts-table")
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        near_end = event.cursor_row >= self.loaded_rows - 20
        if near_end and not self.loading_more and self.loaded_rows < self.total_rows:
            self.loading_more = True
            self.load(self.search_text, self.loaded_rows)

    @on(Input.Changed, "#contacts-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.search_text = event.value
        self.loading_more = False
        self.load(self.search_text)

    @on(Input.Submitted, "#contacts-search")
    def search_submitted(self) -> None:
        self.action_focus_list()

    # ---- actions ---------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#contacts-search", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#contacts-table", DataTable).focus()

    def action_refresh(self) -> None:
        self.load(self.search_text)

    def action_new_contact(self) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        self.app.push_screen(ContactFormScreen(self.store, None), self._after_form)

    def action_open_contact(self) -> None:
        table = self.query_one("#contacts-table", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.open_contact(int(key))

    @on(DataTable.RowSelected, "#contacts-table")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_contact(int(event.row_key.value))

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        self.app.push_screen(ContactFormScreen(self.store, contact_id), self._after_form)

    def _after_form(self, saved_id: int | None) -> None:
        self.load(self.search_text)
