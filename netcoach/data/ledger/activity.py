"""The activity of other parts of netcoach that goals and reviews count, read only when present."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from peewee import SqliteDatabase

from netcoach.data.values import stored_datetime_or_none


def optional_activity(
    db: SqliteDatabase, start: date | None = None, end: date | None = None
) -> tuple[
    tuple[tuple[datetime, int, str | None], ...] | None,
    tuple[tuple[datetime, int], ...] | None,
    dict[str, int] | None,
]:
    """One-to-ones, events and reasons-to-network counts, or None where not recorded.

    These tables belong to other parts of netcoach; they are read only when present.
    Every row in the days is returned: which were held is ``core.meetings.tally_time``'s
    to decide, so the review and the One-to-ones tab count by the same rule.
    """
    tables = {
        row[0]
        for row in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('one_to_one', 'event', 'contact_reason')"
        )
    }
    low = (start or date.min).isoformat()
    high = ((end or date(9998, 12, 31)) + timedelta(days=1)).isoformat()
    one_to_ones = events = reasons = None
    if "one_to_one" in tables:
        one_to_ones = tuple(
            (moment, int(d or 0), o)
            for s, d, o in db.execute_sql(
                "SELECT starts_at, duration_minutes, outcome FROM one_to_one "
                "WHERE starts_at >= ? AND starts_at < ?",
                (low, high),
            )
            if (moment := stored_datetime_or_none(s)) is not None
        )
    if "event" in tables:
        events = tuple(
            (moment, int(d or 0))
            for s, d in db.execute_sql(
                "SELECT starts_at, duration_minutes FROM event "
                "WHERE starts_at >= ? AND starts_at < ?",
                (low, high),
            )
            if (moment := stored_datetime_or_none(s)) is not None
        )
    if "contact_reason" in tables:
        reasons = dict(
            db.execute_sql(
                "SELECT r.reason, count(DISTINCT r.contact_id) FROM contact_reason r "
                "JOIN contact c ON c.id = r.contact_id WHERE c.archived_at IS NULL "
                "GROUP BY r.reason"
            ).fetchall()
        )
    return one_to_ones, events, reasons
