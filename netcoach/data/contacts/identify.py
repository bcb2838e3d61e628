"""Today's Identify decision: contacts met in person and still at Identify a month on.

The rule and what "met" means are in ``netcoach.core.meetings.follow_through``. One
query answers it. It first walks the active contacts at level 1 in the covering
index ``contact_active_by_id`` and keeps only those touched at all (a last touch, or
listed at an event, or a one-to-one with an outcome): an imported network that was
never met costs one index scan. Only those touched get index lookups: the last level
change (``level_change_contact``), then, for those at Identify long enough, the first
in-person touch (``interaction_contact``), the first begun event they were listed at
(``event_person_contact``) and the first held one-to-one (``one_to_one_contact``).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from netcoach.data.contacts.connections import ContactsBase
from netcoach.data.values import stored_datetime_or_none

if TYPE_CHECKING:
    from netcoach.core.meetings.follow_through import StillAtIdentify

# No moment sorts after this one: stands in for "never" inside min().
NEVER = "9999-12-31 23:59:59"


@cache
def still_at_identify_sql(kinds: int) -> str:
    """The query, with one parameter for each of the ``kinds`` kinds of touch that count
    as meeting. (Made on first use: the rules it reads load the meetings package, which
    the contact list and the app's start do not need.)"""
    placeholders = ", ".join(f":kind{i}" for i in range(kinds))
    return f"""
WITH touched AS (
    SELECT c.id FROM contact c INDEXED BY contact_active_by_id
    WHERE c.archived_at IS NULL AND c.level = 1
    AND (c.last_interaction_at IS NOT NULL
         OR c.id IN (SELECT contact_id FROM event_person)
         OR c.id IN (SELECT contact_id FROM one_to_one WHERE outcome IS NOT NULL))
), at_identify AS (
    SELECT c.id, c.name, c.company,
        coalesce(
            (SELECT max(l.changed_at) FROM level_change l WHERE l.contact_id = c.id),
            c.created_at
        ) AS since
    FROM touched t JOIN contact c ON c.id = t.id
), met AS (
    SELECT a.*,
        min(
            coalesce((SELECT min(i.happened_at) FROM interaction i
                      WHERE i.contact_id = a.id AND i.kind IN ({placeholders})), '{NEVER}'),
            coalesce((SELECT min(e.starts_at) FROM event_person p
                      JOIN event e ON e.id = p.event_id
                      WHERE p.contact_id = a.id AND e.starts_at <= :now), '{NEVER}'),
            coalesce((SELECT min(o.starts_at) FROM one_to_one o
                      WHERE o.contact_id = a.id AND o.starts_at <= :now
                      AND o.outcome IS NOT NULL AND o.outcome <> ''), '{NEVER}')
        ) AS first_met
    FROM at_identify a WHERE a.since <= :cutoff
)
SELECT id, name, company, since, first_met, count(*) OVER () FROM met
WHERE first_met <= :cutoff
ORDER BY max(since, first_met), id
LIMIT :limit
"""


class IdentifyDecisions(ContactsBase):
    """The contacts whose Identify decision is due (Today's card)."""

    def still_at_identify(self, limit: int = 5) -> tuple[list[StillAtIdentify], int]:
        """The oldest ``limit`` decisions due, and how many are due in all."""
        from netcoach.core.meetings.follow_through import (
            MET_TOUCH_KINDS,
            StillAtIdentify,
            decide_cutoff,
        )

        now = self._now()
        cutoff = decide_cutoff(now)
        params = {"now": _moment(now), "cutoff": _moment(cutoff), "limit": max(1, limit)}
        params |= {f"kind{i}": kind for i, kind in enumerate(MET_TOUCH_KINDS)}
        with self.readers.lend() as conn:
            found = conn.execute(still_at_identify_sql(len(MET_TOUCH_KINDS)), params).fetchall()
        rows = []
        for contact_id, name, company, since, first_met, _total in found[: max(0, limit)]:
            since_at = stored_datetime_or_none(since) or now
            met_at = stored_datetime_or_none(first_met) or since_at
            rows.append(StillAtIdentify(contact_id, name, company, since_at, met_at))
        return rows, int(found[0][5]) if found else 0


def _moment(value: datetime) -> str:
    """A moment as the tables store it (``YYYY-MM-DD HH:MM:SS``), to compare as text."""
    return value.replace(microsecond=0).isoformat(sep=" ")
