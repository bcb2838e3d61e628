"""Today: follow-ups due today or overdue; x marks one done and logs a touch (ctrl+z undoes)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Static

from netcoach.core import undo
from netcoach.core.meetings import FollowUp, FollowUpStatus
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.contact_table import TableColumn
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.fitted_table import FittedTable
from netcoach.widgets.status import clip
from netcoach.widgets.today_section import TodaySection

# Narrow terminals drop the columns ranked last: Owed by, then With.
COLUMNS = (
    TableColumn("Due", 10, priority=1),
    TableColumn("Status", 9, priority=2),
    TableColumn("What", 20, priority=3, grow=2, most=50),
    TableColumn("Owed by", 7, priority=5),
    TableColumn("With", 16, priority=4, grow=1, most=24),
)


class DueFollowUpsSection(ReportsFailures, TodaySection):
    """The most overdue open follow-ups first."""

    PLACE = "Today: follow-ups due"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "complete", "Done", id="today.follow-up-done", tooltip="Mark it done"),
    ]

    class Completed(Message):
        def __init__(self, follow_up: FollowUp) -> None:
            super().__init__()
            self.follow_up = follow_up

    def compose(self) -> ComposeResult:
        yield Static("Follow-ups due", classes="section-title")
        yield Static("", classes="section-note", id="today-follow-ups-note")
        yield FittedTable(COLUMNS, id="today-follow-ups-table")

    @classmethod
    def fetch(cls, store: Store) -> tuple[list[FollowUp], int]:
        return reads.follow_ups_due(store)

    def show(self, data: object) -> None:
        assert isinstance(data, tuple)
        rows, total = data
        table = self.query_one(DataTable)
        table.clear()
        table.display = bool(rows)
        note = self.query_one("#today-follow-ups-note", Static)
        if not rows:
            note.update("Nothing due. Follow-ups come from one-to-one outcomes and events.")
            return
        more = f"the {len(rows)} most overdue of {total} · " if total > len(rows) else ""
        note.update(f"{more}x marks one done and logs a touch with the contact")
        today = self.store.today()
        for row in rows:
            status = row.status(today)
            table.add_row(
                Text(f"{row.due_on:%a} {row.due_on.day} {row.due_on:%b}" if row.due_on else "—"),
                Text(status.value, style="bold red" if status is FollowUpStatus.OVERDUE else ""),
                Text(clip(row.what, 36)),
                Text(row.owner.value),
                Text(clip(row.contact_name, 24)),
                key=str(row.id),
            )

    def action_complete(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.complete(int(key))

    @work(thread=True, group="db-write", exit_on_error=False)
    def complete(self, follow_up_id: int) -> None:
        self.post_message(self.Completed(self.store.meetings.complete_follow_up(follow_up_id)))

    @on(Completed)
    def completed(self, message: Completed) -> None:
        message.stop()
        done = message.follow_up
        self.app.push_undo(
            undo.follow_up_done(done.id, done.what, done.contact_name), screen=self.screen
        )
        self.post_message(self.Changed())
