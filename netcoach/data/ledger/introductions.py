"""Introductions: one contact's want met by another's have, tracked from suggested to outcome.

Making an introduction records it as given to both contacts in the ledger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netcoach.core.introductions import (
    Introduction,
    TransitionError,
    check_outcome,
    check_transition,
)
from netcoach.core.ledger import EntryDraft
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.ledger.entries import insert_entry
from netcoach.data.tables import ContactRecord, IntroductionRecord
from netcoach.data.values import stored_date

if TYPE_CHECKING:
    from netcoach.core.matching import Match


class IntroductionsRepo(LedgerBase):
    """Introductions between two contacts: suggested, asked, introduced, and how it went."""

    def start_introduction(self, match: Match, dismissed: bool = False) -> Introduction:
        """Track a suggested introduction between the contact who wants and the one who has.

        ``dismissed`` records a suggestion that is not worth making, so it is not offered again.
        """
        first, second = match.want.owner_id, match.have.owner_id
        if first is None or second is None:
            raise ValidationError(
                {"introduction": "That match involves you: ask or offer directly instead."}
            )
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = IntroductionRecord.create(
                first_contact=first,
                second_contact=second,
                want=match.want.id,
                have=match.have.id,
                reason=f"{match.want.phrase} ↔ {match.have.phrase} ({match.why})",
                state="dismissed" if dismissed else "suggested",
                created_at=now,
                updated_at=now,
            )
        return self.get_introduction(record.id)

    def get_introduction(self, introduction_id: int) -> Introduction:
        found = self.introductions(introduction_id=introduction_id)
        if not found:
            raise NotFoundError(f"no introduction with id {introduction_id}")
        return found[0]

    def introductions(
        self, include_closed: bool = True, introduction_id: int | None = None, limit: int = 500
    ) -> list[Introduction]:
        first = ContactRecord.alias()
        second = ContactRecord.alias()
        with self.db.connection_context():
            query = (
                IntroductionRecord.select(
                    IntroductionRecord, first.name.alias("first_name"), second.name.alias("sn")
                )
                .join(first, on=(IntroductionRecord.first_contact == first.id))
                .switch(IntroductionRecord)
                .join(second, on=(IntroductionRecord.second_contact == second.id))
            )
            if introduction_id is not None:
                query = query.where(IntroductionRecord.id == introduction_id)
            elif not include_closed:
                query = query.where(IntroductionRecord.state != "dismissed")
            rows = query.order_by(
                IntroductionRecord.updated_at.desc(), IntroductionRecord.id.desc()
            )
            return [
                Introduction(
                    id=r.id,
                    first_id=r.first_contact_id,
                    first_name=r.first_name,
                    second_id=r.second_contact_id,
                    second_name=r.sn,
                    reason=r.reason,
                    state=r.state,
                    outcome=r.outcome,
                    introduced_on=stored_date(r.introduced_on) if r.introduced_on else None,
                )
                for r in rows.objects().limit(limit)
            ]

    def move_introduction(self, introduction_id: int, state: str) -> Introduction:
        """Move an introduction one step; making it records an introduction given to both."""
        today = self.today()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = IntroductionRecord.get_or_none(IntroductionRecord.id == introduction_id)
            if record is None:
                raise NotFoundError(f"no introduction with id {introduction_id}")
            try:
                check_transition(record.state, state)
            except TransitionError as error:
                raise ValidationError({"state": str(error)}) from error
            changes: dict[object, object] = {
                IntroductionRecord.state: state,
                IntroductionRecord.updated_at: self.now(),
            }
            if state == "introduced":
                changes[IntroductionRecord.introduced_on] = today
                for contact_id in (record.first_contact_id, record.second_contact_id):
                    insert_entry(
                        EntryDraft(
                            contact_id=contact_id,
                            direction="given",
                            kind="introduction",
                            happened_on=today,
                            note="Introduction made",
                        ),
                        record.id,
                        self.now(),
                    )
            IntroductionRecord.update(changes).where(
                IntroductionRecord.id == introduction_id
            ).execute()
        return self.get_introduction(introduction_id)

    def record_outcome(self, introduction_id: int, outcome: str) -> Introduction:
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = IntroductionRecord.get_or_none(IntroductionRecord.id == introduction_id)
            if record is None:
                raise NotFoundError(f"no introduction with id {introduction_id}")
            try:
                check_outcome(record.state, outcome)
            except TransitionError as error:
                raise ValidationError({"outcome": str(error)}) from error
            IntroductionRecord.update(outcome=outcome, updated_at=self.now()).where(
                IntroductionRecord.id == introduction_id
            ).execute()
        return self.get_introduction(introduction_id)
