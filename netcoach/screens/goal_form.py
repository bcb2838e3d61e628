"""A small form for a time-bound goal, new or edited, with each problem shown beside its field."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from netcoach.core.goals import METRICS, Goal, GoalDraft, validate_goal
from netcoach.core.ledger import KINDS
from netcoach.core.when import DEADLINE, PLANNED
from netcoach.data.repo import Store
from netcoach.screens.forms import DraftFormScreen
from netcoach.screens.forms.rows import form_buttons
from netcoach.widgets.date_field import DateField
from netcoach.widgets.limited import LimitedInput

FIELDS = ("title", "metric", "kind", "target", "starts_on", "deadline")


class GoalModal(DraftFormScreen[int | None], ModalScreen[int | None]):
    """Dismisses with the saved goal's id, or None when cancelled; given a goal, edits it."""

    CSS_PATH = "../styles/give_get.tcss"
    FORM_NAME = "goal"
    RECORD_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "goal-title": ("title",),
        "goal-metric": ("metric", "kind"),  # a measure without kinds clears the kind
        "goal-kind": ("kind",),
        "goal-target": ("target",),
        "goal-starts_on": ("starts_on",),
        "goal-deadline": ("deadline",),
    }
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "title": "Goal",
        "metric": "Measured by",
        "kind": "Of kind",
        "target": "Target",
        "starts_on": "From",
        "deadline": "Deadline",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="goal-form.save"),
        Binding("escape", "cancel", "Cancel", id="goal-form.cancel"),
    ]

    class Saved(Message):
        def __init__(self, goal_id: int) -> None:
            super().__init__()
            self.goal_id = goal_id

    def __init__(
        self,
        store: Store,
        goal: Goal | None = None,
        *,
        title: str = "",
        deadline: date | None = None,
    ) -> None:
        """``title`` and ``deadline`` fill a new goal's fields in (from a review decision)."""
        super().__init__()
        self.store = store
        self.goal = goal
        self.title_given = title
        self.deadline_given = deadline

    def compose(self) -> ComposeResult:
        today = self.store.today()
        goal = self.goal
        with Vertical(id="goal-box"):
            yield Static("New goal" if goal is None else "Edit goal", id="goal-title-text")
            rows: tuple[tuple[str, str], ...] = (
                ("title", "Goal"),
                ("metric", "Measured by"),
                ("kind", "Of kind"),
                ("target", "Target"),
                ("starts_on", "From"),
                ("deadline", "Deadline"),
            )
            for field, label in rows:
                with Horizontal(classes="goal-row"):
                    yield Label(label, classes="goal-label")
                    with Vertical(classes="goal-field"):
                        if field == "metric":
                            yield Select(
                                [(text, key) for key, text in METRICS.items()],
                                value=goal.metric if goal is not None else "given",
                                allow_blank=False,
                                id="goal-metric",
                                compact=True,
                            )
                        elif field == "kind":
                            yield Select(
                                [(kind, kind) for kind in KINDS],
                                prompt="any kind",
                                value=goal.kind if goal is not None and goal.kind else Select.NULL,
                                id="goal-kind",
                                compact=True,
                            )
                        elif field in ("starts_on", "deadline"):
                            if goal is not None:
                                day = goal.starts_on if field == "starts_on" else goal.deadline
                            elif field == "deadline" and self.deadline_given is not None:
                                day = self.deadline_given
                            else:
                                day = today if field == "starts_on" else today + timedelta(days=90)
                            yield DateField(
                                self.store.clock,
                                day.isoformat(),
                                within=DEADLINE if field == "deadline" else PLANNED,
                                with_time=False,
                                placeholder="end of month, fri, in 3 months, 2027-03-31…",
                                compact=True,
                                input_id=f"goal-{field}",
                                id=f"date-{field}",
                            )
                        elif field == "title":
                            yield LimitedInput(
                                goal.title if goal is not None else self.title_given,
                                kind="goal",
                                placeholder="Three introductions to architects",
                                id="goal-title",
                                compact=True,
                            )
                        else:
                            yield Input(
                                str(goal.target) if goal is not None else "",
                                placeholder="3",
                                max_length=9,
                                id=f"goal-{field}",
                                compact=True,
                            )
                        yield Static("", id=f"goal-error-{field}", classes="goal-error")
            yield from form_buttons("goal-buttons")

    def on_mount(self) -> None:
        goal = self.goal
        if goal is not None:
            self.opened_with(
                {
                    "title": goal.title,
                    "metric": goal.metric,
                    "target": goal.target,
                    "starts_on": goal.starts_on,
                    "deadline": goal.deadline,
                    "kind": goal.kind,
                }
            )
        self.query_one("#goal-title", Input).focus()
        self.form_ready()

    def read_draft(self) -> tuple[GoalDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        target_text = self.query_one("#goal-target", Input).value.strip()
        target = int(target_text) if target_text.isdigit() else 0
        if not target_text.isdigit():
            errors["target"] = "The target is a whole number, like 3."
        start_when, problem = self.query_one("#date-starts_on", DateField).result()
        if problem:
            errors["starts_on"] = problem
        deadline_when, problem = self.query_one("#date-deadline", DateField).result()
        if problem:
            errors["deadline"] = problem
        if start_when is None or deadline_when is None:
            return None, errors
        start, deadline = start_when.day, deadline_when.day
        metric = str(self.query_one("#goal-metric", Select).value)
        kind_select = self.query_one("#goal-kind", Select)
        kind = None if kind_select.is_blank() else str(kind_select.value)
        if metric not in ("given", "received"):
            kind = None
        draft = GoalDraft(
            title=self.query_one("#goal-title", Input).value,
            metric=metric,
            target=target or 1,
            starts_on=start,
            deadline=deadline,
            kind=kind,
        )
        for field, message in validate_goal(draft).items():
            errors.setdefault(field, message)
        return draft, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for field in FIELDS:
            message = errors.get(field, "")
            dated = field in ("starts_on", "deadline") and bool(message)
            if dated and self.query_one(f"#date-{field}", DateField).result()[1] == message:
                message = ""  # the date's preview says so already
            label = self.query_one(f"#goal-error-{field}", Static)
            label.update(Content(message))
            label.set_class(bool(message), "-shown")

    def write(self, draft: GoalDraft) -> Message:
        if self.goal is None:
            return self.Saved(self.store.ledger.add_goal(draft).id)
        saved = self.store.ledger.save_goal_changes(self.goal.id, self.opened, self.changes)
        return self.Saved(saved.id)

    def show_value(self, field: str, value: object) -> str:
        if field == "metric" and isinstance(value, str):
            return METRICS.get(value, value)
        if field == "kind" and value is None:
            return "any kind"
        return super().show_value(field, value)

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.dismiss(message.goal_id)
