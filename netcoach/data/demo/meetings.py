"""The demo's one-to-ones, events, people met and follow-ups."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from peewee import SqliteDatabase, chunked

from netcoach.data.demo.samples import ACTIONS, LEARNT, OBJECTIVES, PAST_EVENTS, PITCH, PLACES
from netcoach.data.tables import (
    ContactRecord,
    EventPersonRecord,
    EventRecord,
    FollowUpRecord,
    InteractionRecord,
    OneToOneRecord,
)


def generate_meetings_demo(db: SqliteDatabase, now: datetime, seed: int = 7) -> None:
    """Add events, one-to-ones and follow-ups around ``now``: a breakfast tomorrow at 07:00."""
    rng = random.Random(seed * 31 + 5)
    now = now.replace(microsecond=0)
    today = now.replace(hour=0, minute=0, second=0)
    with db.connection_context(), db.atomic():
        ids = [
            row[0]
            for row in ContactRecord.select(ContactRecord.id, ContactRecord.level)
            .order_by(ContactRecord.id)
            .tuples()
        ]
        if len(ids) < 8:
            return
        levels = dict(ContactRecord.select(ContactRecord.id, ContactRecord.level).tuples())
        touches: list[dict] = []
        follow_ups: list[dict] = []

        def add_event(name: str, kind: str, place: str, minutes: int, starts: datetime) -> None:
            event = EventRecord.create(
                name=name,
                kind=kind,
                starts_at=starts,
                duration_minutes=minutes,
                place=place,
                pitch=PITCH,
                created_at=min(now, starts),
            )
            people = rng.sample(ids, k=rng.randint(3, 6))
            EventPersonRecord.insert_many(
                [{"event": event.id, "contact": p} for p in people]
            ).execute()
            if starts < now:
                touches.extend(
                    {"contact": p, "kind": "event", "happened_at": starts, "note": f"Met at {name}"}
                    for p in people
                )
                if rng.random() < 0.6:
                    follow_ups.append(
                        {
                            "contact": people[0],
                            "event": event.id,
                            "what": "Send the article we talked about",
                            "owner": "me",
                            "due_on": (starts + timedelta(days=3)).date(),
                            "done_at": None if starts > now - timedelta(days=14) else starts,
                            "created_at": starts,
                        }
                    )

        add_event(*PAST_EVENTS[0][:3], 90, today + timedelta(days=1, hours=7))
        for weeks in range(1, 9):
            add_event(*PAST_EVENTS[0][:3], 90, today - timedelta(weeks=weeks, hours=-7))
        for index, (name, kind, place, minutes) in enumerate(PAST_EVENTS[1:]):
            starts = today - timedelta(days=12 + index * 17, hours=-18)
            add_event(name, kind, place, minutes, starts)

        below_engage = [i for i in ids if levels[i] < 3]
        met = rng.sample(ids, k=9)
        for index in range(9):
            contact = met[index]
            starts = today - timedelta(days=3 + index * 9, hours=-rng.choice((8, 10, 13, 16)))
            recorded = index != 1  # one past one-to-one is left without an outcome
            outcome = rng.choices(("achieved", "partly", "not"), weights=(6, 3, 1))[0]
            one = OneToOneRecord.create(
                contact=contact,
                starts_at=starts,
                duration_minutes=rng.choice((45, 60, 60, 90)),
                place=rng.choice(PLACES),
                objective=rng.choice(OBJECTIVES),
                agenda="How can I help you?\nWho is a good referral for you?",
                outcome=outcome if recorded else None,
                notes="Good energy; we overran a little." if recorded else "",
                learnt=rng.choice(LEARNT) if recorded else "",
                completed_at=starts + timedelta(hours=2) if recorded else None,
                created_at=starts - timedelta(days=7),
            )
            if not recorded:
                continue
            touches.append(
                {
                    "contact": contact,
                    "kind": "meeting",
                    "happened_at": starts,
                    "note": f"One-to-one: {one.objective}",
                }
            )
            for what, owner in rng.sample(ACTIONS, k=rng.randint(1, 2)):
                due = (starts + timedelta(days=rng.choice((2, 5, 7, 14)))).date()
                follow_ups.append(
                    {
                        "contact": contact,
                        "one_to_one": one.id,
                        "what": what,
                        "owner": owner,
                        "due_on": due,
                        "done_at": starts + timedelta(days=1) if index > 4 else None,
                        "created_at": starts + timedelta(hours=2),
                    }
                )
        planned = [
            (today + timedelta(hours=12, minutes=30), "Riverside café"),
            (today + timedelta(days=2, hours=8), "online"),
            (today + timedelta(days=6, hours=10), "Their office"),
        ]
        for (starts, place), contact in zip(
            planned, rng.sample(below_engage if len(below_engage) >= 3 else ids, k=3), strict=False
        ):
            OneToOneRecord.create(
                contact=contact,
                starts_at=starts,
                duration_minutes=60,
                place=place,
                objective=rng.choice(OBJECTIVES),
                agenda="Goals: what are you working towards this year?",
                created_at=now - timedelta(days=2),
            )
        follow_ups.append(
            {
                "contact": rng.choice(ids),
                "what": "Thank them for the referral",
                "owner": "me",
                "due_on": now.date(),
                "created_at": now - timedelta(days=1),
            }
        )
        for batch in chunked(touches, 500):
            InteractionRecord.insert_many(batch).execute()
        blank = {"one_to_one": None, "event": None, "done_at": None}
        for batch in chunked([blank | row for row in follow_ups], 500):
            FollowUpRecord.insert_many(batch).execute()
