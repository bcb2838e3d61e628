"""Today's "met a month ago, still at Identify" card: its query at 100,000 contacts.

Three networks of 100,000 contacts (40 % of them at Identify), each read as Today reads
it (``ContactRepo.still_at_identify`` on a warm connection, the five oldest and the count):

- imported: benchmarks/search.py's database, a network mostly imported and never met
  (only the demo's events and one-to-ones);
- met 5,000: the same with 5,000 contacts at Identify met for a coffee 40-400 days ago,
  a very busy networker's years of breakfasts;
- all touched: every contact with random touches (``generate_demo`` with interactions),
  so 32,000 contacts at Identify have been touched: far beyond any real network.

Today's "due for a touch" query (``overdue``) is timed on each as the baseline.

Measured (2 shared cores, busy): imported 10 ms, met 5,000 33 ms, all touched 244 ms
(the overdue query 3.5-4.5 ms). The cost grows with the contacts at Identify who were
touched at all, not with the size of the network.

    python benchmarks/today_identify.py [--runs 15] [--cache /tmp/netcoach-bench]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.search import database_for  # noqa: E402

SIZE = 100_000
NOW = datetime(2026, 11, 23, 7, 30)  # the clock the databases are generated at
MET = 5_000


def touched_database(cache: Path) -> Path:
    """The network where every contact has random touches, generated once."""
    path = cache / f"contacts-{SIZE}-touched.db"
    if not path.exists():
        print(f"generating {SIZE:,} contacts with touches into {path} …", flush=True)
        subprocess.run([sys.executable, __file__, "--generate", str(path)], check=True)
    return path


def generate_touched(path: Path) -> None:
    from netcoach.data.db import open_database
    from netcoach.data.demo import generate_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    db = open_database(partial, path.parent / "backups")
    generate_demo(db, contacts=SIZE, interactions=True, now=NOW)
    with db.connection_context():
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    partial.rename(path)


def add_met(path: Path, count: int) -> None:
    """Log a coffee 40-400 days ago with ``count`` contacts at Identify never touched."""
    import sqlite3

    rng = random.Random(5)
    with sqlite3.connect(path) as conn:
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM contact WHERE level = 1 AND last_interaction_at IS NULL "
                "AND archived_at IS NULL ORDER BY id LIMIT ?",
                [count],
            )
        ]
        conn.executemany(
            "INSERT INTO interaction (contact_id, kind, happened_at, note) "
            "VALUES (?, 'coffee', ?, '')",
            [(cid, str(NOW - timedelta(days=rng.randint(40, 400)))) for cid in ids],
        )


def measure(path: Path, runs: int) -> tuple[float, float, int]:
    """Median ms of the card's query and of the overdue query, and how many are listed."""
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store

    store = Store(open_database(path, path.parent / "backups"), clock=lambda: NOW)
    identify, overdue = [], []
    total = 0
    store.contacts.still_at_identify(5)  # warm the connection, as Today's earlier visits do
    store.contacts.overdue(8)
    for _ in range(runs):
        started = time.perf_counter()
        _rows, total = store.contacts.still_at_identify(5)
        identify.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.contacts.overdue(8)
        overdue.append(time.perf_counter() - started)
    store.contacts.readers.close()
    database.close()
    return statistics.median(identify) * 1000, statistics.median(overdue) * 1000, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/netcoach-bench"))
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.generate:
        generate_touched(options.generate)
        return
    imported = database_for(SIZE, options.cache)
    touched = touched_database(options.cache)
    print(f"{SIZE:,} contacts; median of {options.runs} reads each, warm connection")
    with tempfile.TemporaryDirectory() as scratch:
        met = Path(scratch) / "met.db"
        shutil.copy(imported, met)
        add_met(met, MET)
        for name, path in (("imported", imported), (f"met {MET:,}", met), ("all touched", touched)):
            identify, overdue, total = measure(path, options.runs)
            print(
                f"{name:12} still at Identify {identify:6.1f} ms ({total:,} listed) · "
                f"due for a touch {overdue:6.1f} ms"
            )


if __name__ == "__main__":
    main()
