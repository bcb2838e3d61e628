"""Follow-ups: who owes what by when, where each stands today, and the check before saving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from netcoach.core.validation import LINE_MAX

FOLLOW_UP_INTERACTION = "follow-up"


class Owner(StrEnum):
    """Who owes a follow-up action."""

    ME = "me"
    THEM = "them"


class FollowUpStatus(StrEnum):
    """Where a follow-up stands today, always shown in words."""

    DONE = "done"
    OVERDUE = "overdue"
    DUE = "due today"
    UPCOMING = "upcoming"
    NO_DATE = "no date"


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    """A follow-up being typed; at an event it may be with a person not yet a contact."""

    what: str
    owner: Owner
    due_on: date | None
    contact_id: int | None = None
    new_person: str = ""


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: int
    contact_id: int
    contact_name: str
    what: str
    owner: Owner
    due_on: date | None
    done_at: datetime | None
    source: str
    one_to_one_id: int | None = None
    event_id: int | None = None

    def status(self, today: date) -> FollowUpStatus:
        return follow_up_status(self.due_on, self.done_at, today)


@dataclass(frozen=True, slots=True)
class FollowUpPage:
    rows: tuple[FollowUp, ...]
    total: int
    offset: int


def follow_up_status(due_on: date | None, done_at: datetime | None, today: date) -> FollowUpStatus:
    """Done once done; otherwise overdue after the due day, due on it, upcoming before it."""
    if done_at is not None:
        return FollowUpStatus.DONE
    if due_on is None:
        return FollowUpStatus.NO_DATE
    if due_on < today:
        return FollowUpStatus.OVERDUE
    if due_on == today:
        return FollowUpStatus.DUE
    return FollowUpStatus.UPCOMING


def is_due_or_overdue(due_on: date | None, done_at: datetime | None, today: date) -> bool:
    return follow_up_status(due_on, done_at, today) in (FollowUpStatus.DUE, FollowUpStatus.OVERDUE)


def validate_follow_up(draft: FollowUpDraft) -> str | None:
    if not draft.what.strip():
        return "Say what needs doing."
    if len(draft.what) > LINE_MAX:
        return f"A follow-up is at most {LINE_MAX} characters."
    if draft.contact_id is None:
        return "Say who the follow-up is with."
    return None
