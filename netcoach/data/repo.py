"""The repository: every read and write of netcoach data, returning ``core`` dataclasses.

Call these from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from peewee import SQL, ConnectionContext, SqliteDatabase, fn

from netcoach.core.cadence import DEFAULT_INTERVALS, touch_status
from netcoach.core.levels import check_level
from netcoach.core.merge import RecordChanged, find_clashes, to_write
from netcoach.core.models import (
    Contact,
    ContactDraft,
    ContactPage,
    ContactRow,
    Interaction,
    LevelChange,
    TodaySummary,
)
from netcoach.core.network import GAINS, REASONS, check_reason
from netcoach.core.search import fts_query
from netcoach.core.validation import INTERACTION_KINDS, normalise_draft, validate_contact
from netcoach.data.contacts import ContactRepo
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.migrations.m0009_search_order import ID_MASK
from netcoach.data.tables import (
    ContactReasonRecord,
    ContactRecord,
    ContactTagRecord,
    EmailRecord,
    InteractionRecord,
    LevelChangeRecord,
    PhoneRecord,
    SettingRecord,
    TagRecord,
    WantHaveRecord,
)

if TYPE_CHECKING:
    from netcoach.data.exports import ExportRepo
    from netcoach.data.imports import ImportRepo
    from netcoach.data.ledger import LedgerRepo
    from netcoach.data.meetings import MeetingRepo
    from netcoach.data.pitches import PitchRepo

Clock = Callable[[], datetime]
INTERVALS_SETTING = "cadence.intervals"
CHILD_FIELDS = ("emails", "phones", "tags", "reasons")


def _now(clock: Clock) -> datetime:
    return clock().replace(microsecond=0)


class Store:
    """All netcoach data behind one object that screens receive through their constructor."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock
        self.contacts = ContactRepo(db, clock)

    def reading(self) -> ConnectionContext:
        """One connection for a run of reads (a screen's load) instead of one per read.

        Every repository method opens the database as a nested context, so inside
        this block they share the connection it opened, and it closes at the end.
        """
        return self.db.connection_context()

    # Each area's repository is loaded on first use, so starting the app pays only for
    # what the first screen reads.

    @cached_property
    def meetings(self) -> MeetingRepo:
        from netcoach.data.meetings import MeetingRepo

        return MeetingRepo(self.db, self.clock)

    @cached_property
    def pitches(self) -> PitchRepo:
        from netcoach.data.pitches import PitchRepo

        return PitchRepo(self.db, self.clock)

    @cached_property
    def imports(self) -> ImportRepo:
        from netcoach.data.imports import ImportRepo

        return ImportRepo(self.db, self.clock)

    @cached_property
    def exports(self) -> ExportRepo:
        from netcoach.data.exports import ExportRepo

        return ExportRepo(self.db)

    @cached_property
    def ledger(self) -> LedgerRepo:
        from netcoach.data.ledger import LedgerRepo

        return LedgerRepo(self.db, self.clock)

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
                ContactRecord.next_due_on,
                ContactRecord.archived_at,
            )
            if not include_archived:
                query = query.where(ContactRecord.archived_at.is_null())
            match = fts_query(search)
            if match is not None:
                query = query.where(
                    ContactRecord.id.in_(
                        SQL(
                            f"(SELECT rowid & {ID_MASK} FROM contact_search "
                            "WHERE contact_search MATCH ?)",
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
        today = self.today()
        rows = []
        for record in records:
            last_touch = record.last_interaction_at or record.created_at
            due = record.next_due_on
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
                    archived=record.archived_at is not None,
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
            reasons = tuple(
                r.reason
                for r in ContactReasonRecord.select().where(
                    ContactReasonRecord.contact == contact_id
                )
            )
            phrases = list(
                WantHaveRecord.select()
                .where(WantHaveRecord.contact == contact_id)
                .order_by(WantHaveRecord.id)
            )
            contact = _contact(record, emails, phones, tags)
            return replace(
                contact,
                reasons=tuple(key for key, _label in REASONS if key in reasons),
                wants=tuple(p.phrase for p in phrases if p.kind == "want"),
                haves=tuple(p.phrase for p in phrases if p.kind == "have"),
                next_due_on=record.next_due_on,
                **{field: getattr(record, field) for field, _l, _p in GAINS},
            )

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
            record = ContactRecord.create(**_stored_fields(draft), created_at=now, updated_at=now)
            self._write_children(record.id, draft)
            self._write_phrases(record.id, draft, now)
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
            ContactRecord.update(**_stored_fields(draft), updated_at=now).where(
                ContactRecord.id == contact_id
            ).execute()
            EmailRecord.delete().where(EmailRecord.contact == contact_id).execute()
            PhoneRecord.delete().where(PhoneRecord.contact == contact_id).execute()
            ContactTagRecord.delete().where(ContactTagRecord.contact == contact_id).execute()
            ContactReasonRecord.delete().where(ContactReasonRecord.contact == contact_id).execute()
            self._write_children(contact_id, draft)
            self._write_phrases(contact_id, draft, now)
            if old_level != draft.level:
                LevelChangeRecord.create(
                    contact=contact_id,
                    from_level=old_level,
                    to_level=draft.level,
                    reason="Changed in the contact form",
                    changed_at=now,
                )
        return self.get_contact(contact_id)

    def save_contact_changes(
        self, contact_id: int, opened: Mapping[str, object], changes: Mapping[str, object]
    ) -> tuple[Contact, dict[str, object]]:
        """Write only ``changes`` (field -> new value, as in ``ContactDraft``) to a contact.

        ``opened`` holds each changed field as the form opened with it. In one
        transaction the contact is read as it is now; when another copy changed one
        of these fields since (to something else than typed here), ``RecordChanged``
        lists each clash and nothing is written. Fields not in ``changes`` keep what
        the database holds. Returns the saved contact and the values the write
        replaced (for undo); a level change is recorded.
        """
        unknown = set(changes) - set(ContactDraft.__dataclass_fields__)
        if unknown:
            raise ValueError(f"not contact fields: {', '.join(sorted(unknown))}")
        now = _now(self.clock)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            current = self.get_contact(contact_id).to_draft()
            values = {name: getattr(current, name) for name in ContactDraft.__dataclass_fields__}
            draft = normalise_draft(replace(current, **changes))  # type: ignore[arg-type]
            typed = {name: getattr(draft, name) for name in changes}
            clashes = find_clashes(opened, values, typed, same_contact_value)
            if clashes:
                raise RecordChanged(clashes)
            errors = {f: m for f, m in validate_contact(draft).items() if f in typed}
            if errors:
                raise ValidationError(errors)
            written = to_write(values, typed, same_contact_value)
            if written:
                self._write_fields(contact_id, current.level, draft, set(written), now)
            replaced = {name: values[name] for name in written}
        return self.get_contact(contact_id), replaced

    def _write_fields(
        self, contact_id: int, old_level: int, draft: ContactDraft, fields: set[str], now: datetime
    ) -> None:
        columns = {k: v for k, v in _stored_fields(draft).items() if k in fields}
        ContactRecord.update(**columns, updated_at=now).where(
            ContactRecord.id == contact_id
        ).execute()
        children = {
            "emails": EmailRecord,
            "phones": PhoneRecord,
            "tags": ContactTagRecord,
            "reasons": ContactReasonRecord,
        }
        for name, table in children.items():
            if name in fields:
                table.delete().where(table.contact == contact_id).execute()  # type: ignore[attr-defined]
        self._write_children(contact_id, draft, fields)
        kinds = tuple(kind for kind in ("want", "have") if f"{kind}s" in fields)
        if kinds:
            self._write_phrases(contact_id, draft, now, kinds)
        if "level" in fields and old_level != draft.level:
            LevelChangeRecord.create(
                contact=contact_id,
                from_level=old_level,
                to_level=draft.level,
                reason="Changed in the contact form",
                changed_at=now,
            )

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

    def move_level(self, contact_id: int, to_level: int, reason: str) -> None:
        """Move a contact to ``to_level`` and record the dated change with its reason."""
        to_level = check_level(to_level)
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError({"reason": "Say why the level changes."})
        now = _now(self.clock)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = ContactRecord.get_or_none(ContactRecord.id == contact_id)
            if record is None:
                raise NotFoundError(f"no contact with id {contact_id}")
            if record.level == to_level:
                return
            ContactRecord.update(level=to_level, updated_at=now).where(
                ContactRecord.id == contact_id
            ).execute()
            LevelChangeRecord.create(
                contact=contact_id,
                from_level=record.level,
                to_level=to_level,
                reason=reason,
                changed_at=now,
            )

    def _checked(self, draft: ContactDraft) -> ContactDraft:
        draft = normalise_draft(draft)
        errors = validate_contact(draft)
        if errors:
            raise ValidationError(errors)
        return draft

    def _write_children(
        self, contact_id: int, draft: ContactDraft, fields: Iterable[str] = CHILD_FIELDS
    ) -> None:
        """Insert the draft's emails, phones, tags and reasons (those named in ``fields``)."""
        fields = set(fields)
        if draft.emails and "emails" in fields:
            EmailRecord.insert_many(
                [
                    {"contact": contact_id, "address": a, "position": i}
                    for i, a in enumerate(draft.emails)
                ]
            ).execute()
        if draft.phones and "phones" in fields:
            PhoneRecord.insert_many(
                [
                    {"contact": contact_id, "number": n, "position": i}
                    for i, n in enumerate(draft.phones)
                ]
            ).execute()
        for name in dict.fromkeys(draft.tags if "tags" in fields else ()):
            tag, _ = TagRecord.get_or_create(name=name)
            ContactTagRecord.insert(contact=contact_id, tag=tag.id).on_conflict_ignore().execute()
        for reason in dict.fromkeys(draft.reasons if "reasons" in fields else ()):
            ContactReasonRecord.insert(
                contact=contact_id, reason=check_reason(reason)
            ).on_conflict_ignore().execute()

    def _write_phrases(
        self,
        contact_id: int,
        draft: ContactDraft,
        now: datetime,
        kinds: tuple[str, ...] = ("want", "have"),
    ) -> None:
        """Keep the wants and haves in step with the draft, leaving unchanged phrases alone."""
        for kind, phrases in (("want", draft.wants), ("have", draft.haves)):
            if kind not in kinds:
                continue
            wanted = {p.casefold(): p for p in phrases}
            existing = {
                r.phrase.casefold(): r.id
                for r in WantHaveRecord.select().where(
                    (WantHaveRecord.contact == contact_id) & (WantHaveRecord.kind == kind)
                )
            }
            gone = [i for folded, i in existing.items() if folded not in wanted]
            if gone:
                WantHaveRecord.delete().where(WantHaveRecord.id.in_(gone)).execute()
            for folded, phrase in wanted.items():
                if folded not in existing:
                    WantHaveRecord.create(
                        contact=contact_id, kind=kind, phrase=phrase, tag="", created_at=now
                    )

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
        today = self.today().isoformat()
        with self.db.connection_context():
            total = self.db.execute_sql(
                "SELECT count(*) FROM contact INDEXED BY contact_active_level_due "
                "WHERE archived_at IS NULL AND next_due_on IS NOT NULL AND next_due_on < ?",
                [today],
            ).fetchone()[0]
            ids: list[int] = []
            for level in range(5, 0, -1):
                if len(ids) >= limit:
                    break
                ids += [
                    row[0]
                    for row in self.db.execute_sql(
                        "SELECT id FROM contact INDEXED BY contact_active_level_due "
                        "WHERE archived_at IS NULL AND next_due_on IS NOT NULL AND level = ? "
                        "AND next_due_on < ? ORDER BY next_due_on, id LIMIT ?",
                        [level, today, limit - len(ids)],
                    )
                ]
        return self.contacts.rows(ids), total

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


def same_contact_value(field: str, first: object, second: object) -> bool:
    """Whether two values of a contact field are the same as stored: tags, reasons, wants
    and haves are sets (tags and phrases regardless of case); the rest compare as they are."""
    if field in ("tags", "wants", "haves") and isinstance(first, tuple | list):
        assert isinstance(second, tuple | list)
        return {str(v).casefold() for v in first} == {str(v).casefold() for v in second}
    if field == "reasons" and isinstance(first, tuple | list):
        assert isinstance(second, tuple | list)
        return set(first) == set(second)
    if isinstance(first, list | tuple) and isinstance(second, list | tuple):
        return tuple(first) == tuple(second)
    return first == second


def _stored_fields(draft: ContactDraft) -> dict[str, object]:
    """The contact columns a draft sets, for both adding and editing."""
    return {
        "name": draft.name,
        "company": draft.company,
        "title": draft.title,
        "url": draft.url,
        "how_met": draft.how_met,
        "where_met": draft.where_met,
        "notes": draft.notes,
        "level": draft.level,
        "cadence_days": draft.cadence_days,
        "is_advisor": draft.is_advisor,
        **{field: getattr(draft, field) for field, _l, _p in GAINS},
    }
