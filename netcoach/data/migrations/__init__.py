"""Numbered schema migrations, and the runner that applies the ones a database lacks.

Each module ``mNNNN_name.py`` defines ``VERSION`` (its number), ``DESCRIPTION`` and
``up(db)``, which runs plain SQL (helpers in ``script.py``) so a migration never
depends on today's models; ``NAMES`` lists them in order. ``migrate`` runs the
pending ones together inside one transaction, after the caller's ``back_up`` has
copied the file; ``netcoach.data.db`` opens the connection and calls it. The
schema checks in ``netcoach.data.schema`` build their reference from
``migrated_in_memory``. Nothing here imports the rest of ``netcoach.data``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType

from peewee import SqliteDatabase

NAMES = (
    "m0001_initial",
    "m0002_search",
    "m0003_levels",
    "m0004_pitch",
    "m0005_meetings",
    "m0006_sources",
    "m0007_ledger",
    "m0008_ledger_people",
    "m0009_search_order",
    "m0010_deleted",
    "m0011_repair",
    "m0012_cadence",
    "m0013_dates",
)
MIGRATIONS: tuple[ModuleType, ...] = tuple(import_module(f"{__name__}.{name}") for name in NAMES)
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


def applied_versions(source: SqliteDatabase | sqlite3.Connection) -> set[int]:
    """The migrations a database has had: one ``schema_version`` row each.

    ``source`` is an open peewee database or an sqlite3 connection. A row that is
    not a whole number is kept as it is, for the schema checks to name.
    """
    connection = source.connection() if isinstance(source, SqliteDatabase) else source
    present = {
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'index')"
        )
    }
    if "schema_version" not in present:
        return set()
    rows = {row[0] for row in connection.execute("SELECT version FROM schema_version")}
    return versions_recorded(rows, present)


def versions_recorded(rows: set[int], present: set[str]) -> set[int]:
    """The migrations behind these ``schema_version`` rows, in a file holding ``present``.

    A single row predates that record: it names the newest migration applied, and
    each older one counts as applied when the tables it creates are there (a build
    from a feature branch may have skipped some).
    """
    if len(rows) != 1 or type(next(iter(rows))) is not int:
        return set(rows)
    (only,) = rows
    older = {m.VERSION for m in MIGRATIONS if only > m.VERSION and created_by(m.VERSION) <= present}
    return older | rows


def pending(applied: set[int]) -> list[ModuleType]:
    """Every migration not yet applied, in number order, gaps included."""
    return [m for m in MIGRATIONS if m.VERSION not in applied]


def migrate(
    db: SqliteDatabase, path: Path, version: int, back_up: Callable[[int], Path]
) -> Path | None:
    """Apply every missing migration; return the backup made first, if any.

    ``back_up(current_version)`` copies the file before anything changes in a
    database that already has migrations, and returns where the copy is. What is
    missing is read again once the write lock is held: two netcoach starting at
    the same moment on a new or old database take turns, and the second finds
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
        backup = back_up(current) if current > 0 else None
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


@contextmanager
def migrated_in_memory(versions: Iterable[int] | None = None) -> Iterator[SqliteDatabase]:
    """A fresh in-memory database that today's migrations gave ``versions`` (all if None)."""
    wanted = None if versions is None else set(versions)
    fresh = SqliteDatabase(":memory:")
    with fresh.connection_context():
        with fresh.atomic():
            for migration in MIGRATIONS:
                if wanted is None or migration.VERSION in wanted:
                    migration.up(fresh)
        yield fresh


@cache
def created_by(version: int) -> frozenset[str]:
    """The tables migration ``version`` creates (its indexes when it creates no table)."""

    def objects(versions: range) -> set[tuple[str, str]]:
        with migrated_in_memory(versions) as fresh:
            return {
                (str(kind), str(name).lower())
                for kind, name in fresh.execute_sql(
                    "SELECT type, name FROM sqlite_master "
                    "WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite%'"
                )
            }

    new = objects(range(1, version + 1)) - objects(range(1, version))
    tables = {name for kind, name in new if kind == "table"}
    return frozenset(tables or {name for _, name in new})
