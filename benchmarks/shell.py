"""``netcoach today`` as a whole process, against ``netcoach --version`` in the same run.

Both are started the way a shell starts them (``python -m netcoach ...``), on a home
holding a database of 10,000 demo contacts, interleaved, and timed from spawning the
process to its exit; the medians are printed with their ratio. The package's bytecode
is compiled first, as ``pip install`` does (this environment may set
PYTHONDONTWRITEBYTECODE). ``--importtime`` also prints the modules ``today`` imports
that cost the most (``python -X importtime``).

    python benchmarks/shell.py [--contacts 10000] [--runs 15] [--importtime]

Budget (issue 17): ``netcoach today`` within 1.5x of ``netcoach --version``.
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
BUDGET = 1.5


def timed(home: Path, *args: str) -> tuple[float, float]:
    """Wall seconds from spawning to exit, and the CPU seconds the process used (steadier
    than wall time on a busy machine)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "netcoach", "--home", str(home), *args],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def import_costs(home: Path, top: int = 15) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) of the modules ``today`` imports, dearest first."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "netcoach", "--home", str(home), "today"],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, total, name = line.removeprefix("import time:").split("|")
        rows.append((int(own), int(total), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--importtime", action="store_true")
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
        timed(home, "--version")  # warm the file cache for both
        timed(home, "today")
        version, today = [], []
        for _ in range(options.runs):
            version.append(timed(home, "--version"))
            today.append(timed(home, "today"))
        costs = import_costs(home) if options.importtime else []
    print(f"contacts in database: {options.contacts:,}; runs: {options.runs} each, interleaved")
    for index, what in ((0, "wall"), (1, "cpu ")):
        v = statistics.median(run[index] for run in version)
        t = statistics.median(run[index] for run in today)
        print(
            f"{what}  netcoach --version {v * 1000:6.1f} ms · netcoach today {t * 1000:6.1f} ms "
            f"· ratio {t / v:.2f} (budget {BUDGET:.2f})"
        )
    if costs:
        print("dearest imports of today (self ms, cumulative ms):")
        for own, total, name in costs:
            print(f"  {own / 1000:6.1f} {total / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
