"""One-to-ones, events and follow-ups: one module per concept, and ``MeetingRepo`` over them.

- ``one_to_ones``: planned meetings with one contact, and their outcomes.
- ``events``: networking meetings and the people met there.
- ``follow_ups``: actions promised after either, with due dates.
- ``time_spent``: the time both took, for the review's return on time.

Call the repositories from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

from netcoach.data.meetings.base import Clock
from netcoach.data.meetings.events import EVENT_INTERACTION, EventsRepo
from netcoach.data.meetings.follow_ups import FollowUpsRepo
from netcoach.data.meetings.one_to_ones import OneToOnesRepo
from netcoach.data.meetings.time_spent import TimeSpentRepo

__all__ = ["EVENT_INTERACTION", "Clock", "MeetingRepo"]


class MeetingRepo(OneToOnesRepo, EventsRepo, FollowUpsRepo, TimeSpentRepo):
    """One-to-ones, events, people met, follow-ups and the time they took."""
