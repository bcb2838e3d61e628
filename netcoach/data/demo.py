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
    EventPersonRecord,
    EventRecord,
    FollowUpRecord,
    InteractionRecord,
    LevelChangeRecord,
    OneToOneRecord,
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
    generate_meetings_demo(db, now, seed)
    generate_pitch_demo(db, now, seed)
    generate_levels_demo(db, now, seed)
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


OBJECTIVES = (
    "Learn who their ideal client is, so I can spot referrals",
    "Find out how they win most of their work",
    "Agree whether we could run a joint workshop",
    "Understand their plans for next year and where I can help",
    "Ask for an introduction to the chamber's property group",
    "Learn how to recognise a good introduction for them",
    "Decide if they would join my board of advisors",
)
LEARNT = (
    "Most of their work comes from accountants; they want more from solicitors.",
    "They are opening a second office in the spring.",
    "Their best clients are family businesses with 10 to 50 staff.",
    "They hate cold introductions: a short email first, then a call.",
    "",
)
ACTIONS = (
    ("Send them the pricing guide", "me"),
    ("Introduce them to a solicitor I trust", "me"),
    ("Send me the name of their IT contact", "them"),
    ("Share the workshop outline", "me"),
    ("Connect me with their property group chair", "them"),
    ("Book the next one-to-one", "me"),
)
PLACES = ("Riverside café", "Their office", "online", "The Grand Hotel lounge", "My office")
PAST_EVENTS = (
    ("Weekly breakfast club", "breakfast", "The Grand Hotel", 90),
    ("Chamber of commerce mixer", "chamber", "Town hall", 120),
    ("Regional business show", "conference", "Exhibition centre", 360),
    ("Online networking hour", "online", "online", 60),
    ("Summer members' barbecue", "social", "Riverside café", 150),
)
PITCH = (
    "I help owner-run firms stop losing evenings to their books. A good referral is a "
    "business owner who has just hired their fifth person."
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


BREAKFAST_VERSIONS = (
    "Hi, um, I'm Sam Rivers and I basically run Rivers Print. We do printing, really, "
    "all sorts of things. I think we're quite good. So if anyone needs printing, let me know.",
    "I'm Sam Rivers from Rivers Print. We help local shops and cafés look as good on paper "
    "as they do in person: menus, flyers, signs. We're known for next-day turnaround. "
    "Unlike the online printers, you can come in and touch the paper before you buy. "
    "This week I'm looking for an introduction to someone who is opening a new restaurant.",
    "I'm Sam Rivers from Rivers Print. We help independent shops and cafés look as good on "
    "paper as they do in person: menus, flyers and shop signs. We're known for next-day "
    "turnaround, and unlike the online printers you can come in and feel the paper first. "
    "Last month a bakery on Mill Street doubled its lunch trade with one new menu board. "
    "This week I'm looking for an introduction to anyone opening a restaurant in town. "
    "Sam Rivers, Rivers Print: remember, good paper sells.",
)
CHAMBER_VERSIONS = (
    "I'm Sam from Rivers Print. We print menus, flyers and signs for local shops, "
    "usually by the next morning. I'd love an introduction to a new café owner.",
    "I'm Sam Rivers from Rivers Print: menus, flyers and signs for local shops, ready "
    "next morning. I'm looking for an introduction to a new café owner. Good paper sells.",
)
REHEARSAL_NOTES = ("", "Rushed the ask", "Slow down on the example", "Felt natural", "")


def generate_pitch_demo(db: SqliteDatabase, now: datetime, rng_seed: int = 7) -> None:
    """Two pitches with a few versions each and a history of rehearsals (once per database)."""
    from netcoach.core.pitch import count_words
    from netcoach.data.tables import PitchRecord, PitchVersionRecord, RehearsalRecord

    rng = random.Random(rng_seed)
    with db.connection_context(), db.atomic():
        if PitchRecord.select().exists():
            return
        for name, limit, versions, is_next, rehearsals in (
            ("Breakfast club", 60, BREAKFAST_VERSIONS, True, 8),
            ("Chamber lunch", 30, CHAMBER_VERSIONS, False, 3),
        ):
            start = now - timedelta(days=40)
            pitch = PitchRecord.create(
                name=name,
                limit_seconds=limit,
                is_next=is_next,
                # The pitch to use follows the next planned event (tomorrow's breakfast).
                next_event_on=None,
                created_at=start,
                updated_at=now - timedelta(days=3),
            )
            version_ids = []
            for number, script in enumerate(versions, start=1):
                version = PitchVersionRecord.create(
                    pitch=pitch.id,
                    number=number,
                    script=script,
                    parts="{}",
                    word_count=count_words(script),
                    created_at=start + timedelta(days=12 * (number - 1)),
                )
                version_ids.append((version.id, count_words(script), version.created_at))
            for index in range(rehearsals):
                version_id, words, since = version_ids[min(len(version_ids) - 1, index // 3)]
                speed = rng.uniform(135, 155)
                RehearsalRecord.create(
                    pitch=pitch.id,
                    version=version_id,
                    duration_seconds=round(words * 60 / speed, 2),
                    limit_seconds=limit,
                    word_count=words,
                    rating=rng.randint(2, 5),
                    note=rng.choice(REHEARSAL_NOTES),
                    rehearsed_at=min(now, since + timedelta(days=1 + index % 3, hours=7)),
                )


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
