"""What an export writes, as plain data: one contact with everything, one calendar entry,
one reminder; and which reminders the calendar export carries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from hashlib import sha1

from netcoach.core.models import Contact

# The namespace of the UIDs netcoach gives its vCards.
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "netcoach.invalid")
_NAMESPACE_BYTES = UID_NAMESPACE.bytes
UID_MARK = "uid:"  # an imported card's UID, kept among the contact's imported fields
UID_MAX = 255


@dataclass(frozen=True, slots=True)
class ExportedContact:
    """A contact with everything a vCard carries beside it: identity, import details, phrases.

    ``wants`` and ``haves`` are (phrase, tag) pairs in the order they were added.
    """

    contact: Contact
    linkedin_url: str = ""
    connected_on: date | None = None
    uid: str = ""
    archived_at: datetime | None = None
    wants: tuple[tuple[str, str], ...] = ()
    haves: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """A planned one-to-one or event, as an iCalendar VEVENT."""

    uid: str
    starts_at: datetime
    minutes: int
    summary: str
    description: str = ""
    location: str = ""


def contact_uid(contact_id: int, created_at: datetime) -> str:
    """The UID of a contact's vCard: the same on every export of the same database.

    Derived from the contact's id and the second it was created, which no edit
    changes and a backup, restore or JSON export keeps.
    """
    stamp = created_at.replace(microsecond=0).isoformat(sep=" ")
    # uuid.uuid5, without building a UUID object (an export makes one per contact).
    digest = bytearray(sha1(_NAMESPACE_BYTES + f"contact/{contact_id}/{stamp}".encode()).digest())
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest[:16].hex()
    return f"urn:uuid:{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# ---- reminders: all-day calendar items with an alarm -------------------------------------------

# Touches due up to this many days ahead are in the calendar (overdue ones are on today).
REMINDER_DAYS = 30
# The alarm of an all-day item: nine hours after the start of its day, i.e. 9:00 that
# morning wherever the calendar is, as Apple Calendar writes its own all-day alerts.
ALARM_TRIGGER = "PT9H"


class ReminderKind(StrEnum):
    """What a reminder is for; part of its UID, so never renamed."""

    TOUCH = "touch"
    FOLLOW_UP = "follow_up"
    GOAL = "goal"


@dataclass(frozen=True, slots=True)
class Reminder:
    """A touch due, a follow-up due or a goal's deadline, as an all-day VEVENT with an alarm.

    ``on`` is the day it is shown on: the day it is due, or today once that has passed.
    """

    uid: str
    kind: ReminderKind
    on: date
    summary: str
    description: str = ""


def reminder_uid(kind: ReminderKind, record_id: int, created_at: datetime) -> str:
    """The UID of a reminder: the same on every export, whatever is edited.

    From the kind and the id of the record it is about (the contact, the follow-up, the
    goal) and the second that record was created, which no edit changes and a backup,
    restore or JSON export keeps: an id used again after a deletion is another UID.
    """
    return f"{kind.value}-{record_id}-{created_at:%Y%m%dT%H%M%S}@netcoach"


def reminder_day(due: date, today: date) -> date:
    """The day a reminder is shown on: its due day, or today once that has passed."""
    return max(due, today)


def sequence_at(stamp: datetime) -> int:
    """A SEQUENCE that grows with every export: whole minutes from 2000-01-01 UTC.

    netcoach keeps no revision counter for follow-ups and goals, so each export stamps
    every item as revised when it is written; a calendar importing the file again then
    takes the newer copy of each UID instead of keeping the old one.
    """
    epoch = datetime(2000, 1, 1, tzinfo=stamp.tzinfo)
    return max(0, int((stamp - epoch).total_seconds() // 60))
