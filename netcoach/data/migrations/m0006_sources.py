"""Where imported contacts came from, and which fields an import filled in."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 6
DESCRIPTION = "import sources: LinkedIn profile, connection date, imported fields"

SCHEMA = """
CREATE TABLE contact_source (
    contact_id INTEGER PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
    linkedin_url TEXT NOT NULL DEFAULT '',
    connected_on TEXT
);
CREATE INDEX contact_source_linkedin ON contact_source (linkedin_url) WHERE linkedin_url <> '';

CREATE TABLE contact_imported_field (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    PRIMARY KEY (contact_id, field)
) WITHOUT ROWID;
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
