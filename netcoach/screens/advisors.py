"""Your informal board of advisors: who is on it and when you last consulted each."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from netcoach.core.levels import level_name
from netcoach.core.network import (
    ADVISORS_MAX,
    ADVISORS_MIN,
    Advisor,
    advisor_warnings,
    consulted_text,
)
from netcoach.core.text import plural
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.status import clip


class AdvisorsScreen(ReportsFailures, Browsing, Screen[None]):
    """The advisors flagged on contacts, with warnings when the board is out of shape."""

    TITLE = "netcoach — Advisors"

    CSS_PATH = "../styles/contact.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="advisors.back"),
        Binding("enter", "open_contact", "Open", id="advisors.open", show=False),
        Binding("f5", "refresh", "Refresh", id="advisors.refresh", show=False),
    ]

    class Loaded(Message):
        def __init__(self, advisors: list[Advisor]) -> None:
            super().__init__()
            self.advisors = advisors

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"Your informal board: {ADVISORS_MIN} to {ADVISORS_MAX} people at Collaborate or "
            "above whom you consult before big decisions. Flag them in a contact's form.",
            id="advisors-intro",
        )
        yield Static("", id="advisors-warnings")
        yield DataTable(id="advisors-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#advisors-table", DataTable).add_columns(
            "Name", "Company", "Level", "Last consulted"
        )
        self.query_one("#advisors-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.load()

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="advisors-load", exit_on_error=False)
    def load(self) -> None:
        advisors = self.store.contacts.advisors()
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(advisors))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        today = self.store.today()
        table = self.query_one("#advisors-table", DataTable)
        table.clear()
        for advisor in message.advisors:
            table.add_row(
                Text(clip(advisor.name, 40)),
                Text(clip(advisor.company, 30)),
                Text(
                    f"{advisor.level} {level_name(advisor.level)}",
                    style="bold red" if advisor.level < 4 else "",
                ),
                Text(consulted_text(advisor.last_consulted, today)),
                key=str(advisor.contact_id),
            )
        warnings = advisor_warnings(message.advisors)
        box = self.query_one("#advisors-warnings", Static)
        box.set_class(bool(warnings), "-warn")
        box.update(
            Text("\n".join(f"! {w}" for w in warnings))
            if warnings
            else Text(
                f"{plural(len(message.advisors), 'advisor')}, all at Collaborate or above. Good."
            )
        )

    def action_back(self) -> None:
        self.dismiss()

    def action_open_contact(self) -> None:
        table = self.query_one("#advisors-table", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key is not None:
                self.open_contact(int(key))

    @on(DataTable.RowSelected, "#advisors-table")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_contact(int(event.row_key.value))

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.app.push_screen(ContactDetailScreen(self.store, contact_id))
