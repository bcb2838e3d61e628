"""Numbered schema migrations.

Each module defines ``VERSION`` (its number), ``DESCRIPTION`` and ``up(db)``,
which runs plain SQL so a migration never depends on today's models. Pending
migrations run together inside one transaction, after the database file has
been backed up.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import ModuleType

from peewee import SqliteDatabase

from netcoach.data.migrations import (
    m0001_initial,
    m0002_search,
    m0003_levels,
    m0004_pitch,
    m0005_meetings,
    m0006_sources,
    m0007_ledger,
    m0008_ledger_people,
    m0009_search_order,
    m0010_deleted,
    m0011_repair,
)

MIGRATIONS: tuple[ModuleType, ...] = (
    m0001_initial,
    m0002_search,
    m0003_levels,
    m0004_pitch,
    m0005_meetings,
    m0006_sources,
    m0007_ledger,
    m0008_ledger_people,
    m0009_search_order,
    m0010_deleted,
    m0011_repair,
)
LATEST_VERSION = MIGRATIONS[-1].VERSION


class SchemaTooNewError(Exception):
    """The database was written by a newer netcoach."""


class MigrationError(Exception):
    """A migration failed; the database was left as it was."""


def check_version_supported(path: Path, version: int) -> None:
    if version > LATEST_VERSION:
        raise SchemaTooNewError(
            f"{path} uses schema version {version}, but this netcoach understands up to "
            f"version {LATEST_VERSION}; upgrade netcoach to open it (the file was left untouched)"
        )


def applied_versions(db: SqliteDatabase) -> set[int]:
    """The migrations a database has had: one ``schema_version`` row each."""
    tables = {
        row[0]
        for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
    }
    if "schema_version" not in tables:
        return set()
    rows = {row[0] for row in db.execute_sql("SELECT version FROM schema_version")}
    return versions_recorded(rows, tables)


def versions_recorded(rows: set[int], present: set[str]) -> set[int]:
    """The migrations behind these ``schema_version`` rows, in a file holding ``present``.

    A single row predates that record: it names the newest migration applied, and
    each older one counts as applied when the tables it creates are there (a build
    from a feature branch may have skipped some).
    """
    if len(rows) != 1:
        return set(rows)
    from netcoach.data.schema import created_by

    (only,) = rows
    older = {m.VERSION for m in MIGRATIONS if only > m.VERSION and created_by(m.VERSION) <= present}
    return older | rows


def pending(applied: set[int]) -> list[ModuleType]:
    """Every migration not yet applied, in number order, gaps included."""
    return [m for m in MIGRATIONS if m.VERSION not in applied]


def migrate(db: SqliteDatabase, path: Path, backups_dir: Path, version: int) -> Path | None:
    """Apply every missing migration; return the backup made first, if any.

    What is missing is read again once the write lock is held: two netcoach starting
    at the same moment on a new or old database take turns, and the second finds
    the work done.
    """
    check_version_supported(path, version)
    if not pending(applied_versions(db)):
        return None
    with db.atomic("IMMEDIATE"):
        applied = applied_versions(db)
        todo = pending(applied)
        if not todo:
            return None
        current = max(applied, default=0)
        check_version_supported(path, current)
        backup = None
        if current > 0:
            from netcoach.data.db import backup_database

            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            backup = backup_database(path, backups_dir / f"netcoach-v{current}-{stamp}.db")
        try:
            for migration in todo:
                migration.up(db)
            db.execute_sql("DELETE FROM schema_version")
            for number in sorted(applied | {m.VERSION for m in todo}):
                db.execute_sql("INSERT INTO schema_version (version) VALUES (?)", (number,))
        except Exception as error:
            where = f"; a backup is at {backup}" if backup else ""
            raise MigrationError(
                f"could not upgrade {path} to schema version {todo[-1].VERSION}: {error}. "
                f"The database was left as it was{where}"
            ) from error
    return backup


def run_script(db: SqliteDatabase, script: str) -> None:
    """Run ``;``-separated statements one by one inside the current transaction."""
    for statement in split_statements(script):
        db.execute_sql(statement)


def split_statements(script: str) -> list[str]:
    """Split SQL on semicolons that end a statement, keeping trigger bodies whole."""
    import sqlite3

    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
