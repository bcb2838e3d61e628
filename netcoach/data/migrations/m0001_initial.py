"""Contacts, their emails, phones and tags, level changes, interactions and settings."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 1
DESCRIPTION = "contacts, levels, interactions, tags, settings"

SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);

CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    company TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    how_met TEXT NOT NULL DEFAULT '',
    where_met TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 5),
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650),
    is_advisor INTEGER NOT NULL DEFAULT 0 CHECK (is_advisor IN (0, 1)),
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_interaction_at TEXT
);
CREATE INDEX contact_name ON contact (name COLLATE NOCASE);
CREATE INDEX contact_level_name ON contact (level, name COLLATE NOCASE);

CREATE TABLE contact_email (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_email_contact ON contact_email (contact_id);
CREATE INDEX contact_email_address ON contact_email (address COLLATE NOCASE);

CREATE TABLE contact_phone (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_phone_contact ON contact_phone (contact_id);

CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE contact_tag (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, tag_id)
);
CREATE INDEX contact_tag_tag ON contact_tag (tag_id);

CREATE TABLE level_change (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    from_level INTEGER CHECK (from_level IS NULL OR from_level BETWEEN 1 AND 5),
    to_level INTEGER NOT NULL CHECK (to_level BETWEEN 1 AND 5),
    reason TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX level_change_contact ON level_change (contact_id, changed_at);

CREATE TABLE interaction (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    happened_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interaction_contact ON interaction (contact_id, happened_at);

CREATE TRIGGER interaction_touch_insert AFTER INSERT ON interaction BEGIN
    UPDATE contact SET last_interaction_at = new.happened_at
    WHERE id = new.contact_id
      AND (last_interaction_at IS NULL OR last_interaction_at < new.happened_at);
END;

CREATE TRIGGER interaction_touch_delete AFTER DELETE ON interaction BEGIN
    UPDATE contact SET last_interaction_at = (
        SELECT max(happened_at) FROM interaction WHERE contact_id = old.contact_id
    ) WHERE id = old.contact_id;
END;

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
