"""Numbered migrations: old databases upgrade with a backup and lose nothing."""

from __future__ import annotations

import re
import sqlite3
import stat
from pathlib import Path

import pytest

from netcoach.data import migrations
from netcoach.data.db import DatabaseFileError, database, open_database, read_schema_version
from netcoach.data.migrations import LATEST_VERSION, MigrationError, SchemaTooNewError
from netcoach.data.migrations import m0001_initial as v1
from netcoach.data.migrations.script import split_statements
from netcoach.data.repo import Store
from tests.conftest import fixed_clock


def build_version_1(path: Path) -> None:
    """A database exactly as the first release wrote it, with some data in it."""
    connection = sqlite3.connect(path)
    for statement in split_statements(v1.SCHEMA):
        connection.execute(statement)
    connection.execute("INSERT INTO schema_version (version) VALUES (1)")
    connection.execute(
        "INSERT INTO contact (id, name, company, title, notes, level, created_at, updated_at)"
        " VALUES (1, 'Farid Iqbal', 'Summit IT', 'Director', 'Keen cyclist', 4,"
        " '2025-01-02 09:00:00', '2025-01-02 09:00:00')"
    )
    connection.execute(
        "INSERT INTO contact_email (contact_id, address) VALUES (1, 'farid@summit.example')"
    )
    connection.execute("INSERT INTO tag (id, name) VALUES (1, 'referral partner')")
    connection.execute("INSERT INTO contact_tag (contact_id, tag_id) VALUES (1, 1)")
    connection.execute(
        "INSERT INTO level_change (contact_id, from_level, to_level, reason, changed_at)"
        " VALUES (1, 3, 4, 'Swapped referrals', '2025-06-01 10:00:00')"
    )
    connection.execute(
        "INSERT INTO interaction (contact_id, kind, happened_at, note)"
        " VALUES (1, 'coffee', '2025-09-01 08:00:00', 'Talked pricing')"
    )
    connection.commit()
    connection.close()


@pytest.fixture(autouse=True)
def close_database():
    yield
    database.close()


def test_version_1_database_migrates_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    build_version_1(path)
    backups = tmp_path / "backups"

    db = open_database(path, backups)
    store = Store(db, clock=fixed_clock)

    assert read_schema_version(path) == LATEST_VERSION
    contact = store.get_contact(1)
    assert (contact.name, contact.company, contact.title, contact.level) == (
        "Farid Iqbal",
        "Summit IT",
        "Director",
        4,
    )
    assert contact.emails == ("farid@summit.example",)
    assert contact.tags == ("referral partner",)
    assert contact.notes == "Keen cyclist"
    assert [c.reason for c in store.level_history(1)] == ["Swapped referrals"]
    assert [i.note for i in store.interactions(1)] == ["Talked pricing"]
    # The new search index covers data that existed before it.
    for query in ("farid", "summit", "cyclist", "referral", "farid@summit"):
        assert [r.id for r in store.list_contacts(query).rows] == [1], query

    copies = list(backups.glob("netcoach-v1-*.db"))
    assert len(copies) == 1
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    assert read_schema_version(copies[0]) == 1


def test_a_new_database_is_created_private_and_current(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_schema_version(path) == LATEST_VERSION
    assert not (tmp_path / "backups").exists()
    with database.connection_context():
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] > 0


def test_opening_a_current_database_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    database.close()
    open_database(path, tmp_path / "backups")
    assert not (tmp_path / "backups").exists()


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    database.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE schema_version SET version = ?", (LATEST_VERSION + 5,))
    connection.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="upgrade netcoach"):
        open_database(path, tmp_path / "backups")
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    path.write_bytes(b"name,company\nAnn,Acme\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match=re.escape(str(path))):
        open_database(path, tmp_path / "backups")
    assert path.read_bytes() == before


def test_a_damaged_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    database.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseFileError, match=r"netcoach\.db"):
        open_database(path, tmp_path / "backups")
    assert path.read_bytes() == bytes(data)


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    with pytest.raises(DatabaseFileError, match="not a netcoach one"):
        open_database(path, tmp_path / "backups")


def test_a_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "netcoach.db"
    build_version_1(path)

    class Broken:
        VERSION = LATEST_VERSION + 1
        DESCRIPTION = "fails half-way"

        @staticmethod
        def up(db) -> None:  # type: ignore[no-untyped-def]
            db.execute_sql("CREATE TABLE half_done (id INTEGER)")
            raise RuntimeError("disk said no")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, Broken))
    monkeypatch.setattr(migrations, "LATEST_VERSION", Broken.VERSION)
    with pytest.raises(MigrationError, match="left as it was"):
        open_database(path, tmp_path / "backups")
    database.close()
    assert read_schema_version(path) == 1
    with sqlite3.connect(path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
        assert "contact_search" not in tables
        assert connection.execute("SELECT name FROM contact").fetchall() == [("Farid Iqbal",)]
    connection.close()
    assert list((tmp_path / "backups").glob("netcoach-v1-*.db"))


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    script = (
        "CREATE TABLE a (x);\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    )
    assert len(split_statements(script)) == 2


def test_migration_versions_are_increasing() -> None:
    versions = [m.VERSION for m in migrations.MIGRATIONS]
    assert versions == sorted(set(versions))


def test_every_applied_migration_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    database.close()
    with sqlite3.connect(path) as connection:
        rows = [r[0] for r in connection.execute("SELECT version FROM schema_version ORDER BY 1")]
    connection.close()
    assert rows == [m.VERSION for m in migrations.MIGRATIONS]


def test_a_missing_migration_below_the_newest_is_still_applied(tmp_path: Path) -> None:
    """A database that had every migration but one (say, from a build without it) gets it."""
    from peewee import SqliteDatabase

    path = tmp_path / "netcoach.db"
    skipped = migrations.MIGRATIONS[2]
    # Builds that skipped a migration predate the repair (11), which runs after every other.
    built = [m for m in migrations.MIGRATIONS if m.VERSION <= 10]
    partial = SqliteDatabase(str(path))
    with partial.connection_context(), partial.atomic():
        for migration in built:
            if migration is not skipped:
                migration.up(partial)
        for migration in built:
            if migration is not skipped:
                partial.execute_sql(
                    "INSERT INTO schema_version (version) VALUES (?)", (migration.VERSION,)
                )
    partial.close()
    open_database(path, tmp_path / "backups")
    with database.connection_context():
        applied = migrations.applied_versions(database)
    assert applied == {m.VERSION for m in migrations.MIGRATIONS}
    assert list((tmp_path / "backups").glob("*.db"))
