"""Pitches with their versions and rehearsals, and the user's own profile answers."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 4
DESCRIPTION = "pitches, pitch versions, rehearsals, profile"

SCHEMA = """
CREATE TABLE pitch (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    limit_seconds INTEGER NOT NULL DEFAULT 60 CHECK (limit_seconds BETWEEN 15 AND 180),
    is_next INTEGER NOT NULL DEFAULT 0 CHECK (is_next IN (0, 1)),
    next_event_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE UNIQUE INDEX pitch_one_next ON pitch (is_next) WHERE is_next = 1;

CREATE TABLE pitch_version (
    id INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 1),
    script TEXT NOT NULL DEFAULT '',
    parts TEXT NOT NULL DEFAULT '{}',
    word_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (pitch_id, number)
);

CREATE TABLE rehearsal (
    id INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    version_id INTEGER NOT NULL REFERENCES pitch_version (id) ON DELETE CASCADE,
    duration_seconds REAL NOT NULL CHECK (duration_seconds >= 0),
    limit_seconds INTEGER NOT NULL,
    word_count INTEGER NOT NULL DEFAULT 0,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT '',
    rehearsed_at TEXT NOT NULL
);
CREATE INDEX rehearsal_pitch ON rehearsal (pitch_id, rehearsed_at);
CREATE INDEX rehearsal_time ON rehearsal (rehearsed_at);

CREATE TABLE profile (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
