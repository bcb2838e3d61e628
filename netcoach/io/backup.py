"""Backup and restore of the whole database, and loading a JSON export into an empty home."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from netcoach.core.text import noun, plural
from netcoach.paths import Paths, sync_folder

if TYPE_CHECKING:
    from netcoach.data.stored_values import DataTable

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that could not be done; nothing was changed."""


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def unused_name(path: Path) -> Path:
    """``path``, or the same name with -2, -3... when a backup made within the second has it."""
    candidate, number = path, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def make_backup(paths: Paths, target: Path | None = None, force: bool = False) -> Path:
    """A consistent copy of the live database (SQLite online backup), even while it is in use.

    The copy is a new 0600 file, written under a hidden name and renamed when complete.
    An existing file is never replaced unless ``force``; the database itself never.
    """
    from netcoach.data.db import backup_database

    if not paths.database.exists():
        raise BackupError(f"there is no database to back up at {paths.database}")
    if target is None:
        target = unused_name(paths.backups_dir / f"netcoach-{_stamp()}.db")
    elif target.is_dir():
        target = unused_name(target / f"netcoach-{_stamp()}.db")
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


def restore(paths: Paths, source: Path) -> str:
    """Replace the database with ``source`` (a backup), or load a JSON export into an empty home.

    The backup is copied into a temporary file beside the database and checked there;
    only a complete, checked copy is renamed into place, after the current database
    has been kept among the backups.
    """
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    with source.open("rb") as handle:
        start = handle.read(16)
    if start.lstrip()[:1] == b"{":
        count = restore_json(paths, source)
        return f"restored {plural(count, 'row')} from {source}"
    check_backup_file(source, whole=False)  # a quick refusal, before anything is copied
    target = paths.database
    staging = target.with_name(f".{target.name}.restoring-{os.getpid()}")
    _remove_stale_copies(target)
    try:
        _copy_database(source, staging)
        check_backup_file(staging, label=source)
        kept = None
        if target.exists():
            _close_journal(target)
            kept = _keep_current(paths)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staging, target)
        sync_folder(target.parent)
    except OSError as error:
        raise BackupError(
            f"could not restore {source}: {error.strerror or error}; the database was not changed"
        ) from error
    finally:
        for leftover in (staging, Path(f"{staging}-journal")):
            leftover.unlink(missing_ok=True)
    where = f"; the previous database was kept as {kept}" if kept else ""
    return f"restored {source}{where}"


def _remove_stale_copies(target: Path) -> None:
    """Remove copies left beside the database by restores that were killed."""
    for leftover in target.parent.glob(f".{target.name}.restoring-*"):
        pid = leftover.name.removesuffix("-journal").rsplit("-", 1)[-1]
        if pid.isdigit() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _copy_database(source: Path, target: Path) -> None:
    """A page-for-page copy of ``source`` in a new private file, whatever its page size."""
    from netcoach.data.db import create_private_file

    target.unlink(missing_ok=True)
    create_private_file(target)
    try:
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise BackupError(f"could not copy {source}: {error}; nothing was restored") from error
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _keep_current(paths: Paths) -> Path:
    """Keep the current database among the backups; one that cannot be read, byte for byte."""
    from netcoach.data.db import create_private_file

    target = unused_name(paths.backups_dir / f"netcoach-before-restore-{_stamp()}.db")
    try:
        return make_backup(paths, target)
    except BackupError:
        if _readable(paths.database):
            raise
    kept = target.with_name(f"{target.stem}-as-found.db")
    for suffix in ("", "-wal"):
        found = Path(f"{paths.database}{suffix}")
        if found.exists():
            copy = Path(f"{kept}{suffix}")
            create_private_file(copy)
            shutil.copyfile(found, copy)
    return kept


def _readable(path: Path) -> bool:
    """True when ``path`` opens as an SQLite database and passes a quick check."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def _close_journal(path: Path) -> None:
    """Fold the write-ahead log into the database file, which needs every other copy closed."""
    from netcoach.data.db import is_busy

    try:
        connection = sqlite3.connect(path, timeout=2)
        try:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        if not is_busy(error):
            return  # a damaged database, kept as found, is replaced as it is
        mode = str(error)
    if mode != "delete":
        raise BackupError(
            f"{path} is open in another netcoach; close it and restore again (nothing was restored)"
        )


def restore_json(paths: Paths, source: Path) -> int:
    """Load a JSON export into the home's database, which must hold no contacts yet.

    Every table, column and value is checked before anything is written: only
    netcoach's own data tables, known columns, values of each column's kind (dates
    and times as netcoach writes them, whole numbers within SQLite's range), and
    references to rows that are there. The rows go in one transaction.
    """
    from peewee import PeeweeException

    from netcoach.data.db import DatabaseFileError, open_database
    from netcoach.data.migrations import LATEST_VERSION, MigrationError, SchemaTooNewError
    from netcoach.io.exporters import JSON_FORMAT, JSON_VERSION

    try:
        with source.open(encoding="utf-8") as handle:
            document = json.load(handle, parse_constant=_refuse_constant)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise BackupError(f"{source}: not a readable JSON export ({error})") from error
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise BackupError(f"{source}: not a netcoach JSON export")
    if document.get("version") != JSON_VERSION:
        raise BackupError(f"{source}: JSON export version {document.get('version')!r} is unknown")
    schema = document.get("schema_version")
    if type(schema) is not int or schema < 1:
        raise BackupError(f"{source}: the export's schema_version {schema!r} is not a number")
    if schema > LATEST_VERSION:
        raise BackupError(f"{source}: made by a newer netcoach (schema {schema})")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BackupError(f"{source}: no tables in the export")
    plan = _check_export(source, tables)
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
            with db.atomic("IMMEDIATE"):
                cursor = db.connection().cursor()
                for table, columns, rows in plan:
                    count += _load_table(cursor, source, table, columns, rows)
                dangling = cursor.execute("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    table, rowid, parent, _ = dangling[0]
                    raise BackupError(
                        f"{source}: table {table!r} row id {rowid} refers to a missing "
                        f"{parent!r}; nothing was written"
                    )
    except BackupError:
        raise
    except (sqlite3.Error, PeeweeException) as error:
        raise BackupError(
            f"{source}: could not be loaded ({error}); nothing was written"
        ) from error
    finally:
        db.close()
    return count


class Refused(BackupError):
    """A JSON export that does not fit netcoach's tables; nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message}; nothing was written")


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number netcoach stores")


Plan = list[tuple[str, list[str], list[list[object]]]]


def _check_export(source: Path, tables: dict[object, object]) -> Plan:
    """Every table of the export, checked column by column, parents before the rows that refer."""
    from netcoach.data.stored_values import data_tables

    known = data_tables()
    plan: dict[str, tuple[list[str], list[list[object]]]] = {}
    for table, content in tables.items():
        if table not in known:
            raise Refused(f"{source}: table {table!r} is not part of a netcoach export")
        assert isinstance(table, str)
        plan[table] = _check_table(source, known[table], content)
    ordered: Plan = []
    waiting = list(plan)
    while waiting:
        ready = [
            t
            for t in waiting
            if not {p for p, _ in known[t].references.values()} & (set(waiting) - {t})
        ] or waiting[:1]
        for table in ready:
            ordered.append((table, *plan[table]))
            waiting.remove(table)
    return ordered


def _check_table(
    source: Path, table: DataTable, content: object
) -> tuple[list[str], list[list[object]]]:
    from netcoach.data.stored_values import value_problem

    where = f"{source}: table {table.name!r}"
    if not isinstance(content, dict):
        raise Refused(f"{where} is not an object with columns and rows")
    columns, rows = content.get("columns"), content.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list):
        raise Refused(f"{where} needs a list of columns and a list of rows")
    for position, column in enumerate(columns, start=1):
        if not isinstance(column, str):
            raise Refused(f"{where}: column {position} is {column!r}, not a column name")
        if column not in table.columns:
            raise Refused(f"{where} has unknown column {column!r}")
        if columns.index(column) != position - 1:
            raise Refused(f"{where} names column {column!r} twice")
    for name, column in table.columns.items():
        if column.required and name not in columns:
            raise Refused(f"{where} has no column {name!r}, which every row needs")
    rules = [table.columns[c] for c in columns]
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) != len(columns):
            raise Refused(f"{where} row {number} does not match its {len(columns)} columns")
        for index, (rule, value) in enumerate(zip(rules, row, strict=True)):
            problem = value_problem(rule, value)
            if problem:
                raise Refused(f"{where} row {number} column {rule.name!r}: {problem}")
            if rule.kind == "boolean" and isinstance(value, bool):
                row[index] = int(value)
    return columns, rows


def _load_table(
    cursor: sqlite3.Cursor, source: Path, table: str, columns: list[str], rows: list[list[object]]
) -> int:
    """Insert checked rows one by one, so a refused row can be named."""
    from netcoach.data.stored_values import data_tables

    if table == "setting":  # a fresh home may already hold defaults
        cursor.execute("DELETE FROM setting")
    if not columns:
        if rows:
            raise BackupError(f"{source}: table {table!r} has rows but no columns")
        return 0
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    references = data_tables()[table].references
    for number, row in enumerate(rows, start=1):
        try:
            cursor.execute(sql, row)
        except sqlite3.IntegrityError as error:
            reason = str(error)
            if "FOREIGN KEY" in reason:
                reason = _missing_reference(cursor, columns, row, references) or reason
            raise BackupError(
                f"{source}: table {table!r} row {number}: {reason}; nothing was written"
            ) from error
    return len(rows)


def _missing_reference(
    cursor: sqlite3.Cursor,
    columns: list[str],
    row: list[object],
    references: dict[str, tuple[str, str]],
) -> str | None:
    for column, value in zip(columns, row, strict=True):
        if column in references and value is not None:
            parent, key = references[column]
            found = cursor.execute(
                f'SELECT 1 FROM "{parent}" WHERE "{key}" = ?', (value,)
            ).fetchone()
            if not found:
                return f"column {column!r} refers to {parent} {value}, which is not in the export"
    return None
