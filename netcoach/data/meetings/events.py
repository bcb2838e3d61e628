"""Events: a networking meeting with its date, place, duration and who was met.

A name met that is not a contact yet becomes one at Identify; meeting someone at an
event that has begun logs a touch with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from netcoach.core.meetings import (
    Event,
    EventDraft,
    EventPage,
    FollowThrough,
    FollowUpDraft,
    Owner,
    PersonMet,
    has_begun,
    validate_event,
)
from netcoach.core.merge import merged, merged_set
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.meetings.base import MeetingBase
from netcoach.data.meetings.follow_ups import add_follow_ups, check_follow_ups
from netcoach.data.tables import (
    ContactRecord,
    EventPersonRecord,
    EventRecord,
    FollowUpRecord,
    InteractionRecord,
    LevelChangeRecord,
)

EVENT_INTERACTION = "event"


def event_from_record(record: EventRecord, people: tuple[PersonMet, ...]) -> Event:
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


class EventsRepo(MeetingBase):
    """Networking events and the people met at them."""

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
            current = event.draft_fields()
            del current["people"]  # merged as a set, below
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
            check_follow_ups(follow_ups)
            add_follow_ups(follow_ups, now, event_id=event_id)
        return self.get_event(event_id)

    def follow_through_people(self, event_id: int) -> tuple[PersonMet, ...]:
        """Who to offer a follow-up after the event: those met at it (once it has begun) with
        no follow-up from it yet, open or done. Nobody for an event still to come."""
        with self.db.connection_context():
            event = self.get_event(event_id)
            if not has_begun(event.starts_at, self.now()):
                return ()
            have = {
                r.contact_id
                for r in FollowUpRecord.select(FollowUpRecord.contact).where(
                    FollowUpRecord.event == event_id
                )
            }
        return tuple(person for person in event.people if person.contact_id not in have)

    def add_follow_through(self, event_id: int, chosen: FollowThrough) -> list[int]:
        """One follow-up with each person chosen, from the event, in one transaction; their ids.

        Each must have been met at the event; someone who got a follow-up from it since is
        left out (two copies of netcoach offering at once add one each, not two).
        """
        draft_check = [
            FollowUpDraft(chosen.what, Owner.ME, chosen.due_on, contact_id=c)
            for c in chosen.contact_ids
        ]
        if not draft_check:
            raise ValidationError({"people": "Tick at least one person to follow up with."})
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            if not EventRecord.select().where(EventRecord.id == event_id).exists():
                raise NotFoundError(f"no event with id {event_id}")
            met = {
                r.contact_id
                for r in EventPersonRecord.select(EventPersonRecord.contact).where(
                    EventPersonRecord.event == event_id
                )
            }
            if any(c not in met for c in chosen.contact_ids):
                raise ValidationError({"people": "Someone chosen was not met at this event."})
            check_follow_ups(draft_check)
            have = {
                r.contact_id
                for r in FollowUpRecord.select(FollowUpRecord.contact).where(
                    FollowUpRecord.event == event_id
                )
            }
            ids = []
            for draft in draft_check:
                if draft.contact_id in have:
                    continue
                have.add(draft.contact_id)
                ids.append(
                    FollowUpRecord.insert(
                        contact=draft.contact_id,
                        event=event_id,
                        what=" ".join(draft.what.split()),
                        owner=Owner.ME.value,
                        due_on=draft.due_on,
                        created_at=now,
                    ).execute()
                )
        return ids

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
            return event_from_record(record, self._people([event_id]).get(event_id, ()))

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
            rows = [event_from_record(r, people.get(r.id, ())) for r in records]
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
