"""A small form for a new time-bound goal, with each problem shown beside its field."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from netcoach.core.goals import METRICS, GoalDraft, validate_goal
from netcoach.core.ledger import KINDS, parse_day
from netcoach.data.repo import Store
from netcoach.screens.draft_form import DraftFormScreen

FIELDS = ("title", "metric", "kind", "target", "starts_on", "deadline")


class GoalModal(DraftFormScreen[int | None], ModalScreen[int | None]):
    """Dismisses with the new goal's id, or None when cancelled."""

    CSS_PATH = "../styles/give_get.tcss"
    FORM_NAME = "goal"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="goal-form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="goal-form.cancel"),
    ]

    class Saved(Message):
        def __init__(self, goal_id: int) -> None:
            super().__init__()
            self.goal_id = goal_id

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        today = self.store.today()
        with Vertical(id="goal-box"):
            yield Static("New goal", id="goal-title-text")
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
                                value="given",
                                allow_blank=False,
                                id="goal-metric",
                                compact=True,
                            )
                        elif field == "kind":
                            yield Select(
                                [(kind, kind) for kind in KINDS],
                                prompt="any kind",
                                id="goal-kind",
                                compact=True,
                            )
                        else:
                            value = {
                                "starts_on": today.isoformat(),
                                "deadline": (today + timedelta(days=90)).isoformat(),
                            }.get(field, "")
                            yield Input(
                                value,
                                placeholder="Three introductions to architects"
                                if field == "title"
                                else "",
                                id=f"goal-{field}",
                                compact=True,
                                max_length=200,
                            )
                        yield Static("", id=f"goal-error-{field}", classes="goal-error")
            with Horizontal(id="goal-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="form-save")
                yield Button("Cancel  esc", id="form-cancel")

    def on_mount(self) -> None:
        self.query_one("#goal-title", Input).focus()
        self.form_ready()

    def read_draft(self) -> tuple[GoalDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        target_text = self.query_one("#goal-target", Input).value.strip()
        target = int(target_text) if target_text.isdigit() else 0
        if not target_text.isdigit():
            errors["target"] = "The target is a whole number, like 3."
        start, problem = parse_day(self.query_one("#goal-starts_on", Input).value)
        if problem:
            errors["starts_on"] = problem
        deadline, problem = parse_day(self.query_one("#goal-deadline", Input).value)
        if problem:
            errors["deadline"] = problem
        if start is None or deadline is None:
            return None, errors
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
            label = self.query_one(f"#goal-error-{field}", Static)
            label.update(Content(errors.get(field, "")))
            label.set_class(field in errors, "-shown")

    def write(self, draft: GoalDraft) -> Message:
        return self.Saved(self.store.ledger.add_goal(draft).id)

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.dismiss(message.goal_id)
