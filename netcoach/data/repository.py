"""What the repositories of the ledger and of meetings share: the database and the clock.

Call repositories from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from peewee import SqliteDatabase

Clock = Callable[[], datetime]


class Repository:
    """The database a repository reads and writes, and the clock that says when it is."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def now(self) -> datetime:
        """Now by the repository's clock, to the second."""
        return self.clock().replace(microsecond=0)

    def today(self) -> date:
        """Today by the repository's clock."""
        return self.clock().date()

    def _stamp(self) -> str:
        """Now, to the second, as SQLite stores a date and time."""
        return self.now().isoformat(sep=" ")
