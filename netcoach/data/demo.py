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
    generate_ledger_demo(db, now, rng_seed=seed + 4)
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


ME_WANTS_HAVES = (
    ("want", "Needs a commercial property lawyer", "law"),
    ("want", "Introductions to hotel and restaurant owners", "hospitality"),
    ("have", "Can introduce good web developers", "web"),
    ("have", "Knows several angel investors", "funding"),
)
CONTACT_WANTS_HAVES = (
    ("have", "Solicitor specialising in commercial leases", "law"),
    ("have", "Has contacts in hospitality", "hospitality"),
    ("want", "Looking for a bookkeeper for a growing shop", "accounting"),
    ("have", "Chartered accountant for small firms", "accounting"),
    ("want", "Needs a new website before spring", "web"),
    ("want", "Seeking funding for a second café", "funding"),
    ("have", "Estate agent in the town centre", ""),
    ("want", "Help with estate planning and wills", ""),
    ("want", "Key account manager roles", ""),
    ("have", "Printing for brochures and flyers", "print"),
    ("want", "A printer for event banners", "print"),
    ("have", "Recruiter for hospitality staff", "hiring"),
    ("want", "Needs an interior designer for a new office", "interiors"),
    ("have", "Interior design studio", "interiors"),
    ("want", "Wants to meet architects", ""),
    ("have", "Photographer for headshots", "photography"),
)
LEDGER_NOTES = (
    "",
    "",
    "Over coffee after the breakfast",
    "Followed up by email",
    "Mentioned at the chapter meeting",
    "",
)


def generate_ledger_demo(db: SqliteDatabase, now: datetime, rng_seed: int = 11) -> None:
    """A year of give-and-get with a few lopsided relationships, wants and haves, two goals
    and one saved review of the previous half-year."""
    from netcoach.core.review import build_review, default_period, half_year
    from netcoach.data.ledger import LedgerRepo
    from netcoach.data.tables import GoalRecord, LedgerEntryRecord, WantHaveRecord

    rng = random.Random(rng_seed)
    kinds = ("referral", "introduction", "advice", "testimonial", "business", "support")
    with db.connection_context(), db.atomic():
        people = list(
            ContactRecord.select(ContactRecord.id, ContactRecord.level)
            .where(ContactRecord.archived_at.is_null())
            .order_by(ContactRecord.level.desc(), ContactRecord.id)
            .tuples()
        )
        if not people:
            return
        active = [cid for cid, level in people if level >= 3] or [cid for cid, _ in people]
        generous = set(active[:3])  # they give far more than they get
        takers = set(active[3:5])  # you give them far more than you get
        rows = []
        for cid in active:
            count = rng.randint(2, 9) + (6 if cid in generous | takers else 0)
            for _ in range(count):
                if cid in generous:
                    direction = "received" if rng.random() < 0.9 else "given"
                elif cid in takers:
                    direction = "given" if rng.random() < 0.9 else "received"
                else:
                    direction = rng.choice(("given", "received"))
                kind = rng.choices(kinds, weights=(5, 3, 4, 2, 2, 3))[0]
                day = (now - timedelta(days=rng.randint(0, 364))).date()
                amount = rng.choice((350, 1200, 2500, 800, 4000)) * 100
                rows.append(
                    {
                        "contact": cid,
                        "direction": direction,
                        "kind": kind,
                        "happened_on": day,
                        "status": rng.choice(("open", "won", "won", "lost"))
                        if kind == "referral"
                        else None,
                        "amount_minor": amount if kind == "business" else None,
                        "currency": ("EUR" if rng.random() < 0.15 else "GBP")
                        if kind == "business"
                        else None,
                        "note": rng.choice(LEDGER_NOTES),
                        "created_at": now,
                    }
                )
        for batch in chunked(rows, 500):
            LedgerEntryRecord.insert_many(batch).execute()
        # A give or get is a touch: bring each contact's last touch up to their latest entry.
        db.execute_sql(
            "UPDATE contact SET last_interaction_at = latest.day || ' 00:00:00' "
            "FROM (SELECT contact_id, max(happened_on) AS day FROM ledger_entry "
            "GROUP BY contact_id) AS latest "
            "WHERE latest.contact_id = contact.id AND (contact.last_interaction_at IS NULL "
            "OR contact.last_interaction_at < latest.day || ' 00:00:00')"
        )
        items = [
            {"contact": None, "kind": k, "phrase": p, "tag": t, "created_at": now}
            for k, p, t in ME_WANTS_HAVES
        ]
        holders = [cid for cid, _ in people]
        rng.shuffle(holders)
        for index, (kind, phrase, tag) in enumerate(CONTACT_WANTS_HAVES):
            items.append(
                {
                    "contact": holders[index % len(holders)],
                    "kind": kind,
                    "phrase": phrase,
                    "tag": tag,
                    "created_at": now,
                }
            )
        WantHaveRecord.insert_many(items).execute()
        today = now.date()
        GoalRecord.insert_many(
            [
                {
                    "title": "Give twelve referrals this quarter",
                    "metric": "given",
                    "kind": "referral",
                    "target": 12,
                    "starts_on": today - timedelta(days=70),
                    "deadline": today + timedelta(days=20),
                    "created_at": now,
                },
                {
                    "title": "Join the chamber's property group",
                    "metric": "manual",
                    "kind": None,
                    "target": 1,
                    "starts_on": today - timedelta(days=30),
                    "deadline": today + timedelta(days=75),
                    "created_at": now,
                },
            ]
        ).execute()
    current = default_period(today)
    year, half = current.start.year, 1 if current.start.month == 1 else 2
    past = half_year(year - 1, 2) if half == 1 else half_year(year, 1)
    ledger = LedgerRepo(db, clock=lambda: now)
    report = build_review(ledger.review_input(past))
    ledger.save_review(
        past,
        report.figures(),
        [
            {
                "what": "Give before asking: two referrals to my top givers",
                "how": "Listen for their ideal client at every breakfast",
                "with_whom": "The three people who helped most",
                "where": "Thursday breakfast",
                "when": "Before the end of the quarter",
            }
        ],
    )
