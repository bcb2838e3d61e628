"""The Contacts screen (key ``c``): its keys, its layout, and the screens it opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Header, Select, Static

from netcoach.core.levels import LEVELS
from netcoach.core.models import Show, SortOrder
from netcoach.core.network import REASONS
from netcoach.screens.contact_actions import ContactActions
from netcoach.screens.contacts.filters import ContactFilters
from netcoach.screens.contacts.listing import ContactListing
from netcoach.screens.contacts.rows import COLUMNS, SHOW_CHOICES, SORT_CHOICES
from netcoach.widgets.contact_table import ContactTable
from netcoach.widgets.footer import Footer
from netcoach.widgets.search_box import SearchBox


class ContactsScreen(ContactActions, ContactFilters):
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

    # ContactActions, first among the bases, asks for these two; the list answers them.
    reload = ContactListing.reload
    selected_target = ContactListing.selected_target

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
            ("contacts: Settings", self.action_settings, "About you and days between touches (S)"),
            ("contacts: Refresh", self.action_refresh, "Reload the list"),
        ]

    # ---- actions ---------------------------------------------------------------------------

    def action_refresh(self) -> None:
        self.load_tags()
        self.reload()

    def action_new_contact(self) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        self.app.push_screen(ContactFormScreen(self.store, None))

    def action_edit_contact(self) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        contact_id = self.selected_id()
        if contact_id is not None:
            self.app.push_screen(ContactFormScreen(self.store, contact_id))

    def action_advisors(self) -> None:
        from netcoach.screens.advisors import AdvisorsScreen

        self.app.push_screen(AdvisorsScreen(self.store))

    def action_import_contacts(self) -> None:
        self.app.action_import_contacts()

    def action_settings(self) -> None:
        from netcoach.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.store))
