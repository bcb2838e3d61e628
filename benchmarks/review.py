"""Review and matching at scale: 10,000 contacts, 200,000 ledger entries over 5 years,
and 3 wants plus 3 haves per contact.

Each figure is the median of several runs in one process, with a baseline measured in
the same run: for the review, a bare SQL count and sum over the same rows; for matching,
only turning every phrase into terms (the least any matcher must do).

    python benchmarks/review.py [--contacts 10000] [--entries 200000] [--runs 5]

Budgets (issue 6): the review of a half-year within 300 ms; matching within 500 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TRADES = (
    "lawyer solicitor accountant bookkeeper architect builder plumber electrician "
    "photographer printer designer developer recruiter coach copywriter translator "
    "mortgage-broker insurance-broker financial-planner estate-agent caterer florist "
    "landscaper physiotherapist osteopath surveyor valuer auditor it-support videographer"
).split()
SECTORS = (
    "hospitality retail property construction healthcare education charities start-ups "
    "manufacturing logistics farming tourism fashion legal finance media sport music "
    "technology energy"
).split()
QUALIFIERS = (
    "commercial small growing family local national new independent busy specialist"
).split()
WANT_TEMPLATES = (
    "Needs a {q} {t} for {s}",
    "Looking for a {t} who knows {s}",
    "Wants introductions to {q} {s} businesses",
)
HAVE_TEMPLATES = (
    "{q} {t} working with {s}",
    "Has contacts in {s}",
    "Knows a {t} in {s}",
)


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def fill(db_path: Path, contacts: int, entries: int, now: datetime) -> None:
    from peewee import chunked

    from netcoach.data.db import open_database
    from netcoach.data.demo import generate_demo
    from netcoach.data.tables import LedgerEntryRecord, WantHaveRecord

    db = open_database(db_path, db_path.parent / "backups")
    generate_demo(db, contacts=contacts, now=now, interactions=False)
    rng = random.Random(5)
    kinds = ("referral", "introduction", "advice", "testimonial", "business", "support")
    with db.connection_context(), db.atomic():
        db.execute_sql("DELETE FROM ledger_entry")
        db.execute_sql("DELETE FROM want_have")
        ids = [row[0] for row in db.execute_sql("SELECT id FROM contact")]
        rows = []
        for _ in range(entries):
            kind = rng.choice(kinds)
            rows.append(
                {
                    "contact": rng.choice(ids),
                    "direction": rng.choice(("given", "received")),
                    "kind": kind,
                    "happened_on": (now - timedelta(days=rng.randint(0, 5 * 365))).date(),
                    "status": rng.choice(("open", "won", "lost")) if kind == "referral" else None,
                    "amount_minor": rng.randint(100, 900_000) if kind == "business" else None,
                    "currency": rng.choice(("GBP", "GBP", "EUR")) if kind == "business" else None,
                    "note": "",
                    "created_at": now,
                }
            )
        for batch in chunked(rows, 1000):
            LedgerEntryRecord.insert_many(batch).execute()
        items = []
        for cid in ids:
            for kind, templates in (("want", WANT_TEMPLATES), ("have", HAVE_TEMPLATES)):
                for _ in range(3):
                    phrase = rng.choice(templates).format(
                        q=rng.choice(QUALIFIERS), t=rng.choice(TRADES), s=rng.choice(SECTORS)
                    )
                    tag = rng.choice(SECTORS) if rng.random() < 0.3 else ""
                    items.append(
                        {
                            "contact": cid,
                            "kind": kind,
                            "phrase": phrase,
                            "tag": tag,
                            "created_at": now,
                        }
                    )
        for batch in chunked(items, 1000):
            WantHaveRecord.insert_many(batch).execute()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from netcoach.core.matching import find_matches, terms
    from netcoach.core.review import Period, build_review, parse_period
    from netcoach.data.db import database
    from netcoach.data.repo import Store

    now = datetime(2026, 11, 23, 8, 0)
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "netcoach.db"
        start = time.perf_counter()
        fill(db_path, options.contacts, options.entries, now)
        built = time.perf_counter() - start
        store = Store(database, clock=lambda: now)
        ledger = store.ledger
        half = parse_period("2026H1")
        everything = Period(date(2021, 11, 1), date(2026, 11, 23), "five years")

        def bare(period: Period) -> Callable[[], object]:
            def query() -> object:
                with database.connection_context():
                    return database.execute_sql(
                        "SELECT direction, kind, count(*), sum(amount_minor) FROM ledger_entry "
                        "WHERE happened_on BETWEEN ? AND ? GROUP BY direction, kind",
                        (period.start.isoformat(), period.end.isoformat()),
                    ).fetchall()

            return query

        print(
            f"database built in {built:.1f} s: {options.contacts:,} contacts, "
            f"{options.entries:,} ledger entries over 5 years, "
            f"{options.contacts * 6:,} wants and haves"
        )
        for label, period in (("half-year 2026H1", half), ("all five years", everything)):
            base, _ = median_ms(bare(period), options.runs)
            gather, data = median_ms(lambda p=period: ledger.review_input(p), options.runs)
            full, _report = median_ms(
                lambda p=period: build_review(ledger.review_input(p)), options.runs
            )
            rows = sum(t[5] for t in data.totals)  # type: ignore[attr-defined]
            print(
                f"review {label:<17} {full:7.1f} ms  (gather {gather:.1f} ms, {rows:,} entries; "
                f"bare SQL baseline {base:.1f} ms; ratio {full / base:.1f}x)  budget 300 ms"
            )
        items = ledger.all_wants_haves()
        base, _ = median_ms(lambda: [terms(i.phrase) | terms(i.tag) for i in items], options.runs)
        match_ms, found = median_ms(lambda: find_matches(items), options.runs)
        with_db, _ = median_ms(ledger.suggestions, options.runs)
        print(
            f"matching {len(items):,} wants and haves  {match_ms:7.1f} ms  "
            f"({len(found):,} best suggestions kept; tokenising alone {base:.1f} ms, "
            f"ratio {match_ms / base:.1f}x)  budget 500 ms"
        )
        print(f"suggestions incl. database read     {with_db:7.1f} ms")
        database.close()


if __name__ == "__main__":
    main()
