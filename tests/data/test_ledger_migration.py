"""Migration 7 merges cleanly whether or not the shared want_have table exists already."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.ledger import CURRENCY_DIGITS, MAX_AMOUNT, parse_amount
from netcoach.data import migrations
from netcoach.data.db import database, open_database, read_schema_version
from netcoach.data.migrations import LATEST_VERSION
from netcoach.data.migrations import m0001_initial as v1
from netcoach.data.migrations import m0002_search as v2
from netcoach.data.migrations import m0007_ledger as v7

# The statement the contacts area's own migration uses for the same table.
CONTACTS_WANT_HAVE = (
    "CREATE TABLE want_have (id INTEGER PRIMARY KEY, contact_id INTEGER REFERENCES contact (id) "
    "ON DELETE CASCADE, kind TEXT NOT NULL CHECK (kind IN ('want','have')), phrase TEXT NOT NULL, "
    "tag TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL)"
)


@pytest.fixture(autouse=True)
def close_database():
    yield
    database.close()


def test_want_have_created_earlier_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    connection = sqlite3.connect(path)
    for schema in (v1.SCHEMA, v2.SCHEMA):
        for statement in migrations.split_statements(schema):
            connection.execute(statement)
    connection.execute(CONTACTS_WANT_HAVE)
    connection.execute(
        "INSERT INTO want_have (contact_id, kind, phrase, created_at) "
        "VALUES (NULL, 'want', 'An accountant', '2026-01-01 00:00:00')"
    )
    connection.execute("INSERT INTO schema_version (version) VALUES (2)")
    connection.commit()
    connection.close()
    db = open_database(path, tmp_path / "backups")
    assert read_schema_version(path) == LATEST_VERSION
    with db.connection_context():
        rows = db.execute_sql("SELECT phrase FROM want_have").fetchall()
    assert rows == [("An accountant",)]


def test_the_shared_statement_is_the_contacts_one_with_if_not_exists() -> None:
    expected = CONTACTS_WANT_HAVE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS") + ";"
    assert expected == v7.WANT_HAVE


@given(
    st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2, allow_nan=False),
    st.sampled_from(sorted(c for c, d in CURRENCY_DIGITS.items() if d >= 2)),
)
def test_any_sensible_amount_reads_back_exactly(value, currency) -> None:  # type: ignore[no-untyped-def]
    money, error = parse_amount(f"{value:f}", currency)
    assert error is None and money is not None
    assert money.amount == value
