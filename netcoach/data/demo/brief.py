"""The demo's next event, filled to about eight expected people with something to say on each.

Chosen by rule from what the rest of the demo made, so the brief shows every kind of fact:
the person of the soonest planned one-to-one, someone owing and owed follow-ups, someone
with the most follow-ups you owe, someone whose want meets one of your haves, and one
person with wants and haves whom you have not met yet.
"""

from __future__ import annotations

from datetime import datetime

from peewee import SqliteDatabase

# The demo's next event has about this many people expected.
EXPECTED = 8

NOT_MET = (
    "NOT EXISTS (SELECT 1 FROM interaction i WHERE i.contact_id = c.id) "
    "AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.contact_id = c.id) "
    "AND NOT EXISTS (SELECT 1 FROM one_to_one o WHERE o.contact_id = c.id AND o.starts_at <= ?)"
)


def generate_brief_demo(db: SqliteDatabase, now: datetime) -> None:
    """Add people to the next event, never past ``EXPECTED``; nothing else changes."""
    stamp = now.isoformat(sep=" ")
    with db.connection_context(), db.atomic():
        row = db.execute_sql(
            "SELECT id FROM event WHERE starts_at > ? ORDER BY starts_at, id LIMIT 1", [stamp]
        ).fetchone()
        if row is None:
            return
        event_id = row[0]
        expected = [
            r[0]
            for r in db.execute_sql(
                "SELECT contact_id FROM event_person WHERE event_id = ?", [event_id]
            )
        ]
        picks = (
            (
                "SELECT contact_id FROM one_to_one WHERE completed_at IS NULL AND is_record = 0 "
                "AND starts_at > ? ORDER BY starts_at, id",
                [stamp],
            ),
            (
                "SELECT contact_id FROM follow_up WHERE done_at IS NULL GROUP BY contact_id "
                "HAVING count(DISTINCT owner) = 2 ORDER BY contact_id",
                [],
            ),
            (
                "SELECT contact_id FROM follow_up WHERE done_at IS NULL AND owner = 'me' "
                "GROUP BY contact_id ORDER BY count(*) DESC, contact_id",
                [],
            ),
            (
                "SELECT w.contact_id FROM want_have w WHERE w.kind = 'want' AND w.tag != '' "
                "AND w.tag IN (SELECT tag FROM want_have WHERE contact_id IS NULL "
                "AND kind = 'have') ORDER BY w.id",
                [],
            ),
            (
                "SELECT c.id FROM contact c JOIN want_have w ON w.contact_id = c.id "
                f"WHERE c.archived_at IS NULL AND {NOT_MET} "
                "GROUP BY c.id ORDER BY count(*) DESC, c.id",
                [stamp],
            ),
        )
        added = []
        for sql, params in picks:
            if len(expected) + len(added) >= EXPECTED:
                break
            for (contact_id,) in db.execute_sql(sql, params):
                if contact_id is not None and contact_id not in expected + added:
                    added.append(contact_id)
                    break
        for contact_id in added:
            db.execute_sql(
                "INSERT OR IGNORE INTO event_person (event_id, contact_id) VALUES (?, ?)",
                [event_id, contact_id],
            )
