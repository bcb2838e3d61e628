"""A review decision turned into a goal or a follow-up: the forms, filled in from the decision.

The Review screen opens them (``G`` and ``f`` on a saved decision). Saving writes the
goal or follow-up and marks the decision with it in one transaction
(``ReviewsRepo.goal_from_decision``, ``follow_up_from_decision``), so the decision is
not offered twice.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from netcoach.core.goals import GoalDraft
from netcoach.core.meetings import FollowUpDraft, Owner, validate_follow_up
from netcoach.core.validation import LINE_MAX, NAME_MAX
from netcoach.core.when import DEADLINE, WhenError, parse_when
from netcoach.data.repo import Store
from netcoach.screens.forms import DraftFormScreen
from netcoach.screens.forms.rows import form_buttons
from netcoach.screens.goal_form import GoalModal
from netcoach.widgets.contact_picker import ContactPicker
from netcoach.widgets.date_field import DateField
from netcoach.widgets.limited import LimitedInput


def day_of(when: str, now: datetime) -> date | None:
    """The day a decision's "when" names, if it reads as a date ("end of march",
    "2027-01-31") within a deadline's range; None otherwise ("From January", "soon")."""
    if not when.strip():
        return None
    try:
        return parse_when(when, now, within=DEADLINE).moment.date()
    except WhenError:
        return None


def one_line(text: str, width: int) -> str:
    return " ".join(str(text).split())[:width]


class DecisionGoalModal(GoalModal):
    """The goal form, filled in with the decision's what (and its when as the deadline)."""

    def __init__(self, store: Store, review_id: int, index: int, decision: dict[str, Any]) -> None:
        deadline = day_of(str(decision.get("when", "")), store.clock())
        super().__init__(
            store, title=one_line(decision.get("what", ""), NAME_MAX), deadline=deadline
        )
        self.review_id = review_id
        self.index = index

    def write(self, draft: GoalDraft) -> Message:
        goal = self.store.ledger.goal_from_decision(self.review_id, self.index, draft)
        return self.Saved(goal.id)

    def placed_errors(self, errors: dict[str, str]) -> dict[str, str]:
        # "This decision became a goal already" (saved from another netcoach) goes by the title.
        return {("title" if key == "decision" else key): text for key, text in errors.items()}


FOLLOW_UP_FIELDS = ("contact", "what", "owner", "due_on")


class DecisionFollowUpModal(DraftFormScreen[int | None], ModalScreen[int | None]):
    """A follow-up from a decision: with whom (the decision's, when it names a contact),
    what, who owes it, and when it is due (the decision's when, when it reads as a date).
    Dismisses with the new follow-up's id, or None."""

    CSS_PATH = "../styles/review.tcss"
    FORM_NAME = "follow-up"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="decision-follow-up.save"),
        Binding("escape", "cancel", "Cancel", id="decision-follow-up.cancel"),
    ]

    class Saved(Message):
        def __init__(self, follow_up_id: int) -> None:
            super().__init__()
            self.follow_up_id = follow_up_id

    def __init__(
        self,
        store: Store,
        review_id: int,
        index: int,
        decision: dict[str, Any],
        contact: tuple[int, str, int] | None = None,
    ) -> None:
        """``contact`` (id, name, level) is the one the decision's "with whom" names."""
        super().__init__()
        self.store = store
        self.review_id = review_id
        self.index = index
        self.decision = decision
        self.contact = contact

    def compose(self) -> ComposeResult:
        due = day_of(str(self.decision.get("when", "")), self.store.clock())
        with Vertical(id="follow-up-box"):
            yield Static("New follow-up from a review decision", id="follow-up-title")
            with Horizontal(classes="follow-up-row"):
                yield Label("With", classes="follow-up-label")
                with Vertical(classes="follow-up-field"):
                    yield ContactPicker(
                        self.store, input_id="follow-up-contact-search", id="follow-up-contact"
                    )
                    yield Static("", id="follow-up-error-contact", classes="follow-up-error")
            with Horizontal(classes="follow-up-row"):
                yield Label("What", classes="follow-up-label")
                with Vertical(classes="follow-up-field"):
                    yield LimitedInput(
                        one_line(self.decision.get("what", ""), LINE_MAX),
                        kind="line",
                        placeholder="Send Ann the two names",
                        id="follow-up-what",
                        compact=True,
                    )
                    yield Static("", id="follow-up-error-what", classes="follow-up-error")
            with Horizontal(classes="follow-up-row"):
                yield Label("Who owes it", classes="follow-up-label")
                yield Select(
                    [("I do", Owner.ME.value), ("They do", Owner.THEM.value)],
                    value=Owner.ME.value,
                    allow_blank=False,
                    id="follow-up-owner",
                    compact=True,
                )
            with Horizontal(classes="follow-up-row"):
                yield Label("Due", classes="follow-up-label")
                with Vertical(classes="follow-up-field"):
                    yield DateField(
                        self.store.clock,
                        due.isoformat() if due is not None else "",
                        within=DEADLINE,
                        with_time=False,
                        required=False,
                        placeholder="fri, end of month, in 2 weeks… (optional)",
                        compact=True,
                        input_id="follow-up-due_on",
                        id="date-due_on",
                    )
                    yield Static("", id="follow-up-error-due_on", classes="follow-up-error")
            yield Static("", id="follow-up-error-status", classes="follow-up-error")
            yield from form_buttons("follow-up-buttons")

    def on_mount(self) -> None:
        picker = self.query_one(ContactPicker)
        if self.contact is not None:
            contact_id, name, level = self.contact
            picker.choose(contact_id, name, level)
            self.query_one("#follow-up-what", Input).focus()
        else:
            with_whom = one_line(self.decision.get("with_whom", ""), 80)
            if with_whom:
                picker.input.value = with_whom  # searches, so the matches show at once
            picker.focus()
        self.form_ready()

    def read_draft(self) -> tuple[FollowUpDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        picker = self.query_one(ContactPicker)
        contact_id = picker.contact_id
        if contact_id is None:
            errors["contact"] = (
                picker.problem() if picker.text.strip() else "Say who the follow-up is with."
            )
        due, problem = self.query_one("#date-due_on", DateField).result()
        if problem:
            errors["due_on"] = problem
        draft = FollowUpDraft(
            what=" ".join(self.query_one("#follow-up-what", Input).value.split()),
            owner=Owner(str(self.query_one("#follow-up-owner", Select).value)),
            due_on=due.day if due is not None else None,
            contact_id=contact_id,
        )
        problem = validate_follow_up(draft)
        if problem and contact_id is not None:
            errors.setdefault("what", problem)
        return draft, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for field in ("contact", "what", "due_on"):
            message = errors.get(field, "")
            preview = self.query_one("#date-due_on", DateField).result()[1]
            if field == "due_on" and message and preview == message:
                message = ""  # the date's preview says so already
            self._say(field, message)
        leftover = [text for key, text in errors.items() if key not in FOLLOW_UP_FIELDS]
        self._say("status", " ".join(leftover))

    def _say(self, field: str, message: str) -> None:
        label = self.query_one(f"#follow-up-error-{field}", Static)
        label.update(Content(message))
        label.set_class(bool(message), "-shown")

    def placed_errors(self, errors: dict[str, str]) -> dict[str, str]:
        placed: dict[str, str] = {}
        for key, text in errors.items():
            placed["what" if key.startswith("follow-up-") else key] = text
        return placed

    def write(self, draft: FollowUpDraft) -> Message:
        follow_up_id = self.store.ledger.follow_up_from_decision(self.review_id, self.index, draft)
        return self.Saved(follow_up_id)

    @on(ContactPicker.Picked, "#follow-up-contact")
    def contact_picked(self, message: ContactPicker.Picked) -> None:
        self._say("contact", "")

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.dismiss(message.follow_up_id)
