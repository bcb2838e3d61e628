"""What every part of the meetings repository shares: the database, the clock, a contact check."""

from __future__ import annotations

from netcoach.data.errors import ValidationError
from netcoach.data.repository import Clock, Repository
from netcoach.data.tables import ContactRecord

__all__ = ["Clock", "MeetingBase"]


class MeetingBase(Repository):
    """The database and the clock a part of the meetings repository works with."""

    def _require_contact(self, contact_id: int) -> None:
        """Refuse a contact id that does not name a contact."""
        if not ContactRecord.select().where(ContactRecord.id == contact_id).exists():
            raise ValidationError(
                {"contact": "That contact does not exist (any more): pick another."}
            )
