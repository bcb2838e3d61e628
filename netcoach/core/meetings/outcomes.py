"""How a one-to-one went: the outcome, what was written down after, and the offer of Engage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from netcoach.core.levels import KEY_CONTACT_TARGET, level_name
from netcoach.core.meetings.follow_ups import FollowUpDraft


class Outcome(StrEnum):
    """Whether the stated objective of a one-to-one was met."""

    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT = "not"

    @property
    def label(self) -> str:
        return {"achieved": "achieved", "partly": "partly", "not": "not achieved"}[self.value]


@dataclass(frozen=True, slots=True)
class OutcomeDraft:
    outcome: Outcome | None
    notes: str = ""
    learnt: str = ""
    follow_ups: tuple[FollowUpDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class EngageOffer:
    """A suggestion to move a contact to Engage after a first real one-to-one."""

    contact_id: int
    contact_name: str
    from_level: int
    reason: str


def engage_offer(
    contact_id: int,
    contact_name: str,
    level: int,
    completed_before: int,
    held_on: date,
    objective: str,
) -> EngageOffer | None:
    """Offer Engage after the first completed one-to-one with someone below it."""
    if level >= KEY_CONTACT_TARGET or completed_before > 0:
        return None
    reason = f"First one-to-one on {held_on.day} {held_on:%b %Y}: {' '.join(objective.split())}"
    return EngageOffer(contact_id, contact_name, level, reason[:200])


def describe_level_move(from_level: int, to_level: int) -> str:
    return f"{level_name(from_level)} → {level_name(to_level)}"
