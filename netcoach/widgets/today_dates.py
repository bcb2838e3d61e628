"""Today: birthdays and anniversaries of the people you are close to, in the next two weeks.

A date coming round is a chance to give: a word, a card, a coffee. The card lists
contacts at Engage (level 3) and above whose birthday or anniversary falls from
today to 14 days on, soonest first, and hides when there is none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netcoach.core.important_dates import DAYS_AHEAD, ComingDate
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.status import clip
from netcoach.widgets.today_section import TodaySection

if TYPE_CHECKING:
    from netcoach.screens.contact_actions import Target, Touch

TITLE = "Birthdays and anniversaries"
SHOWN = 12


class ComingDatesSection(ReportsFailures, TodaySection):
    """enter opens the contact; i logs a touch with them (a call, a message…)."""

    PLACE = "Today: birthdays and anniversaries"  # how the help screen names it
    DEFAULT_CSS = """
    ComingDatesSection > OptionList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "log_touch", "Log touch", id="today.dates-log-touch", tooltip="Log a touch"),
    ]

    class Touched(Message):
        """A touch was logged from this card: what to tell the person."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.coming: list[ComingDate] = []

    def compose(self) -> ComposeResult:
        yield Static(TITLE, classes="section-title")
        yield OptionList(id="today-dates-list", markup=False)

    @classmethod
    def fetch(cls, store: Store) -> list[ComingDate]:
        return reads.coming_dates(store)

    def show(self, data: object) -> None:
        coming = data if isinstance(data, list) else []
        self.coming = coming[:SHOWN]
        self.display = bool(coming)
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not coming:
            return
        more = f" ({len(self.coming)} of {len(coming)})" if len(coming) > SHOWN else ""
        self.query_one(".section-title", Static).update(
            f"{TITLE}, next {DAYS_AHEAD} days{more} · enter opens · i logs a touch"
        )
        today = self.store.today()
        options.add_options(
            Option(
                Content.from_markup(
                    "[b]$name[/b] · $line", name=clip(item.name, 40), line=item.line(today)
                ),
                id=str(index),
            )
            for index, item in enumerate(self.coming)
        )
        if highlighted is not None:
            options.highlighted = min(highlighted, len(self.coming) - 1)

    def _current(self) -> ComingDate | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.coming):
            return None
        return self.coming[index]

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._current()
        if item is None:
            return
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.open_then_reload(ContactDetailScreen(self.store, item.contact_id))

    def action_log_touch(self) -> None:
        """Ask how the touch went (the one dialog every contact list uses), then log it."""
        item = self._current()
        if item is None:
            return
        from netcoach.screens.contact_actions import InteractionModal, Target

        target = Target(item.contact_id, item.name, item.level)

        def logged(touch: Touch | None) -> None:
            if touch is not None:
                self.write_touch(target, touch)

        self.app.push_screen(InteractionModal(target, self.store.clock), logged)

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_touch(self, target: Target, touch: Touch) -> None:
        from netcoach.core.touches import a_touch
        from netcoach.data.errors import NotFoundError, ValidationError

        try:
            self.store.log_interaction(target.id, touch.kind, touch.note, touch.happened_at)
        except (ValidationError, NotFoundError) as error:
            self.app.call_from_thread(
                self.notify, f"Not logged: {error}", severity="error", markup=False
            )
            return
        self.post_message(
            self.Touched(f"Logged {a_touch(touch.kind)} with {clip(target.name, 60)}")
        )

    @on(Touched)
    def touched(self, message: Touched) -> None:
        message.stop()
        self.notify(message.text, markup=False)
        self.post_message(self.Changed())
