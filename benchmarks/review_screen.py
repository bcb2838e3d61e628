"""The Review screen's first visit, and what drawing its report costs.

Two figures, each the median of several runs on a demo database:

- first visit: from pressing ``r`` on Today until the report is painted (the screen's
  module already imported, as the app does in a pause of the person's input);
- the report alone, drawn both ways in a bare app: Rich's Markdown renderable in one
  Static (what the screen uses) and Textual's Markdown widget (a widget per block).

    python benchmarks/review_screen.py [--contacts 2000] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from contextlib import suppress
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 23, 7, 30)


async def first_visit(db_path: Path) -> float:
    from textual.worker import WorkerCancelled, WorkerFailed

    import netcoach.screens.review  # noqa: F401  (loaded in a pause by the app)
    from netcoach.app import create_app

    app = create_app(db_path, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        with suppress(WorkerCancelled, WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("r")
        while getattr(app.screen, "report", None) is None:
            await pilot.pause()
        await pilot.pause()
        return (time.perf_counter() - start) * 1000


async def draw_report(text: str, runs: int) -> tuple[float, float]:
    from rich.markdown import Markdown as RichMarkdown
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Markdown, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Static(id="rich")
                yield Markdown(id="widget")

    rich_times, widget_times = [], []
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(runs):
            start = time.perf_counter()
            app.query_one("#rich", Static).update(RichMarkdown(text, hyperlinks=False))
            await pilot.pause()
            rich_times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            await app.query_one("#widget", Markdown).update(text)
            await pilot.pause()
            widget_times.append((time.perf_counter() - start) * 1000)
    return statistics.median(rich_times), statistics.median(widget_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from netcoach.core.review import build_review, parse_period, to_markdown
    from netcoach.data.db import database, open_database
    from netcoach.data.demo import generate_demo
    from netcoach.data.repo import Store

    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "netcoach.db"
        db = open_database(db_path, db_path.parent / "backups")
        generate_demo(db, contacts=options.contacts, now=NOW)
        text = to_markdown(
            build_review(Store(db, clock=lambda: NOW).ledger.review_input(parse_period("2026H2")))
        )
        database.close()
        visits = []
        for _ in range(options.runs):
            visits.append(asyncio.run(first_visit(db_path)))
            database.close()
        rich_ms, widget_ms = asyncio.run(draw_report(text, options.runs))
    lines = text.count("\n")
    print(f"Review first visit (r to painted)   {statistics.median(visits):7.1f} ms  budget 150 ms")
    print(f"report of {lines} lines, Rich Markdown   {rich_ms:7.1f} ms")
    print(f"report of {lines} lines, Markdown widget {widget_ms:7.1f} ms")


if __name__ == "__main__":
    main()
