"""One-to-ones: the agenda prompts, what is typed when planning one, and the saved row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from netcoach.core.meetings.held import MAX_MINUTES
from netcoach.core.meetings.outcomes import Outcome
from netcoach.core.validation import check_lengths

MEETING_INTERACTION = "meeting"

# Prompts the planning form offers for the agenda: GAINS, then three questions for giving.
AGENDA_PROMPTS: tuple[tuple[str, str], ...] = (
    ("Goals", "Goals: what are you working towards this year?"),
    ("Accomplishments", "Accomplishments: what are you proudest of lately?"),
    ("Interests", "Interests: what do you enjoy outside work?"),
    ("Networks", "Networks: which groups and circles are you part of?"),
    ("Skills", "Skills: what are you really good at?"),
    ("How can I help?", "How can I help you?"),
    ("Good referral", "Who is a good referral for you?"),
    ("Good introduction", "How do I recognise a good introduction for you?"),
)


@dataclass(frozen=True, slots=True)
class OneToOneDraft:
    """What a person typed when planning (or logging) a one-to-one."""

    contact_id: int | None
    starts_at: datetime | None
    duration_minutes: int
    place: str
    objective: str
    agenda: str = ""


@dataclass(frozen=True, slots=True)
class OneToOne:
    id: int
    contact_id: int
    contact_name: str
    contact_level: int
    starts_at: datetime
    duration_minutes: int
    place: str
    objective: str
    agenda: str
    outcome: Outcome | None
    notes: str
    learnt: str
    completed_at: datetime | None
    is_record: bool

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def needs_outcome(self, now: datetime) -> bool:
        """Over, and nobody has written down how it went."""
        return self.outcome is None and self.ends_at <= now

    def draft_fields(self) -> dict[str, object]:
        """The plan's fields a form opens and an edit merges, named as in ``OneToOneDraft``."""
        return {
            "contact_id": self.contact_id,
            "starts_at": self.starts_at,
            "duration_minutes": self.duration_minutes,
            "place": self.place,
            "objective": self.objective,
            "agenda": self.agenda,
        }


@dataclass(frozen=True, slots=True)
class OneToOnePage:
    rows: tuple[OneToOne, ...]
    total: int
    offset: int


def validate_one_to_one(draft: OneToOneDraft) -> dict[str, str]:
    """Return {field: message} for every problem in a planned one-to-one."""
    errors: dict[str, str] = {}
    if draft.contact_id is None:
        errors["contact"] = "Pick the contact you are meeting from the list."
    if draft.starts_at is None:
        errors["when"] = "Type when you are meeting."
    if not 1 <= draft.duration_minutes <= MAX_MINUTES:
        errors["length"] = "The length must be more than zero and at most 24 hours."
    if not draft.objective.strip():
        errors["objective"] = (
            "A one-to-one needs an objective: what do you want to have learnt or agreed?"
        )
    lengths = check_lengths(
        {
            "place": ("place", draft.place),
            "objective": ("objective", draft.objective),
            "agenda": ("note", draft.agenda),
        }
    )
    return lengths | errors
