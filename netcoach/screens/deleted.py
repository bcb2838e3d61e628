"""Deleted give-and-get items: what was deleted from the ledger and the wants and haves,
kept so that any of it can be put back, in this session or a later one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from netcoach.core.ledger import DeletedItem
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.status import clip

SHOWN = 200


class DeletedItemsModal(ReportsFailures, ModalScreen[int]):
    """Lists deleted entries and wants/haves; enter puts the highlighted one back.

    Dismisses with how many items were put back, so the screen below can reload.
    """

    CSS_PATH = "../styles/give_get.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "put_back", "Put back", id="deleted.put-back"),
        Binding("escape", "close", "Close", id="deleted.close"),
    ]

    class Loaded(Message):
        def __init__(self, items: list[DeletedItem]) -> None:
            super().__init__()
            self.items = items

    class PutBack(Message):
        def __init__(self, item: DeletedItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.items: dict[str, DeletedItem] = {}
        self.put_back = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="deleted-box"):
            yield Static("Deleted give-and-get items", id="deleted-title")
            yield DataTable(id="deleted-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="deleted-hint")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Deleted", "Who", "What")
        self.load()

    @work(thread=True, exclusive=True, group="deleted-load", exit_on_error=False)
    def load(self) -> None:
        self.post_message(self.Loaded(self.store.ledger.deleted(SHOWN)))

    @on(Loaded)
    def show_items(self, message: Loaded) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.items = {f"{item.what}:{item.id}": item for item in message.items}
        today = self.store.today()
        for key, item in self.items.items():
            when = item.deleted_at
            day = f"{when:%H:%M}" if when.date() == today else f"{when:%d %b %Y}"
            table.add_row(
                Text(day), Text(clip(item.contact_name, 32)), Text(clip(item.summary, 60)), key=key
            )
        hint = self.query_one("#deleted-hint", Static)
        if self.items:
            hint.update("enter puts the highlighted item back · escape closes")
            table.focus()
        else:
            hint.update("Nothing deleted. Deleted entries and wants/haves wait here. escape closes")

    def action_put_back(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            self._put_back(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected)
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._put_back(event.row_key.value)

    def _put_back(self, key: str | None) -> None:
        item = self.items.pop(key or "", None)
        if item is not None:
            self.restore(item)

    @work(thread=True, group="db-write", exit_on_error=False)
    def restore(self, item: DeletedItem) -> None:
        self.store.ledger.restore_deleted(item)
        self.post_message(self.PutBack(item))

    @on(PutBack)
    def was_put_back(self, message: PutBack) -> None:
        self.put_back += 1
        self.notify(f"Put back: {message.item.summary}", markup=False)
        self.load()

    def action_close(self) -> None:
        self.dismiss(self.put_back)
