"""The ledger's three tabs: the entries (1), each contact's balance (2), who to help back (3).

Each pane reads and shows its own rows. The entries are read a page at a time, all of
them or one contact's (``show_only``); enter on a balance or on someone to help back
asks the screen, with ``ContactChosen``, to show that contact's entries.
"""

from __future__ import annotations

from textual import on
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Select, Static

from netcoach.core import undo
from netcoach.core.ledger import Unreturned, entry_summary
from netcoach.core.text import plural
from netcoach.data.repo import Store
from netcoach.screens.give_get.pane import GiveGetPane
from netcoach.screens.give_get.rows import (
    BALANCES_COLUMNS,
    ENTRIES_COLUMNS,
    UNRETURNED_COLUMNS,
    balance_row,
    entry_row,
    unreturned_row,
)
from netcoach.widgets.list_pane import NEAR_END, PAGE_SIZE, Page, Rows
from netcoach.widgets.measured_table import MeasuredTable
from netcoach.widgets.status import clip

HELP_BACK_MONTHS = 6
# The entries' first page: the rows a screen shows and a few more (then PAGE_SIZE at a
# time). Two hundred rows cost the first visit about 20 ms to put in the table.
FIRST_PAGE = 60
HELP_BACK_CHOICES = (3, 6, 12, 24)


class ContactChosen(Message):
    """Show only this contact's entries (enter on a balance or on someone to help back)."""

    def __init__(self, contact_id: int, name: str) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.name = name


class EntriesPane(GiveGetPane):
    """Every give and get, newest first, a page at a time; or one contact's."""

    NAME = "tab-entries"
    TITLE = "Entries"
    TABLE_ID = "ledger-entries"

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.only_contact: tuple[int, str] | None = None
        """The contact (id, name) whose entries alone are listed, if one is."""
        self.first_page = FIRST_PAGE
        """How many entries the first page of the list has."""

    EAGER = True

    def parts(self) -> list[Widget]:
        return [MeasuredTable(ENTRIES_COLUMNS, id="ledger-entries"), Static("", id="ledger-status")]

    @property
    def status(self) -> Static:
        return self.query_one("#ledger-status", Static)

    def on_mount(self) -> None:
        # At least a screenful, and the rows near the end that have the next page read.
        self.first_page = max(FIRST_PAGE, self.app.size.height + NEAR_END)
        # The tab a new screen shows first: read as soon as its table is there, while
        # the rest of the screen is still being built.
        self.load(0)

    def read_page(self, offset: int) -> Page:
        contact_id = self.only_contact[0] if self.only_contact else None
        entries, total = self.store.ledger.list_entries(
            offset=offset, limit=PAGE_SIZE if offset else self.first_page, contact_id=contact_id
        )
        return Page(tuple(entries), total)

    def show_page(self, page: Page, offset: int) -> None:
        table = self.query_one("#ledger-entries", MeasuredTable)
        if offset == 0:
            table.clear()
            self.loaded = 0
        table.add_keyed_rows(entry_row(entry) for entry in page.rows)
        self.loaded += len(page.rows)
        self.total = page.total
        self.show_total()

    def show_total(self) -> None:
        if self.only_contact:
            self.status.update(
                Content.from_markup(
                    "Only [b]$name[/b]: $shown of $total · escape shows everyone",
                    name=clip(self.only_contact[1], 40),
                    shown=f"{self.loaded:,}",
                    total=plural(self.total, "entry", "entries"),
                )
            )
        elif not self.total:
            self.status.update(
                "Nothing recorded yet. Press n to record something you gave or received."
            )
        else:
            self.status.update(
                f"{self.loaded:,} of {plural(self.total, 'entry', 'entries')} shown · "
                "enter on a balance shows one contact's entries"
            )

    def show_only(self, contact_id: int, name: str) -> None:
        self.only_contact = (contact_id, name)
        self.load(0)

    def show_everyone(self) -> None:
        if self.only_contact is not None:
            self.only_contact = None
            self.load(0)

    def delete_row(self) -> None:
        """Remove the highlighted entry; ctrl+z puts it back."""
        key = self.key()
        if key is None:
            return
        ledger = self.store.ledger
        self.write(
            lambda: ledger.delete_entry(key),
            "Entry removed",
            lambda gone: undo.ledger_entry_deleted(
                gone.id, f"{entry_summary(gone)} with {gone.contact_name}"
            ),
        )


class BalancesPane(GiveGetPane):
    """Each contact's balance of given and received; enter shows their entries."""

    NAME = "tab-balances"
    TITLE = "Balances"
    TABLE_ID = "ledger-balances"

    def parts(self) -> list[Widget]:
        return [MeasuredTable(BALANCES_COLUMNS, id="ledger-balances")]

    def read_page(self, offset: int) -> Rows:
        return Rows(tuple(self.store.ledger.balances()))

    def show_page(self, page: Rows, offset: int) -> None:
        self.fill(self.query_one("#ledger-balances", MeasuredTable), map(balance_row, page.rows))
        self.loaded = self.total = page.total

    @on(DataTable.RowSelected, "#ledger-balances")
    def chosen(self, event: DataTable.RowSelected) -> None:
        choose_contact(self, event)


class HelpBackPane(GiveGetPane):
    """Who helped you and had nothing from you since, most valuable first.

    The list is read whole (for the window chosen) and shown a page at a time.
    """

    NAME = "tab-help-back"
    TITLE = "Help back"
    TABLE_ID = "ledger-unreturned"

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.months = HELP_BACK_MONTHS
        """How far back to look for help received."""
        self.people: tuple[Unreturned, ...] = ()

    def parts(self) -> list[Widget]:
        return [
            Horizontal(
                Static(
                    "Helped you, nothing from you since; most valuable first. "
                    "n: give them something. Looking back",
                    classes="ledger-hint",
                ),
                Select(
                    [(f"{n} months", n) for n in HELP_BACK_CHOICES],
                    value=HELP_BACK_MONTHS,
                    allow_blank=False,
                    id="help-back-months",
                    compact=True,
                ),
                id="help-back-row",
            ),
            MeasuredTable(UNRETURNED_COLUMNS, id="ledger-unreturned"),
        ]

    def read_page(self, offset: int) -> Rows:
        return Rows(tuple(self.store.ledger.not_helped_back(self.months)))

    def show_page(self, page: Rows, offset: int) -> None:
        self.people = page.rows
        self.total = page.total
        self.loaded = 0
        self.query_one("#ledger-unreturned", MeasuredTable).clear()
        self._show_more()

    def load(self, offset: int = 0) -> None:
        """The next page is already read: only the list from the top is read again."""
        if offset == 0:
            super().load(0)
        else:
            self._show_more()

    def _show_more(self) -> None:
        today = self.store.today()
        more = self.people[self.loaded : self.loaded + PAGE_SIZE]
        self.query_one("#ledger-unreturned", MeasuredTable).add_keyed_rows(
            unreturned_row(person, today) for person in more
        )
        self.loaded += len(more)
        self.loading_more = False

    @on(Select.Changed, "#help-back-months")
    def window_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int) and event.value != self.months:
            self.months = event.value
            self.load(0)

    @on(DataTable.RowSelected, "#ledger-unreturned")
    def chosen(self, event: DataTable.RowSelected) -> None:
        choose_contact(self, event)


def choose_contact(pane: GiveGetPane, event: DataTable.RowSelected) -> None:
    """Enter on a person: ask the screen to show only their entries."""
    key = event.row_key.value
    if key is None:
        return
    name = str(event.data_table.get_row(key)[0])
    pane.screen.post_message(ContactChosen(int(key), name))  # straight to the screen
