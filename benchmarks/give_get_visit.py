"""The Give & get screen's first visit: wall and CPU time from pressing ``g`` on Today.

Two moments, each the median of several runs, every run a fresh app on the same database:

- shown: until the Entries tab's status line has its words and the frame after is painted
  (what the person first sees);
- settled: until every worker the visit started has finished and the screen is painted
  again (all the reading the visit costs).

CPU time is the process's (every thread, so the loading workers count), and steadier than
wall time on a busy machine. The screen's module is imported before the clock starts, as
the app does in a pause of the person's input.

    python benchmarks/give_get_visit.py [--contacts 150] [--runs 5] [--db PATH]

``--db`` reuses a database made earlier (a demo of 100,000 contacts takes a while to make).
Budget (DESIGN.md): every screen's first visit within 150 ms with 100,000 contacts.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import statistics
import sys
import tempfile
import time
from contextlib import suppress
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 23, 7, 30)


async def first_visit(db_path: Path) -> tuple[float, float, float, float]:
    """(shown ms, shown CPU ms, settled ms, settled CPU ms) of one first visit."""
    from textual.widgets import Static
    from textual.worker import WorkerCancelled, WorkerFailed

    from netcoach.app import SCREENS, create_app

    where = next(where for mode, *_rest, where in SCREENS if mode == "ledger")
    importlib.import_module(where.partition(":")[0])
    app = create_app(db_path, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        with suppress(WorkerCancelled, WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        start, cpu = time.perf_counter(), time.process_time()
        await pilot.press("g")
        while True:
            statuses = app.screen.query("#ledger-status").results(Static)
            if any(str(status.content) for status in statuses):
                break
            await asyncio.sleep(0.001)
        await pilot.pause()
        shown, shown_cpu = time.perf_counter() - start, time.process_time() - cpu
        with suppress(WorkerCancelled, WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        settled, settled_cpu = time.perf_counter() - start, time.process_time() - cpu
    return shown * 1000, shown_cpu * 1000, settled * 1000, settled_cpu * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=150)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing database to visit")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from netcoach.data.db import database, open_database
    from netcoach.data.demo import generate_demo

    with tempfile.TemporaryDirectory() as scratch:
        db_path = options.db or Path(scratch) / "netcoach.db"
        if options.db is None:
            generate_demo(
                open_database(db_path, db_path.parent / "backups"), options.contacts, now=NOW
            )
            database.close()
        asyncio.run(first_visit(db_path))  # warm the file cache
        database.close()
        runs = []
        for _ in range(options.runs):
            runs.append(asyncio.run(first_visit(db_path)))
            database.close()
    figures = [statistics.median(run[index] for run in runs) for index in range(4)]
    print(f"database: {db_path if options.db else f'demo of {options.contacts:,} contacts'}")
    print(f"Give & get shown    {figures[0]:7.1f} ms wall  {figures[1]:7.1f} ms CPU  budget 150 ms")
    print(f"Give & get settled  {figures[2]:7.1f} ms wall  {figures[3]:7.1f} ms CPU")


if __name__ == "__main__":
    main()
