"""Deleted ledger entries and wants/haves are kept, so a deletion can always be undone."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 10
DESCRIPTION = "keep deleted ledger entries and wants/haves"

SCHEMA = """
-- id numbers the deletions; original_id is the entry's own id, which SQLite may hand
-- out again to a newer entry once this one has left ledger_entry.
CREATE TABLE deleted_ledger_entry (
    id INTEGER PRIMARY KEY,
    original_id INTEGER NOT NULL,
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
);
CREATE INDEX deleted_ledger_entry_when ON deleted_ledger_entry (deleted_at);
CREATE INDEX deleted_ledger_entry_original ON deleted_ledger_entry (original_id);

CREATE TABLE deleted_want_have (
    id INTEGER PRIMARY KEY,
    original_id INTEGER NOT NULL,
    contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    phrase TEXT NOT NULL,
    tag TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    -- The introductions that named this want or have, linked again when it is put back.
    want_of TEXT NOT NULL DEFAULT '',
    have_of TEXT NOT NULL DEFAULT '',
    deleted_at TEXT NOT NULL
);
CREATE INDEX deleted_want_have_when ON deleted_want_have (deleted_at);
CREATE INDEX deleted_want_have_original ON deleted_want_have (original_id);
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
