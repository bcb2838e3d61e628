"""Today: the screen opened in the minutes before a networking breakfast.

It is a column of cards (``TodaySection`` subclasses in ``netcoach.widgets``).
Each card reads its own data in one worker and offers keys that act on what it
shows; add a card by adding one line to ``SECTIONS``. The screen paints at once
with the date; the cards are imported in the worker and mounted when their data
arrives, so the first frame costs little more than an empty screen.
"""

from __future__ import annotations

from importlib import import_module
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.today_section import TodaySection

# ("module:Class", id) for each card, top to bottom.
# What to act on before the meeting comes first; the overview of levels closes the column.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("netcoach.widgets.today_first_steps:FirstStepsSection", "today-first-steps"),
    ("netcoach.widgets.today_event:NextEventSection", "today-next-event"),
    ("netcoach.widgets.pitch_card:PitchCard", "today-pitch"),
    ("netcoach.widgets.today_one_to_ones:TodayOneToOnesSection", "today-one-to-ones"),
    ("netcoach.widgets.today_follow_ups:DueFollowUpsSection", "today-follow-ups"),
    ("netcoach.widgets.today_dates:ComingDatesSection", "today-dates"),
    ("netcoach.widgets.today_review:ReviewDueSection", "today-review"),
    ("netcoach.widgets.goals_card:GoalsCard", "today-goals"),
    ("netcoach.widgets.today_identify:StillAtIdentifySection", "today-identify-box"),
    ("netcoach.widgets.today_overdue:OverdueContactsSection", "today-overdue-box"),
    ("netcoach.widgets.today_help_back:HelpBackSection", "today-help-back-box"),
    ("netcoach.widgets.today_levels:LevelCountsSection", "today-levels-section"),
)


def section_class(where: str) -> type[TodaySection]:
    module_name, class_name = where.split(":")
    found = getattr(import_module(module_name), class_name)
    assert issubclass(found, TodaySection)
    return found


# From this width on, Today's cards sit in two columns.
WIDE_TODAY = 160


class TodayScreen(ReportsFailures, Browsing, Screen[None]):
    """Level counts, the next event, today's one-to-ones, follow-ups due and who needs a touch."""

    TITLE = "netcoach — Today"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "refresh", "Refresh", id="today.refresh", show=False),
        Binding("e", "rehearse", "Rehearse", id="today.rehearse", tooltip="Rehearse your pitch"),
        Binding("G", "give_get", "Give/get", id="today.give-get", tooltip="Record a give or get"),
    ]

    class Loaded(Message):
        def __init__(
            self,
            empty: bool,
            data: dict[str, object],
            classes: list[tuple[type[TodaySection], str]],
        ) -> None:
            super().__init__()
            self.empty = empty
            self.data = data
            self.classes = classes

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.section_classes: list[tuple[type[TodaySection], str]] = []
        self.filled = False  # True once every card shows its data

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="today-body"):
            yield Static(self._date_line(), id="today-date")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        # A wide terminal shows the cards in two columns (app.tcss).
        self.set_class(event.size.width >= WIDE_TODAY, "-wide")

    def _date_line(self) -> str:
        return self.store.today().strftime("%A %d %B %Y")

    def on_screen_resume(self) -> None:
        if self.section_classes:
            self.load()
        else:
            # The first time, the frame is painted before the cards' modules are imported
            # and their data read, so that work does not hold the first paint back.
            self.call_after_refresh(self.load)

    def action_refresh(self) -> None:
        self.load()

    def action_rehearse(self) -> None:
        """Rehearse the pitch marked to use next, wherever the focus is on Today."""
        from netcoach.screens.rehearsal import open_rehearsal

        open_rehearsal(self.app, self.store)

    def action_give_get(self) -> None:
        """Record a give or get with anyone; the cards reload when Today is back in view."""
        from netcoach.screens.ledger_entry import LedgerEntryModal

        self.app.push_screen(LedgerEntryModal(self.store))

    @on(TodaySection.Changed)
    def section_changed(self, message: TodaySection.Changed) -> None:
        message.stop()
        self.load()

    @work(thread=True, exclusive=True, group="today-load", exit_on_error=False)
    def load(self) -> None:
        classes = self.section_classes or [(section_class(where), id) for where, id in SECTIONS]
        data: dict[str, object] = {}
        with self.store.reading():
            empty = not self.store.has_contacts()
            for cls, section_id in classes:
                if get_current_worker().is_cancelled:
                    return
                rule = cls.ON_EMPTY_DATABASE
                shows = rule == "show" or (rule == "only") == empty
                data[section_id] = cls.fetch(self.store) if shows else None
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(empty, data, classes))

    @on(Loaded)
    async def show_sections(self, message: Loaded) -> None:
        self.query_one("#today-date", Static).update(self._date_line())
        if not self.section_classes:
            self.section_classes = message.classes
            cards = [cls(self.store, id=section_id) for cls, section_id in message.classes]
            for card in cards:
                card.display = card.shown_on(message.empty)
            await self.query_one("#today-body").mount_all(cards)
        for section in self.query(TodaySection):
            shown = section.shown_on(message.empty)
            section.display = shown
            if shown:
                section.show(message.data.get(section.id or ""))
        self.filled = True
