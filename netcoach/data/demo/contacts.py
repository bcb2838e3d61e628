"""The demo's contacts with their emails, phones, tags, level history and touches.

``generate_demo`` fills an empty database with everything the demo shows, seeded so
the same seed gives the same network.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from peewee import SqliteDatabase, chunked

from netcoach.data.demo.brief import generate_brief_demo
from netcoach.data.demo.ledger import generate_ledger_demo
from netcoach.data.demo.levels import generate_levels_demo
from netcoach.data.demo.meetings import generate_meetings_demo
from netcoach.data.demo.pitches import generate_pitch_demo
from netcoach.data.demo.samples import (
    BUSINESSES,
    FIRST_NAMES,
    HOW_MET,
    KINDS,
    LAST_NAMES,
    NOTES,
    TAGS,
    WHERE_MET,
)
from netcoach.data.tables import (
    ContactRecord,
    ContactTagRecord,
    EmailRecord,
    InteractionRecord,
    LevelChangeRecord,
    PhoneRecord,
    TagRecord,
)

# Roughly how a real network spreads: many at Identify, few in the inner circle.
LEVEL_WEIGHTS = (40, 28, 18, 9, 5)


def generate_demo(
    db: SqliteDatabase,
    contacts: int = 150,
    seed: int = 7,
    now: datetime | None = None,
    interactions: bool = True,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Fill an empty database with ``contacts`` people and their history; return how many."""
    rng = random.Random(seed)
    now = (now or datetime.now()).replace(microsecond=0)
    with db.connection_context(), db.atomic():
        tag_ids = {}
        for name in TAGS:
            tag, _ = TagRecord.get_or_create(name=name)
            tag_ids[name] = tag.id
        first_id = (
            ContactRecord.select(ContactRecord.id).order_by(ContactRecord.id.desc()).scalar() or 0
        ) + 1
        people = []
        for index in range(contacts):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            company, title = rng.choice(BUSINESSES)
            level = rng.choices(range(1, 6), weights=LEVEL_WEIGHTS)[0]
            created = now - timedelta(days=rng.randint(30, 900), minutes=rng.randint(0, 600))
            people.append(
                {
                    "id": first_id + index,
                    "name": f"{first} {last}",
                    "company": company,
                    "title": title,
                    "url": "",
                    "how_met": rng.choice(HOW_MET),
                    "where_met": rng.choice(WHERE_MET),
                    "notes": rng.choice(NOTES),
                    "level": level,
                    "cadence_days": None,
                    "is_advisor": level >= 4 and rng.random() < 0.25,
                    "created_at": created,
                    "updated_at": created,
                }
            )
        for batch in chunked(people, 500):
            ContactRecord.insert_many(batch).execute()
        emails, phones, tags, changes, touches = [], [], [], [], []
        for person in people:
            cid = person["id"]
            first, _, last = person["name"].partition(" ")
            domain = person["company"].lower().replace("&", "and").replace(" ", "") + ".example"
            slug = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
            emails.append({"contact": cid, "address": f"{slug}@{domain}", "position": 0})
            if rng.random() < 0.6:
                phones.append(
                    {"contact": cid, "number": f"07700 9{rng.randint(0, 99999):05d}", "position": 0}
                )
            for name in rng.sample(TAGS, k=rng.randint(0, 2)):
                tags.append({"contact": cid, "tag": tag_ids[name]})
            changes.extend(_level_history(rng, person, now))
            if interactions:
                touches.extend(_interactions(rng, person, now))
        for table, rows in (
            (EmailRecord, emails),
            (PhoneRecord, phones),
            (ContactTagRecord, tags),
            (LevelChangeRecord, changes),
            (InteractionRecord, touches),
        ):
            for batch in chunked(rows, 500):
                table.insert_many(batch).execute()
            if progress:
                progress(len(rows))
        _important_dates(people, now)
    generate_meetings_demo(db, now, seed)
    generate_pitch_demo(db, now, seed)
    generate_levels_demo(db, now, seed)
    generate_ledger_demo(db, now, rng_seed=seed + 4)
    generate_brief_demo(db, now)
    return len(people)


def _important_dates(people: list[dict], now: datetime) -> None:
    """A few birthdays and anniversaries: two of them soon for people at Engage and above
    (Today shows those), one later, one on 29 February, and one soon at level 2 (not shown).
    """
    close = [p for p in people if p["level"] >= 3]
    further = [p for p in people if p["level"] == 2]
    soon, later = now + timedelta(days=3), now + timedelta(days=9)
    dates = [
        (close[0:1], "birthday", f"{soon.year - 41:04d}-{soon:%m-%d}"),
        (close[1:2], "anniversary", f"{later.year - 12:04d}-{later:%m-%d}"),
        (close[2:3], "birthday", f"--{now + timedelta(days=40):%m-%d}"),
        (close[3:4], "birthday", "1988-02-29"),
        (further[0:1], "birthday", f"--{soon:%m-%d}"),
    ]
    for chosen, field, value in dates:
        for person in chosen:
            ContactRecord.update({field: value}).where(ContactRecord.id == person["id"]).execute()


def _level_history(rng: random.Random, person: dict, now: datetime) -> list[dict]:
    created: datetime = person["created_at"]
    rows = [
        {
            "contact": person["id"],
            "from_level": None,
            "to_level": 1,
            "reason": "Added to netcoach",
            "changed_at": created,
        }
    ]
    reasons = {
        2: "We chat at every breakfast now",
        3: "Good one-to-one; I understand their business",
        4: "Passed each other referrals this quarter",
        5: "Trusted advocate; I would ask them for advice",
    }
    span = max(1, (now - created).days)
    day = 0
    for level in range(2, person["level"] + 1):
        day = min(span, day + rng.randint(1, max(1, span // person["level"])))
        rows.append(
            {
                "contact": person["id"],
                "from_level": level - 1,
                "to_level": level,
                "reason": reasons[level],
                "changed_at": created + timedelta(days=day),
            }
        )
    return rows


def _interactions(rng: random.Random, person: dict, now: datetime) -> list[dict]:
    count = rng.randint(0, 2 + person["level"] * 2)
    created: datetime = person["created_at"]
    span = max(1, min(540, (now - created).days))
    rows = []
    for _ in range(count):
        when = now - timedelta(days=rng.randint(1, span), hours=rng.randint(0, 10))
        rows.append(
            {
                "contact": person["id"],
                "kind": rng.choice(KINDS),
                "happened_at": when.replace(microsecond=0),
                "note": rng.choice(("", "Caught up on their plans", "Swapped referrals", "")),
            }
        )
    return rows
