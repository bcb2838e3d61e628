"""A covering index that lets the review total each person's gives and gets without sorting."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 8
DESCRIPTION = "ledger index by contact and direction for the review"

SCHEMA = """
CREATE INDEX ledger_entry_person ON ledger_entry (
    contact_id, direction, happened_on, kind, status
);
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
