"""One-to-ones: a planned meeting with one contact and an objective, then how it went.

The first outcome logs the meeting as a touch and may offer to move the contact to Engage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from netcoach.core.meetings import (
    ACHIEVEMENT_WINDOW_DAYS,
    MEETING_INTERACTION,
    AchievementRate,
    EngageOffer,
    FollowUpDraft,
    OneToOne,
    OneToOneDraft,
    OneToOnePage,
    Outcome,
    OutcomeDraft,
    achievement_rate,
    engage_offer,
    has_begun,
    outcome_not_yet,
    validate_one_to_one,
    window,
)
from netcoach.core.merge import merged
from netcoach.core.validation import check_lengths
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.meetings.base import MeetingBase
from netcoach.data.meetings.follow_ups import add_follow_ups, check_follow_ups
from netcoach.data.tables import ContactRecord, InteractionRecord, OneToOneRecord


def one_to_one_query():  # type: ignore[no-untyped-def]
    """One-to-ones with the name and level of their contact."""
    return OneToOneRecord.select(
        OneToOneRecord,
        ContactRecord.name.alias("contact_name"),
        ContactRecord.level.alias("contact_level"),
    ).join(ContactRecord, on=(OneToOneRecord.contact == ContactRecord.id))


def one_to_one_from_record(record: OneToOneRecord) -> OneToOne:
    return OneToOne(
        id=record.id,
        contact_id=record.contact_id,
        contact_name=record.contact_name,
        contact_level=record.contact_level,
        starts_at=record.starts_at,
        duration_minutes=record.duration_minutes,
        place=record.place,
        objective=record.objective,
        agenda=record.agenda,
        outcome=Outcome(record.outcome) if record.outcome else None,
        notes=record.notes,
        learnt=record.learnt,
        completed_at=record.completed_at,
        is_record=bool(record.is_record),
    )


def held_rows(start: date, end: date) -> list[tuple[datetime, int, str | None]]:
    """Every one-to-one with an outcome from ``start`` to ``end``; ``core`` decides the rest."""
    low = datetime.combine(start, time())
    high = datetime.combine(end + timedelta(days=1), time())
    query = OneToOneRecord.select(
        OneToOneRecord.starts_at, OneToOneRecord.duration_minutes, OneToOneRecord.outcome
    ).where(
        OneToOneRecord.outcome.is_null(False)
        & (OneToOneRecord.starts_at >= low)
        & (OneToOneRecord.starts_at < high)
    )
    return [(r.starts_at, r.duration_minutes, r.outcome) for r in query.namedtuples()]


class OneToOnesRepo(MeetingBase):
    """One-to-ones: planned with an objective, and afterwards their outcome."""

    def plan_one_to_one(self, draft: OneToOneDraft) -> OneToOne:
        """Save a planned one-to-one; one already in the past is kept as a record."""
        errors = validate_one_to_one(draft)
        if errors:
            raise ValidationError(errors)
        assert draft.contact_id is not None and draft.starts_at is not None
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            self._require_contact(draft.contact_id)
            record = OneToOneRecord.create(
                contact=draft.contact_id,
                starts_at=draft.starts_at.replace(second=0, microsecond=0),
                duration_minutes=draft.duration_minutes,
                place=draft.place.strip(),
                objective=" ".join(draft.objective.split()),
                agenda=draft.agenda.rstrip(),
                is_record=draft.starts_at < now,
                created_at=now,
            )
        return self.get_one_to_one(record.id)

    def update_one_to_one(self, one_to_one_id: int, draft: OneToOneDraft) -> OneToOne:
        """Change the plan of a one-to-one; its outcome, if any, is kept."""
        errors = validate_one_to_one(draft)
        if errors:
            raise ValidationError(errors)
        assert draft.contact_id is not None and draft.starts_at is not None
        starts_at = draft.starts_at.replace(second=0, microsecond=0)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            self._require_contact(draft.contact_id)
            outcome = (
                OneToOneRecord.select(OneToOneRecord.outcome)
                .where(OneToOneRecord.id == one_to_one_id)
                .scalar()
            )
            if outcome and not has_begun(starts_at, self.now()):
                raise ValidationError(
                    {
                        "when": "Its outcome is already recorded, so it cannot move to a time "
                        "that has not come yet."
                    }
                )
            changed = (
                OneToOneRecord.update(
                    contact=draft.contact_id,
                    starts_at=starts_at,
                    duration_minutes=draft.duration_minutes,
                    place=draft.place.strip(),
                    objective=" ".join(draft.objective.split()),
                    agenda=draft.agenda.rstrip(),
                )
                .where(OneToOneRecord.id == one_to_one_id)
                .execute()
            )
            if not changed:
                raise NotFoundError(f"no one-to-one with id {one_to_one_id}")
        return self.get_one_to_one(one_to_one_id)

    def save_one_to_one_changes(
        self, one_to_one_id: int, opened: Mapping[str, object], changes: Mapping[str, object]
    ) -> OneToOne:
        """Write only ``changes`` (fields of ``OneToOneDraft``) to a one-to-one's plan.

        In the same transaction, a field another copy changed since the form opened
        (``opened``) and changed here too raises ``RecordChanged`` and writes nothing.
        """
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            current = self.get_one_to_one(one_to_one_id).draft_fields()
            values = merged(opened, current, changes)
            return self.update_one_to_one(one_to_one_id, OneToOneDraft(**values))  # type: ignore[arg-type]

    def get_one_to_one(self, one_to_one_id: int) -> OneToOne:
        with self.db.connection_context():
            records = list(one_to_one_query().where(OneToOneRecord.id == one_to_one_id).objects())
            if not records:
                raise NotFoundError(f"no one-to-one with id {one_to_one_id}")
            return one_to_one_from_record(records[0])

    def list_one_to_ones(self, offset: int = 0, limit: int = 200) -> OneToOnePage:
        """A page of one-to-ones, latest first."""
        with self.db.connection_context():
            total = OneToOneRecord.select().count()
            rows = [
                one_to_one_from_record(r)
                for r in one_to_one_query()
                .order_by(OneToOneRecord.starts_at.desc(), OneToOneRecord.id.desc())
                .offset(max(0, offset))
                .limit(max(0, limit))
                .objects()
            ]
        return OneToOnePage(tuple(rows), total, max(0, offset))

    def one_to_ones_between(self, start: datetime, end: datetime) -> list[OneToOne]:
        with self.db.connection_context():
            return [
                one_to_one_from_record(r)
                for r in one_to_one_query()
                .where((OneToOneRecord.starts_at >= start) & (OneToOneRecord.starts_at < end))
                .order_by(OneToOneRecord.starts_at, OneToOneRecord.id)
                .objects()
            ]

    def one_to_ones_on(self, day: date) -> list[OneToOne]:
        start = datetime.combine(day, time())
        return self.one_to_ones_between(start, start + timedelta(days=1))

    def count_missing_outcomes(self) -> int:
        """Past one-to-ones that nobody has recorded an outcome for."""
        now = self.now()
        with self.db.connection_context():
            return int(
                self.db.execute_sql(
                    "SELECT count(*) FROM one_to_one WHERE outcome IS NULL "
                    "AND datetime(starts_at, '+' || duration_minutes || ' minutes') <= ?",
                    [now.isoformat(sep=" ")],
                ).fetchone()[0]
            )

    def achievement_rate(self, days: int = ACHIEVEMENT_WINDOW_DAYS) -> AchievementRate:
        """How the one-to-ones held in the last ``days`` days went (see ``core.meetings``)."""
        now = self.now()
        start, end = window(now, days)
        with self.db.connection_context():
            outcomes = [(at, outcome) for at, _minutes, outcome in held_rows(start, end)]
        return achievement_rate(outcomes, now, days)

    def record_outcome(self, one_to_one_id: int, draft: OutcomeDraft) -> EngageOffer | None:
        """Write how it went and its follow-ups; the first time, log the meeting as a touch.

        Returns an offer to move the contact to Engage when this was the first completed
        one-to-one with someone below it.
        """
        if draft.outcome is None:
            raise ValidationError(
                {"outcome": "Was the objective achieved, partly achieved, or not?"}
            )
        too_long = check_lengths({"notes": ("note", draft.notes), "learnt": ("note", draft.learnt)})
        if too_long:
            raise ValidationError(too_long)
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = OneToOneRecord.get_or_none(OneToOneRecord.id == one_to_one_id)
            if record is None:
                raise NotFoundError(f"no one-to-one with id {one_to_one_id}")
            not_yet = outcome_not_yet(record.starts_at, now)
            if not_yet:
                raise ValidationError({"outcome": not_yet})
            follow_ups = [
                FollowUpDraft(f.what, f.owner, f.due_on, record.contact_id)
                for f in draft.follow_ups
            ]
            check_follow_ups(follow_ups)
            first_time = record.completed_at is None
            OneToOneRecord.update(
                outcome=Outcome(draft.outcome).value,
                notes=draft.notes.rstrip(),
                learnt=draft.learnt.rstrip(),
                completed_at=record.completed_at or now,
            ).where(OneToOneRecord.id == one_to_one_id).execute()
            add_follow_ups(follow_ups, now, one_to_one_id=one_to_one_id)
            if not first_time:
                return None
            held_at = min(record.starts_at, now)
            InteractionRecord.create(
                contact=record.contact_id,
                kind=MEETING_INTERACTION,
                happened_at=held_at,
                note=f"One-to-one: {record.objective}"[:500],
            )
            completed_before = (
                OneToOneRecord.select()
                .where(
                    (OneToOneRecord.contact == record.contact_id)
                    & (OneToOneRecord.id != one_to_one_id)
                    & OneToOneRecord.completed_at.is_null(False)
                )
                .count()
            )
            contact = ContactRecord.get_by_id(record.contact_id)
            return engage_offer(
                contact.id,
                contact.name,
                contact.level,
                completed_before,
                held_at.date(),
                record.objective,
            )

    def save_outcome_changes(
        self,
        one_to_one_id: int,
        opened: Mapping[str, object],
        changes: Mapping[str, object],
        follow_ups: Iterable[FollowUpDraft] = (),
    ) -> EngageOffer | None:
        """Write only the changed parts of an outcome (``outcome``, ``notes``, ``learnt``) and
        add ``follow_ups``; a part another copy changed too raises ``RecordChanged``."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            one = self.get_one_to_one(one_to_one_id)
            current: dict[str, object] = {
                "outcome": one.outcome,
                "notes": one.notes,
                "learnt": one.learnt,
            }
            values = merged(opened, current, changes)
            draft = OutcomeDraft(**values, follow_ups=tuple(follow_ups))  # type: ignore[arg-type]
            return self.record_outcome(one_to_one_id, draft)
