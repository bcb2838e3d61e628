"""Reading everything out for exports, a page at a time inside one read transaction."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date, datetime, timedelta

from peewee import SqliteDatabase

from netcoach.core.exports import (
    REMINDER_DAYS,
    UID_MARK,
    CalendarEntry,
    ExportedContact,
    Reminder,
    ReminderKind,
    contact_uid,
    reminder_day,
    reminder_uid,
)
from netcoach.core.goals import METRICS
from netcoach.core.important_dates import from_stored
from netcoach.core.levels import level_name
from netcoach.core.models import Contact
from netcoach.core.network import GAINS, REASONS
from netcoach.data.tables import ContactRecord, EventRecord, OneToOneRecord
from netcoach.data.values import stored_date, stored_datetime

PAGE = 1000
# Tables that are derived from others (the search index) or internal, never exported.
SKIPPED_TABLES = ("schema_version", "sqlite_", "contact_search")


class ExportRepo:
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    def iter_contacts(self, include_archived: bool = False) -> Iterator[ExportedContact]:
        """Every contact in id order, streamed from one consistent snapshot of the database."""
        with self.db.connection_context(), self.db.atomic():
            last_id = 0
            archived = "" if include_archived else "AND archived_at IS NULL"
            while True:
                rows = self.db.execute_sql(
                    "SELECT id, name, company, title, url, how_met, where_met, notes, level, "
                    "cadence_days, is_advisor, archived_at, created_at, updated_at, "
                    "last_interaction_at, next_due_on, "
                    + ", ".join(field for field, _label, _prompt in GAINS)
                    + ", birthday, anniversary"
                    + f" FROM contact WHERE id > ? {archived} "
                    "ORDER BY id LIMIT ?",
                    (last_id, PAGE),
                ).fetchall()
                if not rows:
                    return
                ids = [row[0] for row in rows]
                marks = ",".join("?" * len(ids))
                emails = self._grouped(
                    "SELECT contact_id, address FROM contact_email "
                    f"WHERE contact_id IN ({marks}) ORDER BY contact_id, position, id",
                    ids,
                )
                phones = self._grouped(
                    "SELECT contact_id, number FROM contact_phone "
                    f"WHERE contact_id IN ({marks}) ORDER BY contact_id, position, id",
                    ids,
                )
                tags = self._grouped(
                    "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = "
                    f"ct.tag_id WHERE ct.contact_id IN ({marks}) ORDER BY ct.contact_id, t.name",
                    ids,
                )
                reasons = self._grouped(
                    f"SELECT contact_id, reason FROM contact_reason WHERE contact_id IN ({marks})",
                    ids,
                )
                phrases: dict[int, dict[str, list[tuple[str, str]]]] = {}
                for cid, kind, phrase, tag in self.db.execute_sql(
                    "SELECT contact_id, kind, phrase, tag FROM want_have "
                    f"WHERE contact_id IN ({marks}) ORDER BY contact_id, id",
                    ids,
                ):
                    phrases.setdefault(cid, {}).setdefault(kind, []).append((phrase, tag))
                uids = {
                    cid: field.removeprefix(UID_MARK)
                    for cid, field in self.db.execute_sql(
                        "SELECT contact_id, field FROM contact_imported_field "
                        f"WHERE contact_id IN ({marks}) AND field LIKE ? ORDER BY field DESC",
                        [*ids, UID_MARK + "%"],
                    )
                }
                sources = {
                    cid: (url, on)
                    for cid, url, on in self.db.execute_sql(
                        "SELECT contact_id, linkedin_url, connected_on FROM contact_source "
                        f"WHERE contact_id IN ({marks})",
                        ids,
                    )
                }
                for row in rows:
                    cid = row[0]
                    url, on = sources.get(cid, ("", None))
                    created = stored_datetime(row[12])
                    mine = phrases.get(cid, {})
                    held = set(reasons.get(cid, ()))
                    yield ExportedContact(
                        contact=Contact(
                            id=cid,
                            name=row[1],
                            company=row[2],
                            title=row[3],
                            emails=tuple(emails.get(cid, ())),
                            phones=tuple(phones.get(cid, ())),
                            url=row[4],
                            how_met=row[5],
                            where_met=row[6],
                            notes=row[7],
                            level=row[8],
                            cadence_days=row[9],
                            is_advisor=bool(row[10]),
                            archived=row[11] is not None,
                            created_at=created,
                            updated_at=stored_datetime(row[13]),
                            last_interaction_at=stored_datetime(row[14]) if row[14] else None,
                            tags=tuple(tags.get(cid, ())),
                            reasons=tuple(key for key, _label in REASONS if key in held),
                            wants=tuple(p for p, _tag in mine.get("want", ())),
                            haves=tuple(p for p, _tag in mine.get("have", ())),
                            next_due_on=stored_date(row[15]) if row[15] else None,
                            **{
                                field: value
                                for (field, _l, _p), value in zip(GAINS, row[16:-2], strict=True)
                            },
                            birthday=from_stored(row[-2]),
                            anniversary=from_stored(row[-1]),
                        ),
                        linkedin_url=url,
                        connected_on=stored_date(on) if on else None,
                        uid=uids.get(cid) or contact_uid(cid, created),
                        archived_at=stored_datetime(row[11]) if row[11] else None,
                        wants=tuple(mine.get("want", ())),
                        haves=tuple(mine.get("have", ())),
                    )
                last_id = ids[-1]

    def _grouped(self, sql: str, ids: list[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for cid, value in self.db.execute_sql(sql, ids):
            found.setdefault(cid, []).append(value)
        return found

    # ---- everything, for the JSON export -------------------------------------------------------

    def schema_version(self) -> int:
        with self.db.connection_context():
            row = self.db.execute_sql("SELECT max(version) FROM schema_version").fetchone()
            return int(row[0] or 0)

    def iter_tables(self) -> Iterator[tuple[str, list[str], Iterator[tuple[object, ...]]]]:
        """(table, columns, rows) for every table holding user data, parents before children."""
        with self.db.connection_context(), self.db.atomic():
            for table in self.data_tables():
                columns = [r[1] for r in self.db.execute_sql(f'PRAGMA table_info("{table}")')]
                cursor = self.db.execute_sql(f'SELECT * FROM "{table}"')
                yield table, columns, _rows(cursor)

    def data_tables(self) -> list[str]:
        """The tables to export, ordered so that every table comes after those it refers to."""
        names = [
            row[0]
            for row in self.db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid"
            )
            if not row[0].startswith(SKIPPED_TABLES)
        ]
        parents = {
            name: {
                r[2]
                for r in self.db.execute_sql(f'PRAGMA foreign_key_list("{name}")')
                if r[2] != name
            }
            for name in names
        }
        ordered: list[str] = []
        while len(ordered) < len(names):
            ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
            if not ready:  # a cycle: keep the remaining tables in creation order
                ready = [n for n in names if n not in ordered]
            ordered.extend(ready)
        return ordered

    # ---- calendar -------------------------------------------------------------------------------

    def calendar_entries(self, since: datetime | None = None) -> list[CalendarEntry]:
        """Planned one-to-ones (no outcome yet) and events, oldest first."""
        after = (since or datetime.min).replace(microsecond=0)
        entries: list[CalendarEntry] = []
        with self.db.connection_context():
            for one in (
                OneToOneRecord.select(OneToOneRecord, ContactRecord.name)
                .join(ContactRecord)
                .where(OneToOneRecord.outcome.is_null(), OneToOneRecord.starts_at >= after)
            ):
                entries.append(
                    CalendarEntry(
                        uid=f"one_to_one-{one.id}@netcoach",
                        starts_at=one.starts_at,
                        minutes=one.duration_minutes,
                        summary=f"One-to-one with {one.contact.name}",
                        description=one.objective,
                        location=one.place,
                    )
                )
            for event in EventRecord.select().where(EventRecord.starts_at >= after):
                entries.append(
                    CalendarEntry(
                        uid=f"event-{event.id}@netcoach",
                        starts_at=event.starts_at,
                        minutes=event.duration_minutes,
                        summary=f"{event.kind.capitalize()}: {event.name}",
                        description=event.notes,
                        location=event.place,
                    )
                )
        return sorted(entries, key=lambda e: (e.starts_at, e.uid))

    def reminders(
        self, today: date, finished_goals: Collection[int] = (), days: int = REMINDER_DAYS
    ) -> list[Reminder]:
        """Touches due (overdue, or due within ``days``), open follow-ups with a due date,
        and the deadlines of goals still open, by day shown; read in one transaction.

        A touched contact's reminder moves to its next due day (or leaves the calendar when
        that is beyond ``days``); a done follow-up, an archived or ``finished_goals`` goal
        and one whose deadline has passed are left out.
        """
        found: list[Reminder] = []
        until = today + timedelta(days=days)
        with self.db.connection_context(), self.db.atomic():
            for cid, name, level, created, due, last in self.db.execute_sql(
                "SELECT id, name, level, created_at, next_due_on, last_interaction_at "
                "FROM contact WHERE archived_at IS NULL AND next_due_on IS NOT NULL "
                "AND next_due_on <= ? ORDER BY next_due_on, id",
                (until.isoformat(),),
            ):
                due_on = stored_date(due)
                touched = f"; last touch {stored_date(last).isoformat()}" if last else ""
                found.append(
                    Reminder(
                        uid=reminder_uid(ReminderKind.TOUCH, cid, stored_datetime(created)),
                        kind=ReminderKind.TOUCH,
                        on=reminder_day(due_on, today),
                        summary=f"Keep in touch with {name}",
                        description=f"Touch due {due_on.isoformat()}{touched}. "
                        f"Level {level}: {level_name(level)}.",
                    )
                )
            for fid, what, owner, due, created, name in self.db.execute_sql(
                "SELECT f.id, f.what, f.owner, f.due_on, f.created_at, c.name FROM follow_up f "
                "JOIN contact c ON c.id = f.contact_id "
                "WHERE f.done_at IS NULL AND f.due_on IS NOT NULL ORDER BY f.due_on, f.id"
            ):
                due_on = stored_date(due)
                summary = (
                    f"{name} owes you: {what}" if owner == "them" else f"You owe {name}: {what}"
                )
                found.append(
                    Reminder(
                        uid=reminder_uid(ReminderKind.FOLLOW_UP, fid, stored_datetime(created)),
                        kind=ReminderKind.FOLLOW_UP,
                        on=reminder_day(due_on, today),
                        summary=summary,
                        description=f"Follow-up due {due_on.isoformat()}.",
                    )
                )
            for gid, title, metric, target, deadline, created in self.db.execute_sql(
                "SELECT id, title, metric, target, deadline, created_at FROM goal "
                "WHERE archived_at IS NULL AND deadline >= ? ORDER BY deadline, id",
                (today.isoformat(),),
            ):
                if gid in finished_goals:
                    continue
                found.append(
                    Reminder(
                        uid=reminder_uid(ReminderKind.GOAL, gid, stored_datetime(created)),
                        kind=ReminderKind.GOAL,
                        on=stored_date(deadline),
                        summary=f"Goal deadline: {title}",
                        description=f"Target: {target} {METRICS.get(metric, metric)}.",
                    )
                )
        return sorted(found, key=lambda r: (r.on, r.kind, r.uid))


def _rows(cursor: object) -> Iterator[tuple[object, ...]]:
    while batch := cursor.fetchmany(PAGE):  # type: ignore[attr-defined]
        yield from batch
