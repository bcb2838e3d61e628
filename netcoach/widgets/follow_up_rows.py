"""Rows for typing follow-up actions: what, who owes it, when it is due, and with whom."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Select, Static

from netcoach.core.meetings import FollowUpDraft, Owner
from netcoach.core.when import PLANNED
from netcoach.widgets.date_field import DateField
from netcoach.widgets.limited import LimitedInput

OWNER_CHOICES = (("I owe it", Owner.ME.value), ("They owe it", Owner.THEM.value))


class FollowUpRow(Vertical):
    """One follow-up action being typed."""

    DEFAULT_CSS = """
    FollowUpRow {
        height: auto;
        & > Horizontal {
            height: auto;
        }
        & .follow-up-what {
            width: 1fr;
        }
        & .follow-up-owner {
            width: 17;
        }
        & .follow-up-person {
            width: 24;
        }
        & .follow-up-due-field {
            margin-left: 2;
        }
        & .follow-up-note {
            color: $text-muted;
            padding: 0 1;
            height: auto;
        }
        & .follow-up-note.-error {
            color: $error;
        }
    }
    """

    def __init__(
        self, with_person: bool, people: list[tuple[str, str]], clock: Callable[[], datetime]
    ) -> None:
        super().__init__(classes="follow-up-row")
        self.with_person = with_person
        self.people = people
        self.clock = clock

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield LimitedInput(
                kind="line", placeholder="Follow-up: what needs doing", classes="follow-up-what"
            )
            if self.with_person:
                yield Select(
                    [(Text(label), value) for label, value in self.people],
                    prompt="With whom",
                    classes="follow-up-person",
                )
            yield Select(
                OWNER_CHOICES, value=Owner.ME.value, allow_blank=False, classes="follow-up-owner"
            )
        yield DateField(
            self.clock,
            within=PLANNED,
            with_time=False,
            required=False,
            placeholder="Due: fri, 1 Dec…",
            beside=True,
            input_classes="follow-up-due",
            classes="follow-up-due-field",
        )
        yield Static("", classes="follow-up-note")

    def set_people(self, people: list[tuple[str, str]]) -> None:
        self.people = people
        if self.with_person:
            select = self.query_one(".follow-up-person", Select)
            current = select.value
            select.set_options([(Text(label), value) for label, value in people])
            if any(value == current for _label, value in people):
                select.value = current

    @property
    def what(self) -> str:
        return self.query_one(".follow-up-what", Input).value

    def note(self, text: str, error: bool = False) -> None:
        label = self.query_one(".follow-up-note", Static)
        label.update(Content(text))
        label.set_class(error, "-error")

    @on(Input.Changed, ".follow-up-due")
    def due_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.note("")

    def read(self, now: datetime) -> tuple[FollowUpDraft | None, str | None, str]:
        """(draft or None when the row is blank, error, person value) from what is typed."""
        what = self.what.strip()
        due_field = self.query_one(DateField)
        due_text = due_field.value.strip()
        when, problem = due_field.result()
        if problem:
            due_field.show_problem(problem)
            return None, problem, ""
        due = when.day if when is not None else None
        self.note("")
        person = ""
        if self.with_person:
            value = self.query_one(".follow-up-person", Select).value
            person = "" if value is Select.NULL else str(value)
        if not what:
            if due_text or person:
                self.note("Say what needs doing, or clear this row.", error=True)
                return None, "Say what needs doing.", person
            return None, None, person
        if self.with_person and not person:
            self.note("Choose who this follow-up is with.", error=True)
            return None, "Choose who this follow-up is with.", person
        owner = Owner(str(self.query_one(".follow-up-owner", Select).value))
        return FollowUpDraft(what, owner, due), None, person


class FollowUpRows(Vertical):
    """A growing list of follow-up rows; blank rows are ignored."""

    DEFAULT_CSS = """
    FollowUpRows {
        height: auto;
    }
    """

    def __init__(
        self,
        clock: Callable[[], datetime],
        rows: int = 2,
        with_person: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.clock = clock
        self.initial_rows = rows
        self.with_person = with_person
        self.people: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        for _ in range(self.initial_rows):
            yield FollowUpRow(self.with_person, self.people, self.clock)

    def add_row(self) -> FollowUpRow:
        row = FollowUpRow(self.with_person, self.people, self.clock)
        self.mount(row)
        return row

    def set_people(self, people: list[tuple[str, str]]) -> None:
        self.people = people
        for row in self.query(FollowUpRow):
            row.set_people(people)

    def read(self, now: datetime) -> tuple[list[tuple[FollowUpDraft, str]], list[str]]:
        """The follow-ups typed (each with its person value) and every problem found."""
        drafts: list[tuple[FollowUpDraft, str]] = []
        errors: list[str] = []
        for row in self.query(FollowUpRow):
            draft, error, person = row.read(now)
            if error:
                errors.append(error)
            elif draft is not None:
                drafts.append((draft, person))
        return drafts, errors
