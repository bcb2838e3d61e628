"""The peewee models in ``netcoach.data.tables`` match the schema the migrations build.

The migrations are plain SQL and never import the models, so nothing else notices
when a model names a column the database lacks, declares it nullable when the
table refuses NULL, or points a foreign key at the wrong table. The database here
is a real file opened with ``open_database``, as the app opens it.

Peewee's own tools read the database: ``playhouse.schema_diff.diff_models`` for
missing tables and columns either way, ``playhouse.reflection.Introspector`` for
column types and foreign keys; ``PRAGMA table_info``, ``foreign_key_list`` and
``index_list`` for nullability, primary keys, ``ON DELETE`` and uniqueness, which
those tools do not compare.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import (
    AutoField,
    BooleanField,
    DateField,
    DateTimeField,
    Field,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)
from playhouse.reflection import DatabaseMetadata, Introspector
from playhouse.schema_diff import diff_models

from netcoach.data import tables
from netcoach.data.db import database, open_database

# Tables the migrations make that no model covers, each with why.
UNMODELLED = {
    "schema_version": "the migration runner's own record, read with sqlite3 before peewee binds",
    "contact_search": "FTS5 index filled by triggers; searched with MATCH in raw SQL over packed "
    "rowids (bucket << 40 | id), which a model cannot express",
    "contact_search_order": "bucket boundaries of the search index, read and written only by "
    "migration 9's SQL pieces (triggers, bulk_index, doctor)",
}
# SQLite's own shadow tables behind an FTS5 index; netcoach never reads them.
FTS5_SHADOWS = ("config", "content", "data", "docsize", "idx")
# SQLite lets a non-INTEGER PRIMARY KEY hold NULL (a legacy quirk kept for compatibility),
# so table_info reports these key columns nullable; peewee never writes NULL into a key.
NULLABLE_TEXT_KEYS = {("setting", "key"), ("profile", "key")}

# The SQLite column types each kind of field may sit on. Dates and times are stored
# as ISO text (netcoach.data.values), booleans as 0/1 integers.
COMPATIBLE_TYPES: list[tuple[type[Field], set[str]]] = [
    (ForeignKeyField, {"INTEGER"}),
    (AutoField, {"INTEGER"}),
    (BooleanField, {"INTEGER"}),
    (IntegerField, {"INTEGER"}),
    (FloatField, {"REAL"}),
    (DateTimeField, {"TEXT"}),
    (DateField, {"TEXT"}),
    (TextField, {"TEXT"}),
]


def models() -> list[type[Model]]:
    return tables.table_records()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteDatabase]:
    home: Path = tmp_path_factory.mktemp("schema")
    db = open_database(home / "netcoach.db", home / "backups")
    with db.connection_context():
        yield db
    database.close()


def allowed_types(field: Field) -> set[str]:
    for kind, types in COMPATIBLE_TYPES:
        if isinstance(field, kind):
            return types
    raise AssertionError(f"no SQLite type is listed for {type(field).__name__}")


def schema_problems(db: SqliteDatabase, checked: list[type[Model]]) -> list[str]:
    """Every way ``checked`` disagrees with the database, one line each."""
    problems: list[str] = []
    diff = diff_models(db, checked)
    problems += [f"no table {m._meta.table_name} for {m.__name__}" for m in diff.create_tables]
    problems += [
        f"{f.model.__name__}.{f.name}: no column {f.model._meta.table_name}.{f.column_name}"
        for f in diff.add_columns
    ]
    problems += [f"column {table}.{column} is not modelled" for table, column in diff.drop_columns]
    # Indexes are the migrations' business (they are partial or ordered for queries
    # the models never build), so diff.add_indexes/drop_indexes are not compared;
    # a field the model calls unique is checked below.
    metadata: DatabaseMetadata = Introspector.from_database(db).introspect()
    present = set(db.get_tables())
    for model in checked:
        meta = model._meta
        table = meta.table_name
        if table not in present:
            continue
        introspected = metadata.columns[table]
        info = {row[1]: row for row in db.execute_sql(f'PRAGMA table_info("{table}")')}
        keys = {row[1] for row in info.values() if row[5]}
        declared_keys = {f.column_name for f in meta.get_primary_keys()}
        if keys != declared_keys:
            problems.append(f"{table}: primary key is {sorted(keys)}, model says {declared_keys}")
        sql = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        without_rowid = sql.rstrip().upper().endswith("WITHOUT ROWID")
        if without_rowid != meta.without_rowid:
            problems.append(
                f"{model.__name__}: the table is {'' if without_rowid else 'not '}WITHOUT ROWID, "
                f"the model says without_rowid={meta.without_rowid}"
            )
        unique = {
            tuple(row[2] for row in db.execute_sql(f'PRAGMA index_info("{index[1]}")'))
            for index in db.execute_sql(f'PRAGMA index_list("{table}")').fetchall()
            if index[2]
        }
        for field in meta.sorted_fields:
            column = field.column_name
            where = f"{model.__name__}.{field.name} ({table}.{column})"
            if column not in info:
                continue  # reported by diff_models
            declared = str(info[column][2]).upper()
            if declared not in allowed_types(field):
                problems.append(f"{where}: {type(field).__name__} over a {declared} column")
            reflected = introspected[column].field_class
            if isinstance(field, ForeignKeyField) != (reflected is ForeignKeyField):
                problems.append(f"{where}: foreign key in only one of model and database")
            not_null = bool(info[column][3]) or (column in keys and declared == "INTEGER")
            if column in keys and (table, column) in NULLABLE_TEXT_KEYS:
                not_null = True
            if not_null == field.null:
                problems.append(
                    f"{where}: model says null={field.null}, the column is "
                    f"{'NOT NULL' if not_null else 'nullable'}"
                )
            if field.unique and (column,) not in unique:
                problems.append(f"{where}: unique in the model, not in the database")
        references = {
            row[3]: (row[2], row[4], row[6])
            for row in db.execute_sql(f'PRAGMA foreign_key_list("{table}")')
        }
        for field in meta.sorted_fields:
            if not isinstance(field, ForeignKeyField) or field.column_name not in references:
                continue
            wanted = (
                field.rel_model._meta.table_name,
                field.rel_field.column_name,
                (field.on_delete or "NO ACTION").upper(),
            )
            if references[field.column_name] != wanted:
                problems.append(
                    f"{model.__name__}.{field.name}: references {references[field.column_name]} "
                    f"in the database, model says {wanted}"
                )
    return problems


def test_every_model_matches_its_table(migrated: SqliteDatabase) -> None:
    assert schema_problems(migrated, models()) == []


def test_every_table_the_app_reads_is_modelled(migrated: SqliteDatabase) -> None:
    modelled = {m._meta.table_name for m in models()}
    virtual = [
        row[0]
        for row in migrated.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
        )
    ]
    shadows = {f"{name}_{suffix}" for name in virtual for suffix in FTS5_SHADOWS}
    unmodelled = set(migrated.get_tables()) - modelled - shadows
    assert unmodelled == set(UNMODELLED)


def drifted_contact(**fields: Field) -> type[Model]:
    """A copy of ContactRecord over the same table, with ``fields`` added or replaced."""
    meta = type("Meta", (), {"table_name": "contact"})
    return type("DriftedContact", (tables.ContactRecord,), {"Meta": meta, **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"nickname": TextField(default="")}, "no column contact.nickname"),
        ({"level": TextField()}, "TextField over a INTEGER column"),
        ({"archived_at": DateTimeField()}, "model says null=False, the column is nullable"),
        ({"name": TextField(null=True)}, "model says null=True, the column is NOT NULL"),
        ({"name": TextField(unique=True)}, "unique in the model, not in the database"),
        (
            {
                "cadence_days": ForeignKeyField(
                    tables.TagRecord, column_name="cadence_days", null=True, backref="+"
                )
            },
            "foreign key in only",
        ),
    ],
    ids=["new-column", "type", "not-null", "nullable", "unique", "foreign-key"],
)
def test_a_model_that_drifts_from_the_schema_fails(
    migrated: SqliteDatabase, fields: dict[str, Field], expected: str
) -> None:
    problems = schema_problems(migrated, [drifted_contact(**fields)])
    assert any(expected in problem for problem in problems), problems


def test_a_foreign_key_to_the_wrong_table_fails(migrated: SqliteDatabase) -> None:
    meta = type("Meta", (), {"table_name": "follow_up"})
    drifted = type(
        "DriftedFollowUp",
        (tables.FollowUpRecord,),
        {
            "Meta": meta,
            "event": ForeignKeyField(
                tables.PitchRecord, column_name="event_id", null=True, backref="+"
            ),
        },
    )
    problems = schema_problems(migrated, [drifted])
    assert any("references ('event', 'id', 'CASCADE')" in p for p in problems), problems
    assert any("model says ('pitch', 'id', 'NO ACTION')" in p for p in problems), problems


def test_a_model_for_a_missing_table_fails(migrated: SqliteDatabase) -> None:
    class Nowhere(Model):
        id = AutoField()

        class Meta:
            table_name = "nowhere"

    assert schema_problems(migrated, [Nowhere]) == ["no table nowhere for Nowhere"]


def test_a_column_no_model_names_fails(migrated: SqliteDatabase) -> None:
    class KeyOnly(Model):
        key = TextField(primary_key=True)

        class Meta:
            table_name = "setting"

    assert schema_problems(migrated, [KeyOnly]) == ["column setting.value is not modelled"]


def test_a_rowid_mismatch_fails(migrated: SqliteDatabase) -> None:
    meta = type("Meta", (), {"table_name": "contact_reason", "without_rowid": False})
    drifted = type("DriftedReason", (tables.ContactReasonRecord,), {"Meta": meta})
    assert schema_problems(migrated, [drifted]) == [
        "DriftedReason: the table is WITHOUT ROWID, the model says without_rowid=False"
    ]
