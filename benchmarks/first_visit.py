"""Every screen's first visit: key press to the screen painted with its data loaded.

For each screen the app offers (the global keys, the screens pushed from a list or
the palette, help, the palette itself) a fresh app is started on the database,
the person's path to the key is walked (Today, or Contacts once its list is
loaded), and then the key is pressed. The visit ends at the last frame painted
before the app is quiet again: every worker finished, every message handled. Both
the wall time and the process CPU time (all threads) from the key to that frame
are kept.

Each run is a fresh process, so Python's own caches start cold as in a new
session; in it each screen gets its own fresh App, so every visit is that
screen's first. The screens' modules are imported before the first key, as the
app does in the first pauses of the person's input (``WARM_AFTER``), and the
bytecode is compiled first, as ``pip install`` does.

Two baselines are measured in the same process: a key that nothing is bound to
(the harness's floor: with nothing to draw, its figure is the time the pilot
takes to press the key and see the app settle), and a bare screen (Header,
Static, Footer) pushed on Today: what any Textual screen costs at least. The
table's ratio is against the bare screen. Today is built at start, so its row is
the start's first frame to the frame with every card filled in; "Today again" is
``t`` from Contacts, which reloads every card.

    python benchmarks/first_visit.py [--size 100000] [--runs 5] [--only contacts review]

The 100,000-contact database comes from benchmarks/search.py's cache (built once);
the demo database is what ``netcoach --demo`` opens. Budget (DESIGN.md): 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.search import database_for  # noqa: E402

BUDGET_MS = 150.0
QUIET_TIMEOUT = 30.0
BASELINES = ("no-op key", "bare screen")


@dataclass(frozen=True, slots=True)
class Visit:
    """A screen reached by pressing ``key`` once the app is on ``start``."""

    name: str
    key: str
    start: str = "today"  # "today", or "contacts" (its list loaded)
    screen: str = ""  # the class name of the screen the key must show
    how: str = "key"  # "key", or "action" (what the palette's pick calls), or "bare"


VISITS: tuple[Visit, ...] = (
    Visit("no-op key", "f12", how="key"),
    Visit("bare screen", "", screen="BareScreen", how="bare"),
    Visit("Today (start)", "", screen="TodayScreen", how="start"),
    Visit("Today again", "t", start="contacts", screen="TodayScreen"),
    Visit("Contacts", "c", screen="ContactsScreen"),
    Visit("One-to-ones", "o", screen="MeetingsScreen"),
    Visit("Pitch", "p", screen="PitchScreen"),
    Visit("Levels", "l", screen="LevelsScreen"),
    Visit("Give & get", "g", screen="LedgerScreen"),
    Visit("Review", "r", screen="ReviewScreen"),
    Visit("Help", "question_mark", screen="HelpScreen"),
    Visit("Command palette", "ctrl+p", screen="NetcoachPalette"),
    Visit("Rehearsal", "e", screen="RehearsalScreen"),
    Visit("Contact", "enter", start="contacts", screen="ContactDetailScreen"),
    Visit("Advisors", "a", start="contacts", screen="AdvisorsScreen"),
    Visit("Settings", "S", start="contacts", screen="SettingsScreen"),
    Visit("Import", "I", start="contacts", screen="ImportScreen"),
    Visit("Export", "export_contacts", screen="ExportScreen", how="action"),
)


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


class Frames:
    """The time (wall and CPU) of every frame the app paints."""

    def __init__(self) -> None:
        self.first: tuple[float, float] | None = None
        self.last: tuple[float, float] | None = None

    def watch(self, app: Any) -> None:
        display = app._display  # the one place every frame passes through

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.last = (time.perf_counter(), time.process_time())
                self.first = self.first or self.last

        app._display = timed_display


async def quiet(app: Any, pilot: Any) -> None:
    """Wait until every worker has finished and every message is handled, twice running."""
    from textual.worker import WorkerCancelled, WorkerFailed

    deadline = time.monotonic() + QUIET_TIMEOUT
    calm = 0
    while calm < 2:
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not settle")
        with suppress(WorkerCancelled, WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(not worker.is_finished for worker in app.workers)
        calm = 0 if busy else calm + 1


async def visit_once(db_path: Path, visit: Visit) -> tuple[float, float]:
    """Start a fresh app, walk to the visit's start, press its key: ms of wall and CPU time."""
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widgets import Header, Static

    from netcoach.app import create_app
    from netcoach.data.db import database
    from netcoach.widgets.footer import Footer

    class BareScreen(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("A screen with nothing to load")
            yield Footer()

    frames = Frames()
    app = create_app(db_path, config_path=db_path.parent / "bench-config.json")
    frames.watch(app)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await quiet(app, pilot)
            if visit.how == "start":
                begin, end = frames.first, frames.last
                assert begin is not None and end is not None
                assert type(app.screen).__name__ == visit.screen
                assert getattr(app.screen, "filled", True)
                return (end[0] - begin[0]) * 1000, (end[1] - begin[1]) * 1000
            if visit.start == "contacts":
                await pilot.press("c")
                await quiet(app, pilot)
            await pilot.pause(0.2)  # as a person would: a moment after the last frame
            await quiet(app, pilot)
            frames.last = None
            press: Callable[[], Awaitable[None]]
            if visit.how == "bare":

                async def press() -> None:
                    app.push_screen(BareScreen())

            elif visit.how == "action":

                async def press() -> None:
                    getattr(app, f"action_{visit.key}")()

            else:

                async def press() -> None:
                    await pilot.press(visit.key)

            begin = (time.perf_counter(), time.process_time())
            await press()
            await quiet(app, pilot)
            shown = type(app.screen).__name__
            if visit.screen and shown != visit.screen:
                raise RuntimeError(f"{visit.name}: {shown} shown, not {visit.screen}")
            end = frames.last or (time.perf_counter(), time.process_time())
            return (end[0] - begin[0]) * 1000, (end[1] - begin[1]) * 1000
    finally:
        database.close()


def warm_imports() -> None:
    """Import what the app imports in its first idle moments, before any first visit."""
    from importlib import import_module

    from netcoach.app import SCREENS

    for _mode, _key, _title, where in SCREENS:
        import_module(where.split(":")[0])


def child(db_path: Path, names: list[str]) -> None:
    warm_imports()
    results: dict[str, tuple[float, float]] = {}
    for visit in VISITS:
        if names and slug(visit.name) not in names and visit.name not in BASELINES:
            continue
        results[visit.name] = asyncio.run(visit_once(db_path, visit))
    print(json.dumps(results))


def demo_database(cache: Path) -> Path:
    """The database ``netcoach --demo`` opens, generated afresh (its dates follow today's)."""
    path = cache / "demo.db"
    for old in cache.glob("demo.db*"):
        old.unlink()
    if not path.exists():
        from netcoach.data.db import database, open_database
        from netcoach.data.demo import generate_demo

        cache.mkdir(parents=True, exist_ok=True)
        partial = cache / "demo.partial"
        for leftover in cache.glob("demo.partial*"):
            leftover.unlink()
        generate_demo(open_database(partial, cache / "backups"))
        with database.connection_context():
            database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
        partial.rename(path)
    return path


def run(db_path: Path, runs: int, names: list[str]) -> dict[str, list[tuple[float, float]]]:
    timings: dict[str, list[tuple[float, float]]] = {}
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", "--db", str(db_path), "--only", *names],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for name, pair in json.loads(out.strip().splitlines()[-1]).items():
            timings.setdefault(name, []).append(tuple(pair))
    return timings


def table(title: str, timings: dict[str, list[tuple[float, float]]]) -> None:
    base = statistics.median(wall for wall, _cpu in timings["bare screen"])
    print(title)
    print(
        f"  {'screen':<18} {'wall median':>11} {'max':>7} {'CPU median':>10} {'max':>7}"
        f" {'x bare':>7}  budget {BUDGET_MS:.0f} ms"
    )
    for name, pairs in timings.items():
        wall = [w for w, _c in pairs]
        cpu = [c for _w, c in pairs]
        median = statistics.median(wall)
        verdict = "within" if max(wall) <= BUDGET_MS else "max OVER"
        if median > BUDGET_MS:
            verdict = "median OVER"
        if name in BASELINES:
            verdict = "(baseline)"
        print(
            f"  {name:<18} {median:9.1f} ms {max(wall):7.1f} {statistics.median(cpu):7.1f} ms"
            f" {max(cpu):7.1f} {median / base:7.2f}  {verdict}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/netcoach-bench"))
    parser.add_argument("--only", nargs="*", default=[], help="screens by name, e.g. review")
    parser.add_argument("--no-demo", action="store_true", help="only the big database")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    names = [slug(name) for name in args.only]
    if args.child:
        child(args.db, names)
        return 0
    compileall.compile_dir(ROOT / "netcoach", quiet=1)
    big = database_for(args.size, args.cache)
    demo = None if args.no_demo else demo_database(args.cache)
    print(f"{args.runs} runs, each a fresh process; every visit a fresh app, 120x40")
    table(f"{args.size:,} contacts:", run(big, args.runs, names))
    if demo is not None:
        table("demo data (netcoach --demo):", run(demo, args.runs, names))
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average after the run: {load} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
