"""The rows of one chunk of an import, gathered and then written with prepared bulk inserts."""

from __future__ import annotations

from datetime import datetime

from peewee import SqliteDatabase

from netcoach.core.imports import SCALAR_FIELDS
from netcoach.data.bulk_index import BulkSearchIndex
from netcoach.data.tables import (
    ContactReasonRecord,
    ContactRecord,
    ContactTagRecord,
    EmailRecord,
    ImportedFieldRecord,
    LevelChangeRecord,
    PhoneRecord,
    WantHaveRecord,
)

SOURCE_UPSERT = (
    "INSERT INTO contact_source (contact_id, linkedin_url, connected_on) VALUES (?, ?, ?) "
    "ON CONFLICT (contact_id) DO UPDATE SET "
    "linkedin_url = CASE WHEN contact_source.linkedin_url = '' "
    "THEN excluded.linkedin_url ELSE contact_source.linkedin_url END, "
    "connected_on = coalesce(contact_source.connected_on, excluded.connected_on)"
)
CONTACT_FIELDS = (
    "id",
    "name",
    *SCALAR_FIELDS,
    "level",
    "cadence_days",
    "is_advisor",
    "created_at",
    "updated_at",
    "last_interaction_at",
    "archived_at",
)


class Batch:
    """Rows gathered for one chunk, written with bulk inserts."""

    def __init__(self) -> None:
        self.contacts: list[tuple[object, ...]] = []
        self.levels: list[tuple[object, ...]] = []
        self.emails: list[tuple[object, ...]] = []
        self.phones: list[tuple[object, ...]] = []
        self.tags: list[tuple[object, ...]] = []
        self.sources: list[tuple[object, ...]] = []
        self.marks: list[tuple[object, ...]] = []
        self.reasons: list[tuple[object, ...]] = []
        self.phrases: list[tuple[object, ...]] = []
        self.updates: dict[int, dict[str, str]] = {}

    def flush(self, db: SqliteDatabase, now: datetime, search: BulkSearchIndex) -> None:
        _insert(db, ContactRecord, CONTACT_FIELDS, self.contacts)
        first_new = self.contacts[0][0] if self.contacts else None
        if not search.handles_children and first_new is not None:
            search.index_new(first_new, self.contacts[-1][0])
        _insert(
            db,
            LevelChangeRecord,
            ("contact_id", "from_level", "to_level", "reason", "changed_at"),
            self.levels,
        )
        _insert(db, EmailRecord, ("contact_id", "address", "position"), self.emails)
        _insert(db, PhoneRecord, ("contact_id", "number", "position"), self.phones)
        _insert(db, ContactTagRecord, ("contact_id", "tag_id"), self.tags, ignore=True)
        _insert(db, ImportedFieldRecord, ("contact_id", "field"), self.marks, ignore=True)
        _insert(db, ContactReasonRecord, ("contact_id", "reason"), self.reasons, ignore=True)
        _insert(
            db,
            WantHaveRecord,
            ("contact_id", "kind", "phrase", "tag", "created_at"),
            self.phrases,
        )
        if search.handles_children:
            if first_new is not None:
                search.index_new(first_new, self.contacts[-1][0])
            search.refresh(
                cid
                for cid, *_rest in (*self.emails, *self.tags)
                if first_new is None or cid < first_new  # type: ignore[operator]
            )
        if self.sources:
            db.cursor().executemany(
                SOURCE_UPSERT,
                [(cid, url, on.isoformat() if on else None) for cid, url, on in self.sources],
            )
        for contact_id, values in self.updates.items():
            ContactRecord.update(**values, updated_at=now).where(
                ContactRecord.id == contact_id
            ).execute()


def _insert(
    db: SqliteDatabase,
    model: type,
    columns: tuple[str, ...],
    rows: list[tuple[object, ...]],
    ignore: bool = False,
) -> None:
    """Bulk-insert ``rows`` into the model's table with one prepared statement.

    Peewee's ``insert_many`` spends most of an import building SQL text, so the
    statement is prepared once and run over every row of the chunk.
    """
    if not rows:
        return
    table = model._meta.table_name  # type: ignore[attr-defined]
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    sql = f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    db.cursor().executemany(sql, rows)
