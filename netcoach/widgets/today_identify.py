"""Today: people met a month ago or more and still at Identify; move them to Connect, or let go.

A contact is listed when they are active, at level 1 (Identify), their time at
Identify began 30 or more days ago (their last level change, or when they were
added), and they were first met in person 30 or more days ago. Met in person means
listed at an event that has begun, a one-to-one with them held (its outcome
recorded), or a coffee, meeting or event touch logged with them; a call, email or
message is not a meeting, and an imported LinkedIn connection never met is not
listed. The rule is ``netcoach.core.meetings.follow_through``; the query is
``ContactRepo.still_at_identify``. Oldest first.

``+`` moves the highlighted contact to Connect, through the same dialog and level move
as ``+`` on a list (the reason comes filled in); ``x`` lets them go (archives them, as
on the contacts list); ``enter`` opens them. Both changes are undone with ctrl+z.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from netcoach.core import undo
from netcoach.core.meetings import CONNECT_REASON, StillAtIdentify, met_text
from netcoach.core.undo import UndoAction
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.screens.contact_actions import LevelReasonModal, Target, move_level
from netcoach.widgets.contact_table import TableColumn
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.fitted_table import FittedTable
from netcoach.widgets.status import clip
from netcoach.widgets.today_section import ContactRowsSection

CONNECT_LEVEL = 2
TITLE = "Met a month ago, still at Identify: move to Connect, or let go"
COLUMNS = (
    TableColumn("Name", 16, priority=1, grow=2, most=36),
    TableColumn("Met", 14, priority=2),
    TableColumn("Company", 14, priority=3, grow=1, most=30),
)


class ConnectReasonModal(LevelReasonModal):
    """The level-move dialog with the reason after a meeting already typed in."""

    def on_mount(self) -> None:
        field = self.query_one("#level-reason", Input)
        field.value = CONNECT_REASON
        field.cursor_position = len(CONNECT_REASON)
        field.focus()


class StillAtIdentifySection(ReportsFailures, ContactRowsSection):
    """Met in person a month or more ago and still at Identify, oldest first."""

    PLACE = "Today: met, still at Identify"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "plus", "connect", "To Connect", id="today.identify-connect", tooltip="Move to Connect"
        ),
        Binding("x", "let_go", "Let go", id="today.identify-let-go", tooltip="Archive them"),
    ]

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.rows: dict[str, StillAtIdentify] = {}

    def compose(self) -> ComposeResult:
        yield Static(TITLE, classes="section-title")
        yield Static("", classes="section-note", id="today-identify-note")
        yield FittedTable(COLUMNS, id="today-identify-table")

    @classmethod
    def fetch(cls, store: Store) -> tuple[list[StillAtIdentify], int]:
        return reads.still_at_identify(store)

    def show(self, data: object) -> None:
        assert isinstance(data, tuple)
        rows, total = data
        table = self.query_one(DataTable)
        table.clear()
        self.rows = {str(row.contact_id): row for row in rows}
        self.display = bool(rows)
        if not rows:
            return
        more = f" · and {total - len(rows)} more" if total > len(rows) else ""
        self.query_one("#today-identify-note", Static).update(
            f"+ moves to Connect · x lets go (archives) · enter opens{more}"
        )
        today = self.store.today()
        for row in rows:
            table.add_row(
                Text(clip(row.name, 36)),
                Text(met_text(row.first_met.date(), today)),
                Text(clip(row.company, 30)),
                key=str(row.contact_id),
            )

    def action_connect(self) -> None:
        row = self.current_row()
        if row is None:
            return
        target = Target(row.contact_id, row.name, 1)

        def chosen(reason: str | None) -> None:
            if reason:
                self.write_connect(target, reason)

        self.app.push_screen(ConnectReasonModal(target, CONNECT_LEVEL), chosen)

    def action_let_go(self) -> None:
        row = self.current_row()
        if row is not None:
            self.write_let_go(Target(row.contact_id, row.name, 1))

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_connect(self, target: Target, reason: str) -> None:
        from netcoach.data.errors import LevelMoveError, NotFoundError

        try:
            action = move_level(self.store, target, CONNECT_LEVEL, reason)
        except (LevelMoveError, NotFoundError) as refusal:
            self.post_message(self.Done(None, str(refusal).capitalize() + "."))
            return
        self.post_message(self.Done(action))

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_let_go(self, target: Target) -> None:
        name = self.store.contacts.set_archived(target.id, True)
        self.post_message(self.Done(undo.archive(target.id, name, True)))

    class Done(Message):
        """A move or a let-go was written (``action`` undoes it), or refused (``refusal``)."""

        def __init__(self, action: UndoAction | None, refusal: str = "") -> None:
            super().__init__()
            self.action = action
            self.refusal = refusal

    @on(Done)
    def done(self, message: Done) -> None:
        message.stop()
        if message.action is not None:
            self.app.push_undo(message.action, screen=self.screen)
        else:
            self.notify(message.refusal, severity="warning", markup=False)
        self.post_message(self.Changed())
