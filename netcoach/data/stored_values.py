"""What a stored value must be, column by column, for a JSON restore and ``netcoach doctor``.

Each table of today's schema (``data_tables``) is described by its columns' kinds,
from the peewee models in ``netcoach.data.tables`` where they say more than the
SQL type; ``value_problem`` says why one value cannot be stored, and
``stored_value_problems`` counts the stored rows that hold a value of the wrong kind.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from netcoach.core.important_dates import EARLIEST_YEAR, from_stored
from netcoach.data.migrations import migrated_in_memory


@dataclass(frozen=True, slots=True)
class Column:
    """What a value of one column must be, in a JSON export."""

    name: str
    kind: str  # integer, boolean, real, text, date, datetime, important-date, json-*
    nullable: bool
    required: bool  # a row without this column cannot be stored


@dataclass(frozen=True, slots=True)
class DataTable:
    """A table a JSON export may fill: its columns and the tables its rows refer to."""

    name: str
    columns: dict[str, Column]
    references: dict[str, tuple[str, str]]  # column: (table, column)


@cache
def data_tables() -> dict[str, DataTable]:
    """Every table of today's schema that holds user data, as a JSON export carries it."""
    from netcoach.data.exports import SKIPPED_TABLES

    kinds = model_kinds()
    tables: dict[str, DataTable] = {}
    with migrated_in_memory() as fresh:
        names = [
            r[0]
            for r in fresh.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(SKIPPED_TABLES)
        ]
        for table in names:
            info = fresh.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
            keys = [c for c in info if c[5]]
            # A lone INTEGER PRIMARY KEY is the rowid: left out or null, SQLite numbers it.
            rowid = keys[0][1] if len(keys) == 1 and keys[0][2].upper() == "INTEGER" else None
            columns = {}
            for _, name, declared, notnull, default, key in info:
                kind = kinds.get((table, name)) or declared_kind(name, declared)
                columns[name] = Column(
                    name,
                    kind,
                    nullable=(not notnull and not key) or name == rowid,
                    required=bool(notnull) and default is None and name != rowid,
                )
            references = {
                r[3]: (r[2], r[4] or "id")
                for r in fresh.execute_sql(f'PRAGMA foreign_key_list("{table}")')
            }
            tables[table] = DataTable(table, columns, references)
    return tables


def declared_kind(name: str, declared: str) -> str:
    """The kind of a column no model describes, from its SQL type and its name."""
    declared = declared.upper()
    if declared == "INTEGER":
        return "integer"
    if declared == "REAL":
        return "real"
    if name.endswith("_at"):
        return "datetime"
    if name.endswith("_on"):
        return "date"
    return "text"


# Text columns that hold JSON, which their readers expect in this shape.
JSON_COLUMNS = {
    ("pitch_version", "parts"): "json-object",
    ("review", "figures"): "json-object",
    ("review", "decisions"): "json-list",
    # A birthday or anniversary: blank, "1980-05-17" or "--05-17" (core.important_dates).
    ("contact", "birthday"): "important-date",
    ("contact", "anniversary"): "important-date",
}


def model_kinds() -> dict[tuple[str, str], str]:
    """(table, column): kind, from the peewee models over the tables and ``JSON_COLUMNS``."""
    from peewee import BooleanField, DateField, DateTimeField, FloatField, IntegerField

    from netcoach.data import tables

    kinds: dict[tuple[str, str], str] = {}
    for model in tables.table_records():
        for column, field in model._meta.columns.items():
            if isinstance(field, BooleanField):
                kind = "boolean"
            elif isinstance(field, DateTimeField):
                kind = "datetime"
            elif isinstance(field, DateField):
                kind = "date"
            elif isinstance(field, FloatField):
                kind = "real"
            elif isinstance(field, IntegerField):  # AutoField and foreign keys too
                kind = "integer"
            else:
                continue
            kinds[(model._meta.table_name, column)] = kind
    return kinds | JSON_COLUMNS


SQLITE_INTEGERS = (-(2**63), 2**63 - 1)
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?")


def value_problem(rule: Column, value: object) -> str | None:
    """Why ``value`` cannot go in this column, or None when it can."""
    if value is None:
        return None if rule.nullable else "it is empty, but this column needs a value"
    kind = rule.kind
    if kind == "boolean":
        return (
            None
            if value in (0, 1) and type(value) in (int, bool)
            else f"{shown(value)} is not 0 or 1"
        )
    if kind == "integer":
        if type(value) is not int:
            return f"{shown(value)} is not a whole number"
        low, high = SQLITE_INTEGERS
        return None if low <= value <= high else f"{shown(value)} is too large for SQLite"
    if kind == "real":
        if type(value) not in (int, float):
            return f"{shown(value)} is not a number"
        return None if math.isfinite(value) else f"{shown(value)} is not a finite number"  # type: ignore[arg-type]
    if not isinstance(value, str):
        return f"{shown(value)} is not text"
    if kind == "date":
        return (
            None
            if parses(DATE, value, date.fromisoformat)
            else (f"{shown(value)} is not a date (YYYY-MM-DD)")
        )
    if kind == "important-date":
        return (
            None
            if value == "" or from_stored(value) is not None
            else f"{shown(value)} is not a day of the year (YYYY-MM-DD, --MM-DD or blank)"
        )
    if kind == "datetime":
        return (
            None
            if parses(DATETIME, value, datetime.fromisoformat)
            else (f"{shown(value)} is not a date and time (YYYY-MM-DD HH:MM:SS)")
        )
    if kind in ("json-object", "json-list"):
        shape = dict if kind == "json-object" else list
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            parsed = None
        if not isinstance(parsed, shape):
            return f"{shown(value)} is not a JSON {'object' if shape is dict else 'list'}"
    return None


def parses(pattern: re.Pattern[str], value: str, parse: Callable[[str], object]) -> bool:
    if not pattern.fullmatch(value):
        return False
    try:
        parse(value)
    except ValueError:
        return False
    return True


def shown(value: object) -> str:
    """A short description of a value for a message, without repeating long private text."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 20 else "the text"
    if isinstance(value, bool | int | float):
        return repr(value) if len(repr(value)) <= 20 else "the number"
    return f"a {type(value).__name__}"


DIGITS = "[0-9]"
DATE_GLOB = f"{DIGITS * 4}-{DIGITS * 2}-{DIGITS * 2}"
TIME_GLOB = f"{DIGITS * 2}:{DIGITS * 2}:{DIGITS * 2}"


def bad_value_sql(column: Column) -> str:
    """SQL that is true for a stored value ``value_problem`` would refuse (JSON shape aside)."""
    c = f'"{column.name}"'
    null = "" if column.nullable else f"{c} IS NULL OR "
    kind = column.kind
    if kind in ("integer", "boolean"):
        wrong = f"typeof({c}) <> 'integer'"
        if kind == "boolean":
            wrong += f" OR {c} NOT IN (0, 1)"
    elif kind == "real":
        wrong = f"typeof({c}) NOT IN ('integer', 'real') OR {c} IN (9e999, -9e999)"
    elif kind == "date":
        wrong = (
            f"typeof({c}) <> 'text' OR NOT {c} GLOB '{DATE_GLOB}' "
            f"OR substr({c}, 1, 4) = '0000' OR date({c}, '+0 days') IS NOT {c}"
        )
    elif kind == "important-date":
        wrong = (
            f"typeof({c}) <> 'text' OR NOT ({c} = '' OR ({c} GLOB '{DATE_GLOB}' "
            f"AND substr({c}, 1, 4) >= '{EARLIEST_YEAR}' "
            f"AND date({c}, '+0 days') IS {c}) "
            f"OR ({c} GLOB '--{DIGITS * 2}-{DIGITS * 2}' "
            f"AND date('2000' || substr({c}, 2), '+0 days') IS '2000' || substr({c}, 2)))"
        )
    elif kind == "datetime":
        seconds = f"substr({c}, 1, 19)"
        wrong = (
            f"typeof({c}) <> 'text' OR NOT {seconds} GLOB '{DATE_GLOB} {TIME_GLOB}' "
            f"OR substr({c}, 1, 4) = '0000' OR datetime({seconds}, '+0 days') IS NOT {seconds} "
            f"OR NOT (length({c}) = 19 OR (length({c}) BETWEEN 21 AND 26 "
            f"AND substr({c}, 20, 1) = '.' AND NOT substr({c}, 21) GLOB '*[^0-9]*'))"
        )
    elif kind in ("json-object", "json-list"):
        shape = "object" if kind == "json-object" else "array"
        wrong = (
            f"typeof({c}) <> 'text' OR "
            f"(CASE WHEN json_valid({c}) THEN json_type({c}) END) IS NOT '{shape}'"
        )
    else:
        wrong = f"typeof({c}) <> 'text'"
    return f"({null}{c} IS NOT NULL AND ({wrong}))"


def stored_value_problems(connection: sqlite3.Connection) -> tuple[int, str | None]:
    """How many stored rows hold a value of the wrong kind, and the first one named."""
    total, first = 0, None
    present = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    for table in data_tables().values():
        if table.name not in present:
            continue
        stored = {r[1] for r in connection.execute(f'PRAGMA table_info("{table.name}")')}
        columns = [c for c in table.columns.values() if c.name in stored]
        tests = [bad_value_sql(c) for c in columns]
        where = " OR ".join(tests)
        (count,) = connection.execute(
            f'SELECT count(*) FROM "{table.name}" WHERE {where}'
        ).fetchone()
        total += count
        if count and first is None:
            flags = ", ".join(tests)
            names = ", ".join(f'"{c.name}"' for c in columns)
            row = connection.execute(
                f'SELECT {flags}, {names} FROM "{table.name}" WHERE {where} LIMIT 1'
            ).fetchone()
            index = row[: len(columns)].index(1)
            value = row[len(columns) + index]
            column = columns[index]
            key = next(
                (
                    f"{c.name} {row[len(columns) + i]}"
                    for i, c in enumerate(columns)
                    if c.name == "id"
                ),
                None,
            )
            reason = value_problem(column, value) or f"{shown(value)} is not of its kind"
            first = (
                f"table {table.name!r}"
                + (f" row {key}" if key else "")
                + f" column {column.name!r}: {reason}"
            )
    return total, first
