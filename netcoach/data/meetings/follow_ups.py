"""Follow-ups: what was promised after a one-to-one or an event, by whom and by when.

Doing one logs a touch with its contact; reopening it takes that touch away again.
"""

from __future__ import annotations

from datetime import datetime

from peewee import JOIN

from netcoach.core.meetings import (
    FOLLOW_UP_INTERACTION,
    FollowUp,
    FollowUpDraft,
    FollowUpPage,
    Owner,
    validate_follow_up,
)
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.meetings.base import MeetingBase
from netcoach.data.tables import (
    ContactRecord,
    EventRecord,
    FollowUpRecord,
    InteractionRecord,
    OneToOneRecord,
)


def follow_up_query():  # type: ignore[no-untyped-def]
    """Follow-ups with the name of their contact and of the meeting they came from."""
    return (
        FollowUpRecord.select(
            FollowUpRecord,
            ContactRecord.name.alias("contact_name"),
            OneToOneRecord.objective.alias("source_objective"),
            EventRecord.name.alias("source_event"),
        )
        .join(ContactRecord, on=(FollowUpRecord.contact == ContactRecord.id))
        .switch(FollowUpRecord)
        .join(
            OneToOneRecord,
            JOIN.LEFT_OUTER,
            on=(FollowUpRecord.one_to_one == OneToOneRecord.id),
        )
        .switch(FollowUpRecord)
        .join(EventRecord, JOIN.LEFT_OUTER, on=(FollowUpRecord.event == EventRecord.id))
    )


def follow_up_from_record(record: FollowUpRecord) -> FollowUp:
    if record.one_to_one_id is not None:
        source = f"one-to-one: {record.source_objective or ''}"
    elif record.event_id is not None:
        source = f"event: {record.source_event or ''}"
    else:
        source = ""
    return FollowUp(
        id=record.id,
        contact_id=record.contact_id,
        contact_name=record.contact_name,
        what=record.what,
        owner=Owner(record.owner),
        due_on=record.due_on,
        done_at=record.done_at,
        source=source,
        one_to_one_id=record.one_to_one_id,
        event_id=record.event_id,
    )


def check_follow_ups(follow_ups: list[FollowUpDraft]) -> None:
    """Refuse follow-ups that are not valid or name a contact that does not exist."""
    for index, follow_up in enumerate(follow_ups):
        problem = validate_follow_up(follow_up)
        if problem:
            raise ValidationError({f"follow-up-{index}": problem})
    ids = {f.contact_id for f in follow_ups}
    known = {r.id for r in ContactRecord.select(ContactRecord.id).where(ContactRecord.id << ids)}
    if ids - known:
        raise ValidationError({"follow-ups": "A follow-up names a contact that does not exist."})


def add_follow_ups(
    follow_ups: list[FollowUpDraft],
    now: datetime,
    one_to_one_id: int | None = None,
    event_id: int | None = None,
) -> None:
    """Write follow-ups from a one-to-one's outcome or an event, checked beforehand."""
    if not follow_ups:
        return
    FollowUpRecord.insert_many(
        [
            {
                "contact": f.contact_id,
                "one_to_one": one_to_one_id,
                "event": event_id,
                "what": " ".join(f.what.split()),
                "owner": Owner(f.owner).value,
                "due_on": f.due_on,
                "created_at": now,
            }
            for f in follow_ups
        ]
    ).execute()


class FollowUpsRepo(MeetingBase):
    """Follow-up actions with due dates, and marking them done."""

    def list_follow_ups(
        self, include_done: bool = False, offset: int = 0, limit: int = 200
    ) -> FollowUpPage:
        """Open follow-ups by due date (undated last), then, if asked, the done ones."""
        with self.db.connection_context():
            query = follow_up_query()
            if not include_done:
                query = query.where(FollowUpRecord.done_at.is_null())
            total = query.count()
            rows = [
                follow_up_from_record(r)
                for r in query.order_by(
                    FollowUpRecord.done_at.is_null(False),
                    FollowUpRecord.due_on.is_null(),
                    FollowUpRecord.due_on,
                    FollowUpRecord.done_at.desc(),
                    FollowUpRecord.id,
                )
                .offset(max(0, offset))
                .limit(max(0, limit))
                .objects()
            ]
        return FollowUpPage(tuple(rows), total, max(0, offset))

    def due_follow_ups(self, limit: int = 10) -> tuple[list[FollowUp], int]:
        """Open follow-ups due today or earlier, most overdue first, and how many in all."""
        today = self.now().date()
        with self.db.connection_context():
            query = follow_up_query().where(
                FollowUpRecord.done_at.is_null() & (FollowUpRecord.due_on <= today)
            )
            total = query.count()
            rows = [
                follow_up_from_record(r)
                for r in query.order_by(FollowUpRecord.due_on, FollowUpRecord.id)
                .limit(limit)
                .objects()
            ]
        return rows, total

    def follow_ups_for(self, one_to_one_id: int) -> list[FollowUp]:
        with self.db.connection_context():
            return [
                follow_up_from_record(r)
                for r in follow_up_query()
                .where(FollowUpRecord.one_to_one == one_to_one_id)
                .order_by(FollowUpRecord.id)
                .objects()
            ]

    def remove_follow_ups(self, follow_up_ids: list[int]) -> int:
        """Undo adding follow-ups: delete them, in one transaction, and say how many.

        Refused (ValidationError, nothing written) when one of them was marked done since;
        NotFoundError when none of them is there any more.
        """
        ids = [int(i) for i in follow_up_ids]
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            found = list(
                FollowUpRecord.select(FollowUpRecord.id, FollowUpRecord.done_at).where(
                    FollowUpRecord.id << ids
                )
            )
            if not found:
                raise NotFoundError("none of those follow-ups is there any more")
            if any(record.done_at is not None for record in found):
                raise ValidationError(
                    {"follow-ups": "one of those follow-ups was marked done since."}
                )
            FollowUpRecord.delete().where(FollowUpRecord.id << ids).execute()
        return len(found)

    def complete_follow_up(self, follow_up_id: int) -> FollowUp:
        """Mark a follow-up done and log it as a touch with its contact; done twice is once."""
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = FollowUpRecord.get_or_none(FollowUpRecord.id == follow_up_id)
            if record is None:
                raise NotFoundError(f"no follow-up with id {follow_up_id}")
            if record.done_at is None:
                FollowUpRecord.update(done_at=now).where(
                    FollowUpRecord.id == follow_up_id
                ).execute()
                InteractionRecord.create(
                    contact=record.contact_id,
                    kind=FOLLOW_UP_INTERACTION,
                    happened_at=now,
                    note=f"Follow-up done: {record.what}"[:500],
                )
            found = list(follow_up_query().where(FollowUpRecord.id == follow_up_id).objects())
        return follow_up_from_record(found[0])

    def reopen_follow_up(self, follow_up_id: int) -> FollowUp:
        """Undo ``complete_follow_up``: open it again and remove the touch it logged."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = FollowUpRecord.get_or_none(FollowUpRecord.id == follow_up_id)
            if record is None:
                raise NotFoundError(f"no follow-up with id {follow_up_id}")
            if record.done_at is not None:
                touch = (
                    InteractionRecord.select(InteractionRecord.id)
                    .where(
                        (InteractionRecord.contact == record.contact_id)
                        & (InteractionRecord.kind == FOLLOW_UP_INTERACTION)
                        & (InteractionRecord.happened_at == record.done_at)
                        & (InteractionRecord.note == f"Follow-up done: {record.what}"[:500])
                    )
                    .order_by(InteractionRecord.id.desc())
                    .limit(1)
                    .scalar()
                )
                if touch is not None:
                    InteractionRecord.delete().where(InteractionRecord.id == touch).execute()
                FollowUpRecord.update(done_at=None).where(
                    FollowUpRecord.id == follow_up_id
                ).execute()
            found = list(follow_up_query().where(FollowUpRecord.id == follow_up_id).objects())
        return follow_up_from_record(found[0])
