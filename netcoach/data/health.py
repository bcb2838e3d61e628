"""`netcoach doctor`: check the database file, its schema, permissions and search index."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from netcoach.core.text import noun, plural
from netcoach.data.migrations import LATEST_VERSION
from netcoach.data.schema import schema_differences, summary
from netcoach.data.stored_values import stored_value_problems


@dataclass(slots=True)
class Finding:
    check: str
    ok: bool
    detail: str
    repaired: bool = False


@dataclass(slots=True)
class HealthReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(f.ok or f.repaired for f in self.findings)

    def add(self, check: str, ok: bool, detail: str) -> Finding:
        finding = Finding(check, ok, detail)
        self.findings.append(finding)
        return finding


def permissions(path: Path, expected: int) -> str | None:
    """A message when ``path`` is more open than ``expected``, else None."""
    if not path.exists():
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & ~expected:
        return f"{path} is {mode:04o}, should be {expected:04o}"
    return None


def search_index_drift(db: SqliteDatabase) -> tuple[int, int]:
    """Contacts missing from the search index, and index rows with no contact or stale text."""
    from netcoach.data.migrations.m0009_search_order import ID_MASK, key_of

    missing = db.execute_sql(
        "SELECT count(*) FROM contact c WHERE NOT EXISTS "
        f"(SELECT 1 FROM contact_search s WHERE s.rowid = {key_of('c.name', 'c.id')})"
    ).fetchone()[0]
    stale = db.execute_sql(
        "SELECT count(*) FROM contact_search s LEFT JOIN contact c "
        f"ON c.id = (s.rowid & {ID_MASK}) "
        f"WHERE c.id IS NULL OR s.rowid IS NOT {key_of('c.name', 'c.id')} "
        "OR s.name IS NOT c.name OR s.company IS NOT c.company "
        "OR s.title IS NOT c.title OR s.notes IS NOT c.notes"
    ).fetchone()[0]
    return missing, stale


def search_order_uneven(db: SqliteDatabase) -> int | None:
    """The largest bucket of the index's name order, when it is too large to be quick."""
    from netcoach.data.migrations.m0009_search_order import BUCKET_SIZE, ORDER_FROM, SHIFT

    (contacts,) = db.execute_sql("SELECT count(*) FROM contact").fetchone()
    if contacts < ORDER_FROM:
        return None
    (largest,) = db.execute_sql(
        "SELECT coalesce(max(n), 0) FROM "
        f"(SELECT count(*) AS n FROM contact_search GROUP BY rowid >> {SHIFT})"
    ).fetchone()
    return int(largest) if largest > 4 * BUCKET_SIZE else None


def rebuild_search_index(db: SqliteDatabase) -> None:
    """Index every contact again, with the name order laid afresh."""
    from netcoach.data.migrations.m0009_search_order import order_index

    with db.atomic():
        order_index(db)


def database_checks(db: SqliteDatabase, report: HealthReport, repair: bool) -> None:
    """The checks that read the database, in order; the search index is rebuilt if asked."""
    rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
    report.add("integrity", rows == ["ok"], "ok" if rows == ["ok"] else "; ".join(rows[:5]))
    fk = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    report.add(
        "foreign keys",
        not fk,
        "ok"
        if not fk
        else f"{plural(len(fk), 'row')} {noun(len(fk), 'points', 'point')} at missing records",
    )
    version = db.execute_sql("SELECT max(version) FROM schema_version").fetchone()[0]
    report.add(
        "schema version",
        version == LATEST_VERSION,
        f"{version} (this netcoach: {LATEST_VERSION})",
    )
    problems = schema_differences(db.connection())
    report.add(
        "schema",
        not problems,
        summary(problems) if problems else "as netcoach's migrations make it",
    )
    wrong, first = stored_value_problems(db.connection())
    report.add(
        "values",
        wrong == 0,
        "each of its column's kind"
        if wrong == 0
        else f"{plural(wrong, 'row')} {noun(wrong, 'holds', 'hold')} a value of the wrong "
        f"kind (first: {first})",
    )
    missing, stale = search_index_drift(db)
    finding = report.add(
        "search index",
        missing == 0 and stale == 0,
        "in step with the contacts"
        if missing == stale == 0
        else f"{plural(missing, 'contact')} missing, {plural(stale, 'entry', 'entries')} stale",
    )
    uneven = search_order_uneven(db)
    order = report.add(
        "search order",
        uneven is None,
        "in name order"
        if uneven is None
        else f"{plural(uneven, 'contact')} {noun(uneven, 'is in', 'share')} one bucket",
    )
    if (not finding.ok or not order.ok) and repair:
        rebuild_search_index(db)
        for done in (finding, order):
            if not done.ok:
                done.repaired = search_index_drift(db) == (0, 0) and (
                    search_order_uneven(db) is None
                )
                done.detail += "; rebuilt" if done.repaired else "; rebuild failed"


def check_health(
    db: SqliteDatabase, path: Path, backups_dir: Path, repair: bool = True
) -> HealthReport:
    """Run every check on an open database; repair the search index when it drifted."""
    report = HealthReport()
    try:
        with db.connection_context():
            database_checks(db, report, repair)
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as error:
        report.add(
            "database",
            False,
            f"cannot be read ({error}); restore a backup with `netcoach restore FILE`",
        )
    problems = [
        message
        for message in (
            permissions(path.parent, 0o700),
            permissions(path, 0o600),
            *(permissions(Path(f"{path}{suffix}"), 0o600) for suffix in ("-wal", "-shm")),
            *(permissions(copy, 0o600) for copy in sorted(backups_dir.glob("*.db"))),
        )
        if message
    ]
    report.add("permissions", not problems, "; ".join(problems) if problems else "private")
    return report
