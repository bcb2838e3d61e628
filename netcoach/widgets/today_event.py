"""Today: the next networking event, when and where, and who is expected."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from netcoach.core.meetings import Event
from netcoach.core.when import describe_length, describe_when
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.status import clip
from netcoach.widgets.today_section import TodaySection


class NextEventSection(TodaySection):
    """The event on now or next; enter opens it to add the people met, b its brief."""

    PLACE = "Today: next event"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_event", "Open event", id="today.open-event"),
        Binding(
            "b",
            "brief",
            "Brief",
            id="today.brief",
            tooltip="For each person expected: what you know, what you owe, one thing to give",
        ),
    ]

    can_focus = True

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.event: Event | None = None

    def compose(self) -> ComposeResult:
        yield Static("Next event", classes="section-title")
        yield Static("", id="today-next-event-text")

    @classmethod
    def fetch(cls, store: Store) -> Event | None:
        return reads.next_event(store)

    def show(self, data: object) -> None:
        self.event = data if isinstance(data, Event) else None
        text = self.query_one("#today-next-event-text", Static)
        event = self.event
        if event is None:
            text.update("No event planned. Press o, then 2 and n, to add the next one you go to.")
            return
        now = self.store.clock()
        happening = event.starts_at <= now
        people = ", ".join(p.name for p in event.people)
        who = "Met so far" if happening else "Expected"
        content = Content.from_markup(
            "[b]$name[/b] · $kind\n$when · $length · $place",
            name=event.name,
            kind=event.kind,
            when=("now, since " + event.starts_at.strftime("%H:%M"))
            if happening
            else describe_when(event.starts_at, now),
            length=describe_length(timedelta(minutes=event.duration_minutes)),
            place=event.place or "no place given",
        )
        content += Content(f"\n{who}: {people}" if people else f"\n{who}: nobody noted yet")
        if event.pitch:
            content += Content(f"\nPitch used: {clip(event.pitch, 96)}")
        text.update(content)

    def action_open_event(self) -> None:
        from netcoach.screens.event_form import EventFormScreen

        event_id = None if self.event is None else self.event.id
        self.open_then_reload(EventFormScreen(self.store, event_id))

    def action_brief(self) -> None:
        from netcoach.screens.brief import BriefScreen

        event_id = None if self.event is None else self.event.id
        self.open_then_reload(BriefScreen(self.store, event_id))
