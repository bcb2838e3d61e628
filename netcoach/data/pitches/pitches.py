"""Pitches: listing them, one with its versions and rehearsals, the next one, a new one.

A new pitch starts with its first version; the first pitch ever is the one to use next,
and ``set_next`` moves that mark.
"""

from __future__ import annotations

import json

from netcoach.core.pitch import (
    DEFAULT_LIMIT_SECONDS,
    PART_KEYS,
    Pitch,
    PitchCard,
    PitchDetail,
    count_words,
    estimate_seconds,
)
from netcoach.data.errors import PitchError
from netcoach.data.pitches.base import check_limit, check_script, checked_name
from netcoach.data.pitches.rehearsals import RehearsalsRepo
from netcoach.data.pitches.versions import pitch_version
from netcoach.data.tables import PitchRecord, PitchVersionRecord, RehearsalRecord

VERSIONS_SHOWN = 200


class PitchesRepo(RehearsalsRepo):
    """Pitches themselves, read with their versions, rehearsals and speaking rate."""

    # ---- reads ----------------------------------------------------------------------------

    def list_pitches(self) -> list[Pitch]:
        """Every pitch, the one to use next first, then by name."""
        with self.db.connection_context():
            records = (
                PitchRecord.select()
                .where(PitchRecord.archived_at.is_null())
                .order_by(PitchRecord.is_next.desc(), PitchRecord.name.collate("NOCASE"))
            )
            return [self._pitch(r) for r in records]

    def get_pitch(self, pitch_id: int) -> PitchDetail:
        """A pitch with all its versions and its rehearsals, newest first."""
        with self.db.connection_context():
            record = PitchRecord.get_or_none(PitchRecord.id == pitch_id)
            if record is None:
                raise PitchError(f"no pitch with id {pitch_id}")
            versions = tuple(
                pitch_version(v)
                for v in PitchVersionRecord.select()
                .where(PitchVersionRecord.pitch == pitch_id)
                .order_by(PitchVersionRecord.number.desc())
                .limit(VERSIONS_SHOWN)
            )
            rehearsals = tuple(self.rehearsals(pitch_id))
            return PitchDetail(
                pitch=self._pitch(record),
                current=versions[0] if versions else None,
                versions=versions,
                rehearsals=rehearsals,
                wpm=self.speaking_rate(),
                profile=self.person_profile(),
            )

    def next_pitch_id(self) -> int | None:
        """The pitch marked to use next, else the most recently changed one."""
        with self.db.connection_context():
            record = (
                PitchRecord.select(PitchRecord.id)
                .where(PitchRecord.archived_at.is_null())
                .order_by(PitchRecord.is_next.desc(), PitchRecord.updated_at.desc())
                .first()
            )
            return record.id if record else None

    def pitch_card(self) -> PitchCard | None:
        """The pitch to use next with its length, for the Today screen."""
        pitch_id = self.next_pitch_id()
        if pitch_id is None:
            return None
        wpm = self.speaking_rate()
        with self.db.connection_context():
            record = PitchRecord.get_by_id(pitch_id)
            version = (
                PitchVersionRecord.select()
                .where(PitchVersionRecord.pitch == pitch_id)
                .order_by(PitchVersionRecord.number.desc())
                .first()
            )
            words = version.word_count if version else 0
            rehearsed = RehearsalRecord.select().where(RehearsalRecord.pitch == pitch_id).count()
            return PitchCard(
                pitch_id=pitch_id,
                name=record.name,
                words=words,
                seconds=estimate_seconds(words, wpm),
                limit_seconds=record.limit_seconds,
                next_event_on=self._event_day(record),
                rehearsals=rehearsed,
                profile=self.person_profile(),
            )

    # ---- writes ---------------------------------------------------------------------------

    def create_pitch(
        self,
        name: str,
        limit_seconds: int = DEFAULT_LIMIT_SECONDS,
        script: str = "",
        parts: dict[str, bool] | None = None,
    ) -> Pitch:
        """A new pitch with its first version (``parts``: those the person confirmed or
        ruled out); the first pitch ever is marked to use next."""
        name = checked_name(name)
        clean_parts = {k: bool(v) for k, v in (parts or {}).items() if k in PART_KEYS}
        check_limit(limit_seconds)
        check_script(script)
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            first = not PitchRecord.select().where(PitchRecord.is_next == True).exists()  # noqa: E712
            record = PitchRecord.create(
                name=name,
                limit_seconds=limit_seconds,
                is_next=first,
                created_at=now,
                updated_at=now,
            )
            PitchVersionRecord.create(
                pitch=record.id,
                number=1,
                script=script,
                parts=json.dumps(clean_parts, sort_keys=True),
                word_count=count_words(script),
                created_at=now,
            )
            return self._pitch(PitchRecord.get_by_id(record.id))

    def set_next(self, pitch_id: int) -> None:
        """Mark one pitch as the one to use next; any other loses the mark."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            if not PitchRecord.select().where(PitchRecord.id == pitch_id).exists():
                raise PitchError(f"no pitch with id {pitch_id}")
            PitchRecord.update(is_next=False).where(PitchRecord.is_next == True).execute()  # noqa: E712
            PitchRecord.update(is_next=True).where(PitchRecord.id == pitch_id).execute()
