"""Birthdays and anniversaries on contacts, and the indexes Today's coming-dates card reads.

Each is text, blank when not known: "1980-05-17", or "--05-17" when the year is not
known (``netcoach.core.important_dates``). Today looks dates up by their last five
characters ("05-17"), so each has an index on that, over the contacts that have one.
"""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 13
DESCRIPTION = "birthdays and anniversaries"

SHAPE = (
    "({column} = '' OR {column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' "
    "OR {column} GLOB '--[0-1][0-9]-[0-3][0-9]')"
)

SCHEMA = f"""
ALTER TABLE contact ADD COLUMN birthday TEXT NOT NULL DEFAULT ''
    CHECK {SHAPE.format(column="birthday")};
ALTER TABLE contact ADD COLUMN anniversary TEXT NOT NULL DEFAULT ''
    CHECK {SHAPE.format(column="anniversary")};
CREATE INDEX contact_birthday_day ON contact (substr(birthday, -5)) WHERE birthday <> '';
CREATE INDEX contact_anniversary_day ON contact (substr(anniversary, -5))
    WHERE anniversary <> '';
"""


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
