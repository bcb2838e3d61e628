"""Introductions move through states: suggested, asked the first, asked the second, introduced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STATES = ("suggested", "asked_first", "asked_second", "introduced", "dismissed")
OUTCOMES = ("business", "friendship", "nothing")
STATE_LABELS = {
    "suggested": "suggested",
    "asked_first": "asked the first",
    "asked_second": "asked the second",
    "introduced": "introduced",
    "dismissed": "dismissed",
}
NEXT_STATE = {
    "suggested": "asked_first",
    "asked_first": "asked_second",
    "asked_second": "introduced",
}


class TransitionError(ValueError):
    """An introduction cannot move that way."""


def check_transition(current: str, target: str) -> None:
    """Allow the next step forward, or dismissing anything not yet introduced."""
    if target == "dismissed" and current not in ("introduced", "dismissed"):
        return
    if NEXT_STATE.get(current) == target:
        return
    raise TransitionError(
        f"An introduction that is {STATE_LABELS.get(current, current)} "
        f"cannot become {STATE_LABELS.get(target, target)}."
    )


def check_outcome(state: str, outcome: str) -> None:
    if state != "introduced":
        raise TransitionError("Record an outcome once the introduction has been made.")
    if outcome not in OUTCOMES:
        raise TransitionError(f"An outcome is one of: {', '.join(OUTCOMES)}.")


@dataclass(frozen=True, slots=True)
class Introduction:
    """Two contacts you may introduce, why, and how far it has gone."""

    id: int
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    reason: str
    state: str
    outcome: str | None
    introduced_on: date | None

    @property
    def stage(self) -> str:
        label = STATE_LABELS.get(self.state, self.state)
        return f"{label}: {self.outcome}" if self.outcome else label
