"""What every part of the meetings repository shares: the database, the clock, a contact check.

The repositories here are called from thread workers only; each method opens its own
connection context, and each write is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from peewee import SqliteDatabase

from netcoach.data.errors import ValidationError
from netcoach.data.tables import ContactRecord

Clock = Callable[[], datetime]


class MeetingBase:
    """The database and the clock a part of the meetings repository works with."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def now(self) -> datetime:
        """Now by the repository's clock, to the second."""
        return self.clock().replace(microsecond=0)

    def _require_contact(self, contact_id: int) -> None:
        if not ContactRecord.select().where(ContactRecord.id == contact_id).exists():
            raise ValidationError(
                {"contact": "That contact does not exist (any more): pick another."}
            )
