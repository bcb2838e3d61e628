"""The dataclasses that travel from the repositories to the screens."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from netcoach.core.cadence import TouchStatus
from netcoach.core.important_dates import ImportantDate


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """What a person typed for a contact, before or after it is saved."""

    name: str
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    url: str = ""
    how_met: str = ""
    where_met: str = ""
    notes: str = ""
    level: int = 1
    cadence_days: int | None = None
    is_advisor: bool = False
    tags: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    wants: tuple[str, ...] = ()
    haves: tuple[str, ...] = ()
    gains_goals: str = ""
    gains_accomplishments: str = ""
    gains_interests: str = ""
    gains_networks: str = ""
    gains_skills: str = ""
    birthday: ImportantDate | None = None
    anniversary: ImportantDate | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    """One person in the network, with everything the detail and the form need."""

    id: int
    name: str
    company: str
    title: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    url: str
    how_met: str
    where_met: str
    notes: str
    level: int
    cadence_days: int | None
    is_advisor: bool
    archived: bool
    created_at: datetime
    updated_at: datetime
    last_interaction_at: datetime | None
    tags: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    wants: tuple[str, ...] = ()
    haves: tuple[str, ...] = ()
    gains_goals: str = ""
    gains_accomplishments: str = ""
    gains_interests: str = ""
    gains_networks: str = ""
    gains_skills: str = ""
    next_due_on: date | None = None
    birthday: ImportantDate | None = None
    anniversary: ImportantDate | None = None

    def to_draft(self) -> ContactDraft:
        return ContactDraft(
            name=self.name,
            company=self.company,
            title=self.title,
            emails=self.emails,
            phones=self.phones,
            url=self.url,
            how_met=self.how_met,
            where_met=self.where_met,
            notes=self.notes,
            level=self.level,
            cadence_days=self.cadence_days,
            is_advisor=self.is_advisor,
            tags=self.tags,
            reasons=self.reasons,
            wants=self.wants,
            haves=self.haves,
            gains_goals=self.gains_goals,
            gains_accomplishments=self.gains_accomplishments,
            gains_interests=self.gains_interests,
            gains_networks=self.gains_networks,
            gains_skills=self.gains_skills,
            birthday=self.birthday,
            anniversary=self.anniversary,
        )


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One line of a contact list: enough to show and sort, nothing more."""

    id: int
    name: str
    company: str
    title: str
    level: int
    is_advisor: bool
    last_touch: datetime
    last_interaction_at: datetime | None
    next_due: date | None
    status: TouchStatus
    archived: bool = False


class SortOrder(StrEnum):
    """How a contact list is ordered."""

    NAME = "name"
    LAST_INTERACTION = "last"
    NEXT_DUE = "due"


class Show(StrEnum):
    """Which contacts a list shows, beyond the search and the other filters."""

    ACTIVE = "active"
    OVERDUE = "overdue"
    ADVISORS = "advisors"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class ContactFilter:
    """Everything that narrows or orders a contact list; the default is every active contact."""

    search: str = ""
    level: int | None = None
    tag: str | None = None
    reason: str | None = None
    show: Show = Show.ACTIVE
    sort: SortOrder = SortOrder.NAME


@dataclass(frozen=True, slots=True)
class ContactPage:
    """A window of a contact list and how many rows the whole list has.

    ``after`` is the position to continue from (keyset paging); ``capped`` says
    that ``total`` is a lower bound because counting stopped there.
    """

    rows: tuple[ContactRow, ...]
    total: int
    offset: int
    after: tuple[str, int] | None = None
    more: bool = False
    capped: bool = False


@dataclass(frozen=True, slots=True)
class LevelChange:
    id: int
    contact_id: int
    from_level: int | None
    to_level: int
    reason: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class Interaction:
    id: int
    contact_id: int
    kind: str
    happened_at: datetime
    note: str


@dataclass(frozen=True, slots=True)
class TodaySummary:
    """What the Today screen shows: counts per level and who needs a touch most."""

    level_counts: dict[int, int]
    total_contacts: int
    overdue: tuple[ContactRow, ...] = field(default_factory=tuple)
    overdue_total: int = 0
