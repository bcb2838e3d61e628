"""Every earlier schema version upgrades to the current one with its data intact."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from netcoach.data import migrations
from netcoach.data.db import database, open_database, read_schema_version
from netcoach.data.repo import Store

EARLIER = [m.VERSION for m in migrations.MIGRATIONS[:-1]]


def build_at_version(path: Path, version: int) -> None:
    """A database as netcoach wrote it at ``version``, with a contact and its history."""
    old = SqliteDatabase(str(path))
    with old.connection_context(), old.atomic():
        for migration in migrations.MIGRATIONS:
            if version >= migration.VERSION:
                migration.up(old)
        old.execute_sql("INSERT INTO schema_version (version) VALUES (?)", (version,))
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO contact (id, name, company, notes, level, is_advisor, created_at, updated_at)"
        " VALUES (7, 'Rosa [b]Quinn', 'Oak & Ivy', 'Café notes ✓', 4, 1,"
        " '2025-03-01 08:00:00', '2025-03-01 08:00:00')"
    )
    connection.execute(
        "INSERT INTO contact_email (contact_id, address) VALUES (7, 'rosa@oakivy.example')"
    )
    connection.execute("INSERT INTO tag (id, name) VALUES (3, 'interiors')")
    connection.execute("INSERT INTO contact_tag (contact_id, tag_id) VALUES (7, 3)")
    connection.execute(
        "INSERT INTO level_change (contact_id, from_level, to_level, reason, changed_at)"
        " VALUES (7, 3, 4, 'First referral', '2025-05-01 09:00:00')"
    )
    connection.execute(
        "INSERT INTO interaction (contact_id, kind, happened_at, note)"
        " VALUES (7, 'coffee', '2025-06-01 08:00:00', 'Pricing chat')"
    )
    connection.commit()
    connection.close()


@pytest.fixture(autouse=True)
def close_database():
    yield
    database.close()


@pytest.mark.parametrize("version", EARLIER)
def test_upgrade_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "netcoach.db"
    build_at_version(path, version)
    backups = tmp_path / "backups"
    store = Store(open_database(path, backups))
    assert read_schema_version(path) == migrations.LATEST_VERSION
    assert len(list(backups.glob(f"netcoach-v{version}-*.db"))) == 1
    contact = store.get_contact(7)
    assert (contact.name, contact.company, contact.notes, contact.level, contact.is_advisor) == (
        "Rosa [b]Quinn",
        "Oak & Ivy",
        "Café notes ✓",
        4,
        True,
    )
    assert contact.emails == ("rosa@oakivy.example",)
    assert contact.tags == ("interiors",)
    assert contact.last_interaction_at == datetime(2025, 6, 1, 8, 0)
    assert [h.reason for h in store.level_history(7)] == ["First referral"]
    assert [i.note for i in store.interactions(7)] == ["Pricing chat"]
    assert store.list_contacts("oakivy").total == 1
