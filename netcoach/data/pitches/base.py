"""What every part of the pitch repository shares: the pitch's day, its summary, the checks.

``PitchBase`` reads the day a pitch will be given and a pitch's summary with its latest
version; the checks refuse a name, a time limit or a script the pitch rules do not allow.
"""

from __future__ import annotations

from datetime import date, datetime

from peewee import fn

from netcoach.core.pitch import MAX_LIMIT_SECONDS, MIN_LIMIT_SECONDS, Pitch
from netcoach.core.validation import NAME_MAX, NOTE_MAX, limit_message
from netcoach.data.errors import PitchError
from netcoach.data.repository import Clock, Repository
from netcoach.data.tables import EventRecord, PitchRecord, PitchVersionRecord
from netcoach.data.values import stored_date_or_none

__all__ = ["Clock", "PitchBase", "check_limit", "check_script", "checked_name"]


class PitchBase(Repository):
    """The database and the clock a part of the pitch repository works with."""

    def _event_day(self, record: PitchRecord) -> date | None:
        """The day this pitch will be given: its own event date, or for the pitch marked
        to use next, the day of the next networking event planned from today on."""
        own = stored_date_or_none(record.next_event_on)
        if own is not None or not record.is_next:
            return own
        today = datetime.combine(self.clock().date(), datetime.min.time())
        first = (
            EventRecord.select(fn.MIN(EventRecord.starts_at))
            .where(EventRecord.starts_at >= today)
            .scalar()
        )
        return stored_date_or_none(first) if first else None

    def _pitch(self, record: PitchRecord) -> Pitch:
        latest = (
            PitchVersionRecord.select(PitchVersionRecord.number, PitchVersionRecord.word_count)
            .where(PitchVersionRecord.pitch == record.id)
            .order_by(PitchVersionRecord.number.desc())
            .first()
        )
        return Pitch(
            id=record.id,
            name=record.name,
            limit_seconds=record.limit_seconds,
            is_next=bool(record.is_next),
            next_event_on=stored_date_or_none(record.next_event_on),
            event_day=self._event_day(record),
            created_at=record.created_at,
            updated_at=record.updated_at,
            current_version=latest.number if latest else 0,
            word_count=latest.word_count if latest else 0,
        )


def checked_name(name: str) -> str:
    """The name with its spaces tidied; refused when blank or too long."""
    clean = " ".join(name.split())
    if not clean:
        raise PitchError("Give the pitch a name, for example “Breakfast 60 s”.", "name")
    if len(clean) > NAME_MAX:
        raise PitchError(limit_message("name"), "name")
    return clean


def check_script(script: str) -> None:
    """Refuse a script longer than a note may be."""
    if len(script) > NOTE_MAX:
        raise PitchError(
            f"The script is {len(script):,} characters; a pitch script is at most "
            f"{NOTE_MAX:,}. Cut it down and save again.",
            "script",
        )


def check_limit(limit_seconds: int) -> None:
    """Refuse a time limit outside what a pitch may have."""
    if not MIN_LIMIT_SECONDS <= limit_seconds <= MAX_LIMIT_SECONDS:
        raise PitchError(
            f"The time limit must be from {MIN_LIMIT_SECONDS} to {MAX_LIMIT_SECONDS} seconds.",
            "limit",
        )
