"""Run an import of one file: the reader for its kind, then the all-or-nothing merge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from netcoach.core.imports import ImportSummary
from netcoach.data.repo import Store
from netcoach.io.readers import reader_for

SOURCE_NAMES = {"linkedin": "LinkedIn", "google": "Google Contacts", "vcard": "vCard"}


def import_file(
    store: Store,
    kind: str,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    preview_limit: int = 0,
) -> ImportSummary:
    """Import ``path`` as ``kind``; raises ImportFileError (nothing written) if it is unreadable."""
    notices: list[str] = []
    records = reader_for(kind)(Path(path), notices)
    return store.imports.run(
        records,
        SOURCE_NAMES[kind],
        dry_run=dry_run,
        progress=progress,
        preview_limit=preview_limit,
        notices=notices,
    )
