"""ImportRepo: one import run in one transaction, rolled back whole for a dry run or a failure."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from peewee import SqliteDatabase, chunked

from netcoach.core.imports import ImportedContact, ImportSummary
from netcoach.data.imports.run import CHUNK, ImportRun

Clock = Callable[[], datetime]
Progress = Callable[[int], None]


class _DryRun(Exception):
    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("dry run")
        self.summary = summary


class ImportRepo:
    """Runs imports against the database; call from a thread worker or the command line."""

    def __init__(self, db: SqliteDatabase, clock: Clock = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def run(
        self,
        records: Iterable[ImportedContact],
        source: str,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        preview_limit: int = 0,
        notices: list[str] | None = None,
    ) -> ImportSummary:
        """Import ``records`` in one transaction; with ``dry_run`` roll it back and only count.

        Any exception raised while reading ``records`` rolls back everything.
        """
        now = self.clock().replace(microsecond=0)
        with self.db.connection_context():
            try:
                with self.db.atomic("IMMEDIATE"):
                    run = ImportRun(self.db, now, source, preview_limit)
                    for chunk in chunked(records, CHUNK):
                        run.process(chunk)
                        if progress is not None:
                            progress(run.seen)
                    run.finish()
                    summary = run.summary(notices or [])
                    if dry_run:
                        raise _DryRun(summary)
            except _DryRun as finished:
                summary = finished.summary
        return summary
