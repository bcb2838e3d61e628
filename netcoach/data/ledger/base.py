"""What every part of the ledger repository shares: the database, the clock and today.

The repositories here are called from thread workers only; each method opens its own
connection context, and each write is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from peewee import SqliteDatabase

Clock = Callable[[], datetime]


class LedgerBase:
    """The database and the clock a part of the ledger works with."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def today(self) -> date:
        """Today by the repository's clock."""
        return self.clock().date()

    def _stamp(self) -> str:
        """Now, to the second, as SQLite stores a date and time."""
        return self.clock().replace(microsecond=0).isoformat(sep=" ")
