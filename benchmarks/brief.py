"""The breakfast brief at scale: an event with 40 people expected, in a network of
100,000 contacts, 200,000 ledger entries, 200,000 wants and haves (one of each per
contact, from the phrases of benchmarks/review.py), 100,000 touches and 20,000 follow-ups.

Each figure is the median of several runs in one process, with a baseline measured in the
same run: the same event's people read by ``MeetingRepo.get_event`` alone (the least any
brief must do).

    python benchmarks/brief.py [--contacts 100000] [--entries 200000] [--runs 7]

Budget (issue 17): the brief within 300 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.review import (  # noqa: E402
    HAVE_TEMPLATES,
    QUALIFIERS,
    SECTORS,
    TRADES,
    WANT_TEMPLATES,
)

BUDGET_MS = 300.0
ATTENDEES = 40
NOW = datetime(2026, 11, 23, 7, 30)


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def phrase(rng: random.Random, templates: tuple[str, ...]) -> str:
    return rng.choice(templates).format(
        q=rng.choice(QUALIFIERS), t=rng.choice(TRADES), s=rng.choice(SECTORS)
    )


def fill(path: Path, contacts: int, entries: int) -> int:
    """Build the network with plain SQL (the schema from open_database); the event's id."""
    from netcoach.data.db import database, open_database

    open_database(path, path.parent / "backups")
    database.close()
    rng = random.Random(17)
    stamp = NOW.isoformat(sep=" ")
    day = lambda back: (NOW - timedelta(days=back)).isoformat(sep=" ")  # noqa: E731
    kinds = ("referral", "introduction", "advice", "testimonial", "business", "support")
    with sqlite3.connect(path) as con:
        con.executemany(
            "INSERT INTO contact (id, name, company, level, created_at, updated_at, "
            "last_interaction_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    cid,
                    f"Person {cid:06}",
                    f"Firm {cid % 997}",
                    rng.choices(range(1, 6), weights=(40, 28, 18, 9, 5))[0],
                    stamp,
                    stamp,
                    day(rng.randint(1, 400)) if rng.random() < 0.7 else None,
                )
                for cid in range(1, contacts + 1)
            ),
        )
        con.executemany(
            "INSERT INTO ledger_entry (contact_id, direction, kind, happened_on, status, "
            "amount_minor, currency, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)",
            (
                (
                    rng.randint(1, contacts),
                    rng.choice(("given", "received")),
                    kind,
                    (NOW - timedelta(days=rng.randint(0, 5 * 365))).date().isoformat(),
                    rng.choice(("open", "won", "lost")) if kind == "referral" else None,
                    rng.randint(100, 900_000) if kind == "business" else None,
                    "GBP" if kind == "business" else None,
                    stamp,
                )
                for kind in (rng.choice(kinds) for _ in range(entries))
            ),
        )
        con.executemany(
            "INSERT INTO want_have (contact_id, kind, phrase, tag, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                (
                    cid,
                    kind,
                    phrase(rng, templates),
                    rng.choice(SECTORS) if rng.random() < 0.3 else "",
                    stamp,
                )
                for cid in range(1, contacts + 1)
                for kind, templates in (("want", WANT_TEMPLATES), ("have", HAVE_TEMPLATES))
            ),
        )
        con.executemany(
            "INSERT INTO want_have (contact_id, kind, phrase, tag, created_at) "
            "VALUES (NULL, ?, ?, '', ?)",
            [("have", phrase(rng, HAVE_TEMPLATES), stamp) for _ in range(5)],
        )
        con.executemany(
            "INSERT INTO interaction (contact_id, kind, happened_at, note) "
            "VALUES (?, 'call', ?, '')",
            ((rng.randint(1, contacts), day(rng.randint(1, 400))) for _ in range(contacts)),
        )
        con.executemany(
            "INSERT INTO follow_up (contact_id, what, owner, due_on, created_at) "
            "VALUES (?, 'Send the deck', ?, ?, ?)",
            (
                (
                    rng.randint(1, contacts),
                    rng.choice(("me", "them")),
                    day(rng.randint(-9, 30))[:10],
                    stamp,
                )
                for _ in range(contacts // 5)
            ),
        )
        event = con.execute(
            "INSERT INTO event (name, kind, starts_at, duration_minutes, place, pitch, notes, "
            "created_at) VALUES ('Breakfast', 'breakfast', ?, 90, 'The Grand', '', '', ?)",
            ((NOW + timedelta(days=1)).replace(hour=7, minute=0).isoformat(sep=" "), stamp),
        ).lastrowid
        people = rng.sample(range(1, contacts + 1), ATTENDEES)
        con.executemany(
            "INSERT INTO event_person (event_id, contact_id) VALUES (?, ?)",
            [(event, cid) for cid in people],
        )
        con.executemany(
            "INSERT INTO one_to_one (contact_id, starts_at, duration_minutes, objective, "
            "created_at) VALUES (?, ?, 60, 'Learn who their ideal client is', ?)",
            [(cid, day(-3), stamp) for cid in people[::4]],
        )
        con.commit()
    assert event is not None
    return int(event)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "netcoach.db"
        started = time.perf_counter()
        event_id = fill(path, options.contacts, options.entries)
        built = time.perf_counter() - started
        store = Store(open_database(path, path.parent / "backups"), clock=lambda: NOW)
        print(
            f"database built in {built:.1f} s: {options.contacts:,} contacts, "
            f"{options.entries:,} ledger entries, {options.contacts * 2:,} wants and haves, "
            f"{ATTENDEES} people expected"
        )
        first = time.perf_counter()
        store.brief.brief(event_id)
        first_ms = (time.perf_counter() - first) * 1000
        base, _ = median_ms(lambda: store.meetings.get_event(event_id), options.runs)
        brief_ms, brief = median_ms(lambda: store.brief.brief(event_id), options.runs)
        facts_ms, _ = median_ms(lambda: store.brief.facts(event_id), options.runs)
        assert brief is not None
        people = brief.everyone  # type: ignore[attr-defined]
        gifts = sum(1 for p in people if p.gift is not None)
        print(
            f"brief of {len(people)} people  {brief_ms:7.1f} ms  (reads {facts_ms:.1f} ms; "
            f"first run {first_ms:.1f} ms incl. imports; {gifts} with a thing to give; "
            f"event read alone {base:.1f} ms)  budget {BUDGET_MS:.0f} ms"
        )
        database.close()


if __name__ == "__main__":
    main()
