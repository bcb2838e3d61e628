"""Start to a loaded Today screen with 10,000 contacts and a year of meetings, against a bare app.

Run: python benchmarks/today_start.py [contacts]
Prints the median of several headless starts of each, and the ratio (budget: 1.3x).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from contextlib import suppress
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROUNDS = 9
NOW = datetime(2026, 11, 23, 7, 30)


def clock() -> datetime:
    return NOW


async def start_bare() -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Today")
            yield Footer()

    started = time.perf_counter()
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


async def start_netcoach(db_path: Path) -> float:
    from textual.worker import WorkerCancelled, WorkerFailed

    from netcoach.app import create_app
    from netcoach.data.db import database

    database.close()
    started = time.perf_counter()
    app = create_app(db_path, config_path=db_path.parent / "config.json", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            with suppress(WorkerCancelled, WorkerFailed):
                await app.workers.wait_for_complete()
            await pilot.pause()
        elapsed = time.perf_counter() - started
        assert type(app.screen).__name__ == "TodayScreen"
        assert app.screen.query_one("#today-overdue").display
    return elapsed


def add_many_meetings(db_path: Path, count: int) -> None:
    """A heavy user's history: ``count`` one-to-ones, each with two follow-ups."""
    import random

    from peewee import chunked

    from netcoach.data.db import database
    from netcoach.data.tables import ContactRecord, FollowUpRecord, OneToOneRecord

    rng = random.Random(3)
    with database.connection_context(), database.atomic():
        ids = [r[0] for r in ContactRecord.select(ContactRecord.id).tuples()]
        ones = []
        for index in range(count):
            starts = NOW - timedelta(days=rng.randint(-30, 1500), hours=rng.randint(0, 10))
            ones.append(
                {
                    "contact": rng.choice(ids),
                    "starts_at": starts.replace(microsecond=0),
                    "duration_minutes": 60,
                    "place": "Café",
                    "objective": f"Objective {index}",
                    "outcome": rng.choice(("achieved", "partly", "not", None)),
                    "created_at": starts,
                    "completed_at": starts if starts < NOW else None,
                }
            )
        for batch in chunked(ones, 500):
            OneToOneRecord.insert_many(batch).execute()
        one_ids = [r[0] for r in OneToOneRecord.select(OneToOneRecord.id).tuples()]
        follow_ups = []
        for one_id in one_ids:
            for _ in range(2):
                follow_ups.append(
                    {
                        "contact": rng.choice(ids),
                        "one_to_one": one_id,
                        "event": None,
                        "what": "Send the notes",
                        "owner": "me",
                        "due_on": (NOW - timedelta(days=rng.randint(-20, 900))).date(),
                        "done_at": NOW if rng.random() < 0.8 else None,
                        "created_at": NOW,
                    }
                )
        for batch in chunked(follow_ups, 500):
            FollowUpRecord.insert_many(batch).execute()


def time_queries(db_path: Path) -> list[tuple[str, float]]:
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store

    database.close()
    store = Store(open_database(db_path, db_path.parent / "backups"), clock=clock)
    meetings = store.meetings
    today = NOW.date()
    checks = [
        ("one-to-ones: first page of 200", lambda: meetings.list_one_to_ones(limit=200)),
        ("one-to-ones: page at offset 5,000", lambda: meetings.list_one_to_ones(5000, 200)),
        ("one-to-ones today", lambda: meetings.one_to_ones_on(today)),
        ("missing outcomes count", meetings.count_missing_outcomes),
        ("achievement rate, 90 days", meetings.achievement_rate),
        ("open follow-ups: first page", lambda: meetings.list_follow_ups(limit=200)),
        ("all follow-ups: first page", lambda: meetings.list_follow_ups(True, 0, 200)),
        ("follow-ups due (Today)", meetings.due_follow_ups),
        ("next event (Today)", meetings.next_event),
        ("time spent, one year", lambda: meetings.time_spent(today - timedelta(days=365), today)),
    ]
    results = []
    for name, call in checks:
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            call()
            runs.append(time.perf_counter() - started)
        results.append((name, statistics.median(runs)))
    database.close()
    return results


def main() -> None:
    contacts = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    meetings = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    from netcoach.data.db import database, open_database
    from netcoach.data.demo import generate_demo

    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "bench.db"
        generate_demo(open_database(db_path, Path(scratch) / "b"), contacts=contacts, now=NOW)
        if meetings:
            add_many_meetings(db_path, meetings)
        database.close()
        bare, ours = [], []
        for _ in range(ROUNDS):
            bare.append(asyncio.run(start_bare()))
            ours.append(asyncio.run(start_netcoach(db_path)))
        print(f"{contacts:,} contacts, {meetings:,} one-to-ones, {2 * meetings:,} follow-ups")
        for label, pick in (("median", statistics.median), ("best", min)):
            bare_ms = pick(bare) * 1000
            ours_ms = pick(ours) * 1000
            print(
                f"{label:6s} bare Textual app {bare_ms:7.1f} ms · netcoach to a loaded Today "
                f"{ours_ms:7.1f} ms · ratio {ours_ms / bare_ms:.2f}x (budget 1.3x)"
            )
        if not meetings:
            return
        print()
        for name, seconds in time_queries(db_path):
            print(f"{name:38s} {seconds * 1000:7.2f} ms")


if __name__ == "__main__":
    main()
