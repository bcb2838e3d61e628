"""The breakfast brief's reads: everything about one event's people in a few set-based queries.

Each query covers every person expected at once (``WHERE contact_id IN (...)``), so the
work grows with the number of attendees and with the variety of haves and wants in the
network, never with one query per attendee. The rules live in ``netcoach.core.brief``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from netcoach.data.errors import NotFoundError
from netcoach.data.repository import Repository
from netcoach.data.values import stored_date, stored_datetime, stored_datetime_or_none

# How many of your contacts' haves (and wants) the attendees are met against, closest
# contacts first: the brief offers introductions to people you know best, and its work
# stays the same however large the network grows.
POOL = 3000

if TYPE_CHECKING:
    from netcoach.core.brief import Brief, BriefFacts, BriefPitch
    from netcoach.core.meetings import Event


class BriefRepo(Repository):
    """The brief for the next event or a chosen one."""

    def brief(self, event_id: int | None = None) -> Brief | None:
        """The brief for ``event_id``, or for the next event when None (None: no event ahead).

        An unknown ``event_id`` raises ``NotFoundError``.
        """
        from netcoach.core.brief import build_brief

        facts = self.facts(event_id)
        return None if facts is None else build_brief(facts)

    def facts(self, event_id: int | None = None) -> BriefFacts | None:
        """The plain facts the brief is built from, read inside one connection."""
        from netcoach.core.brief import BriefFacts
        from netcoach.data.meetings import MeetingRepo

        meetings = MeetingRepo(self.db, self.clock)
        now = self.now()
        with self.db.connection_context():
            event = meetings.next_event() if event_id is None else meetings.get_event(event_id)
            if event is None:
                return None
            ids = [person.contact_id for person in event.people]
            attendees = self._attendees(event, ids, now)
            wants_needed = any(a.haves for a in attendees if not a.met_before)
            return BriefFacts(
                event=event,
                now=now,
                attendees=attendees,
                offers=self._pool("have", attendees) if any(a.wants for a in attendees) else (),
                asks=self._pool("want", attendees) if wants_needed else (),
                pitch=self._pitch(),
            )

    def _attendees(self, event: Event, ids: list[int], now: object) -> tuple:  # type: ignore[type-arg]
        from netcoach.core.brief import AttendeeFacts, PlannedOneToOne, has_met
        from netcoach.core.ledger import LedgerEntry, Money
        from netcoach.core.matching import WantHave
        from netcoach.data.meetings.follow_ups import follow_up_from_record, follow_up_query
        from netcoach.data.tables import FollowUpRecord

        if not ids:
            return ()
        marks = ",".join("?" * len(ids))
        stamp = self._stamp()
        sql = self.db.execute_sql
        contacts = {
            row[0]: row
            for row in sql(
                "SELECT c.id, c.name, c.company, c.level, c.last_interaction_at, "
                "(SELECT count(*) FROM interaction i WHERE i.contact_id = c.id), "
                "(SELECT count(*) FROM one_to_one o WHERE o.contact_id = c.id "
                "AND o.starts_at <= ?) "
                f"FROM contact c WHERE c.id IN ({marks})",
                [stamp, *ids],
            )
        }
        names = {cid: row[1] for cid, row in contacts.items()}
        entries: dict[int, list[LedgerEntry]] = defaultdict(list)
        for eid, cid, direction, kind, day, status, minor, currency in sql(
            "SELECT id, contact_id, direction, kind, happened_on, status, amount_minor, currency "
            f"FROM ledger_entry WHERE contact_id IN ({marks}) ORDER BY happened_on, id",
            ids,
        ):
            money = Money(minor, currency) if minor is not None and currency else None
            entries[cid].append(
                LedgerEntry(
                    eid,
                    cid,
                    names.get(cid, ""),
                    direction,
                    kind,
                    stored_date(day),
                    status,
                    money,
                    "",
                )
            )
        follow_ups = defaultdict(list)
        query = follow_up_query().where(
            (FollowUpRecord.contact << ids) & FollowUpRecord.done_at.is_null()
        )
        for record in query.order_by(FollowUpRecord.id).objects():
            follow_ups[record.contact_id].append(follow_up_from_record(record))
        planned: dict[int, list[PlannedOneToOne]] = defaultdict(list)
        # Planned: not logged after the fact, no outcome yet, and not over.
        for cid, starts, objective, place in sql(
            "SELECT contact_id, starts_at, objective, place FROM one_to_one "
            f"WHERE contact_id IN ({marks}) AND completed_at IS NULL AND outcome IS NULL "
            "AND is_record = 0 "
            "AND datetime(starts_at, '+' || duration_minutes || ' minutes') > ? "
            "ORDER BY starts_at, id",
            [*ids, stamp],
        ):
            planned[cid].append(PlannedOneToOne(stored_datetime(starts), objective, place))
        wants: dict[int, list[WantHave]] = defaultdict(list)
        haves: dict[int, list[WantHave]] = defaultdict(list)
        for wid, cid, kind, phrase, tag in sql(
            "SELECT id, contact_id, kind, phrase, tag FROM want_have "
            f"WHERE contact_id IN ({marks}) ORDER BY id",
            ids,
        ):
            item = WantHave(wid, cid, names.get(cid, ""), kind, phrase, tag)
            (wants if kind == "want" else haves)[cid].append(item)
        found = []
        for person in event.people:
            row = contacts.get(person.contact_id)
            if row is None:
                continue
            cid, name, company, level, last, touches, begun = row
            found.append(
                AttendeeFacts(
                    contact_id=cid,
                    name=name,
                    company=company or "",
                    level=level,
                    last_touch=stored_datetime_or_none(last),
                    met_before=has_met(touches, begun, len(entries.get(cid, ()))),
                    follow_ups=tuple(follow_ups.get(cid, ())),
                    entries=tuple(entries.get(cid, ())),
                    planned=tuple(planned.get(cid, ())),
                    wants=tuple(wants.get(cid, ())),
                    haves=tuple(haves.get(cid, ())),
                )
            )
        return tuple(found)

    def _pool(self, kind: str, attendees: tuple) -> tuple:  # type: ignore[type-arg]
        """The ``kind`` items the attendees are met against, closest first: your own, then
        the attendees' own, then those of your closest contacts (highest level first, up
        to ``POOL`` items); archived contacts left out."""
        from netcoach.core.matching import WantHave

        mine = [
            WantHave(wid, None, "you", kind, phrase, tag)
            for wid, phrase, tag in self.db.execute_sql(
                "SELECT id, phrase, tag FROM want_have WHERE contact_id IS NULL AND kind = ? "
                "ORDER BY id",
                [kind],
            )
        ]
        present = [item for a in attendees for item in (a.haves if kind == "have" else a.wants)]
        # In the order of the index on (level, name), from the top level down, so SQLite
        # stops after the first POOL items instead of sorting every contact's.
        closest = [
            WantHave(wid, cid, name, kind, phrase, tag)
            for wid, cid, name, phrase, tag in self.db.execute_sql(
                "SELECT w.id, w.contact_id, c.name, w.phrase, w.tag "
                "FROM contact c INDEXED BY contact_level_name "
                "JOIN want_have w ON w.contact_id = c.id "
                "WHERE w.kind = ? AND c.archived_at IS NULL "
                "ORDER BY c.level DESC, c.name COLLATE NOCASE DESC, w.id LIMIT ?",
                [kind, POOL],
            )
        ]
        seen: set[int] = set()
        pool = []
        for item in (*mine, *present, *closest):
            if item.id not in seen:
                seen.add(item.id)
                pool.append(item)
        return tuple(pool)

    def _pitch(self) -> BriefPitch | None:
        """The pitch marked to use next with its timing and the ask to make."""
        from netcoach.core.brief import BriefPitch
        from netcoach.core.pitch import judge_structure
        from netcoach.data.pitches import PitchRepo

        pitches = PitchRepo(self.db, self.clock)
        card = pitches.pitch_card()
        if card is None:
            return None
        row = self.db.execute_sql(
            "SELECT script FROM pitch_version WHERE pitch_id = ? ORDER BY number DESC LIMIT 1",
            [card.pitch_id],
        ).fetchone()
        script = row[0] if row else ""
        ask = judge_structure(script, card.profile).ask if script.strip() else None
        if ask is not None and ask.kind != "none" and ask.text:
            said, source = ask.text, "pitch"
        elif card.profile.ideal_referral:
            said, source = card.profile.ideal_referral, "profile"
        else:
            said, source = "", ""
        return BriefPitch(
            name=card.name,
            words=card.words,
            seconds=card.seconds,
            limit_seconds=card.limit_seconds,
            rehearsals=card.rehearsals,
            ask=" ".join(said.split()),
            ask_from=source,
        )


__all__ = ["BriefRepo", "NotFoundError"]
