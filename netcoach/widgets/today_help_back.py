"""Today: people who helped you recently whom you have not helped back yet."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from netcoach.core.ledger import Unreturned
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.contact_table import TableColumn
from netcoach.widgets.fitted_table import FittedTable
from netcoach.widgets.status import clip, when_text
from netcoach.widgets.today_section import TodaySection

# Narrow terminals drop Last first, then Business.
COLUMNS = (
    TableColumn("Name", 14, priority=1, grow=2, most=40),
    TableColumn("They gave you", 20, priority=2, grow=2, most=50),
    TableColumn("Last", 11, priority=4),
    TableColumn("Business", 12, priority=3, grow=1, most=30),
)


class HelpBackSection(TodaySection):
    """enter records something you gave the person; the card hides when nobody is waiting."""

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.people: dict[str, Unreturned] = {}

    def compose(self) -> ComposeResult:
        yield Static("Helped you; not helped back yet", classes="section-title")
        yield FittedTable(COLUMNS, id="today-help-back")

    @classmethod
    def fetch(cls, store: Store) -> tuple[list[Unreturned], int]:
        return reads.not_helped_back(store)

    def show(self, data: object) -> None:
        people, total = data if isinstance(data, tuple) else ([], 0)
        table = self.query_one(DataTable)
        table.clear()
        self.people = {str(person.contact_id): person for person in people}
        self.display = bool(people)
        if not people:
            return
        more = f" (the {len(people)} most valuable of {total:,})" if total > len(people) else ""
        self.query_one(".section-title", Static).update(
            f"Helped you; not helped back yet{more} · enter records what you give them"
        )
        today = self.store.today()
        for person in people:
            table.add_row(
                Text(clip(person.contact_name, 40)),
                Text(f"{person.received} ({', '.join(person.kinds)})"),
                Text(when_text(person.last_received, today)),
                Text(", ".join(str(money) for money in person.money) or "—"),
                key=str(person.contact_id),
            )

    @on(DataTable.RowSelected)
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        person = self.people.get(event.row_key.value or "")
        if person is None:
            return
        from netcoach.screens.ledger_entry import LedgerEntryModal

        self.open_then_reload(LedgerEntryModal(self.store, person.contact_id, "given"))
