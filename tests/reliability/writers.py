"""Child processes for the reliability tests: writers that report what they committed."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def open_store(path: Path):  # type: ignore[no-untyped-def]
    from netcoach.data.db import open_database
    from netcoach.data.repo import Store

    return Store(open_database(path, path.parent / "backups"))


def crash_writer(path: Path, prefix: str) -> None:
    """Write contacts and interactions forever, printing each id once it is committed."""
    from netcoach.core.models import ContactDraft

    store = open_store(path)
    print("ready", flush=True)
    index = 0
    while True:
        contact = store.add_contact(
            ContactDraft(name=f"{prefix} {index}", notes="x" * (index % 5000), level=1 + index % 5)
        )
        store.log_interaction(contact.id, "call", note=f"call {index}")
        print(contact.id, flush=True)
        index += 1


def soak_writer(path: Path, prefix: str, other: str, seconds: float) -> None:
    """Write for ``seconds``; report writes made, errors met, and whether the other's showed."""
    from netcoach.core.models import ContactDraft

    store = open_store(path)
    made, errors, saw_other = 0, [], False
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            contact = store.add_contact(ContactDraft(name=f"{prefix} {made}"))
            store.log_interaction(contact.id, "email")
            made += 1
            if not saw_other and made % 20 == 0:
                saw_other = store.list_contacts(other, limit=1).total > 0
        except Exception as error:  # every error is reported, none may happen
            errors.append(f"{type(error).__name__}: {error}")
    if not saw_other:
        saw_other = store.list_contacts(other, limit=1).total > 0
    print(json.dumps({"made": made, "errors": errors[:5], "saw_other": saw_other}), flush=True)


def bulk_importer(path: Path, rows: int, hold_seconds: float) -> None:
    """One long all-or-nothing write, like an import, holding the write lock a while."""
    from netcoach.data.db import database
    from netcoach.data.tables import ContactRecord

    open_store(path)
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    with database.connection_context(), database.atomic():
        ContactRecord.insert_many(
            [{"name": f"Imported {i}", "created_at": now, "updated_at": now} for i in range(rows)]
        ).execute()
        time.sleep(hold_seconds)
    print(json.dumps({"imported": rows}), flush=True)


if __name__ == "__main__":
    role, target = sys.argv[1], Path(sys.argv[2])
    if role == "crash":
        crash_writer(target, sys.argv[3])
    elif role == "soak":
        soak_writer(target, sys.argv[3], sys.argv[4], float(sys.argv[5]))
    elif role == "import":
        bulk_importer(target, int(sys.argv[3]), float(sys.argv[4]))
