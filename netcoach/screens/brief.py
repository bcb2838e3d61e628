"""The breakfast brief: for each person expected at an event, what you know, what you owe
and one thing you can give; the people you have not met yet; your pitch and its ask.

Read-only. One block a person in a list (``enter`` opens the highlighted person's
contact); the facts and the rules are in ``netcoach.data.brief`` and ``netcoach.core.brief``.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from netcoach.core.brief import AttendeeBrief, Brief
from netcoach.core.brief.render import (
    detail_lines,
    event_line,
    expected_line,
    headline,
    pitch_lines,
)
from netcoach.core.text import visible
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing

NOT_MET_HEADING = "not-met-yet"


class BriefScreen(ReportsFailures, Browsing, Screen[None]):
    """The brief for one event (the next one unless an id is given)."""

    TITLE = "netcoach — Brief"

    CSS_PATH = "../styles/brief.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="brief.back"),
        Binding("enter", "open_contact", "Open contact", id="brief.open", show=False),
        Binding("f5", "refresh", "Refresh", id="brief.refresh", show=False),
    ]

    class Loaded(Message):
        """The brief was read: None when there is no such event (``problem`` says why)."""

        def __init__(self, brief: Brief | None, problem: str = "") -> None:
            super().__init__()
            self.brief = brief
            self.problem = problem

    def __init__(self, store: Store, event_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self.event_id = event_id
        self.brief: Brief | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the brief…", id="brief-event")
        yield Static("", id="brief-pitch")
        yield OptionList(id="brief-people")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#brief-people", OptionList).focus()
        self.load()

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="brief-load", exit_on_error=False)
    def load(self) -> None:
        from netcoach.data.errors import NotFoundError

        try:
            brief = self.store.brief.brief(self.event_id)
        except NotFoundError:
            brief, problem = None, f"There is no event with id {self.event_id}."
        else:
            problem = "" if brief is not None else "No event ahead."
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(brief, problem))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        self.brief = brief = message.brief
        top = self.query_one("#brief-event", Static)
        pitch = self.query_one("#brief-pitch", Static)
        people = self.query_one("#brief-people", OptionList)
        people.clear_options()
        if brief is None:
            top.update(
                Content.from_markup(
                    "[b]$problem[/b] Add the next event you go to in One-to-ones (o, 2, n), "
                    "then press b on it.",
                    problem=message.problem,
                )
            )
            pitch.update("")
            return
        top.update(
            Content.from_markup(
                "[b]$name[/b] · $line · $expected",
                name=visible(" ".join(brief.event.name.split())),
                line=event_line(brief),
                expected=expected_line(brief),
            )
        )
        lines = pitch_lines(brief.pitch, None)
        if brief.guard:
            lines.append(brief.guard)
        pitch.update(Content("\n".join(lines)))
        today = brief.now.date()
        options: list[Option] = [self._option(p, today) for p in brief.attendees]
        if brief.newcomers:
            options.append(
                Option(
                    Content.from_markup("[b $accent]Not met yet[/]"),
                    id=NOT_MET_HEADING,
                    disabled=True,
                )
            )
            options += [self._option(p, today) for p in brief.newcomers]
        people.add_options(options)
        if brief.everyone:
            people.highlighted = 0

    @staticmethod
    def _option(person: AttendeeBrief, today: object) -> Option:
        from rich.console import Group
        from rich.padding import Padding
        from rich.text import Text

        # Rich Text is never read as markup; the padding makes a long line wrap under
        # its own start, not under the name.
        lines = detail_lines(person, today)  # type: ignore[arg-type]
        prompt = Group(
            Text(headline(person), style="bold"),
            *(Padding(Text(line), (0, 0, 0, 2)) for line in lines),
        )
        return Option(prompt, id=str(person.contact_id))

    def highlighted_contact(self) -> int | None:
        """The contact id of the highlighted block, or None."""
        people = self.query_one("#brief-people", OptionList)
        index = people.highlighted
        if index is None:
            return None
        option_id = people.get_option_at_index(index).id
        return int(option_id) if option_id and option_id.isdigit() else None

    def action_open_contact(self) -> None:
        contact_id = self.highlighted_contact()
        if contact_id is not None:
            self.open_contact(contact_id)

    @on(OptionList.OptionSelected, "#brief-people")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.isdigit():
            self.open_contact(int(event.option.id))

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_detail import ContactDetailScreen

        self.app.push_screen(ContactDetailScreen(self.store, contact_id))

    def action_back(self) -> None:
        self.dismiss()
