"""What an export writes, as plain data: one contact with everything, one calendar entry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
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
