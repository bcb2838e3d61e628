"""``Store``: every area's repository behind the one object screens receive.

The repositories do the work (contacts in ``netcoach.data.contacts``, the others
loaded on first use); the contact methods here only hand over to them, for the
callers that hold a Store. Call everything from thread workers only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from peewee import ConnectionContext, SqliteDatabase

from netcoach.core.models import (
    Contact,
    ContactDraft,
    ContactFilter,
    ContactPage,
    ContactRow,
    Interaction,
    LevelChange,
    TodaySummary,
)
from netcoach.data.contacts import ContactRepo
from netcoach.data.tables import SettingRecord

if TYPE_CHECKING:
    from netcoach.data.brief import BriefRepo
    from netcoach.data.exports import ExportRepo
    from netcoach.data.imports import ImportRepo
    from netcoach.data.ledger import LedgerRepo
    from netcoach.data.meetings import MeetingRepo
    from netcoach.data.pitches import PitchRepo

Clock = Callable[[], datetime]


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

    @cached_property
    def brief(self) -> BriefRepo:
        from netcoach.data.brief import BriefRepo

        return BriefRepo(self.db, self.clock)

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

    # ---- contacts, handed to ``self.contacts`` -------------------------------------------

    def cadence_intervals(self) -> dict[int, int | None]:
        return self.contacts.cadence_intervals()

    def count_contacts(self, include_archived: bool = False) -> int:
        return self.contacts.count_contacts(include_archived)

    def has_contacts(self) -> bool:
        return self.contacts.has_contacts()

    def list_contacts(self, search: str = "", offset: int = 0, limit: int = 100) -> ContactPage:
        """Rows ``offset`` to ``offset + limit`` of the active contacts matching ``search``,
        by name (the contact list's first page, cut where asked)."""
        offset, limit = max(0, offset), max(0, limit)
        page = self.contacts.page(ContactFilter(search=search), limit=offset + limit)
        return ContactPage(
            rows=page.rows[offset:], total=page.total, offset=offset, capped=page.capped
        )

    def get_contact(self, contact_id: int) -> Contact:
        return self.contacts.get_contact(contact_id)

    def find_contacts_by_email(self, address: str) -> list[int]:
        return self.contacts.find_contacts_by_email(address)

    def level_history(self, contact_id: int) -> list[LevelChange]:
        return self.contacts.level_history(contact_id)

    def interactions(self, contact_id: int, limit: int = 200) -> list[Interaction]:
        return self.contacts.interactions(contact_id, limit)

    def add_contact(self, draft: ContactDraft, reason: str = "Added to netcoach") -> Contact:
        return self.contacts.add_contact(draft, reason)

    def update_contact(self, contact_id: int, draft: ContactDraft) -> Contact:
        return self.contacts.update_contact(contact_id, draft)

    def save_contact_changes(
        self, contact_id: int, opened: Mapping[str, object], changes: Mapping[str, object]
    ) -> tuple[Contact, dict[str, object]]:
        return self.contacts.save_contact_changes(contact_id, opened, changes)

    def log_interaction(
        self, contact_id: int, kind: str, note: str = "", when: datetime | None = None
    ) -> Interaction:
        return self.contacts.log_interaction(contact_id, kind, note, when)

    def level_counts(self) -> dict[int, int]:
        return self.contacts.level_counts()

    def overdue_contacts(self, limit: int = 8) -> tuple[list[ContactRow], int]:
        return self.contacts.overdue(limit)

    def today_summary(self, overdue_limit: int = 8) -> TodaySummary:
        counts = self.contacts.level_counts()
        overdue, overdue_total = self.contacts.overdue(overdue_limit)
        return TodaySummary(
            level_counts=counts,
            total_contacts=sum(counts.values()),
            overdue=tuple(overdue),
            overdue_total=overdue_total,
        )
