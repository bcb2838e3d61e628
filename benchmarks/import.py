"""Import a generated 30,000-row LinkedIn export into an empty database, then again into a full one.

Also exports 10,000 and 100,000 contacts to vCard, reporting time and peak memory.
Run: python benchmarks/import.py [ROWS]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = (
    "Amélie Ben Chloé Dev Élodie Farid Grace Hamish Isla Jonas Kavya Liam Maya Niall Zoë".split()
)
LAST = (
    "Adeyemi Brennan Clarke Davies Évans Fitzgerald Gallagher Hughes Iqbal Jones Kowalski".split()
)
NOTES = (
    "Notes:\n"
    '"When exporting your connection data, some email addresses may be missing, because '
    'members choose whether their address can be downloaded."\n'
    "\n"
)


def write_linkedin(path: Path, rows: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(NOTES)
        handle.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n")
        for i in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first.lower()}.{i}@example.com" if rng.random() < 0.1 else ""
            company = '"Smith, Jones & Co"' if i % 7 == 0 else f"Company {i % 500}"
            day = rng.randint(1, 28)
            handle.write(
                f"{first},{last},https://www.linkedin.com/in/{first.lower()}-{i},{email},"
                f"{company},Director,{day:02d} Mar 2024\r\n"
            )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store
    from netcoach.io.readers import read_linkedin

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        export = root / "Connections.csv"
        write_linkedin(export, rows)
        store = Store(open_database(root / "netcoach.db", root / "backups"))
        for label in ("empty database", "full database (re-import)"):
            notices: list[str] = []
            started = time.perf_counter()
            summary = store.imports.run(read_linkedin(export, notices), "LinkedIn")
            elapsed = time.perf_counter() - started
            print(
                f"import {rows:,} rows into {label}: {elapsed:.2f} s  ({summary.line})"
                f"  budget 2 s: {elapsed / 2:.2f}x of budget"
            )
        database.close()
    for count in (10_000, 100_000):
        out = subprocess.run(
            [sys.executable, __file__, "--export", str(count)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        print(out.stdout.strip())


def export_run(count: int) -> None:
    from netcoach.data.db import database, open_database
    from netcoach.data.demo import generate_demo
    from netcoach.data.repo import Store
    from netcoach.io.exporters import write_vcards

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        db = open_database(root / "netcoach.db", root / "backups")
        generate_demo(db, contacts=count, interactions=False)
        store = Store(db)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        with (root / "out.vcf").open("w", encoding="utf-8", newline="") as handle:
            written = write_vcards(store.db, handle)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = (root / "out.vcf").stat().st_size
        print(
            f"export {written:,} contacts to vCard: {elapsed:.2f} s (budget 5 s), "
            f"{size / 1e6:.1f} MB; peak RSS {peak / 1024:.0f} MB "
            f"(before export {before / 1024:.0f} MB, growth {(peak - before) / 1024:.0f} MB)"
        )
        database.close()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--export":
        export_run(int(sys.argv[2]))
    else:
        main()
