"""One-to-ones, events and follow-ups: three lists, one page of rows at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from netcoach.core import undo
from netcoach.core.meetings import (
    AchievementRate,
    Event,
    FollowUp,
    FollowUpStatus,
    OneToOne,
    Outcome,
    TimeSpent,
    is_held,
)
from netcoach.core.text import plural
from netcoach.core.when import describe_length
from netcoach.data.repo import Store
from netcoach.widgets.contact_table import TableColumn
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.fitted_table import FittedTable
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.status import clip

PAGE_SIZE = 200
TABS = ("one-to-ones", "events", "follow-ups")
OUTCOME_STYLE = {Outcome.ACHIEVED: "green", Outcome.PARTLY: "yellow", Outcome.NOT: "red"}
FOLLOW_UP_STYLE = {
    FollowUpStatus.DONE: "dim",
    FollowUpStatus.OVERDUE: "bold red",
    FollowUpStatus.DUE: "yellow",
    FollowUpStatus.UPCOMING: "green",
    FollowUpStatus.NO_DATE: "",
}


@dataclass(frozen=True, slots=True)
class MeetingsHeadline:
    """The figures above the lists."""

    rate: AchievementRate
    missing_outcomes: int
    time_spent: TimeSpent


# Each table's columns; a narrow terminal drops those ranked last (priority) first.
COLUMNS: dict[str, tuple[TableColumn, ...]] = {
    "one-to-ones": (
        TableColumn("When", 21, priority=1),
        TableColumn("With", 13, priority=2, grow=1, most=30),
        TableColumn("Objective", 16, priority=3, grow=2, most=36),
        TableColumn("Where", 12, priority=5, grow=1, most=20),
        TableColumn("Outcome", 16, priority=4, grow=1, most=26),
    ),
    "events": (
        TableColumn("When", 21, priority=1),
        TableColumn("Event", 16, priority=2, grow=2, most=26),
        TableColumn("Kind", 10, priority=5),
        TableColumn("Where", 12, priority=4, grow=1, most=20),
        TableColumn("Length", 10, priority=6),
        TableColumn("People", 16, priority=3, grow=2, most=40),
    ),
    "follow-ups": (
        TableColumn("Due", 10, priority=1),
        TableColumn("Status", 9, priority=2),
        TableColumn("What", 20, priority=3, grow=2, most=40),
        TableColumn("Owed by", 7, priority=5),
        TableColumn("With", 14, priority=4, grow=1, most=24),
        TableColumn("From", 16, priority=6, grow=1, most=30),
    ),
}


def outcome_text(
    one: OneToOne, now_date: date, overdue_flag: bool, now: datetime | None = None
) -> Text:
    """The outcome in words and colour; a past one-to-one without one is flagged.

    An outcome stored for a time still to come (imported, say) is not shown as held.
    """
    suffix = " (record)" if one.is_record else ""
    if one.outcome is not None and now is not None and not is_held(one.starts_at, one.outcome, now):
        return Text("not held yet", style="dim")
    if one.outcome is not None:
        return Text(one.outcome.label + suffix, style=OUTCOME_STYLE[one.outcome])
    if overdue_flag:
        return Text("⚑ no outcome yet" + suffix, style="bold red")
    if one.starts_at.date() == now_date:
        return Text("today", style="bold")
    return Text("planned")


def follow_up_text(status: FollowUpStatus) -> Text:
    return Text(status.value, style=FOLLOW_UP_STYLE[status])


def short_when(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M}"


class MeetingsScreen(ReportsFailures, Browsing, Screen[None]):
    """One-to-ones with their outcomes, networking events, and every open follow-up."""

    TITLE = "netcoach — One-to-ones"

    CSS_PATH = "../styles/meetings.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="meetings.new", tooltip="Plan a one-to-one or add an event"),
        Binding("e", "edit", "Edit plan", id="meetings.edit", tooltip="Change the plan"),
        Binding("x", "complete", "Done", id="meetings.done", tooltip="Mark the follow-up done"),
        Binding("a", "toggle_done", "Show done", id="meetings.show-done"),
        Binding("1", "show_tab('one-to-ones')", "One-to-ones", id="meetings.tab-one-to-ones"),
        Binding("2", "show_tab('events')", "Events", id="meetings.tab-events"),
        Binding("3", "show_tab('follow-ups')", "Follow-ups", id="meetings.tab-follow-ups"),
        Binding("f5", "refresh", "Refresh", id="meetings.refresh", show=False),
    ]

    tab: reactive[str] = reactive("one-to-ones", bindings=True)
    show_done: reactive[bool] = reactive(False, bindings=True)

    class Loaded(Message):
        def __init__(self, which: str, rows: tuple[object, ...], total: int, offset: int) -> None:
            super().__init__()
            self.which = which
            self.rows = rows
            self.total = total
            self.offset = offset

    class HeadlineLoaded(Message):
        def __init__(self, headline: MeetingsHeadline) -> None:
            super().__init__()
            self.headline = headline

    class FollowUpDone(Message):
        def __init__(self, follow_up: FollowUp) -> None:
            super().__init__()
            self.follow_up = follow_up

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.loaded = dict.fromkeys(TABS, 0)
        self.totals = dict.fromkeys(TABS, 0)
        self.loading_more = dict.fromkeys(TABS, False)
        self.follow_up_rows: dict[str, FollowUp] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="meetings-tabs"):
            with TabPane("One-to-ones (1)", id="one-to-ones"):
                yield Static("", id="one-to-ones-status", classes="meetings-status")
                yield FittedTable(COLUMNS["one-to-ones"], id="one-to-ones-table")
            with TabPane("Events (2)", id="events"):
                yield Static("", id="events-status", classes="meetings-status")
                yield FittedTable(COLUMNS["events"], id="events-table")
            with TabPane("Follow-ups (3)", id="follow-ups"):
                yield Static("", id="follow-ups-status", classes="meetings-status")
                yield FittedTable(COLUMNS["follow-ups"], id="follow-ups-table")
        yield Footer()

    def on_mount(self) -> None:
        self.table("one-to-ones").focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def table(self, which: str) -> DataTable[object]:
        return self.query_one(f"#{which}-table", DataTable)

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("one-to-ones: Plan a one-to-one", self.plan_one_to_one, "With an objective"),
            ("one-to-ones: Add an event", self.add_event, "A breakfast, chamber, conference…"),
            ("one-to-ones: Follow-ups", lambda: self.action_show_tab("follow-ups"), "(3)"),
        ]

    # ---- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.load_headline()
        for which in TABS:
            self.load(which, 0)

    @work(thread=True, exclusive=True, group="meetings-headline", exit_on_error=False)
    def load_headline(self) -> None:
        meetings = self.store.meetings
        today = self.store.today()
        headline = MeetingsHeadline(
            rate=meetings.achievement_rate(),
            missing_outcomes=meetings.count_missing_outcomes(),
            time_spent=meetings.time_spent(today - timedelta(days=89), today),
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.HeadlineLoaded(headline))

    def load(self, which: str, offset: int) -> None:
        """Read a page of one list; a newer read of the same list supersedes an older one."""
        self.run_worker(
            partial(self._read_page, which, offset),
            thread=True,
            exclusive=True,
            group=f"meetings-load-{which}",
            exit_on_error=False,
        )

    def _read_page(self, which: str, offset: int) -> None:
        meetings = self.store.meetings
        page: object
        if which == "one-to-ones":
            page = meetings.list_one_to_ones(offset=offset, limit=PAGE_SIZE)
        elif which == "events":
            page = meetings.list_events(offset=offset, limit=PAGE_SIZE)
        else:
            page = meetings.list_follow_ups(
                include_done=self.show_done, offset=offset, limit=PAGE_SIZE
            )
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(which, page.rows, page.total, offset))  # type: ignore[attr-defined]

    @on(HeadlineLoaded)
    def show_headline(self, message: HeadlineLoaded) -> None:
        headline = message.headline
        line = headline.rate.describe()
        if headline.missing_outcomes:
            line += (
                f"\n⚑ {plural(headline.missing_outcomes, 'past one-to-one')}"
                f"{' have' if headline.missing_outcomes > 1 else ' has'} no outcome recorded:"
                " press enter on one to record it."
            )
        self.query_one("#one-to-ones-status", Static).update(Text(line))
        spent = headline.time_spent
        self.query_one("#events-status", Static).update(
            Text(
                f"Last 90 days: {describe_length(spent.total)} networking "
                f"({describe_length(spent.events)} at events, "
                f"{describe_length(spent.one_to_ones)} in one-to-ones)"
                if spent.total
                else "No time at events or one-to-ones recorded in the last 90 days."
            )
        )

    @on(Loaded)
    def show_rows(self, message: Loaded) -> None:
        which = message.which
        table = self.table(which)
        self.call_after_refresh(self.refresh_bindings)  # e and x need a row to act on
        previous = table.cursor_row
        if message.offset == 0:
            table.clear()
            self.loaded[which] = 0
            if which == "follow-ups":
                self.follow_up_rows = {}
        elif message.offset != self.loaded[which]:
            return
        now = self.store.clock()
        for row in message.rows:
            if isinstance(row, OneToOne):
                table.add_row(
                    Text(short_when(row.starts_at)),
                    Text(clip(row.contact_name, 30)),
                    Text(clip(row.objective, 36)),
                    Text(clip(row.place, 14)),
                    outcome_text(row, now.date(), row.needs_outcome(now), now),
                    key=str(row.id),
                )
            elif isinstance(row, Event):
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
            elif isinstance(row, FollowUp):
                self.follow_up_rows[str(row.id)] = row
                table.add_row(
                    Text(
                        f"{row.due_on:%a} {row.due_on.day} {row.due_on:%b}" if row.due_on else "—"
                    ),
                    follow_up_text(row.status(now.date())),
                    Text(clip(row.what, 30)),
                    Text(row.owner.value),
                    Text(clip(row.contact_name, 20)),
                    Text(clip(row.source, 28)),
                    key=str(row.id),
                )
        self.loaded[which] += len(message.rows)
        self.totals[which] = message.total
        self.loading_more[which] = False
        if message.offset == 0 and table.row_count:
            table.move_cursor(row=min(previous, table.row_count - 1))
        if which == "follow-ups":
            self._follow_ups_status()
        elif not message.total:
            empty = {
                "one-to-ones": "No one-to-ones yet. Press n to plan one, with an objective.",
                "events": "No events yet. Press n to add the next meeting you go to.",
            }[which]
            self.query_one(f"#{which}-status", Static).update(empty)

    def _follow_ups_status(self) -> None:
        total = self.totals["follow-ups"]
        status = self.query_one("#follow-ups-status", Static)
        if not total:
            status.update(
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
        status.update(
            f"{kind} · x marks one done · enter opens where it came from"
            " · a shows or hides the done ones"
        )

    @on(DataTable.RowHighlighted)
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        which = (event.data_table.id or "").removesuffix("-table")
        if which not in TABS:
            return
        near_end = event.cursor_row >= self.loaded[which] - 20
        if near_end and not self.loading_more[which] and self.loaded[which] < self.totals[which]:
            self.loading_more[which] = True
            self.load(which, self.loaded[which])

    # ---- tabs ------------------------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.tab = event.pane.id or "one-to-ones"
        self.call_after_refresh(self.table(self.tab).focus)

    def action_show_tab(self, which: str) -> None:
        self.query_one(TabbedContent).active = which
        self.tab = which
        self.table(which).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if allowed is not True:
            return allowed
        if action == "edit":
            # Shown on its tab only, and only with a one-to-one to change.
            return self.tab == "one-to-ones" and self._has_row("one-to-ones")
        if action == "complete":
            return self.tab == "follow-ups" and self._has_row("follow-ups")
        if action == "toggle_done":
            return self.tab == "follow-ups"
        return True

    def watch_show_done(self) -> None:
        if self.is_mounted:
            self.load("follow-ups", 0)

    # ---- actions ---------------------------------------------------------------------------

    def action_refresh(self) -> None:
        self.reload()

    def _has_row(self, which: str) -> bool:
        """Whether the tab's table has a row to act on (False before it is built)."""
        try:
            return self._key(which) is not None
        except NoMatches:
            return False

    def _key(self, which: str) -> int | None:
        table = self.table(which)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def action_new(self) -> None:
        if self.tab == "events":
            self.add_event()
        else:
            self.plan_one_to_one()

    def plan_one_to_one(self) -> None:
        from netcoach.screens.one_to_one_form import OneToOneFormScreen

        self.app.push_screen(OneToOneFormScreen(self.store), self._after_plan)

    def _after_plan(self, one: OneToOne | None) -> None:
        """A one-to-one logged after the fact goes straight on to its outcome."""
        self.reload()
        if one is not None and one.is_record and one.outcome is None:
            self.record_outcome(one.id)

    def add_event(self) -> None:
        from netcoach.screens.event_form import EventFormScreen

        self.app.push_screen(EventFormScreen(self.store), lambda _id: self.reload())

    def action_edit(self) -> None:
        key = self._key("one-to-ones")
        if key is None:
            return
        from netcoach.screens.one_to_one_form import OneToOneFormScreen

        self.app.push_screen(OneToOneFormScreen(self.store, key), lambda _id: self.reload())

    def record_outcome(self, one_to_one_id: int) -> None:
        from netcoach.screens.outcome import OutcomeScreen

        self.app.push_screen(OutcomeScreen(self.store, one_to_one_id), lambda _id: self.reload())

    @on(DataTable.RowSelected, "#one-to-ones-table")
    def one_to_one_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.record_outcome(int(event.row_key.value))

    @on(DataTable.RowSelected, "#events-table")
    def event_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None:
            return
        from netcoach.screens.event_form import EventFormScreen

        self.app.push_screen(
            EventFormScreen(self.store, int(event.row_key.value)), lambda _id: self.reload()
        )

    @on(DataTable.RowSelected, "#follow-ups-table")
    def follow_up_chosen(self, event: DataTable.RowSelected) -> None:
        """Open where the follow-up came from: its one-to-one or its event."""
        row = self.follow_up_rows.get(event.row_key.value or "")
        if row is None:
            return
        if row.one_to_one_id is not None:
            self.record_outcome(row.one_to_one_id)
        elif row.event_id is not None:
            from netcoach.screens.event_form import EventFormScreen

            self.app.push_screen(
                EventFormScreen(self.store, row.event_id), lambda _id: self.reload()
            )

    def action_complete(self) -> None:
        key = self._key("follow-ups")
        if key is not None:
            self.complete_follow_up(key)

    @work(thread=True, group="db-write", exit_on_error=False)
    def complete_follow_up(self, follow_up_id: int) -> None:
        self.post_message(self.FollowUpDone(self.store.meetings.complete_follow_up(follow_up_id)))

    @on(FollowUpDone)
    def follow_up_done(self, message: FollowUpDone) -> None:
        """Done, and logged as a touch; the note on screen says so until the next change."""
        done = message.follow_up
        self.app.push_undo(  # type: ignore[attr-defined]
            undo.follow_up_done(done.id, done.what, done.contact_name), screen=self
        )
        self.load("follow-ups", 0)

    def action_toggle_done(self) -> None:
        self.show_done = not self.show_done
