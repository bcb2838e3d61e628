"""The schema check and the value rules that restore and doctor share."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netcoach.data.migrations.script import normalise_sql
from netcoach.data.schema import compare, read_schema, reference_schema
from netcoach.data.stored_values import Column, bad_value_sql, data_tables, value_problem


def test_spacing_quotes_comments_and_case_of_names_do_not_count() -> None:
    assert normalise_sql(
        "CREATE TABLE \"Contact\" (\n  id INTEGER, -- the key\n  note TEXT DEFAULT 'A  b')"
    ) == normalise_sql("create table contact (id integer, note text default 'A  b')")
    assert normalise_sql("SELECT 'A'") != normalise_sql("SELECT 'a'")


def test_the_reference_for_every_version_matches_a_database_migrated_to_it(tmp_path) -> None:
    from peewee import SqliteDatabase

    from netcoach.data.migrations import MIGRATIONS

    path = tmp_path / "stepwise.db"
    db = SqliteDatabase(str(path))
    applied: set[int] = set()
    with db.connection_context():
        for migration in MIGRATIONS:
            with db.atomic():
                migration.up(db)
            applied.add(migration.VERSION)
            found = read_schema(db.connection())
            assert compare(found, reference_schema(frozenset(applied))) == []


def test_compare_names_extra_missing_and_changed_objects() -> None:
    wanted = {("table", "a"): "x", ("index", "b"): "y", ("trigger", "c"): "z"}
    found = {("table", "a"): "x", ("trigger", "c"): "changed", ("view", "d"): "v"}
    assert compare(found, wanted) == [
        "unexpected view 'd'",
        "missing index 'b'",
        "trigger 'c' differs from netcoach's",
    ]
    assert compare(found, wanted, {("index", "b"): frozenset({None})}) == [
        "unexpected view 'd'",
        "trigger 'c' differs from netcoach's",
    ]


def test_every_data_table_column_has_a_kind() -> None:
    kinds = {(t.name, c.name): c.kind for t in data_tables().values() for c in t.columns.values()}
    assert kinds[("one_to_one", "starts_at")] == "datetime"
    assert kinds[("goal", "deadline")] == "date"
    assert kinds[("contact", "is_advisor")] == "boolean"
    assert kinds[("deleted_ledger_entry", "deleted_at")] == "datetime"
    assert kinds[("review", "decisions")] == "json-list"
    assert "contact_search" not in data_tables() and "schema_version" not in data_tables()


KINDS = ["integer", "boolean", "real", "text", "date", "datetime", "json-object", "json-list"]
STORED = (
    st.none()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.dates(min_value=date(1, 1, 1)).map(str)
    | st.datetimes().map(str)
    | st.datetimes().map(lambda d: d.isoformat())
    | st.from_regex(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{0,8})?)?", fullmatch=True
    )
    | st.sampled_from(["{}", "[]", '{"a": [1]}', "[1", "null", "0000-01-01", "2026-02-30"])
)


@settings(max_examples=300)
@given(kind=st.sampled_from(KINDS), nullable=st.booleans(), value=STORED)
def test_doctor_and_restore_agree_on_every_stored_value(kind, nullable, value) -> None:
    """The SQL doctor runs over a whole database refuses exactly what restore refuses."""
    column = Column("v", kind, nullable=nullable, required=False)
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (v)")
    connection.execute("INSERT INTO t VALUES (?)", (value,))
    (flagged,) = connection.execute(f"SELECT {bad_value_sql(column)} FROM t").fetchone()
    connection.close()
    assert bool(flagged) == (value_problem(column, value) is not None)


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("date", "2026-11-20"),
        ("datetime", "2026-11-20 09:00:00"),
        ("datetime", "2026-11-20 09:00:00.123456"),
        ("datetime", str(datetime(2026, 11, 20, 9, 0, 0, 5))),
        ("integer", 2**63 - 1),
        ("boolean", 1),
        ("real", 12),
        ("json-object", '{"opener": true}'),
    ],
)
def test_what_netcoach_writes_passes(kind, value) -> None:
    assert value_problem(Column("v", kind, nullable=False, required=True), value) is None
