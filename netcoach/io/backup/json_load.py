"""Loading a JSON export into an empty home, every table, column and value checked first."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from netcoach.io.backup.backup import BackupError
from netcoach.paths import Paths

if TYPE_CHECKING:
    from netcoach.data.stored_values import DataTable


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
