"""The deleted items of the ledger: entries and wants/haves, listed together and put back."""

from __future__ import annotations

from netcoach.core.ledger import DeletedItem, entry_summary
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.ledger.entries import ENTRY_COLUMNS, entry_from_row
from netcoach.data.ledger.trash import move_back
from netcoach.data.ledger.wants_haves import put_want_have_back
from netcoach.data.values import stored_datetime


class DeletedRepo(LedgerBase):
    """The deleted entries and wants/haves together, newest first, and putting one back."""

    def deleted(self, limit: int = 200) -> list[DeletedItem]:
        """Deleted entries and wants/haves, most recently deleted first."""
        originals = ["d.original_id", *(f"d.{c}" for c in ENTRY_COLUMNS[1:])]
        with self.db.connection_context():
            entries = self.db.execute_sql(
                f"SELECT d.id, {', '.join(originals)}, c.name, d.deleted_at "
                "FROM deleted_ledger_entry d JOIN contact c ON c.id = d.contact_id "
                "ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?",
                [limit],
            ).fetchall()
            wants = self.db.execute_sql(
                "SELECT d.id, coalesce(c.name, 'Me'), d.kind, d.phrase, d.tag, d.deleted_at "
                "FROM deleted_want_have d LEFT JOIN contact c ON c.id = d.contact_id "
                "ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?",
                [limit],
            ).fetchall()
        items = [
            DeletedItem(
                "entry",
                row[0],
                row[-2],
                entry_summary(entry_from_row(row[1:])),
                stored_datetime(row[-1]),
            )
            for row in entries
        ]
        items += [
            DeletedItem(
                "want_have",
                deletion,
                name,
                f"{kind}: {phrase}" + (f" #{tag}" if tag else ""),
                stored_datetime(deleted_at),
            )
            for deletion, name, kind, phrase, tag, deleted_at in wants
        ]
        items.sort(key=lambda item: item.deleted_at, reverse=True)
        return items[:limit]

    def restore_deleted(self, item: DeletedItem) -> None:
        """Put back one item listed by ``deleted``."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            if item.what == "entry":
                move_back(self.db, "deleted_ledger_entry", "ledger_entry", ENTRY_COLUMNS, item.id)
            else:
                put_want_have_back(self.db, item.id)
