"""Today: the contacts most overdue for a touch, highest levels first."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from netcoach.core.models import ContactRow
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.status import clip, status_text, when_text
from netcoach.widgets.today_section import ContactRowsSection


class OverdueContactsSection(ContactRowsSection):
    """enter opens the contact; b books a one-to-one with them."""

    PLACE = "Today: due for a touch"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "book", "Book one-to-one", id="today.book-one-to-one"),
    ]

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.rows: dict[str, ContactRow] = {}

    def compose(self) -> ComposeResult:
        yield Static("Due for a touch", classes="section-title")
        yield DataTable(id="today-overdue", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Level", "Name", "Company", "Last touch", "Status")

    @classmethod
    def fetch(cls, store: Store) -> tuple[list[ContactRow], int]:
        return reads.overdue_contacts(store)

    def show(self, data: object) -> None:
        assert isinstance(data, tuple)
        rows, total = data
        table = self.query_one(DataTable)
        table.clear()
        self.rows = {str(row.id): row for row in rows}
        title = self.query_one(".section-title", Static)
        table.display = bool(rows)
        if not rows:
            title.update("Due for a touch: nobody is overdue. Well kept.")
            return
        more = f" (the {len(rows)} most pressing of {total:,})" if total > len(rows) else ""
        title.update(f"Due for a touch{more} · enter opens · b books a one-to-one")
        today = self.store.today()
        for row in rows:
            table.add_row(
                Text(str(row.level)),
                Text(clip(row.name, 40)),
                Text(clip(row.company, 30)),
                Text(when_text(row.last_interaction_at, today)),
                status_text(row.status),
                key=str(row.id),
            )

    def action_book(self) -> None:
        row = self.current_row()
        if row is None:
            return
        from netcoach.screens.one_to_one_form import OneToOneFormScreen

        self.open_then_reload(OneToOneFormScreen(self.store, contact=(row.id, row.name, row.level)))
