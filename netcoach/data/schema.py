"""The shape of a netcoach database, compared with the one its migrations produce.

A file's tables, columns, indexes, triggers and views are read from ``sqlite_master``
and ``PRAGMA table_xinfo`` and compared, normalised, with a fresh database that
today's migrations bring to the same versions, so a backup with an extra trigger or
a missing index is seen before it replaces anything. What each column's values
must be is checked in ``netcoach.data.stored_values``; the migrations and the SQL
helpers (``normalise_sql``) are in ``netcoach.data.migrations``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import cache

from netcoach.data.migrations import MIGRATIONS, applied_versions, m0011_repair, migrated_in_memory
from netcoach.data.migrations.script import normalise_sql

KINDS = ("table", "index", "trigger", "view")


def read_schema(connection: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Every table, index, trigger and view by (kind, name), as one normalised string each."""
    shape: dict[tuple[str, str], str] = {}
    rows = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    for kind, name, table, sql in rows:
        if kind not in KINDS:
            shape[("object", str(name))] = str(kind)
            continue
        if str(name).startswith("sqlite_"):
            if sql is None:  # an index SQLite made for a UNIQUE or PRIMARY KEY clause
                continue
            # sqlite_sequence and sqlite_stat* are SQLite's own bookkeeping
            if kind == "table" and name in ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4"):
                continue
        text = f"on {str(table).lower()}: {normalise_sql(sql or '')}"
        if kind == "table":
            columns = connection.execute(f'PRAGMA table_xinfo("{name}")').fetchall()
            text += " | columns " + "; ".join(
                f"{c[1]} {c[2]} notnull={c[3]} default={c[4]} pk={c[5]} hidden={c[6]}"
                for c in columns
            )
        shape[(str(kind), str(name).lower())] = text
    return shape


def recorded_versions(connection: sqlite3.Connection) -> set[int] | str:
    """The migrations a file has had, or why its ``schema_version`` rows cannot be read."""
    known = {m.VERSION for m in MIGRATIONS}
    for (row,) in connection.execute("SELECT version FROM schema_version"):
        if type(row) is not int or row not in known:
            return f"schema_version holds {row!r}, which is not a netcoach migration"
    return applied_versions(connection)


@cache
def reference_schema(versions: frozenset[int]) -> dict[tuple[str, str], str]:
    """The shape today's migrations give a fresh database that has had ``versions``."""
    with migrated_in_memory(versions) as fresh:
        return read_schema(fresh.connection())


def schema_differences(connection: sqlite3.Connection) -> list[str]:
    """What in the file is not as netcoach's migrations make it, one phrase each.

    A file from before the repair migration may still hold the forms earlier
    development builds wrote, which that migration mends when the file is opened.
    """
    versions = recorded_versions(connection)
    if isinstance(versions, str):
        return [versions]
    allowed = earlier_shapes() if m0011_repair.VERSION not in versions else {}
    return compare(read_schema(connection), reference_schema(frozenset(versions)), allowed)


@cache
def earlier_shapes() -> dict[tuple[str, str], frozenset[str | None]]:
    """The shapes of the objects the repair migration mends, as earlier builds wrote them."""
    shapes: dict[tuple[str, str], frozenset[str | None]] = {}
    with migrated_in_memory() as fresh:
        for (kind, name), forms in m0011_repair.earlier_shapes().items():
            found: set[str | None] = set()
            for sql in forms:
                if sql is None:
                    found.add(None)
                    continue
                with fresh.atomic() as change:
                    fresh.execute_sql(f'DROP {kind.upper()} IF EXISTS "{name}"')
                    fresh.execute_sql(sql)
                    found.add(read_schema(fresh.connection())[(kind, name)])
                    change.rollback()
            shapes[(kind, name)] = frozenset(found)
    return shapes


def compare(
    found: dict[tuple[str, str], str],
    wanted: dict[tuple[str, str], str],
    allowed: dict[tuple[str, str], frozenset[str | None]] | None = None,
) -> list[str]:
    """Extra, missing and changed objects, in a stable order; ``allowed`` forms pass."""
    allowed = allowed or {}
    problems = []
    for kind, name in sorted(found.keys() - wanted.keys()):
        problems.append(f"unexpected {kind} {name!r}")
    for key in sorted(wanted.keys() - found.keys()):
        if None not in allowed.get(key, ()):
            problems.append(f"missing {key[0]} {key[1]!r}")
    for key in sorted(found.keys() & wanted.keys()):
        if found[key] != wanted[key] and found[key] not in allowed.get(key, ()):
            problems.append(f"{key[0]} {key[1]!r} differs from netcoach's")
    return problems


def summary(problems: Iterable[str]) -> str:
    """The first difference, and how many more there are."""
    problems = list(problems)
    more = len(problems) - 1
    return problems[0] + (f" (and {more} more)" if more > 0 else "")
