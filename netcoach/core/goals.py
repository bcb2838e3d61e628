"""Time-bound networking goals: a target by a deadline, progress from the data where it can be."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netcoach.core.ledger import KINDS
from netcoach.core.validation import NAME_MAX, limit_message

METRICS = {
    "manual": "updated by hand",
    "given": "things given",
    "received": "things received",
    "one_to_ones": "one-to-ones held",
    "level4_contacts": "contacts at Collaborate or above",
    "introductions": "introductions made",
}
NEAR_DAYS = 30
MAX_TARGET = 1_000_000


@dataclass(frozen=True, slots=True)
class GoalDraft:
    title: str
    metric: str
    target: int
    starts_on: date
    deadline: date
    kind: str | None = None


def validate_goal(draft: GoalDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.title.strip():
        errors["title"] = "Say what the goal is."
    elif len(draft.title) > NAME_MAX:
        errors["title"] = limit_message("goal")
    if draft.metric not in METRICS:
        errors["metric"] = "Choose how progress is measured."
    if draft.kind is not None and (
        draft.metric not in ("given", "received") or draft.kind not in KINDS
    ):
        errors["kind"] = "A kind applies only to things given or received."
    if not 1 <= draft.target <= MAX_TARGET:
        errors["target"] = f"The target is a whole number from 1 to {MAX_TARGET:,}."
    if draft.deadline < draft.starts_on:
        errors["deadline"] = "The deadline comes after the start."
    return errors


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal and where it stands; ``progress`` None means the data to measure it is missing."""

    id: int
    title: str
    metric: str
    kind: str | None
    target: int
    starts_on: date
    deadline: date
    progress: int | None

    @property
    def computed(self) -> bool:
        return self.metric != "manual"

    @property
    def done(self) -> bool:
        return self.progress is not None and self.progress >= self.target

    @property
    def fraction(self) -> float:
        return 0.0 if self.progress is None else min(1.0, self.progress / self.target)

    def days_left(self, today: date) -> int:
        return (self.deadline - today).days

    def is_near(self, today: date, days: int = NEAR_DAYS) -> bool:
        """Unfinished with the deadline within ``days`` (or passed in the last week)."""
        return not self.done and -7 <= self.days_left(today) <= days

    def progress_text(self) -> str:
        if self.progress is None:
            return f"not recorded yet of {self.target}"
        return f"{self.progress} of {self.target}"


def progress_bar(fraction: float, width: int = 20) -> str:
    """A bar of block characters, so progress reads at a glance."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)
