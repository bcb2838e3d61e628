"""Networking events: the kinds, who was met there, and what is typed when logging one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from netcoach.core.meetings.follow_ups import FollowUpDraft
from netcoach.core.meetings.held import MAX_MINUTES
from netcoach.core.validation import NAME_MAX, check_lengths, limit_message

EVENT_KINDS = ("breakfast", "chamber", "conference", "online", "social")


@dataclass(frozen=True, slots=True)
class PersonMet:
    contact_id: int
    name: str
    level: int


@dataclass(frozen=True, slots=True)
class EventDraft:
    name: str
    kind: str
    starts_at: datetime | None
    duration_minutes: int
    place: str = ""
    pitch: str = ""
    notes: str = ""
    people: tuple[int, ...] = ()
    new_people: tuple[str, ...] = ()
    follow_ups: tuple[FollowUpDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    name: str
    kind: str
    starts_at: datetime
    duration_minutes: int
    place: str
    pitch: str
    notes: str
    people: tuple[PersonMet, ...] = ()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def draft_fields(self) -> dict[str, object]:
        """The fields a form opens and an edit merges, named as in ``EventDraft``; people by id."""
        return {
            "name": self.name,
            "kind": self.kind,
            "starts_at": self.starts_at,
            "duration_minutes": self.duration_minutes,
            "place": self.place,
            "pitch": self.pitch,
            "notes": self.notes,
            "people": tuple(person.contact_id for person in self.people),
        }


@dataclass(frozen=True, slots=True)
class EventPage:
    rows: tuple[Event, ...]
    total: int
    offset: int


def validate_event(draft: EventDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.name.strip():
        errors["name"] = "Give the event a name, e.g. Thursday breakfast club."
    if draft.kind not in EVENT_KINDS:
        errors["kind"] = f"Choose one of: {', '.join(EVENT_KINDS)}."
    if draft.starts_at is None:
        errors["when"] = "Type when the event is."
    if not 1 <= draft.duration_minutes <= MAX_MINUTES:
        errors["length"] = "The length must be more than zero and at most 24 hours."
    if any(not name.strip() for name in draft.new_people):
        errors["people"] = "A new person needs a name."
    elif any(len(name) > NAME_MAX for name in draft.new_people):
        errors["people"] = limit_message("name")
    lengths = check_lengths(
        {
            "name": ("name", draft.name),
            "place": ("place", draft.place),
            "pitch": ("line", draft.pitch),
            "notes": ("note", draft.notes),
        }
    )
    return lengths | errors
