"""Rehearsals: one timed run of a version with how it felt, and the speaking rate they give."""

from __future__ import annotations

from netcoach.core.pitch import CALIBRATION_REHEARSALS, DEFAULT_WPM, Rehearsal, calibrated_wpm
from netcoach.data.errors import PitchError
from netcoach.data.pitches.base import PitchBase
from netcoach.data.tables import PitchRecord, PitchVersionRecord, RehearsalRecord


class RehearsalsRepo(PitchBase):
    """A pitch's rehearsals, logging a new one, and words per minute from the recent ones."""

    def rehearsals(self, pitch_id: int, limit: int = 200) -> list[Rehearsal]:
        with self.db.connection_context():
            query = (
                RehearsalRecord.select(
                    RehearsalRecord, PitchVersionRecord.id, PitchVersionRecord.number
                )
                .join(PitchVersionRecord)
                .where(RehearsalRecord.pitch == pitch_id)
                .order_by(RehearsalRecord.rehearsed_at.desc(), RehearsalRecord.id.desc())
                .limit(limit)
            )
            return [_rehearsal(r) for r in query]

    def speaking_rate(self) -> float:
        """Words per minute from the user's recent rehearsals; 130 until there are some."""
        with self.db.connection_context():
            samples = [
                (r.word_count, r.duration_seconds)
                for r in RehearsalRecord.select(
                    RehearsalRecord.word_count, RehearsalRecord.duration_seconds
                )
                .order_by(RehearsalRecord.rehearsed_at.desc(), RehearsalRecord.id.desc())
                .limit(CALIBRATION_REHEARSALS)
            ]
        return calibrated_wpm(samples, DEFAULT_WPM)

    def add_rehearsal(
        self,
        pitch_id: int,
        version_id: int,
        duration_seconds: float,
        rating: int,
        note: str = "",
    ) -> Rehearsal:
        """Log one rehearsal of a version with how long it took and how it felt (1 to 5)."""
        if not 1 <= rating <= 5:
            raise PitchError("Rate the rehearsal from 1 to 5.", "rating")
        if duration_seconds < 0:
            raise PitchError("A rehearsal cannot take negative time.", "duration")
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            pitch = PitchRecord.get_or_none(PitchRecord.id == pitch_id)
            version = PitchVersionRecord.get_or_none(
                (PitchVersionRecord.id == version_id) & (PitchVersionRecord.pitch == pitch_id)
            )
            if pitch is None or version is None:
                raise PitchError("That pitch or version no longer exists.")
            record = RehearsalRecord.create(
                pitch=pitch_id,
                version=version_id,
                duration_seconds=round(duration_seconds, 3),
                limit_seconds=pitch.limit_seconds,
                word_count=version.word_count,
                rating=rating,
                note=note.strip(),
                rehearsed_at=now,
            )
            return Rehearsal(
                id=record.id,
                pitch_id=pitch_id,
                version_id=version_id,
                version_number=version.number,
                duration_seconds=round(duration_seconds, 3),
                limit_seconds=pitch.limit_seconds,
                word_count=version.word_count,
                rating=rating,
                note=note.strip(),
                rehearsed_at=now,
            )


def _rehearsal(record: RehearsalRecord) -> Rehearsal:
    return Rehearsal(
        id=record.id,
        pitch_id=record.pitch_id,
        version_id=record.version.id,
        version_number=record.version.number,
        duration_seconds=record.duration_seconds,
        limit_seconds=record.limit_seconds,
        word_count=record.word_count,
        rating=record.rating,
        note=record.note,
        rehearsed_at=record.rehearsed_at,
    )
