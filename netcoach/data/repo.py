"""The repository: every read and write of netcoach data, returning ``core`` dataclasses.

Call these from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime

from peewee import SQL, SqliteDatabase, fn

from netcoach.core.cadence import DEFAULT_INTERVALS, interval_for, next_due, touch_status
from netcoach.core.levels import check_level
from netcoach.core.models import (
    Contact,
    ContactDraft,
    ContactPage,
    ContactRow,
    Interaction,
    LevelChange,
    TodaySummary,
)
from netcoach.core.search import fts_query
from netcoach.core.validation import INTERACTION_KINDS, normalise_draft, validate_contact
from netcoach.data.tables import (
    ContactRecord,
    ContactTagRecord,
    EmailRecord,
    InteractionRecord,
    LevelChangeRecord,
    PhoneRecord,
    SettingRecord,
    TagRecord,
)

Clock = Callable[[], datetime]
INTERVALS_SETTING = "cadence.intervals"


class NotFoundError(LookupError):
    """The record asked for does not exist."""


class ValidationError(ValueError):
    """A draft was refused; ``errors`` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _now(clock: Clock) -> datetime:
    return clock().replace(microsecond=0)


class Store:
    """All netcoach data behind one object that screens receive through their constructor."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock
        from netcoach.data.ledger import LedgerRepo

        self.ledger = LedgerRepo(db, clock)

    def today(self) -> date:
        return self.clock().date()

    # ---- settings -------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.db.connection_context():
            record = SettingRecord.get_or_none(SettingRecord.key == key)
            return record.value if record else default

    def set_setting(self, key: str, value: str) -> None:
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            SettingRecord.replace(key=key, value=value).execute()

    def cadence_intervals(self) -> dict[int, int | None]:
        """Days between touches per level, as the user set them or the defaults."""
        raw = self.get_setting(INTERVALS_SETTING)
        intervals = dict(DEFAULT_INTERVALS)
        if raw:
            try:
                stored = json.loads(raw)
                for key, value in stored.items():
                    intervals[check_level(key)] = int(value) if value else None
            except (ValueError, TypeError, AttributeError):
                pass
        return intervals

    # ---- contacts: reads ------------------------------------------------------------------

    def count_contacts(self, include_archived: bool = False) -> int:
        with self.db.connection_context():
            query = ContactRecord.select()
            if not include_archived:
                query = query.where(ContactRecord.archived_at.is_null())
            return query.count()

    def list_contacts(
        self,
        search: str = "",
        offset: int = 0,
        limit: int = 100,
        include_archived: bool = False,
    ) -> ContactPage:
        """A page of contacts ordered by name, matching every word typed in ``search``."""
        with self.db.connection_context():
            query = ContactRecord.select(
                ContactRecord.id,
                ContactRecord.name,
                ContactRecord.company,
                ContactRecord.title,
                ContactRecord.level,
                ContactRecord.is_advisor,
                ContactRecord.cadence_days,
                ContactRecord.created_at,
                ContactRecord.last_interaction_at,
            )
            if not include_archived:
                query = query.where(ContactRecord.archived_at.is_null())
            match = fts_query(search)
            if match is not None:
                query = query.where(
                    ContactRecord.id.in_(
                        SQL(
                            "(SELECT rowid FROM contact_search WHERE contact_search MATCH ?)",
                            [match],
                        )
                    )
                )
            total = query.count()
            records = (
                query.order_by(ContactRecord.name.collate("NOCASE"), ContactRecord.id)
                .offset(max(0, offset))
                .limit(max(0, limit))
            )
            rows = self._rows(records)
        return ContactPage(rows=tuple(rows), total=total, offset=max(0, offset))

    def _rows(self, records: Iterable[ContactRecord]) -> list[ContactRow]:
        intervals = self.cadence_intervals()
        today = self.today()
        rows = []
        for record in records:
            last_touch = record.last_interaction_at or record.created_at
            due = next_due(last_touch, interval_for(record.level, record.cadence_days, intervals))
            rows.append(
                ContactRow(
                    id=record.id,
                    name=record.name,
                    company=record.company,
                    title=record.title,
                    level=record.level,
                    is_advisor=bool(record.is_advisor),
                    last_touch=last_touch,
                    last_interaction_at=record.last_interaction_at,
                    next_due=due,
                    status=touch_status(due, today),
                )
            )
        return rows

    def get_contact(self, contact_id: int) -> Contact:
        with self.db.connection_context():
            record = ContactRecord.get_or_none(ContactRecord.id == contact_id)
            if record is None:
                raise NotFoundError(f"no contact with id {contact_id}")
            emails = tuple(
                e.address
                for e in EmailRecord.select()
                .where(EmailRecord.contact == contact_id)
                .order_by(EmailRecord.position, EmailRecord.id)
            )
            phones = tuple(
                p.number
                for p in PhoneRecord.select()
                .where(PhoneRecord.contact == contact_id)
                .order_by(PhoneRecord.position, PhoneRecord.id)
            )
            tags = tuple(
                t.name
                for t in TagRecord.select()
                .join(ContactTagRecord)
                .where(ContactTagRecord.contact == contact_id)
                .order_by(TagRecord.name)
            )
            return _contact(record, emails, phones, tags)

    def find_contacts_by_email(self, address: str) -> list[int]:
        with self.db.connection_context():
            return [
                e.contact_id
                for e in EmailRecord.select(EmailRecord.contact).where(
                    fn.lower(EmailRecord.address) == address.strip().lower()
                )
            ]

    def level_history(self, contact_id: int) -> list[LevelChange]:
        with self.db.connection_context():
            return [
                LevelChange(
                    id=r.id,
                    contact_id=contact_id,
                    from_level=r.from_level,
                    to_level=r.to_level,
                    reason=r.reason,
                    changed_at=r.changed_at,
                )
                for r in LevelChangeRecord.select()
                .where(LevelChangeRecord.contact == contact_id)
                .order_by(LevelChangeRecord.changed_at.desc(), LevelChangeRecord.id.desc())
            ]

    def interactions(self, contact_id: int, limit: int = 200) -> list[Interaction]:
        with self.db.connection_context():
            return [
                Interaction(
                    id=r.id,
                    contact_id=contact_id,
                    kind=r.kind,
                    happened_at=r.happened_at,
                    note=r.note,
                )
                for r in InteractionRecord.select()
                .where(InteractionRecord.contact == contact_id)
                .order_by(InteractionRecord.happened_at.desc(), InteractionRecord.id.desc())
                .limit(limit)
            ]

    # ---- contacts: writes -----------------------------------------------------------------

    def add_contact(self, draft: ContactDraft, reason: str = "Added to netcoach") -> Contact:
        """Validate and save a new contact with its first level record; one transaction."""
        draft = self._checked(draft)
        now = _now(self.clock)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = ContactRecord.create(
                name=draft.name,
                company=draft.company,
                title=draft.title,
                url=draft.url,
                how_met=draft.how_met,
                where_met=draft.where_met,
                notes=draft.notes,
                level=draft.level,
                cadence_days=draft.cadence_days,
                is_advisor=draft.is_advisor,
                created_at=now,
                updated_at=now,
            )
            self._write_children(record.id, draft)
            LevelChangeRecord.create(
                contact=record.id,
                from_level=None,
                to_level=draft.level,
                reason=reason,
                changed_at=now,
            )
        return self.get_contact(record.id)

    def update_contact(self, contact_id: int, draft: ContactDraft) -> Contact:
        """Validate and save every field of an existing contact; a level change is recorded."""
        draft = self._checked(draft)
        now = _now(self.clock)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = ContactRecord.get_or_none(ContactRecord.id == contact_id)
            if record is None:
                raise NotFoundError(f"no contact with id {contact_id}")
            old_level = record.level
            ContactRecord.update(
                name=draft.name,
                company=draft.company,
                title=draft.title,
                url=draft.url,
                how_met=draft.how_met,
                where_met=draft.where_met,
                notes=draft.notes,
                level=draft.level,
                cadence_days=draft.cadence_days,
                is_advisor=draft.is_advisor,
                updated_at=now,
            ).where(ContactRecord.id == contact_id).execute()
            EmailRecord.delete().where(EmailRecord.contact == contact_id).execute()
            PhoneRecord.delete().where(PhoneRecord.contact == contact_id).execute()
            ContactTagRecord.delete().where(ContactTagRecord.contact == contact_id).execute()
            self._write_children(contact_id, draft)
            if old_level != draft.level:
                LevelChangeRecord.create(
                    contact=contact_id,
                    from_level=old_level,
                    to_level=draft.level,
                    reason="Changed in the contact form",
                    changed_at=now,
                )
        return self.get_contact(contact_id)

    def log_interaction(
        self, contact_id: int, kind: str, note: str = "", when: datetime | None = None
    ) -> Interaction:
        """Record a touch with a contact; it resets their keep-in-touch clock."""
        if kind not in INTERACTION_KINDS:
            raise ValidationError({"kind": f"Unknown kind of interaction: {kind}"})
        happened = (when or self.clock()).replace(microsecond=0)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            if not ContactRecord.select().where(ContactRecord.id == contact_id).exists():
                raise NotFoundError(f"no contact with id {contact_id}")
            record = InteractionRecord.create(
                contact=contact_id, kind=kind, happened_at=happened, note=note
            )
        return Interaction(record.id, contact_id, kind, happened, note)

    def _checked(self, draft: ContactDraft) -> ContactDraft:
        draft = normalise_draft(draft)
        errors = validate_contact(draft)
        if errors:
            raise ValidationError(errors)
        return draft

    def _write_children(self, contact_id: int, draft: ContactDraft) -> None:
        if draft.emails:
            EmailRecord.insert_many(
                [
                    {"contact": contact_id, "address": a, "position": i}
                    for i, a in enumerate(draft.emails)
                ]
            ).execute()
        if draft.phones:
            PhoneRecord.insert_many(
                [
                    {"contact": contact_id, "number": n, "position": i}
                    for i, n in enumerate(draft.phones)
                ]
            ).execute()
        for name in dict.fromkeys(draft.tags):
            tag, _ = TagRecord.get_or_create(name=name)
            ContactTagRecord.insert(contact=contact_id, tag=tag.id).on_conflict_ignore().execute()

    # ---- Today ----------------------------------------------------------------------------

    def level_counts(self) -> dict[int, int]:
        with self.db.connection_context():
            counts = dict.fromkeys(range(1, 6), 0)
            query = (
                ContactRecord.select(ContactRecord.level, fn.COUNT(ContactRecord.id).alias("n"))
                .where(ContactRecord.archived_at.is_null())
                .group_by(ContactRecord.level)
            )
            for row in query.dicts():
                counts[row["level"]] = row["n"]
            return counts

    def overdue_contacts(self, limit: int = 8) -> tuple[list[ContactRow], int]:
        """The most overdue contacts, highest levels first, and how many are overdue in all."""
        intervals = self.cadence_intervals()
        interval_sql = "CASE WHEN c.cadence_days IS NOT NULL THEN c.cadence_days"
        params: list[object] = []
        for level, days in intervals.items():
            if days is not None:
                interval_sql += " WHEN c.level = ? THEN ?"
                params += [level, days]
        interval_sql += " END"
        today = self.today().isoformat()
        overdue_days = (
            f"(julianday(?) - julianday(date(coalesce(c.last_interaction_at, c.created_at)))"
            f" - ({interval_sql}))"
        )
        where = f"c.archived_at IS NULL AND ({interval_sql}) IS NOT NULL AND {overdue_days} > 0"
        where_params = [*params, today, *params]
        with self.db.connection_context():
            total = self.db.execute_sql(
                f"SELECT count(*) FROM contact c WHERE {where}", where_params
            ).fetchone()[0]
            ids = [
                row[0]
                for row in self.db.execute_sql(
                    f"SELECT c.id FROM contact c WHERE {where} "
                    f"ORDER BY c.level DESC, {overdue_days} DESC, c.name LIMIT ?",
                    [*where_params, today, *params, limit],
                )
            ]
            records = {r.id: r for r in ContactRecord.select().where(ContactRecord.id.in_(ids))}
            rows = self._rows(records[i] for i in ids)
        return rows, total

    def today_summary(self, overdue_limit: int = 8) -> TodaySummary:
        counts = self.level_counts()
        overdue, overdue_total = self.overdue_contacts(overdue_limit)
        return TodaySummary(
            level_counts=counts,
            total_contacts=sum(counts.values()),
            overdue=tuple(overdue),
            overdue_total=overdue_total,
        )


def _contact(
    record: ContactRecord, emails: tuple[str, ...], phones: tuple[str, ...], tags: tuple[str, ...]
) -> Contact:
    return Contact(
        id=record.id,
        name=record.name,
        company=record.company,
        title=record.title,
        emails=emails,
        phones=phones,
        url=record.url,
        how_met=record.how_met,
        where_met=record.where_met,
        notes=record.notes,
        level=record.level,
        cadence_days=record.cadence_days,
        is_advisor=bool(record.is_advisor),
        archived=record.archived_at is not None,
        created_at=record.created_at,
        updated_at=record.updated_at,
        last_interaction_at=record.last_interaction_at,
        tags=tags,
    )
