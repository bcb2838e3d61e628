"""Backup and restore of the whole database, and loading a JSON export into an empty home."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from netcoach.core.text import plural
from netcoach.paths import Paths

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that could not be done; nothing was changed."""


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def make_backup(paths: Paths, target: Path | None = None, force: bool = False) -> Path:
    """A consistent copy of the live database (SQLite online backup), even while it is in use.

    The copy is a new 0600 file, written under a hidden name and renamed when complete.
    An existing file is never replaced unless ``force``; the database itself never.
    """
    from netcoach.data.db import backup_database

    if not paths.database.exists():
        raise BackupError(f"there is no database to back up at {paths.database}")
    target = target or paths.backups_dir / f"netcoach-{_stamp()}.db"
    if target.is_dir():
        target = target / f"netcoach-{_stamp()}.db"
    refused = f"{target} already exists; netcoach does not overwrite it (add --force to replace it)"
    if os.path.lexists(target):
        if not force:
            raise BackupError(refused)
        if not target.is_file() or target.is_symlink():
            raise BackupError(f"{target} is not a regular file; netcoach replaces only a file")
        if target.samefile(paths.database):
            raise BackupError(f"{target} is the database itself; choose another file")
    try:
        return backup_database(paths.database, target, replace=force)
    except FileExistsError as error:
        raise BackupError(refused) from error
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise BackupError(
            f"cannot write the backup {target}: {error.strerror or error}{where}"
        ) from error
    except sqlite3.Error as error:
        raise BackupError(f"cannot write the backup {target}: {error}") from error


def check_backup_file(path: Path) -> int:
    """Check a database file before it replaces the current one; return its schema version."""
    from netcoach.data.db import DatabaseFileError, read_schema_version
    from netcoach.data.migrations import LATEST_VERSION

    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{path}: not an SQLite database (and not a JSON export)")
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: damaged database ({error})") from error
    if result != "ok":
        raise BackupError(f"{path}: damaged database (integrity check: {result})")
    try:
        version = read_schema_version(path)
    except DatabaseFileError as error:
        raise BackupError(str(error)) from error
    if version == 0:
        raise BackupError(f"{path}: not a netcoach database (no schema version)")
    if version > LATEST_VERSION:
        raise BackupError(
            f"{path}: written by a newer netcoach (schema {version}, this one knows "
            f"up to {LATEST_VERSION})"
        )
    return version


def restore(paths: Paths, source: Path) -> str:
    """Replace the database with ``source`` (a backup), or load a JSON export into an empty home."""
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    with source.open("rb") as handle:
        start = handle.read(16)
    if start.lstrip()[:1] == b"{":
        count = restore_json(paths, source)
        return f"restored {plural(count, 'row')} from {source}"
    check_backup_file(source)
    kept = None
    if paths.database.exists():
        kept = make_backup(paths, paths.backups_dir / f"netcoach-before-restore-{_stamp()}.db")
    from netcoach.data.db import create_private_file

    create_private_file(paths.database)
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(paths.database, timeout=10)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as error:
        raise BackupError(f"could not restore {source}: {error}") from error
    finally:
        src.close()
    where = f"; the previous database was kept as {kept}" if kept else ""
    return f"restored {source}{where}"


def restore_json(paths: Paths, source: Path) -> int:
    """Load a JSON export into the home's database, which must hold no contacts yet."""
    from netcoach.data.db import DatabaseFileError, open_database
    from netcoach.data.migrations import LATEST_VERSION, MigrationError, SchemaTooNewError
    from netcoach.io.exporters import JSON_FORMAT, JSON_VERSION

    try:
        with source.open(encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{source}: not a readable JSON export ({error})") from error
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise BackupError(f"{source}: not a netcoach JSON export")
    if document.get("version") != JSON_VERSION:
        raise BackupError(f"{source}: JSON export version {document.get('version')} is unknown")
    schema = document.get("schema_version")
    if not isinstance(schema, int) or schema > LATEST_VERSION:
        raise BackupError(f"{source}: made by a newer netcoach (schema {schema})")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BackupError(f"{source}: no tables in the export")
    try:
        db = open_database(paths.database, paths.backups_dir)
    except (DatabaseFileError, SchemaTooNewError, MigrationError) as error:
        raise BackupError(str(error)) from error
    count = 0
    try:
        with db.connection_context():
            if db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]:
                raise BackupError(
                    f"{paths.database} already holds contacts; load a JSON export into an "
                    "empty home (--home DIR) or restore a .db backup instead"
                )
            existing = {
                r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
            with db.atomic("IMMEDIATE"):
                db.execute_sql("PRAGMA defer_foreign_keys = ON")
                for table, content in tables.items():
                    if table not in existing or table.startswith(("sqlite_", "schema_version")):
                        raise BackupError(f"{source}: table {table!r} is not part of netcoach")
                    count += _load_table(db, source, table, content)
    except BackupError:
        raise
    except sqlite3.Error as error:
        raise BackupError(
            f"{source}: could not be loaded ({error}); nothing was written"
        ) from error
    finally:
        db.close()
    return count


def _load_table(db: object, source: Path, table: str, content: object) -> int:
    if not isinstance(content, dict):
        raise BackupError(f"{source}: table {table!r} is not an object")
    columns, rows = content.get("columns"), content.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list):
        raise BackupError(f"{source}: table {table!r} needs columns and rows")
    known = {r[1] for r in db.execute_sql(f'PRAGMA table_info("{table}")')}  # type: ignore[attr-defined]
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise BackupError(f"{source}: table {table!r} has unknown column {unknown[0]!r}")
    if table == "setting":  # a fresh home may already hold defaults
        db.execute_sql("DELETE FROM setting")  # type: ignore[attr-defined]
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) != len(columns):
            raise BackupError(f"{source}: table {table!r} row {number} does not match its columns")
    db.cursor().executemany(sql, rows)  # type: ignore[attr-defined]
    return len(rows)
