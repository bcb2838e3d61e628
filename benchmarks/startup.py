"""Start-up time: process start to a painted Today screen with 10,000 contacts.

Compared with a bare Textual app (Header, Static, Footer) started the same way in the
same run. Both run headless in a fresh process. The figure is the wall time from
spawning the process to the moment its screen has been painted, as the process reports
it; the interpreter's shutdown afterwards (40-100 ms, and noisy) is not start-up.

The package's bytecode is compiled first, as ``pip install`` does: this environment may
set PYTHONDONTWRITEBYTECODE, which would otherwise make every run compile netcoach's
sources while Textual's own bytecode is cached, and count that against netcoach.

    python benchmarks/startup.py [--contacts 10000] [--runs 9]

Budget (DESIGN.md): netcoach within 1.3x of the bare app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Today")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(painted)

def painted():
    print(time.time(), time.process_time())
    app.exit()

app = Bare()
app.run(headless=True)
"""

NETCOACH = """
import sys
import time
from pathlib import Path
from netcoach.cli import open_app

home = Path(sys.argv[1])
app = open_app(home / "netcoach.db", home / "backups", home / "config.json")

WAIT_FOR_DATA = sys.argv[2] == "filled"

def exit_once_today_is_shown():
    screen = app.screen
    if type(screen).__name__ == "TodayScreen" and screen.is_mounted:
        if not WAIT_FOR_DATA or screen.filled:
            app.call_after_refresh(painted)

seen = []

def painted():
    if not seen:
        seen.append(time.time())
        print(seen[0], time.process_time())
        app.exit()

app.call_later(lambda: app.set_interval(0.002, exit_once_today_is_shown))
app.run(headless=True)
"""


def timed(code: str, *args: str) -> tuple[float, float, float]:
    """Seconds from spawning a fresh process to its paint, CPU seconds it used by then
    (all threads; steadier than wall time on a busy machine), and seconds to its exit."""
    # Both apps draw at the frame rate netcoach sets for itself (netcoach/app.py).
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TEXTUAL_FPS": os.environ.get("TEXTUAL_FPS", "120"),
    }
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        capture_output=True,
        text=True,
    )
    exited = time.time() - start
    painted_at, cpu = (float(n) for n in done.stdout.strip().splitlines()[-1].split())
    return painted_at - start, cpu, exited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import compileall

    compileall.compile_dir(ROOT / "netcoach", quiet=1)
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
    for index, what in ((0, "to paint"), (1, "cpu     "), (2, "to exit ")):
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
