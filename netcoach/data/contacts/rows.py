"""The one mapping from a contact's stored columns to the ``ContactRow`` every list shows."""

from __future__ import annotations

from datetime import date, datetime

from netcoach.core.cadence import touch_status
from netcoach.core.models import ContactRow
from netcoach.data.values import stored_date_or_none, stored_datetime_or_none

# The columns a row is made from, in the order ``row_from`` reads them.
COLUMNS = (
    "c.id, c.name, c.company, c.title, c.level, c.is_advisor, c.created_at, "
    "c.last_interaction_at, c.next_due_on, c.archived_at"
)


def row_from(values: tuple | list, today: date, now: datetime) -> ContactRow:
    """A list row from the values of ``COLUMNS`` (what follows them is ignored).

    ``now`` stands in for a creation time that cannot be read, so the row still has a
    last touch.
    """
    cid, name, company, title, level, advisor, created, last, due, archived = values[:10]
    created_at = stored_datetime_or_none(created) or now
    last_at = stored_datetime_or_none(last)
    due_on = stored_date_or_none(due)
    return ContactRow(
        id=cid,
        name=name,
        company=company,
        title=title,
        level=level,
        is_advisor=bool(advisor),
        last_touch=last_at or created_at,
        last_interaction_at=last_at,
        next_due=due_on,
        status=touch_status(due_on, today),
        archived=archived is not None,
    )
