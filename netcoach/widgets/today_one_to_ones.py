"""Today: the one-to-ones on today's calendar, each with its objective."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from netcoach.core.meetings import OneToOne
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.contact_table import TableColumn
from netcoach.widgets.fitted_table import FittedTable
from netcoach.widgets.status import clip
from netcoach.widgets.today_section import TodaySection

# Narrow terminals drop the columns ranked last: Where, then Outcome.
COLUMNS = (
    TableColumn("Time", 5, priority=1),
    TableColumn("With", 18, priority=2, grow=1, most=24),
    TableColumn("Objective", 20, priority=3, grow=4, most=60),
    TableColumn("Where", 12, priority=5, grow=1, most=20),
    TableColumn("Outcome", 12, priority=4),
)


class TodayOneToOnesSection(TodaySection):
    """Today's one-to-ones; enter opens one (its agenda, then its outcome), n plans another."""

    PLACE = "Today: today's one-to-ones"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "plan", "Plan one-to-one", id="today.plan-one-to-one"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("Today's one-to-ones", classes="section-title")
        yield Static("", classes="section-note", id="today-one-to-ones-note")
        yield FittedTable(COLUMNS, id="today-one-to-ones-table")

    @classmethod
    def fetch(cls, store: Store) -> list[OneToOne]:
        return reads.one_to_ones_today(store)

    def show(self, data: object) -> None:
        assert isinstance(data, list)
        table = self.query_one(DataTable)
        table.clear()
        note = self.query_one("#today-one-to-ones-note", Static)
        table.display = bool(data)
        if not data:
            note.update("None today. n plans one (with an objective).")
            return
        note.update("enter opens one: its objective and agenda, then how it went.")
        # The same words as the One-to-ones tab: "⚑ no outcome yet" for one that is over.
        from netcoach.screens.meetings import outcome_text

        now = self.store.clock()
        for one in data:
            table.add_row(
                Text(f"{one.starts_at:%H:%M}"),
                Text(clip(one.contact_name, 24)),
                Text(clip(one.objective, 44)),
                Text(clip(one.place, 16)),
                outcome_text(one, now.date(), one.needs_outcome(now), now),
                key=str(one.id),
            )

    @on(DataTable.RowSelected)
    def open_one(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is None:
            return
        from netcoach.screens.outcome import OutcomeScreen

        self.open_then_reload(OutcomeScreen(self.store, int(event.row_key.value)))

    def action_plan(self) -> None:
        from netcoach.screens.one_to_one_form import OneToOneFormScreen

        self.open_then_reload(OneToOneFormScreen(self.store))
