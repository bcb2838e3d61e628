"""One shape for every database, whichever development build first wrote it.

Some migrations changed after builds had already applied them, and builds from
feature branches applied them out of order, so a database could reach version 10
without an index, with an older constraint, or with the deleted-entry tables in
their first form. This brings each of those objects to the form migrations 1 to 10
give a new database; ``earlier_shapes`` lists the forms it repairs, which a backup
made before it ran may still have.
"""

from __future__ import annotations

from peewee import SqliteDatabase

from netcoach.data.migrations import m0003_levels, m0007_ledger, m0010_deleted
from netcoach.data.migrations.script import normalise_sql, statement

VERSION = 11
DESCRIPTION = "bring databases from earlier development builds to one shape"


LEDGER_ENTRY_FIRST = """CREATE TABLE ledger_entry (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    direction TEXT NOT NULL CHECK (direction IN ('given', 'received')),
    kind TEXT NOT NULL CHECK (
        kind IN ('referral', 'introduction', 'advice', 'testimonial', 'business', 'support')
    ),
    happened_on TEXT NOT NULL,
    status TEXT CHECK (status IS NULL OR status IN ('open', 'won', 'lost')),
    amount_minor INTEGER CHECK (amount_minor IS NULL OR amount_minor BETWEEN 0 AND 100000000000000),
    currency TEXT CHECK (currency IS NULL OR length(currency) = 3),
    note TEXT NOT NULL DEFAULT '',
    introduction_id INTEGER REFERENCES introduction (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    CHECK ((amount_minor IS NULL) = (currency IS NULL))
)"""

DELETED_LEDGER_ENTRY_FIRST = """CREATE TABLE deleted_ledger_entry (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    status TEXT,
    amount_minor INTEGER,
    currency TEXT,
    note TEXT NOT NULL DEFAULT '',
    introduction_id INTEGER REFERENCES introduction (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    deleted_at TEXT NOT NULL
)"""

DELETED_WANT_HAVE_FIRST = """CREATE TABLE deleted_want_have (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    phrase TEXT NOT NULL,
    tag TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    -- The introductions that named this want or have, linked again when it is put back.
    want_of TEXT NOT NULL DEFAULT '',
    have_of TEXT NOT NULL DEFAULT '',
    deleted_at TEXT NOT NULL
)"""


def earlier_shapes() -> dict[tuple[str, str], tuple[str | None, ...]]:
    """(kind, name): the forms earlier builds wrote, None where they wrote nothing."""
    return {
        ("index", "contact_active_by_id"): (None,),
        ("table", "want_have"): (statement(m0007_ledger.WANT_HAVE, "want_have"),),
        ("index", "want_have_contact"): (
            "CREATE INDEX want_have_contact ON want_have (contact_id)",
        ),
        ("table", "ledger_entry"): (LEDGER_ENTRY_FIRST,),
        ("index", "ledger_entry_day"): (
            "CREATE INDEX ledger_entry_day ON ledger_entry (happened_on)",
        ),
        ("table", "deleted_ledger_entry"): (DELETED_LEDGER_ENTRY_FIRST,),
        ("table", "deleted_want_have"): (DELETED_WANT_HAVE_FIRST,),
        ("index", "deleted_ledger_entry_original"): (None,),
        ("index", "deleted_want_have_original"): (None,),
    }


def up(db: SqliteDatabase) -> None:
    def stored(name: str) -> str | None:
        row = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        return normalise_sql(row[0]) if row and row[0] else None

    # Tables whose columns are as they should be and only a constraint differs: the
    # stored definition is replaced, after mending rows the new constraint would refuse.
    for name, script in (("want_have", m0003_levels.SCHEMA), ("ledger_entry", m0007_ledger.SCHEMA)):
        wanted = statement(script, name)
        if stored(name) not in (None, normalise_sql(wanted)):
            if name == "want_have":
                db.execute_sql("UPDATE want_have SET phrase = '(blank)' WHERE trim(phrase) = ''")
            replace_definition(db, name, wanted)
    # Tables that gained a column: rebuilt, each entry keeping its id as its original id.
    for name in ("deleted_ledger_entry", "deleted_want_have"):
        columns = [r[1] for r in db.execute_sql(f'PRAGMA table_info("{name}")')]
        if columns and "original_id" not in columns:
            rebuild_with_original_id(db, name, columns)
    indexes = (
        (m0003_levels.SCHEMA, "contact_active_by_id"),
        (m0003_levels.SCHEMA, "want_have_contact"),
        (m0007_ledger.SCHEMA, "ledger_entry_day"),
        (m0010_deleted.SCHEMA, "deleted_ledger_entry_when"),
        (m0010_deleted.SCHEMA, "deleted_ledger_entry_original"),
        (m0010_deleted.SCHEMA, "deleted_want_have_when"),
        (m0010_deleted.SCHEMA, "deleted_want_have_original"),
    )
    for script, name in indexes:
        wanted = statement(script, name)
        if stored(name) != normalise_sql(wanted):
            db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
            db.execute_sql(wanted)


def replace_definition(db: SqliteDatabase, table: str, sql: str) -> None:
    """Store ``sql`` as the table's definition; its columns and rows stay as they are."""
    (version,) = db.execute_sql("PRAGMA schema_version").fetchone()
    db.execute_sql("PRAGMA writable_schema = ON")
    try:
        db.execute_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, table)
        )
        db.execute_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute_sql("PRAGMA writable_schema = OFF")


def rebuild_with_original_id(db: SqliteDatabase, table: str, columns: list[str]) -> None:
    wanted = statement(m0010_deleted.SCHEMA, table)
    db.execute_sql(wanted.replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_repaired", 1))
    names = ", ".join(f'"{c}"' for c in columns)
    db.execute_sql(
        f'INSERT INTO "{table}_repaired" (original_id, {names}) SELECT id, {names} FROM "{table}"'
    )
    db.execute_sql(f'DROP TABLE "{table}"')
    db.execute_sql(f'ALTER TABLE "{table}_repaired" RENAME TO "{table}"')
