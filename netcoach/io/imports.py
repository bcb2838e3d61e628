"""Run an import of one file, or a folder of vCards: the reader for its kind, then the
all-or-nothing merge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from netcoach.core.imports import ImportSummary
from netcoach.data.repo import Store
from netcoach.io.readers import read_vcard_folder, reader_for

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
    """Import ``path`` as ``kind``; raises ImportFileError (nothing written) if it is unreadable.

    A folder given for ``vcard`` is read as a vdir: every ``.vcf`` file in it, in one import.
    """
    notices: list[str] = []
    path = Path(path)
    reader = read_vcard_folder if kind == "vcard" and path.is_dir() else reader_for(kind)
    records = reader(path, notices)
    return store.imports.run(
        records,
        SOURCE_NAMES[kind],
        dry_run=dry_run,
        progress=progress,
        preview_limit=preview_limit,
        notices=notices,
    )
