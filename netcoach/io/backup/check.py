"""Checking a database file before it replaces the current one: netcoach's, whole, well shaped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from netcoach.core.text import noun, plural
from netcoach.io.backup.backup import BackupError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_backup_file(path: Path, label: Path | None = None, whole: bool = True) -> int:
    """Check a database file before it replaces the current one; return its schema version.

    The file must be netcoach's and shaped exactly as netcoach's migrations make a
    database of its version: an extra trigger or view, or a missing index, is
    refused. With ``whole`` it must also pass SQLite's integrity and foreign key
    checks, and every stored value must be of its column's kind (as restore_json and
    doctor check). Messages name the file as ``label`` (the backup a copy was made from).
    """
    from netcoach.data.db import DatabaseFileError, read_schema_version
    from netcoach.data.migrations import LATEST_VERSION
    from netcoach.data.schema import schema_differences, summary
    from netcoach.data.stored_values import stored_value_problems

    name = label or path
    if not path.is_file():
        raise BackupError(f"{name}: no such file")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{name}: not an SQLite database (and not a JSON export)")
    try:
        version = read_schema_version(path)
    except DatabaseFileError as error:
        raise BackupError(str(error).replace(str(path), str(name))) from error
    if version == 0:
        raise BackupError(f"{name}: not a netcoach database (no schema version)")
    if version > LATEST_VERSION:
        raise BackupError(
            f"{name}: written by a newer netcoach (schema {version}, this one knows "
            f"up to {LATEST_VERSION})"
        )
    result, dangling, wrong, first = "ok", [], 0, None
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            if whole:
                result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            problems = schema_differences(connection) if result == "ok" else []
            if whole and result == "ok":
                dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
                wrong, first = stored_value_problems(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{name}: damaged database ({error})") from error
    if result != "ok":
        raise BackupError(f"{name}: damaged database (integrity check: {result})")
    if problems:
        raise BackupError(
            f"{name}: not shaped as netcoach makes a schema {version} database: "
            f"{summary(problems)}; nothing was restored"
        )
    if dangling:
        table, rowid, parent, _ = dangling[0]
        raise BackupError(
            f"{name}: {plural(len(dangling), 'row')} {noun(len(dangling), 'points', 'point')} "
            f"at missing records (first: table "
            f"{table!r} row {rowid} refers to a missing {parent!r}); nothing was restored"
        )
    if wrong:
        # The same rule doctor's "values" line applies: a date stored as "soon" would
        # stop the screens that read it.
        raise BackupError(
            f"{name}: {plural(wrong, 'row')} {noun(wrong, 'holds', 'hold')} a value of the "
            f"wrong kind (first: {first}); nothing was restored"
        )
    return version
