"""Give and get: one module per concept of the ledger, and ``LedgerRepo`` over them all.

- ``entries``: what was given and received, one entry at a time.
- ``trash`` and ``deleted``: soft deletion of entries and wants/haves, and putting them back.
- ``balances``: given against received per contact; who has not been helped back.
- ``wants_haves``: wants and haves and the matches between them.
- ``introductions``: introductions from suggested to outcome.
- ``goals``: networking goals and their progress.
- ``reviews``: what a period's review reads, and the saved reviews.
- ``activity``: the one-to-ones, events and reasons that goals and reviews count.

Call the repositories from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

from netcoach.data.ledger.balances import BalancesRepo
from netcoach.data.ledger.base import Clock
from netcoach.data.ledger.deleted import DeletedRepo
from netcoach.data.ledger.entries import EntriesRepo
from netcoach.data.ledger.goals import GoalsRepo
from netcoach.data.ledger.introductions import IntroductionsRepo
from netcoach.data.ledger.reviews import ReviewsRepo, SavedReview
from netcoach.data.ledger.wants_haves import WantsHavesRepo

__all__ = ["Clock", "LedgerRepo", "SavedReview"]


class LedgerRepo(
    EntriesRepo,
    DeletedRepo,
    BalancesRepo,
    WantsHavesRepo,
    IntroductionsRepo,
    GoalsRepo,
    ReviewsRepo,
):
    """What was given and received, wants and haves, introductions, goals and reviews."""
