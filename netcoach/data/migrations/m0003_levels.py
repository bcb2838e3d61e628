"""Levels and keep-in-touch: a stored next-due date, reasons, wants and haves, GAINS notes.

``contact.next_due_on`` is kept by triggers from the level, the per-contact
override, the last interaction and the ``cadence.intervals`` setting, so lists
can sort and filter by due date through an index, whichever code wrote the row.
"""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 3
DESCRIPTION = "next due date, reasons to network, wants and haves, GAINS, list indexes"

SETTING_VALUE = "(SELECT value FROM setting WHERE key = 'cadence.intervals' AND json_valid(value))"


def interval_sql(row: str) -> str:
    """Days between touches for ``row`` (``new`` or a table alias): override, setting, default."""
    path = f"'$.\"' || {row}.level || '\"'"
    return f"""(CASE
        WHEN {row}.cadence_days IS NOT NULL THEN {row}.cadence_days
        WHEN json_type({SETTING_VALUE}, {path}) IS NOT NULL
            THEN nullif(CAST(json_extract({SETTING_VALUE}, {path}) AS INTEGER), 0)
        ELSE (CASE {row}.level WHEN 5 THEN 14 WHEN 4 THEN 30 WHEN 3 THEN 60 WHEN 2 THEN 120 END)
    END)"""


def next_due_sql(row: str) -> str:
    interval = interval_sql(row)
    return (
        f"(CASE WHEN {interval} IS NULL THEN NULL ELSE date("
        f"coalesce({row}.last_interaction_at, {row}.created_at), "
        f"'+' || {interval} || ' days') END)"
    )


SCHEMA = f"""
ALTER TABLE contact ADD COLUMN next_due_on TEXT;
ALTER TABLE contact ADD COLUMN gains_goals TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN gains_accomplishments TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN gains_interests TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN gains_networks TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN gains_skills TEXT NOT NULL DEFAULT '';

UPDATE contact SET next_due_on = {next_due_sql("contact")};

CREATE TRIGGER contact_due_insert AFTER INSERT ON contact BEGIN
    UPDATE contact SET next_due_on = {next_due_sql("new")} WHERE id = new.id;
END;

CREATE TRIGGER contact_due_update
AFTER UPDATE OF level, cadence_days, last_interaction_at, created_at ON contact BEGIN
    UPDATE contact SET next_due_on = {next_due_sql("new")} WHERE id = new.id;
END;

CREATE TRIGGER contact_due_setting_insert AFTER INSERT ON setting
WHEN new.key = 'cadence.intervals' BEGIN
    UPDATE contact SET next_due_on = {next_due_sql("contact")};
END;

CREATE TRIGGER contact_due_setting_update AFTER UPDATE ON setting
WHEN new.key = 'cadence.intervals' BEGIN
    UPDATE contact SET next_due_on = {next_due_sql("contact")};
END;

CREATE TRIGGER contact_due_setting_delete AFTER DELETE ON setting
WHEN old.key = 'cadence.intervals' BEGIN
    UPDATE contact SET next_due_on = {next_due_sql("contact")};
END;

CREATE TABLE contact_reason (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (reason IN (
        'leads', 'referral_sources', 'refer_to', 'market_intelligence',
        'camaraderie', 'competitors'
    )),
    PRIMARY KEY (contact_id, reason)
) WITHOUT ROWID;
CREATE INDEX contact_reason_reason ON contact_reason (reason, contact_id);

CREATE TABLE IF NOT EXISTS want_have (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('want', 'have')),
    phrase TEXT NOT NULL CHECK (length(trim(phrase)) > 0),
    tag TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS want_have_contact ON want_have (contact_id, kind);

CREATE INDEX contact_active_name ON contact (name COLLATE NOCASE, id)
    WHERE archived_at IS NULL;
CREATE INDEX contact_active_level_name ON contact (level, name COLLATE NOCASE, id)
    WHERE archived_at IS NULL;
CREATE INDEX contact_active_last ON contact (coalesce(last_interaction_at, ''), id)
    WHERE archived_at IS NULL;
CREATE INDEX contact_active_due ON contact (coalesce(next_due_on, '9999-12-31'), id)
    WHERE archived_at IS NULL;
CREATE INDEX contact_active_level_due ON contact (level, next_due_on)
    WHERE archived_at IS NULL AND next_due_on IS NOT NULL;
CREATE INDEX contact_archived_name ON contact (name COLLATE NOCASE, id)
    WHERE archived_at IS NOT NULL;
CREATE INDEX contact_advisor ON contact (is_advisor) WHERE is_advisor = 1;
CREATE INDEX contact_active_by_id
    ON contact (id, name COLLATE NOCASE, level, is_advisor, next_due_on, last_interaction_at)
    WHERE archived_at IS NULL;
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
