"""Opening the levels board with 100,000 contacts: key press to a painted board.

Measured from pressing ``l`` on Today until the board has handled
``LevelsScreen.Loaded`` and repainted, several times in one process (the
first open builds the screen; later opens reload it). The same is measured
for the Contacts screen (``c``) as a baseline in the same run. Databases come
from benchmarks/search.py's cache.

    python benchmarks/board.py [--size 100000] [--runs 7] [--settle 0.5]

``--settle`` is how long the app sits on Today after start before the first key.
With the default the first open comes before the app imports the other screens'
modules in its idle time (one second after start), so it includes importing the
board's module; a longer wait measures the first open after that import.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.search import database_for  # noqa: E402

BUDGET_MS = 150.0


async def measure(path: Path, runs: int, settle: float) -> dict[str, list[float]]:
    from netcoach.app import create_app
    from netcoach.screens.contacts import ContactsScreen
    from netcoach.screens.levels import LevelsScreen

    waiting: dict[str, object] = {"type": None}
    done: dict[str, float] = {}
    painted = asyncio.Event()

    def hook(message: object) -> None:
        wanted = waiting["type"]
        if wanted is not None and type(message) is wanted:
            waiting["type"] = None

            def record() -> None:
                done["at"] = time.perf_counter()
                painted.set()

            app.screen.call_after_refresh(record)

    app = create_app(path, config_path=path.parent / "bench-config.json")
    timings: dict[str, list[float]] = {"levels": [], "contacts": []}
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await pilot.pause(settle)
        await app.workers.wait_for_complete()
        for _ in range(runs):
            for key, name, loaded in (
                ("l", "levels", LevelsScreen.Loaded),
                ("c", "contacts", ContactsScreen.Loaded),
            ):
                await pilot.press("t")
                await app.workers.wait_for_complete()
                await pilot.pause(0.2)
                painted.clear()
                waiting["type"] = loaded
                started = time.perf_counter()
                await pilot.press(key)
                await asyncio.wait_for(painted.wait(), 30)
                timings[name].append((done["at"] - started) * 1000)
    return timings


def bytecode_note() -> str:
    """Whether netcoach's modules load from cached bytecode, as an installed package's do."""
    cached = any((ROOT / "netcoach").rglob("__pycache__/*.pyc"))
    if cached:
        return "netcoach's modules load from cached bytecode"
    why = " (PYTHONDONTWRITEBYTECODE is set)" if sys.dont_write_bytecode else ""
    return (
        f"no cached bytecode for netcoach{why}: its modules are compiled when first "
        "imported, which an installed package would not do"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/netcoach-bench"))
    parser.add_argument("--settle", type=float, default=0.5)
    args = parser.parse_args()
    path = database_for(args.size, args.cache)
    timings = asyncio.run(measure(path, args.runs, args.settle))
    board, baseline = timings["levels"], timings["contacts"]
    print(f"{args.size:,} contacts, {args.runs} opens each (first open builds the screen):")
    for name, values in (("levels board", board), ("contacts list", baseline)):
        print(
            f"  {name:<14} first {values[0]:6.1f} ms · median {statistics.median(values):6.1f} ms"
            f" · max {max(values):6.1f} ms"
        )
    ratio = statistics.median(board) / statistics.median(baseline)
    median = statistics.median(board)
    print(
        f"  board / contacts list (median): {ratio:.2f} · budget {BUDGET_MS:.0f} ms: "
        f"median {'within' if median <= BUDGET_MS else 'OVER'}, "
        f"first open {'within' if board[0] <= BUDGET_MS else 'OVER'}, "
        f"slowest {'within' if max(board) <= BUDGET_MS else 'OVER'}"
    )
    print(f"  {bytecode_note()}")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average during the run: {load} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
