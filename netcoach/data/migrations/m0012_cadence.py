"""Next due dates follow ``netcoach.core.cadence``: the due-date triggers, generated from it.

Migration 3 wrote the level defaults into its triggers by hand. Here the triggers
are generated from ``core.cadence.DEFAULT_INTERVALS`` and ``INTERVALS_SETTING``,
and every stored next due date is worked out again with them. The rule for one
contact is the one ``core.cadence`` states: its own ``cadence_days``, else the
level's days in the ``cadence.intervals`` setting (null or 0: none), else the
level's default; the date is that many days after the last interaction, or after
the contact was added when there has been none.

When an interval in ``core.cadence`` changes, a new migration calls
``create_due_triggers`` again, so databases already at this version follow it.
"""

from __future__ import annotations

from collections.abc import Mapping

from peewee import SqliteDatabase

from netcoach.core.cadence import DEFAULT_INTERVALS, INTERVALS_SETTING
from netcoach.data.migrations.script import run_script

VERSION = 12
DESCRIPTION = "due-date triggers generated from the keep-in-touch rule in core"

TRIGGER_NAMES = (
    "contact_due_insert",
    "contact_due_update",
    "contact_due_setting_insert",
    "contact_due_setting_update",
    "contact_due_setting_delete",
)


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def interval_sql(row: str, defaults: Mapping[int, int | None]) -> str:
    """SQL for the days between touches of ``row`` (``new`` or a table alias), or NULL."""
    setting = (
        f"(SELECT value FROM setting WHERE key = {quoted(INTERVALS_SETTING)} AND json_valid(value))"
    )
    path = f"'$.\"' || {row}.level || '\"'"
    levels = " ".join(
        f"WHEN {int(level)} THEN {int(days)}"
        for level, days in sorted(defaults.items(), reverse=True)
        if days is not None
    )
    default = f"(CASE {row}.level {levels} END)" if levels else "NULL"
    return f"""(CASE
        WHEN {row}.cadence_days IS NOT NULL THEN {row}.cadence_days
        WHEN json_type({setting}, {path}) IS NOT NULL
            THEN nullif(CAST(json_extract({setting}, {path}) AS INTEGER), 0)
        ELSE {default}
    END)"""


def next_due_sql(row: str, defaults: Mapping[int, int | None]) -> str:
    """SQL for the next due date of ``row``; NULL when it has no cadence.

    ``date(day, NULL)`` is NULL, so a contact without an interval has no due date.
    """
    return (
        f"date(coalesce({row}.last_interaction_at, {row}.created_at), "
        f"'+' || {interval_sql(row, defaults)} || ' days')"
    )


def due_triggers(defaults: Mapping[int, int | None]) -> str:
    """The triggers that keep ``contact.next_due_on``, for these level defaults."""
    setting = quoted(INTERVALS_SETTING)
    every = f"UPDATE contact SET next_due_on = {next_due_sql('contact', defaults)}"
    # Only rows whose date changes are written when a setting changes.
    changed = f"{every} WHERE next_due_on IS NOT {next_due_sql('contact', defaults)}"
    return f"""
CREATE TRIGGER contact_due_insert AFTER INSERT ON contact BEGIN
    UPDATE contact SET next_due_on = {next_due_sql("new", defaults)} WHERE id = new.id;
END;

CREATE TRIGGER contact_due_update
AFTER UPDATE OF level, cadence_days, last_interaction_at, created_at ON contact BEGIN
    UPDATE contact SET next_due_on = {next_due_sql("new", defaults)} WHERE id = new.id;
END;

CREATE TRIGGER contact_due_setting_insert AFTER INSERT ON setting
WHEN new.key = {setting} BEGIN
    {changed};
END;

CREATE TRIGGER contact_due_setting_update AFTER UPDATE ON setting
WHEN new.key = {setting} OR old.key = {setting} BEGIN
    {changed};
END;

CREATE TRIGGER contact_due_setting_delete AFTER DELETE ON setting
WHEN old.key = {setting} BEGIN
    {changed};
END;
"""


def create_due_triggers(db: SqliteDatabase, defaults: Mapping[int, int | None]) -> None:
    """Replace the due-date triggers and bring every stored due date in line with them."""
    for name in TRIGGER_NAMES:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    run_script(db, due_triggers(defaults))
    db.execute_sql(
        f"UPDATE contact SET next_due_on = {next_due_sql('contact', defaults)} "
        f"WHERE next_due_on IS NOT {next_due_sql('contact', defaults)}"
    )


def up(db: SqliteDatabase) -> None:
    create_due_triggers(db, DEFAULT_INTERVALS)
