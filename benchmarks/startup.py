"""Start-up time: process start to a painted Today screen with 10,000 contacts.

Compared with a bare Textual app (Header, Static, Footer) started the same way in the
same run. Both run headless in a fresh process and exit right after their first full
paint; the figure is the wall time from spawning the process to its exit.

    python benchmarks/startup.py [--contacts 10000] [--runs 9]

Budget (DESIGN.md): netcoach within 1.3x of the bare app.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Today")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True)
"""

NETCOACH = """
import sys
from pathlib import Path
from netcoach.cli import open_app

home = Path(sys.argv[1])
app = open_app(home / "netcoach.db", home / "backups", home / "config.json")

WAIT_FOR_DATA = sys.argv[2] == "filled"

def exit_once_today_is_shown():
    screen = app.screen
    if type(screen).__name__ == "TodayScreen" and screen.is_mounted:
        if not WAIT_FOR_DATA or screen.filled:
            app.call_after_refresh(app.exit)

app.call_later(lambda: app.set_interval(0.002, exit_once_today_is_shown))
app.run(headless=True)
"""


def timed(code: str, *args: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process."""
    # Both apps draw at the frame rate netcoach sets for itself (netcoach/app.py).
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TEXTUAL_FPS": os.environ.get("TEXTUAL_FPS", "120"),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=ROOT, timeout=60)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from netcoach.data.db import database, open_database
    from netcoach.data.demo import generate_demo

    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        generate_demo(open_database(home / "netcoach.db", home / "backups"), options.contacts)
        database.close()
        timed(BARE)  # warm the file cache for both
        timed(NETCOACH, str(home), "filled")
        bare, painted, filled = [], [], []
        for _ in range(options.runs):
            bare.append(timed(BARE))
            painted.append(timed(NETCOACH, str(home), "painted"))
            filled.append(timed(NETCOACH, str(home), "filled"))
    print(f"contacts in database: {options.contacts:,}; runs: {options.runs} each, interleaved")
    print("(painted: Today's first frame; filled: every card showing its data)")
    for index, what in ((0, "wall"), (1, "cpu ")):
        b = statistics.median(run[index] for run in bare)
        p = statistics.median(run[index] for run in painted)
        f = statistics.median(run[index] for run in filled)
        print(
            f"{what}  bare {b * 1000:6.1f} ms · Today painted {p * 1000:6.1f} ms "
            f"(ratio {p / b:.2f}) · Today filled {f * 1000:6.1f} ms (ratio {f / b:.2f})"
            "  budget 1.30"
        )


if __name__ == "__main__":
    main()
