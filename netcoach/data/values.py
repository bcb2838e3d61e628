"""Stored values back into Python: the one conversion per type every repository uses.

SQLite keeps dates and times as ISO text, and peewee hands back text, ``date`` or
``datetime`` depending on the column and the query. The ``*_or_none`` forms are for
columns that may be empty or hold text written by another program; the others are for
columns netcoach always fills, and raise ``ValueError`` on text that is not a date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

T = TypeVar("T")


def stored_datetime(value: object) -> datetime:
    """A date and time as SQLite holds it (text; a date alone means midnight)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())


def stored_datetime_or_none(value: object) -> datetime | None:
    """``stored_datetime``, or None for an empty or unreadable value."""
    return _or_none(stored_datetime, value)


def stored_date(value: object) -> date:
    """A day as SQLite holds it (text; a time after the day is ignored)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def stored_date_or_none(value: object) -> date | None:
    """``stored_date``, or None for an empty or unreadable value."""
    return _or_none(stored_date, value)


def _or_none(read: Callable[[object], T], value: object) -> T | None:
    """``read(value)``, or None when ``value`` is empty or ``read`` refuses it."""
    if value is None or value == "":
        return None
    try:
        return read(value)
    except ValueError:
        return None
