"""What checking for another copy's changes costs a contact save.

A save now reads the contact inside its write transaction, compares, and writes only
the changed fields (``Store.save_contact_changes``); before, it wrote every field
(``Store.update_contact``). Both are timed on the same database in the same run, over
contacts with emails, phones, tags, wants and haves; the figure is the ratio of medians.

    python benchmarks/contact_save.py [--contacts 2000] [--saves 300] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=2000)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from netcoach.core.models import ContactDraft
    from netcoach.data.db import open_database
    from netcoach.data.repo import Store

    home = Path(tempfile.mkdtemp(prefix="netcoach-bench-"))
    store = Store(open_database(home / "netcoach.db", home / "backups"))
    ids = [
        store.add_contact(
            ContactDraft(
                f"Person {n}",
                company=f"Firm {n % 97}",
                emails=(f"p{n}@firm.example",),
                phones=("+44 20 7946 0000",),
                tags=("breakfast", f"group {n % 7}", "Smith, Jones & Co"),
                wants=("architects",),
                haves=("printers",),
            )
        ).id
        for n in range(args.contacts)
    ]
    whole: list[float] = []
    partial: list[float] = []
    for run in range(args.runs):
        chosen = ids[: args.saves]
        start = time.perf_counter()
        for contact_id in chosen:
            draft = store.get_contact(contact_id).to_draft()
            store.update_contact(contact_id, replace(draft, title=f"whole {run}"))
        whole.append((time.perf_counter() - start) / len(chosen))
        start = time.perf_counter()
        for contact_id in chosen:
            draft = store.get_contact(contact_id).to_draft()
            store.save_contact_changes(
                contact_id, {"title": draft.title}, {"title": f"partial {run}"}
            )
        partial.append((time.perf_counter() - start) / len(chosen))
    w, p = statistics.median(whole), statistics.median(partial)
    print(f"whole-record save  {w * 1000:.2f} ms per save (read + write every field)")
    print(f"partial save       {p * 1000:.2f} ms per save (read + check + write changed)")
    print(f"ratio partial/whole {p / w:.2f}")


if __name__ == "__main__":
    main()
