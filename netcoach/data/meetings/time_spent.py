"""Time spent: one-to-ones held and events begun in a span of days, for return on time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from netcoach.core.meetings import TimeSpent, TimeTally, tally_time
from netcoach.data.meetings.base import MeetingBase
from netcoach.data.meetings.one_to_ones import held_rows
from netcoach.data.tables import EventRecord


class TimeSpentRepo(MeetingBase):
    """The time one-to-ones and events took, counted by the rule in ``core.meetings``."""

    def time_spent(self, start: date, end: date) -> TimeSpent:
        """Time at one-to-ones held and events begun from ``start`` to ``end``, inclusive."""
        return self.tally(start, end).time_spent

    def tally(self, start: date, end: date) -> TimeTally:
        """One-to-ones held, their outcomes and the time spent, by the rule in ``core``."""
        now = self.now()
        low = datetime.combine(start, time())
        high = datetime.combine(end + timedelta(days=1), time())
        with self.db.connection_context():
            one_to_ones = held_rows(start, end)
            events = [
                (r.starts_at, r.duration_minutes)
                for r in EventRecord.select(EventRecord.starts_at, EventRecord.duration_minutes)
                .where((EventRecord.starts_at >= low) & (EventRecord.starts_at < high))
                .namedtuples()
            ]
        return tally_time(one_to_ones, events, now, start, end)
