"""Migration 12: every next due date is the one ``core.cadence`` gives, through its triggers."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from netcoach.core import cadence
from netcoach.data import migrations
from netcoach.data.db import database, open_database
from netcoach.data.migrations import m0012_cadence
from netcoach.data.migrations.script import normalise_sql, statement

CREATED = "2025-01-02 09:00:00"


@pytest.fixture(autouse=True)
def close_database():
    yield
    if not database.is_closed():
        database.close()


def expected_due(
    level: int, override: int | None, last: str | None, stored: dict[str, object] | None = None
) -> str | None:
    """What ``core.cadence`` says the next due date is, as the database stores it."""
    defaults = cadence.with_overrides(stored or {})
    interval = cadence.interval_for(level, override, defaults)
    due = cadence.next_due(datetime.fromisoformat(last or CREATED), interval)
    return None if due is None else due.isoformat()


def add_contact(
    connection: sqlite3.Connection, level: int, override: int | None = None, last: str | None = None
) -> int:
    cursor = connection.execute(
        "INSERT INTO contact (name, level, cadence_days, last_interaction_at, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (f"Level {level}", level, override, last, CREATED, CREATED),
    )
    return int(cursor.lastrowid or 0)


def stored_due(connection: sqlite3.Connection) -> dict[int, str | None]:
    return dict(connection.execute("SELECT id, next_due_on FROM contact ORDER BY id"))


CASES = [
    (level, override, last)
    for level in range(1, 6)
    for override in (None, 1, 45, cadence.MAX_INTERVAL_DAYS)
    for last in (None, "2026-03-31 23:59:59")
]


@pytest.fixture
def connection(tmp_path: Path):
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    database.close()
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def test_each_level_and_override_is_due_when_core_says(connection) -> None:
    ids = {add_contact(connection, *case): case for case in CASES}
    due = stored_due(connection)
    for contact_id, case in ids.items():
        assert due[contact_id] == expected_due(*case), case
    # Level 1 has no cadence unless the contact has its own.
    assert due[next(i for i, c in ids.items() if c == (1, None, None))] is None


def test_a_touch_a_level_move_and_an_override_move_the_date(connection) -> None:
    contact = add_contact(connection, 3)
    for change, case in (
        ("last_interaction_at = '2026-05-01 08:00:00'", (3, None, "2026-05-01 08:00:00")),
        ("level = 5", (5, None, "2026-05-01 08:00:00")),
        ("cadence_days = 9", (5, 9, "2026-05-01 08:00:00")),
        ("cadence_days = NULL, level = 1", (1, None, "2026-05-01 08:00:00")),
    ):
        connection.execute(f"UPDATE contact SET {change} WHERE id = ?", (contact,))
        assert stored_due(connection)[contact] == expected_due(*case), change


@pytest.mark.parametrize(
    "stored",
    [{"5": 7}, {"4": None, "2": 0}, {"1": 21, "3": 90}, {str(k): None for k in range(1, 6)}],
)
def test_the_cadence_setting_moves_every_date_as_core_says(connection, stored) -> None:
    ids = {add_contact(connection, *case): case for case in CASES}
    connection.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)",
        (cadence.INTERVALS_SETTING, json.dumps(stored)),
    )
    due = stored_due(connection)
    for contact_id, case in ids.items():
        assert due[contact_id] == expected_due(*case, stored=stored), (case, stored)
    connection.execute("DELETE FROM setting WHERE key = ?", (cadence.INTERVALS_SETTING,))
    due = stored_due(connection)
    for contact_id, case in ids.items():
        assert due[contact_id] == expected_due(*case), case


def test_the_triggers_are_generated_from_cores_intervals(connection) -> None:
    """Another interval in core gives other triggers: that is how a change reaches the data."""
    stored = {
        name: normalise_sql(sql)
        for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE 'contact_due%'"
        )
    }
    assert set(stored) == set(m0012_cadence.TRIGGER_NAMES)
    generated = m0012_cadence.due_triggers(cadence.DEFAULT_INTERVALS)
    for name in m0012_cadence.TRIGGER_NAMES:
        assert stored[name] == normalise_sql(statement(generated, name)), name
    other = {**cadence.DEFAULT_INTERVALS, 5: 10}
    assert m0012_cadence.due_triggers(other) != generated
    assert "then 10" in normalise_sql(m0012_cadence.due_triggers(other))


def test_recreating_the_triggers_with_new_intervals_moves_existing_dates(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    database.close()
    with sqlite3.connect(path) as connection:
        ids = {add_contact(connection, *case): case for case in CASES}
    connection.close()
    changed: dict[int, int | None] = {5: 10, 4: 20, 3: None, 2: 100, 1: 365}
    db = SqliteDatabase(str(path))
    with db.connection_context(), db.atomic():
        m0012_cadence.create_due_triggers(db, changed)
        due = dict(db.execute_sql("SELECT id, next_due_on FROM contact"))
    db.close()
    for contact_id, (level, override, last) in ids.items():
        interval = cadence.interval_for(level, override, changed)
        wanted = cadence.next_due(datetime.fromisoformat(last or CREATED), interval)
        assert due[contact_id] == (wanted.isoformat() if wanted else None)


def test_a_version_11_database_gets_cores_dates_for_every_contact(tmp_path: Path) -> None:
    """Dates a hand-written trigger stored, even wrong ones, are worked out again."""
    path = tmp_path / "netcoach.db"
    old = SqliteDatabase(str(path))
    with old.connection_context(), old.atomic():
        for migration in migrations.MIGRATIONS[:11]:
            migration.up(old)
        for migration in migrations.MIGRATIONS[:11]:
            old.execute_sql("INSERT INTO schema_version (version) VALUES (?)", (migration.VERSION,))
    old.close()
    with sqlite3.connect(path) as connection:
        ids = {add_contact(connection, *case): case for case in CASES}
        connection.execute("UPDATE contact SET next_due_on = '1999-01-01'")
    connection.close()

    open_database(path, tmp_path / "backups")
    database.close()
    with sqlite3.connect(path) as connection:
        due = stored_due(connection)
    connection.close()
    for contact_id, case in ids.items():
        assert due[contact_id] == expected_due(*case), case
    assert list((tmp_path / "backups").glob("netcoach-v11-*.db"))


def test_the_date_is_counted_from_the_day_not_the_hour() -> None:
    assert expected_due(5, None, "2026-03-31 23:59:59") == (date(2026, 4, 14)).isoformat()
