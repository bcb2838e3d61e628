"""A seeded generator of realistic demo data, for ``netcoach --demo`` and the benchmarks."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from peewee import SqliteDatabase, chunked

from netcoach.data.tables import (
    ContactRecord,
    ContactTagRecord,
    EmailRecord,
    InteractionRecord,
    LevelChangeRecord,
    PhoneRecord,
    TagRecord,
)

FIRST_NAMES = (
    "Amelia Ben Chloe Dev Eleanor Farid Grace Hamish Isla Jonas Kavya Liam Maya Niall Olu Priya "
    "Quentin Rosa Sanjay Tamsin Ugo Vera Wes Ximena Yusuf Zoë Aoife Björn Carys Dmitri Esme "
    "Fionn Gita Hugo Ines Jakub Keira Luca Marta Nadia Owen Petra Rhys Saoirse Tomás"
).split()
LAST_NAMES = (
    "Adeyemi Brennan Clarke Davies Evans Fitzgerald Gallagher Hughes Iqbal Jones Kowalski Lewis "
    "McKenzie Novak O'Brien Patel Quinn Robertson Singh Thompson Underwood Vaughan Walsh Young "
    "Zielinski Ahmed Byrne Chen Doyle Ellis Fraser Green Hall Ito Jensen Khan Lopez Murphy"
).split()
BUSINESSES = (
    ("Harbour Lane Accountants", "Accountant"),
    ("Brightside Print", "Print manager"),
    ("Keystone Commercial Law", "Solicitor"),
    ("Northgate Wealth", "Financial planner"),
    ("Oak & Ivy Interiors", "Interior designer"),
    ("Pixel Foundry", "Web developer"),
    ("Redwood Recruitment", "Recruitment consultant"),
    ("Summit IT Support", "IT consultant"),
    ("The Copy Desk", "Copywriter"),
    ("Tidewater Events", "Event planner"),
    ("Urban Nest Estates", "Estate agent"),
    ("Verity Insurance Brokers", "Insurance broker"),
    ("Willow Physio", "Physiotherapist"),
    ("Clearview Windows", "Director"),
    ("Greenfield Landscapes", "Landscape gardener"),
    ("Ledger & Co Bookkeeping", "Bookkeeper"),
    ("Bold Signal Marketing", "Marketing consultant"),
    ("Cornerstone Architects", "Architect"),
    ("Fresh Plate Catering", "Caterer"),
    ("Lighthouse Coaching", "Business coach"),
    ("Meridian Mortgages", "Mortgage adviser"),
    ("Stonebridge Builders", "Builder"),
    ("Crisp Photography", "Photographer"),
    ("Anchor Cleaning", "Operations manager"),
)
HOW_MET = (
    "Thursday breakfast club",
    "Chamber of commerce mixer",
    "Introduced by a client",
    "Regional business show",
    "Online networking hour",
    "Alumni dinner",
    "Referral group visitor day",
    "Met at a workshop on pricing",
)
WHERE_MET = ("The Grand Hotel", "Town hall", "Riverside café", "Online", "Exhibition centre")
TAGS = ("referral partner", "supplier", "client", "prospect", "hospitality", "property", "finance")
NOTES = (
    "Prefers early morning calls. Two children, keen cyclist.",
    "Looking to expand into the commercial market next year.",
    "Very well connected with local property developers.",
    "Ask about the charity bike ride in spring.",
    "Works mostly with start-ups; knows several angel investors.",
    "",
    "Good sounding board for pricing questions.",
)
KINDS = ("coffee", "call", "email", "meeting", "message", "event")
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
    generate_levels_demo(db, now, seed)
    return len(people)


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


WANTS = (
    "introductions to commercial landlords",
    "a reliable bookkeeper",
    "speaking slots at business events",
    "clients in hospitality",
    "a good web developer",
    "referrals to growing start-ups",
    "a mentor for pricing",
    "warm leads in property",
)
HAVES = (
    "contacts at the chamber of commerce",
    "a list of trusted trades",
    "experience with grant applications",
    "a meeting room in town",
    "friends in local press",
    "access to angel investors",
    "a newsletter with 2,000 readers",
    "know-how on exporting",
)
GAINS_SAMPLES = {
    "gains_goals": ("Open a second office", "Double recurring revenue", "Win a regional award"),
    "gains_accomplishments": ("Ran a marathon", "Grew the team to twelve", "Published a book"),
    "gains_interests": ("Sailing", "Jazz piano", "Allotment gardening", "Rugby"),
    "gains_networks": ("Rotary club", "Alumni board", "Women in business forum"),
    "gains_skills": ("Negotiation", "Public speaking", "Spreadsheets", "Storytelling"),
}
REASON_KEYS = (
    "leads",
    "referral_sources",
    "refer_to",
    "market_intelligence",
    "camaraderie",
    "competitors",
)
LEVELS_DEMO_LIMIT = 2_000


def generate_levels_demo(db: SqliteDatabase, now: datetime, rng_seed: int = 7) -> None:
    """Reasons, wants and haves, GAINS notes and a board of advisors for recent contacts.

    Only the newest ``LEVELS_DEMO_LIMIT`` contacts get them, so large benchmark
    databases stay quick to build.
    """
    rng = random.Random(rng_seed)
    with db.connection_context(), db.atomic():
        people = db.execute_sql(
            "SELECT id, level FROM contact WHERE id NOT IN (SELECT contact_id FROM contact_reason) "
            "ORDER BY id DESC LIMIT ?",
            [LEVELS_DEMO_LIMIT],
        ).fetchall()
        reasons, phrases = [], []
        for contact_id, level in people:
            for key in rng.sample(REASON_KEYS, k=rng.randint(0, min(3, level))):
                reasons.append((contact_id, key))
            for kind, pool in (("want", WANTS), ("have", HAVES)):
                for phrase in rng.sample(pool, k=rng.randint(0, 2)):
                    phrases.append((contact_id, kind, phrase, "", now))
            if level >= 3 and rng.random() < 0.7:
                db.execute_sql(
                    "UPDATE contact SET gains_goals = ?, gains_accomplishments = ?, "
                    "gains_interests = ?, gains_networks = ?, gains_skills = ? WHERE id = ?",
                    [rng.choice(GAINS_SAMPLES[f]) for f in GAINS_SAMPLES] + [contact_id],
                )
        for batch in chunked([cid for cid, _level in people], 500):
            marks = ", ".join("?" for _ in batch)
            db.execute_sql(f"UPDATE contact SET is_advisor = 0 WHERE id IN ({marks})", batch)
        board = [cid for cid, level in people if level >= 4][:5]
        board += [cid for cid, level in people if level == 3][:1]
        for batch in chunked(reasons, 500):
            marks = ", ".join("(?, ?)" for _ in batch)
            db.execute_sql(
                f"INSERT OR IGNORE INTO contact_reason (contact_id, reason) VALUES {marks}",
                [value for pair in batch for value in pair],
            )
        for batch in chunked(phrases, 200):
            marks = ", ".join("(?, ?, ?, ?, ?)" for _ in batch)
            db.execute_sql(
                f"INSERT INTO want_have (contact_id, kind, phrase, tag, created_at) VALUES {marks}",
                [value for row in batch for value in row],
            )
        for contact_id in board:
            db.execute_sql("UPDATE contact SET is_advisor = 1 WHERE id = ?", [contact_id])
        for phrase, kind in (("introductions to architects", "want"), ("a CRM expert", "want")):
            db.execute_sql(
                "INSERT INTO want_have (contact_id, kind, phrase, tag, created_at) "
                "VALUES (NULL, ?, ?, '', ?)",
                [kind, phrase, now],
            )
