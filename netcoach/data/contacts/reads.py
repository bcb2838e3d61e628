"""One contact and its details: the whole record, its history, its touches; the advisors.

Call these from thread workers only; each opens its own connection context.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from peewee import fn

from netcoach.core.cadence import INTERVALS_SETTING, with_overrides
from netcoach.core.important_dates import (
    DAYS_AHEAD,
    KINDS,
    ComingDate,
    ImportantDate,
    from_stored,
    upcoming,
    window_keys,
)
from netcoach.core.models import Contact, Interaction, LevelChange
from netcoach.core.network import GAINS, REASONS, Advisor
from netcoach.data.contacts.connections import ContactsBase
from netcoach.data.errors import NotFoundError
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
from netcoach.data.values import stored_datetime_or_none

# Where the days between touches per level are kept (``setting`` table, JSON).


class ContactReads(ContactsBase):
    """One contact at a time, with everything the detail screen and the form show."""

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
                birthday=from_stored(record.birthday),
                anniversary=from_stored(record.anniversary),
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

    def count_contacts(self, include_archived: bool = False) -> int:
        with self.db.connection_context():
            query = ContactRecord.select()
            if not include_archived:
                query = query.where(ContactRecord.archived_at.is_null())
            return query.count()

    def has_contacts(self) -> bool:
        """Whether there is any contact not archived: the first one found, not a count of all."""
        with self.db.connection_context():
            found = self.db.execute_sql(
                "SELECT 1 FROM contact WHERE archived_at IS NULL LIMIT 1"
            ).fetchone()
            return found is not None

    def cadence_intervals(self) -> dict[int, int | None]:
        """Days between touches per level, as the user set them or the defaults."""
        with self.db.connection_context():
            record = SettingRecord.get_or_none(SettingRecord.key == INTERVALS_SETTING)
        try:
            stored = json.loads(record.value) if record else {}
        except ValueError:
            stored = {}
        # The same reading as the due-date triggers (migration 12): core states it once.
        return with_overrides(stored if isinstance(stored, dict) else {})

    def coming_dates(
        self, today: date, days: int = DAYS_AHEAD, lowest_level: int = 3
    ) -> list[ComingDate]:
        """Birthdays and anniversaries of active contacts at ``lowest_level`` and above that
        come round from ``today`` to ``days`` days on, soonest first.

        Each kind is looked up by its day of the year (migration 13's indexes), so only
        the contacts whose date falls in the window are read.
        """
        keys = window_keys(today, days)
        marks = ", ".join("?" * len(keys))
        found: list[tuple[int, str, int, str, ImportantDate]] = []
        with self.db.connection_context():
            for kind in KINDS:
                rows = self.db.execute_sql(
                    f"SELECT id, name, level, {kind} FROM contact "
                    f"WHERE {kind} <> '' AND substr({kind}, -5) IN ({marks}) "
                    "AND archived_at IS NULL AND level >= ?",
                    [*keys, lowest_level],
                )
                for cid, name, level, text in rows:
                    value = from_stored(text)
                    if value is not None:
                        found.append((cid, name, level, kind, value))
        return upcoming(found, today, days)

    def advisors(self, limit: int = 200) -> list[Advisor]:
        """The informal board: active contacts flagged as advisors, highest level first."""
        with self.db.connection_context():
            return [
                Advisor(cid, name, company, level, stored_datetime_or_none(last))
                for cid, name, company, level, last in self.db.execute_sql(
                    "SELECT id, name, company, level, last_interaction_at FROM contact "
                    "WHERE is_advisor = 1 AND archived_at IS NULL "
                    "ORDER BY level DESC, name COLLATE NOCASE, id LIMIT ?",
                    [limit],
                )
            ]


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
