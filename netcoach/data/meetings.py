"""The repository for one-to-ones, networking events and follow-ups.

Call these from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta

from peewee import JOIN, SqliteDatabase

from netcoach.core.meetings import (
    ACHIEVEMENT_WINDOW_DAYS,
    FOLLOW_UP_INTERACTION,
    MEETING_INTERACTION,
    AchievementRate,
    EngageOffer,
    Event,
    EventDraft,
    EventPage,
    FollowUp,
    FollowUpDraft,
    FollowUpPage,
    OneToOne,
    OneToOneDraft,
    OneToOnePage,
    Outcome,
    OutcomeDraft,
    Owner,
    PersonMet,
    TimeSpent,
    TimeTally,
    achievement_rate,
    engage_offer,
    has_begun,
    outcome_not_yet,
    tally_time,
    validate_event,
    validate_follow_up,
    validate_one_to_one,
    window,
)
from netcoach.core.merge import merged, merged_set
from netcoach.core.validation import check_lengths
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.tables import (
    ContactRecord,
    EventPersonRecord,
    EventRecord,
    FollowUpRecord,
    InteractionRecord,
    LevelChangeRecord,
    OneToOneRecord,
)

Clock = Callable[[], datetime]
EVENT_INTERACTION = "event"


class MeetingRepo:
    """One-to-ones, events, people met, follow-ups and the time they took."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    # ---- one-to-ones ------------------------------------------------------------------------

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
            one = self.get_one_to_one(one_to_one_id)
            current: dict[str, object] = {
                "contact_id": one.contact_id,
                "starts_at": one.starts_at,
                "duration_minutes": one.duration_minutes,
                "place": one.place,
                "objective": one.objective,
                "agenda": one.agenda,
            }
            values = merged(opened, current, changes)
            return self.update_one_to_one(one_to_one_id, OneToOneDraft(**values))  # type: ignore[arg-type]

    def get_one_to_one(self, one_to_one_id: int) -> OneToOne:
        with self.db.connection_context():
            records = list(self._one_to_ones().where(OneToOneRecord.id == one_to_one_id).objects())
            if not records:
                raise NotFoundError(f"no one-to-one with id {one_to_one_id}")
            return _one_to_one(records[0])

    def list_one_to_ones(self, offset: int = 0, limit: int = 200) -> OneToOnePage:
        """A page of one-to-ones, latest first."""
        with self.db.connection_context():
            total = OneToOneRecord.select().count()
            rows = [
                _one_to_one(r)
                for r in self._one_to_ones()
                .order_by(OneToOneRecord.starts_at.desc(), OneToOneRecord.id.desc())
                .offset(max(0, offset))
                .limit(max(0, limit))
                .objects()
            ]
        return OneToOnePage(tuple(rows), total, max(0, offset))

    def one_to_ones_between(self, start: datetime, end: datetime) -> list[OneToOne]:
        with self.db.connection_context():
            return [
                _one_to_one(r)
                for r in self._one_to_ones()
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
            outcomes = [(at, outcome) for at, _minutes, outcome in self._held_rows(start, end)]
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
            self._check_follow_ups(follow_ups)
            first_time = record.completed_at is None
            OneToOneRecord.update(
                outcome=Outcome(draft.outcome).value,
                notes=draft.notes.rstrip(),
                learnt=draft.learnt.rstrip(),
                completed_at=record.completed_at or now,
            ).where(OneToOneRecord.id == one_to_one_id).execute()
            self._add_follow_ups(follow_ups, now, one_to_one_id=one_to_one_id)
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

    def _one_to_ones(self):  # type: ignore[no-untyped-def]
        return OneToOneRecord.select(
            OneToOneRecord,
            ContactRecord.name.alias("contact_name"),
            ContactRecord.level.alias("contact_level"),
        ).join(ContactRecord, on=(OneToOneRecord.contact == ContactRecord.id))

    # ---- events -----------------------------------------------------------------------------

    def add_event(self, draft: EventDraft) -> Event:
        """Save an event with the people met; new names become contacts at Identify."""
        return self._save_event(None, draft)

    def update_event(self, event_id: int, draft: EventDraft) -> Event:
        """Save every field of an event; people added are logged as met."""
        return self._save_event(event_id, draft)

    def save_event_changes(
        self,
        event_id: int,
        opened: Mapping[str, object],
        changes: Mapping[str, object],
        new_people: Iterable[str] = (),
        follow_ups: Iterable[FollowUpDraft] = (),
    ) -> Event:
        """Write only ``changes`` (fields of ``EventDraft``) to an event, and add the new
        people and follow-ups. People met merge: those taken out here go, those added here
        come, and another copy's additions stay. A field another copy changed since the
        form opened and changed here too raises ``RecordChanged``; nothing is written."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            event = self.get_event(event_id)
            current: dict[str, object] = {
                "name": event.name,
                "kind": event.kind,
                "starts_at": event.starts_at,
                "duration_minutes": event.duration_minutes,
                "place": event.place,
                "pitch": event.pitch,
                "notes": event.notes,
            }
            values = merged(opened, current, {k: v for k, v in changes.items() if k != "people"})
            people = tuple(person.contact_id for person in event.people)
            if "people" in changes:
                was = tuple(opened.get("people") or ())  # type: ignore[call-overload]
                people = merged_set(was, people, tuple(changes["people"]))  # type: ignore[call-overload]
            draft = EventDraft(
                **values,  # type: ignore[arg-type]
                people=people,
                new_people=tuple(new_people),
                follow_ups=tuple(follow_ups),
            )
            return self._save_event(event_id, draft)

    def _save_event(self, event_id: int | None, draft: EventDraft) -> Event:
        errors = validate_event(draft)
        if errors:
            raise ValidationError(errors)
        assert draft.starts_at is not None
        now = self.now()
        fields = {
            "name": " ".join(draft.name.split()),
            "kind": draft.kind,
            "starts_at": draft.starts_at.replace(second=0, microsecond=0),
            "duration_minutes": draft.duration_minutes,
            "place": draft.place.strip(),
            "pitch": draft.pitch.strip(),
            "notes": draft.notes.rstrip(),
        }
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            people = list(dict.fromkeys(draft.people))
            known = {
                r.id
                for r in ContactRecord.select(ContactRecord.id).where(ContactRecord.id << people)
            }
            missing = [p for p in people if p not in known]
            if missing:
                raise ValidationError(
                    {"people": f"Unknown contact (id {missing[0]}): pick from the list."}
                )
            if event_id is None:
                event_id = EventRecord.create(**fields, created_at=now).id
                before: set[int] = set()
            else:
                if not EventRecord.update(**fields).where(EventRecord.id == event_id).execute():
                    raise NotFoundError(f"no event with id {event_id}")
                before = {
                    r.contact_id
                    for r in EventPersonRecord.select().where(EventPersonRecord.event == event_id)
                }
            created: dict[str, int] = {}
            for name in draft.new_people:
                created[name] = self._new_contact(name, fields, now)
                people.append(created[name])
            EventPersonRecord.delete().where(
                (EventPersonRecord.event == event_id) & ~(EventPersonRecord.contact << people)
            ).execute()
            added = [p for p in people if p not in before]
            if added:
                EventPersonRecord.insert_many(
                    [{"event": event_id, "contact": p} for p in added]
                ).on_conflict_ignore().execute()
            if has_begun(fields["starts_at"], now):
                for person in added:
                    InteractionRecord.create(
                        contact=person,
                        kind=EVENT_INTERACTION,
                        happened_at=fields["starts_at"],
                        note=f"Met at {fields['name']}"[:500],
                    )
            follow_ups = [
                FollowUpDraft(f.what, f.owner, f.due_on, f.contact_id or created.get(f.new_person))
                for f in draft.follow_ups
            ]
            self._check_follow_ups(follow_ups)
            self._add_follow_ups(follow_ups, now, event_id=event_id)
        return self.get_event(event_id)

    def _new_contact(self, name: str, event: dict[str, object], now: datetime) -> int:
        record = ContactRecord.create(
            name=" ".join(name.split()),
            how_met=f"Met at {event['name']}"[:200],
            where_met=str(event["place"])[:200],
            level=1,
            created_at=now,
            updated_at=now,
        )
        LevelChangeRecord.create(
            contact=record.id,
            from_level=None,
            to_level=1,
            reason=f"Met at {event['name']}"[:200],
            changed_at=now,
        )
        return int(record.id)

    def get_event(self, event_id: int) -> Event:
        with self.db.connection_context():
            record = EventRecord.get_or_none(EventRecord.id == event_id)
            if record is None:
                raise NotFoundError(f"no event with id {event_id}")
            return _event(record, self._people([event_id]).get(event_id, ()))

    def list_events(self, offset: int = 0, limit: int = 200) -> EventPage:
        """A page of events, latest first, with the people met at each."""
        with self.db.connection_context():
            total = EventRecord.select().count()
            records = list(
                EventRecord.select()
                .order_by(EventRecord.starts_at.desc(), EventRecord.id.desc())
                .offset(max(0, offset))
                .limit(max(0, limit))
            )
            people = self._people([r.id for r in records])
            rows = [_event(r, people.get(r.id, ())) for r in records]
        return EventPage(tuple(rows), total, max(0, offset))

    def next_event(self) -> Event | None:
        """The event on now or next: one that has not ended yet, soonest first."""
        now = self.now()
        with self.db.connection_context():
            row = self.db.execute_sql(
                "SELECT id FROM event "
                "WHERE datetime(starts_at, '+' || duration_minutes || ' minutes') > ? "
                "ORDER BY starts_at, id LIMIT 1",
                [now.isoformat(sep=" ")],
            ).fetchone()
        return self.get_event(row[0]) if row else None

    def _people(self, event_ids: Iterable[int]) -> dict[int, tuple[PersonMet, ...]]:
        ids = list(event_ids)
        found: dict[int, list[PersonMet]] = {}
        if not ids:
            return {}
        query = (
            EventPersonRecord.select(
                EventPersonRecord.event, ContactRecord.id, ContactRecord.name, ContactRecord.level
            )
            .join(ContactRecord, on=(EventPersonRecord.contact == ContactRecord.id))
            .where(EventPersonRecord.event << ids)
            .order_by(ContactRecord.name.collate("NOCASE"))
            .tuples()
        )
        for event_id, contact_id, name, level in query:
            found.setdefault(event_id, []).append(PersonMet(contact_id, name, level))
        return {k: tuple(v) for k, v in found.items()}

    # ---- follow-ups -------------------------------------------------------------------------

    def list_follow_ups(
        self, include_done: bool = False, offset: int = 0, limit: int = 200
    ) -> FollowUpPage:
        """Open follow-ups by due date (undated last), then, if asked, the done ones."""
        with self.db.connection_context():
            query = self._follow_ups()
            if not include_done:
                query = query.where(FollowUpRecord.done_at.is_null())
            total = query.count()
            rows = [
                _follow_up(r)
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
            query = self._follow_ups().where(
                FollowUpRecord.done_at.is_null() & (FollowUpRecord.due_on <= today)
            )
            total = query.count()
            rows = [
                _follow_up(r)
                for r in query.order_by(FollowUpRecord.due_on, FollowUpRecord.id)
                .limit(limit)
                .objects()
            ]
        return rows, total

    def follow_ups_for(self, one_to_one_id: int) -> list[FollowUp]:
        with self.db.connection_context():
            return [
                _follow_up(r)
                for r in self._follow_ups()
                .where(FollowUpRecord.one_to_one == one_to_one_id)
                .order_by(FollowUpRecord.id)
                .objects()
            ]

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
            found = list(self._follow_ups().where(FollowUpRecord.id == follow_up_id).objects())
        return _follow_up(found[0])

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
            found = list(self._follow_ups().where(FollowUpRecord.id == follow_up_id).objects())
        return _follow_up(found[0])

    def _check_follow_ups(self, follow_ups: list[FollowUpDraft]) -> None:
        for index, follow_up in enumerate(follow_ups):
            problem = validate_follow_up(follow_up)
            if problem:
                raise ValidationError({f"follow-up-{index}": problem})
        ids = {f.contact_id for f in follow_ups}
        known = {
            r.id for r in ContactRecord.select(ContactRecord.id).where(ContactRecord.id << ids)
        }
        if ids - known:
            raise ValidationError(
                {"follow-ups": "A follow-up names a contact that does not exist."}
            )

    def _add_follow_ups(
        self,
        follow_ups: list[FollowUpDraft],
        now: datetime,
        one_to_one_id: int | None = None,
        event_id: int | None = None,
    ) -> None:
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

    def _follow_ups(self):  # type: ignore[no-untyped-def]
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

    # ---- time ------------------------------------------------------------------------------

    def time_spent(self, start: date, end: date) -> TimeSpent:
        """Time at one-to-ones held and events begun from ``start`` to ``end``, inclusive."""
        return self.tally(start, end).time_spent

    def tally(self, start: date, end: date) -> TimeTally:
        """One-to-ones held, their outcomes and the time spent, by the rule in ``core``."""
        now = self.now()
        low = datetime.combine(start, time())
        high = datetime.combine(end + timedelta(days=1), time())
        with self.db.connection_context():
            one_to_ones = self._held_rows(start, end)
            events = [
                (r.starts_at, r.duration_minutes)
                for r in EventRecord.select(EventRecord.starts_at, EventRecord.duration_minutes)
                .where((EventRecord.starts_at >= low) & (EventRecord.starts_at < high))
                .namedtuples()
            ]
        return tally_time(one_to_ones, events, now, start, end)

    def _held_rows(self, start: date, end: date) -> list[tuple[datetime, int, str | None]]:
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

    def _require_contact(self, contact_id: int) -> None:
        if not ContactRecord.select().where(ContactRecord.id == contact_id).exists():
            raise ValidationError(
                {"contact": "That contact does not exist (any more): pick another."}
            )


def _one_to_one(record: OneToOneRecord) -> OneToOne:
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


def _event(record: EventRecord, people: tuple[PersonMet, ...]) -> Event:
    return Event(
        id=record.id,
        name=record.name,
        kind=record.kind,
        starts_at=record.starts_at,
        duration_minutes=record.duration_minutes,
        place=record.place,
        pitch=record.pitch,
        notes=record.notes,
        people=people,
    )


def _follow_up(record: FollowUpRecord) -> FollowUp:
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
