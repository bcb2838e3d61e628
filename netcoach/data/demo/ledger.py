"""The demo's give and get entries, wants and haves, goals and a saved review."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from peewee import SqliteDatabase, chunked

from netcoach.data.demo.samples import CONTACT_WANTS_HAVES, LEDGER_NOTES, ME_WANTS_HAVES
from netcoach.data.tables import ContactRecord


def generate_ledger_demo(db: SqliteDatabase, now: datetime, rng_seed: int = 11) -> None:
    """A year of give-and-get with a few lopsided relationships, wants and haves, two goals
    and one saved review, saved a little over six months ago (so the next is due)."""
    from netcoach.core.review import add_months, build_review, half_year
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
    # Saved six months and five days ago, so Today says the next review is due; it covers
    # the half-year that had ended by then.
    saved_at = datetime.combine(add_months(today, -6) - timedelta(days=5), time(18, 0))
    saved_day = saved_at.date()
    past = (
        half_year(saved_day.year - 1, 2) if saved_day.month <= 6 else half_year(saved_day.year, 1)
    )
    ledger = LedgerRepo(db, clock=lambda: saved_at)
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
