"""The three lists of the One-to-ones screen, each a pane that reads and shows its rows.

Choosing a row (enter) is the pane's to handle too: a one-to-one opens its outcome,
an event its form, a follow-up where it came from. The screen owns the keys and the
forms; a pane asks for one with a message (``OutcomeWanted``, ``EventWanted``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.widgets import DataTable

from netcoach.core import undo
from netcoach.core.meetings import Event, FollowUp, OneToOne
from netcoach.core.text import plural
from netcoach.core.when import describe_length
from netcoach.screens.meetings.pane import PAGE_SIZE, MeetingsPane
from netcoach.screens.meetings.rows import follow_up_text, outcome_text, short_when
from netcoach.widgets.status import clip


class OutcomeWanted(Message):
    """Open the outcome of this one-to-one (to record it, or to see it)."""

    def __init__(self, one_to_one_id: int) -> None:
        super().__init__()
        self.one_to_one_id = one_to_one_id


class EventWanted(Message):
    """Open this event's form."""

    def __init__(self, event_id: int) -> None:
        super().__init__()
        self.event_id = event_id


class OneToOnesPane(MeetingsPane):
    """One-to-ones, newest first, with their outcomes; enter records or shows one."""

    NAME = "one-to-ones"
    TITLE = "One-to-ones (1)"
    EMPTY = "No one-to-ones yet. Press n to plan one, with an objective."

    def read_page(self, offset: int) -> Any:
        return self.store.meetings.list_one_to_ones(offset=offset, limit=PAGE_SIZE)

    def add_row(self, table: DataTable[object], row: OneToOne, now: datetime) -> None:
        table.add_row(
            Text(short_when(row.starts_at)),
            Text(clip(row.contact_name, 30)),
            Text(clip(row.objective, 36)),
            Text(clip(row.place, 14)),
            outcome_text(row, now.date(), row.needs_outcome(now), now),
            key=str(row.id),
        )

    @on(DataTable.RowSelected)
    def chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(OutcomeWanted(int(event.row_key.value)))


class EventsPane(MeetingsPane):
    """Networking events, newest first; enter opens one's form."""

    NAME = "events"
    TITLE = "Events (2)"
    EMPTY = "No events yet. Press n to add the next meeting you go to."

    def read_page(self, offset: int) -> Any:
        return self.store.meetings.list_events(offset=offset, limit=PAGE_SIZE)

    def add_row(self, table: DataTable[object], row: Event, now: datetime) -> None:
        people = ", ".join(p.name for p in row.people)
        table.add_row(
            Text(short_when(row.starts_at)),
            Text(clip(row.name, 26)),
            Text(row.kind),
            Text(clip(row.place, 16)),
            Text(describe_length(timedelta(minutes=row.duration_minutes))),
            Text(clip(f"{len(row.people)}: {people}" if people else "—", 30)),
            key=str(row.id),
        )

    @on(DataTable.RowSelected)
    def chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(EventWanted(int(event.row_key.value)))


class FollowUpsPane(MeetingsPane):
    """Follow-ups, open ones only unless ``show_done``; x marks one done."""

    NAME = "follow-ups"
    TITLE = "Follow-ups (3)"

    class FollowUpDone(Message):
        def __init__(self, follow_up: FollowUp) -> None:
            super().__init__()
            self.follow_up = follow_up

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_done = False
        """Whether done follow-ups are listed too (the screen's ``a`` key)."""
        self.rows: dict[str, FollowUp] = {}

    def read_page(self, offset: int) -> Any:
        return self.store.meetings.list_follow_ups(
            include_done=self.show_done, offset=offset, limit=PAGE_SIZE
        )

    def clear_rows(self) -> None:
        self.rows = {}

    def add_row(self, table: DataTable[object], row: FollowUp, now: datetime) -> None:
        self.rows[str(row.id)] = row
        table.add_row(
            Text(f"{row.due_on:%a} {row.due_on.day} {row.due_on:%b}" if row.due_on else "—"),
            follow_up_text(row.status(now.date())),
            Text(clip(row.what, 30)),
            Text(row.owner.value),
            Text(clip(row.contact_name, 20)),
            Text(clip(row.source, 28)),
            key=str(row.id),
        )

    def show_total(self) -> None:
        total = self.total
        if not total:
            self.status.update(
                "No open follow-ups. They come from one-to-one outcomes and events."
                if not self.show_done
                else "No follow-ups yet."
            )
            return
        kind = (
            f"{plural(total, 'follow-up')}, done included"
            if self.show_done
            else plural(total, "open follow-up")
        )
        self.status.update(
            f"{kind} · x marks one done · enter opens where it came from"
            " · a shows or hides the done ones"
        )

    @on(DataTable.RowSelected)
    def chosen(self, event: DataTable.RowSelected) -> None:
        """Open where the follow-up came from: its one-to-one or its event."""
        row = self.rows.get(event.row_key.value or "")
        if row is None:
            return
        if row.one_to_one_id is not None:
            self.post_message(OutcomeWanted(row.one_to_one_id))
        elif row.event_id is not None:
            self.post_message(EventWanted(row.event_id))

    def complete(self) -> None:
        key = self.key()
        if key is not None:
            self.complete_follow_up(key)

    @work(thread=True, group="db-write", exit_on_error=False)
    def complete_follow_up(self, follow_up_id: int) -> None:
        self.post_message(self.FollowUpDone(self.store.meetings.complete_follow_up(follow_up_id)))

    @on(FollowUpDone)
    def follow_up_done(self, message: FollowUpDone) -> None:
        """Done, and logged as a touch; the note on screen says so until the next change."""
        done = message.follow_up
        self.app.push_undo(
            undo.follow_up_done(done.id, done.what, done.contact_name), screen=self.screen
        )
        self.load(0)
