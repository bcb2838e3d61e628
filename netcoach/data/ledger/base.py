"""What every part of the ledger repository shares: the database, the clock and today."""

from __future__ import annotations

from netcoach.data.repository import Clock, Repository

__all__ = ["Clock", "LedgerBase"]


class LedgerBase(Repository):
    """The database and the clock a part of the ledger works with."""
