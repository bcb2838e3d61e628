"""What an export writes, as plain data: one contact with everything, one calendar entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from netcoach.core.models import Contact


@dataclass(frozen=True, slots=True)
class ExportedContact:
    """A contact with the import details kept beside it."""

    contact: Contact
    linkedin_url: str = ""
    connected_on: date | None = None


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """A planned one-to-one or event, as an iCalendar VEVENT."""

    uid: str
    starts_at: datetime
    minutes: int
    summary: str
    description: str = ""
    location: str = ""
