"""One-to-ones with objectives and outcomes, networking events, people met and follow-ups."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 5
DESCRIPTION = "one-to-ones, events, follow-ups"

SCHEMA = """
CREATE TABLE one_to_one (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    place TEXT NOT NULL DEFAULT '',
    objective TEXT NOT NULL CHECK (length(trim(objective)) > 0),
    agenda TEXT NOT NULL DEFAULT '',
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('achieved', 'partly', 'not')),
    notes TEXT NOT NULL DEFAULT '',
    learnt TEXT NOT NULL DEFAULT '',
    completed_at TEXT,
    is_record INTEGER NOT NULL DEFAULT 0 CHECK (is_record IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX one_to_one_starts ON one_to_one (starts_at);
CREATE INDEX one_to_one_contact ON one_to_one (contact_id, starts_at);

CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('breakfast', 'chamber', 'conference', 'online', 'social')),
    starts_at TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    place TEXT NOT NULL DEFAULT '',
    pitch TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX event_starts ON event (starts_at);

CREATE TABLE event_person (
    event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, contact_id)
);
CREATE INDEX event_person_contact ON event_person (contact_id);

CREATE TABLE follow_up (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    one_to_one_id INTEGER REFERENCES one_to_one (id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES event (id) ON DELETE CASCADE,
    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
    owner TEXT NOT NULL CHECK (owner IN ('me', 'them')),
    due_on TEXT,
    done_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX follow_up_open ON follow_up (done_at, due_on);
CREATE INDEX follow_up_one_to_one ON follow_up (one_to_one_id);
CREATE INDEX follow_up_event ON follow_up (event_id);
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
