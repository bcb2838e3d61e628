"""After an event is saved: offer a follow-up with each person met, due within two days.

The offer is never forced. ``FollowThroughModal`` lists the people met who have no
follow-up from the event yet, every one ticked (space leaves one out), with the "what"
and the due day filled in and both editable; enter adds, escape is "not now" and writes
nothing. It dismisses with a ``FollowThrough`` (what to add) or None; the form that
offered it writes the follow-ups, in one transaction, undoable with ctrl+z.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static

from netcoach.core.levels import level_name
from netcoach.core.meetings import Event, FollowThrough, PersonMet, validate_follow_up
from netcoach.core.meetings.follow_through import (
    follow_up_due,
    follow_up_what,
    offer_question,
)
from netcoach.core.meetings.follow_ups import FollowUpDraft, Owner
from netcoach.core.when import PLANNED
from netcoach.data.repo import Store
from netcoach.widgets.date_field import DateField
from netcoach.widgets.limited import LimitedInput
from netcoach.widgets.status import clip


class PeopleTicks(SelectionList[int]):
    """The people to follow up with: space ticks or leaves one out, enter adds (the dialog's)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.add", "Add follow-ups", id="follow-through.people-add"),
    ]


class FollowThroughModal(ModalScreen[FollowThrough | None]):
    """Follow up with the people met at ``event``? Dismisses with what to add, or None."""

    DEFAULT_CSS = """
    FollowThroughModal {
        align: center middle;
        & > #follow-through-box {
            width: 76;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $accent;
            background: $surface;
            padding: 0 1;
        }
        & #follow-through-question {
            height: auto;
            text-style: bold;
            margin-bottom: 1;
        }
        & #follow-through-people {
            height: auto;
            max-height: 8;
            margin-bottom: 1;
        }
        & .follow-through-row {
            height: auto;
            & > Label {
                width: 6;
                padding: 0 1 0 0;
            }
            & > Input, & > DateField {
                width: 1fr;
            }
        }
        & #follow-through-error {
            color: $text-error;
            height: auto;
        }
        & .follow-through-hint {
            color: $text-muted;
            height: auto;
        }
        & #follow-through-buttons {
            height: auto;
            & > Button {
                margin-right: 1;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "not_now", "Not now", id="follow-through.not-now"),
    ]

    def __init__(self, store: Store, event: Event, people: tuple[PersonMet, ...]) -> None:
        super().__init__()
        self.store = store
        self.event = event
        self.people = people
        self.default_due = follow_up_due(event.starts_at.date(), store.today())
        self.due_on: date = self.default_due

    def compose(self) -> ComposeResult:
        due = self.default_due
        with Vertical(id="follow-through-box"):
            yield Static(
                Content(offer_question(len(self.people), due)), id="follow-through-question"
            )
            yield PeopleTicks(
                *(
                    (Text(f"{clip(p.name, 50)} · {level_name(p.level)}"), p.contact_id, True)
                    for p in self.people
                ),
                id="follow-through-people",
            )
            with Horizontal(classes="follow-through-row"):
                yield Label("What")
                yield LimitedInput(
                    follow_up_what(self.event.name),
                    kind="line",
                    compact=True,
                    id="follow-through-what",
                )
            with Horizontal(classes="follow-through-row"):
                yield Label("Due")
                yield DateField(
                    self.store.clock,
                    f"{due.day} {due:%b %Y}",
                    within=PLANNED,
                    with_time=False,
                    compact=True,
                    beside=True,
                    placeholder="wed, in 2 days, 9 Dec…",
                    input_id="follow-through-due",
                )
            yield Static("", id="follow-through-error")
            yield Static(
                "space ticks or leaves someone out · enter adds · escape: not now",
                classes="follow-through-hint",
            )
            with Horizontal(id="follow-through-buttons"):
                yield Button("Add follow-ups  enter", variant="primary", id="follow-through-add")
                yield Button("Not now  esc", id="follow-through-not-now")

    def on_mount(self) -> None:
        people = self.query_one(PeopleTicks)
        people.highlighted = 0
        people.focus()

    # ---- what the question says, as things change ------------------------------------------

    def _ticked(self) -> list[int]:
        return list(self.query_one(PeopleTicks).selected)

    def _show_question(self) -> None:
        count = len(self._ticked())
        question = self.query_one("#follow-through-question", Static)
        if count:
            question.update(Content(offer_question(count, self.due_on)))
        else:
            question.update(Content("Nobody ticked: escape to leave it for now."))

    @on(SelectionList.SelectedChanged)
    def ticks_changed(self) -> None:
        self._error("")
        self._show_question()

    @on(Input.Changed, "#follow-through-due")
    def due_typed(self) -> None:
        when, _problem = self.query_one(DateField).result()
        if when is not None:
            self.due_on = when.day
            self._show_question()

    @on(Input.Changed, "#follow-through-what")
    def what_typed(self) -> None:
        self._error("")

    def _error(self, text: str) -> None:
        self.query_one("#follow-through-error", Static).update(Content(text))

    # ---- answers -----------------------------------------------------------------------------

    @on(Input.Submitted)
    @on(Button.Pressed, "#follow-through-add")
    def action_add(self) -> None:
        ticked = self._ticked()
        what = self.query_one("#follow-through-what", Input).value
        when, problem = self.query_one(DateField).result()
        if not ticked:
            self._error("Tick at least one person (space), or press escape for not now.")
            return
        if when is None:
            self._error(problem or "Type when the follow-ups are due.")
            self.query_one("#follow-through-due", Input).focus()
            return
        problem = validate_follow_up(FollowUpDraft(what, Owner.ME, when.day, ticked[0]))
        if problem:
            self._error(problem)
            self.query_one("#follow-through-what", Input).focus()
            return
        order = {p.contact_id: i for i, p in enumerate(self.people)}
        chosen = tuple(sorted(ticked, key=lambda c: order.get(c, 0)))
        self.dismiss(FollowThrough(chosen, " ".join(what.split()), when.day))

    @on(Button.Pressed, "#follow-through-not-now")
    def action_not_now(self) -> None:
        self.dismiss(None)
