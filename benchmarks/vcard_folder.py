"""Export a generated network to a vCard folder (one file per card), again unchanged, then
import the folder into an empty home; reports the time of each.

Every new card is written whole (fsync, rename, folder sync), so the first export is bound
by the disk; an unchanged card is compared and left alone.
Run: python benchmarks/vcard_folder.py [CONTACTS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    from netcoach.data.db import database, open_database
    from netcoach.data.demo import generate_demo
    from netcoach.data.repo import Store
    from netcoach.io.exporters import export_folder
    from netcoach.io.imports import import_file

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        db = open_database(root / "first.db", root / "backups")
        generate_demo(db, contacts=count)
        store = Store(db)
        book = root / "book"
        for label in ("export to a new folder", "export again, nothing changed"):
            started = time.perf_counter()
            done = export_folder(store, book)
            elapsed = time.perf_counter() - started
            print(f"{label}: {done.written:,} cards in {elapsed:.2f} s")
        database.close()
        store = Store(open_database(root / "second.db", root / "backups"))
        started = time.perf_counter()
        summary = import_file(store, "vcard", book)
        elapsed = time.perf_counter() - started
        print(f"import the folder into an empty home: {elapsed:.2f} s ({summary.line})")
        database.close()


if __name__ == "__main__":
    main()
