"""The One-to-ones screen: three lists in tabs, the figures above them, and their keys.

Each tab is a pane that owns its list (``lists``): the one-to-ones with their
outcomes, the events, and the follow-ups. The screen owns what spans them: the
keys (shown in the footer), the headline figures, and opening the forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, TabbedContent
from textual.worker import get_current_worker

from netcoach.core.meetings import AchievementRate, OneToOne, TimeSpent
from netcoach.core.text import plural
from netcoach.core.when import describe_length
from netcoach.data.repo import Store
from netcoach.screens.meetings.lists import (
    EventsPane,
    EventWanted,
    FollowUpsPane,
    OneToOnesPane,
    OutcomeWanted,
)
from netcoach.screens.meetings.pane import MeetingsPane
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.list_pane import ReloadsOnce

TABS = ("one-to-ones", "events", "follow-ups")


@dataclass(frozen=True, slots=True)
class MeetingsHeadline:
    """The figures above the lists."""

    rate: AchievementRate
    missing_outcomes: int
    time_spent: TimeSpent


class MeetingsScreen(ReloadsOnce, ReportsFailures, Browsing, Screen[None]):
    """One-to-ones with their outcomes, networking events, and every open follow-up."""

    TITLE = "netcoach — One-to-ones"

    CSS_PATH = "../../styles/meetings.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="meetings.new", tooltip="Plan a one-to-one or add an event"),
        Binding("e", "edit", "Edit plan", id="meetings.edit", tooltip="Change the plan"),
        Binding("x", "complete", "Done", id="meetings.done", tooltip="Mark the follow-up done"),
        Binding("a", "toggle_done", "Show done", id="meetings.show-done"),
        Binding("b", "brief", "Brief", id="meetings.brief", tooltip="The brief for this event"),
        Binding("1", "show_tab('one-to-ones')", "One-to-ones", id="meetings.tab-one-to-ones"),
        Binding("2", "show_tab('events')", "Events", id="meetings.tab-events"),
        Binding("3", "show_tab('follow-ups')", "Follow-ups", id="meetings.tab-follow-ups"),
        Binding("f5", "refresh", "Refresh", id="meetings.refresh", show=False),
    ]

    tab: reactive[str] = reactive("one-to-ones", bindings=True)
    show_done: reactive[bool] = reactive(False, bindings=True)

    Loaded = MeetingsPane.Loaded
    """A page of one of the lists was read (posted by its pane)."""

    class HeadlineLoaded(Message):
        def __init__(self, headline: MeetingsHeadline) -> None:
            super().__init__()
            self.headline = headline

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="meetings-tabs"):
            yield OneToOnesPane(self.store)
            yield EventsPane(self.store)
            yield FollowUpsPane(self.store)
        yield Footer()

    def on_mount(self) -> None:
        self.pane("one-to-ones").table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def pane(self, which: str) -> MeetingsPane:
        return self.query_one(f"#{which}", MeetingsPane)

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("one-to-ones: Plan a one-to-one", self.plan_one_to_one, "With an objective"),
            ("one-to-ones: Add an event", self.add_event, "A breakfast, chamber, conference…"),
            ("one-to-ones: Follow-ups", lambda: self.action_show_tab("follow-ups"), "(3)"),
        ]

    # ---- loading ---------------------------------------------------------------------------

    def reload_now(self) -> None:
        """Read the headline and every list again."""
        self.load_headline()
        for pane in self.query(MeetingsPane):
            pane.load(0)

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
        self.pane("one-to-ones").status.update(Text(line))
        spent = headline.time_spent
        self.pane("events").status.update(
            Text(
                f"Last 90 days: {describe_length(spent.total)} networking "
                f"({describe_length(spent.events)} at events, "
                f"{describe_length(spent.one_to_ones)} in one-to-ones)"
                if spent.total
                else "No time at events or one-to-ones recorded in the last 90 days."
            )
        )

    # ---- tabs ------------------------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.tab = event.pane.id or "one-to-ones"
        self.call_after_refresh(self.pane(self.tab).table.focus)

    def action_show_tab(self, which: str) -> None:
        self.query_one(TabbedContent).active = which
        self.tab = which
        self.pane(which).table.focus()

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
        if action == "brief":
            return self.tab == "events" and self._has_row("events")
        return True

    def _has_row(self, which: str) -> bool:
        panes = self.query(f"#{which}").results(MeetingsPane)
        return any(pane.has_row() for pane in panes)

    def watch_show_done(self, show_done: bool) -> None:
        if self.is_mounted:
            follow_ups = self.query_one(FollowUpsPane)
            follow_ups.show_done = show_done
            follow_ups.load(0)

    # ---- actions ---------------------------------------------------------------------------

    def action_refresh(self) -> None:
        self.reload()

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

    def open_event(self, event_id: int) -> None:
        from netcoach.screens.event_form import EventFormScreen

        self.app.push_screen(EventFormScreen(self.store, event_id), lambda _id: self.reload())

    def action_edit(self) -> None:
        key = self.pane("one-to-ones").key()
        if key is None:
            return
        from netcoach.screens.one_to_one_form import OneToOneFormScreen

        self.app.push_screen(OneToOneFormScreen(self.store, key), lambda _id: self.reload())

    @on(OutcomeWanted)
    def outcome_wanted(self, message: OutcomeWanted) -> None:
        self.record_outcome(message.one_to_one_id)

    @on(EventWanted)
    def event_wanted(self, message: EventWanted) -> None:
        self.open_event(message.event_id)

    def record_outcome(self, one_to_one_id: int) -> None:
        from netcoach.screens.outcome import OutcomeScreen

        self.app.push_screen(OutcomeScreen(self.store, one_to_one_id), lambda _id: self.reload())

    def action_complete(self) -> None:
        self.query_one(FollowUpsPane).complete()

    def action_brief(self) -> None:
        event_id = self.pane("events").key()
        if event_id is None:
            return
        from netcoach.screens.brief import BriefScreen

        self.app.push_screen(BriefScreen(self.store, event_id), lambda _none: self.reload())

    def action_toggle_done(self) -> None:
        self.show_done = not self.show_done
