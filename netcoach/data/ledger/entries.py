"""Ledger entries: one give or get with a contact, its kind, day, status and amount.

An entry resets the contact's keep-in-touch clock; deleting one is soft (see ``trash``).
"""

from __future__ import annotations

from datetime import datetime, time

from netcoach.core.ledger import EntryDraft, LedgerEntry, Money, validate_entry
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.ledger.trash import last_deletion, move_back, move_to_trash
from netcoach.data.tables import ContactRecord, LedgerEntryRecord
from netcoach.data.values import stored_date

# Columns copied whole between a table and its deleted_ twin, where the id is original_id.
ENTRY_COLUMNS = (
    "id",
    "contact_id",
    "direction",
    "kind",
    "happened_on",
    "status",
    "amount_minor",
    "currency",
    "note",
    "introduction_id",
    "created_at",
)


def entry_from_row(row: tuple[object, ...]) -> LedgerEntry:
    """A LedgerEntry from a row of ENTRY_COLUMNS followed by the contact's name."""
    (entry_id, contact_id, direction, kind, day, status, minor, currency, note, intro, _made) = row[
        : len(ENTRY_COLUMNS)
    ]
    return LedgerEntry(
        id=int(entry_id),  # type: ignore[arg-type]
        contact_id=int(contact_id),  # type: ignore[arg-type]
        contact_name=str(row[len(ENTRY_COLUMNS)]),
        direction=str(direction),
        kind=str(kind),
        happened_on=stored_date(day),
        status=status if isinstance(status, str) else None,
        amount=Money(int(minor), str(currency)) if minor is not None else None,  # type: ignore[arg-type]
        note=str(note),
        introduction_id=int(intro) if intro is not None else None,  # type: ignore[arg-type]
    )


def entry_from_record(record: LedgerEntryRecord, name: str) -> LedgerEntry:
    """A LedgerEntry from a peewee record, through the same mapping as ``entry_from_row``."""
    return entry_from_row(
        (
            record.id,
            record.contact_id,
            record.direction,
            record.kind,
            record.happened_on,
            record.status,
            record.amount_minor,
            record.currency,
            record.note,
            record.introduction_id,
            record.created_at,
            name,
        )
    )


def entry_query():  # type: ignore[no-untyped-def]
    """Entries joined to the name of their contact."""
    return LedgerEntryRecord.select(LedgerEntryRecord, ContactRecord.id, ContactRecord.name).join(
        ContactRecord, on=(LedgerEntryRecord.contact == ContactRecord.id)
    )


def insert_entry(
    draft: EntryDraft, introduction_id: int | None, now: datetime
) -> LedgerEntryRecord:
    """Write one entry and reset the contact's keep-in-touch clock when it is not later."""
    record = LedgerEntryRecord.create(
        contact=draft.contact_id,
        direction=draft.direction,
        kind=draft.kind,
        happened_on=draft.happened_on,
        status=draft.status,
        amount_minor=draft.amount.minor if draft.amount else None,
        currency=draft.amount.currency if draft.amount else None,
        note=draft.note.strip(),
        introduction=introduction_id,
        created_at=now,
    )
    touched = (
        now if draft.happened_on == now.date() else datetime.combine(draft.happened_on, time())
    )
    if touched <= now:
        ContactRecord.update(last_interaction_at=touched).where(
            (ContactRecord.id == draft.contact_id)
            & (
                ContactRecord.last_interaction_at.is_null()
                | (ContactRecord.last_interaction_at < touched)
            )
        ).execute()
    return record


class EntriesRepo(LedgerBase):
    """What was given and received, one entry at a time."""

    def add_entry(self, draft: EntryDraft) -> LedgerEntry:
        """Save one give or get; it also resets the contact's keep-in-touch clock."""
        errors = validate_entry(draft, self.today())
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            contact = ContactRecord.get_or_none(ContactRecord.id == draft.contact_id)
            if contact is None:
                raise NotFoundError(f"no contact with id {draft.contact_id}")
            record = insert_entry(draft, None, self.now())
        return entry_from_record(record, contact.name)

    def delete_entry(self, entry_id: int) -> LedgerEntry:
        """Delete one entry and return it. Deleting is soft: the entry moves to the
        deleted entries, whole, and ``restore_entry`` puts it back."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = entry_query().where(LedgerEntryRecord.id == entry_id).first()
            if record is None:
                raise NotFoundError(f"no ledger entry with id {entry_id}")
            move_to_trash(
                self.db,
                self._stamp(),
                "ledger_entry",
                "deleted_ledger_entry",
                ENTRY_COLUMNS,
                entry_id,
            )
            LedgerEntryRecord.delete().where(LedgerEntryRecord.id == entry_id).execute()
        return entry_from_record(record, record.contact.name)

    def restore_entry(self, entry_id: int) -> None:
        """Put back the entry with this id deleted last, as it was (with its id, unless a
        newer entry has taken it since)."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            deletion = last_deletion(self.db, "deleted_ledger_entry", entry_id)
            move_back(self.db, "deleted_ledger_entry", "ledger_entry", ENTRY_COLUMNS, deletion)

    def list_entries(
        self, offset: int = 0, limit: int = 200, contact_id: int | None = None
    ) -> tuple[list[LedgerEntry], int]:
        """A page of entries, newest first, and how many there are in all."""
        with self.db.connection_context():
            query = entry_query()
            if contact_id is not None:
                query = query.where(LedgerEntryRecord.contact == contact_id)
            total = query.count()
            # Plain rows, not peewee records: a page is read on every first visit of Give & get.
            where = "WHERE e.contact_id = ? " if contact_id is not None else ""
            rows = self.db.execute_sql(
                f"SELECT {', '.join('e.' + c for c in ENTRY_COLUMNS)}, c.name FROM ledger_entry e "
                f"JOIN contact c ON c.id = e.contact_id {where}"
                "ORDER BY e.happened_on DESC, e.id DESC LIMIT ? OFFSET ?",
                [*([contact_id] if contact_id is not None else []), limit, max(0, offset)],
            )
            return [entry_from_row(row) for row in rows], total
