"""Pitches, their versions and rehearsals, and the user's profile answers.

Call these from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime

from peewee import fn

from netcoach.core.merge import merged
from netcoach.core.pitch import (
    DEFAULT_LIMIT_SECONDS,
    DEFAULT_WPM,
    LAST_MINUTE_REASON,
    MAX_LIMIT_SECONDS,
    MIN_LIMIT_SECONDS,
    PART_KEYS,
    AboutMe,
    Pitch,
    PitchCard,
    PitchDetail,
    PitchVersion,
    Rehearsal,
    calibrated_wpm,
    count_words,
    estimate_seconds,
    is_last_minute,
)
from netcoach.core.validation import NAME_MAX, NOTE_MAX, limit_message
from netcoach.data.errors import LastMinuteError, PitchError
from netcoach.data.repository import Repository
from netcoach.data.tables import (
    EventRecord,
    PitchRecord,
    PitchVersionRecord,
    ProfileRecord,
    RehearsalRecord,
)
from netcoach.data.values import stored_date_or_none

CALIBRATION_REHEARSALS = 10
VERSIONS_SHOWN = 200
PROFILE_KEYS = ("intro", "who_help", "good_at")


class PitchRepo(Repository):
    """Every read and write of pitches, returning ``netcoach.core.pitch`` dataclasses."""

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
                _version(v)
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
            )

    def profile(self) -> dict[str, str]:
        """The user's own answers from the pitch guide, by part key."""
        with self.db.connection_context():
            return {r.key: r.value for r in ProfileRecord.select()}

    def about_me(self) -> AboutMe:
        """Who you are and your business, who you help, what you are good at (may be blank)."""
        answers = self.profile()
        return AboutMe(
            business=answers.get("intro", ""),
            who_i_help=answers.get("who_help", ""),
            good_at=answers.get("good_at", ""),
        )

    # ---- writes ---------------------------------------------------------------------------

    def create_pitch(
        self, name: str, limit_seconds: int = DEFAULT_LIMIT_SECONDS, script: str = ""
    ) -> Pitch:
        """A new pitch with its first version; the first pitch ever is marked to use next."""
        name = _checked_name(name)
        _check_limit(limit_seconds)
        _check_script(script)
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
                parts="{}",
                word_count=count_words(script),
                created_at=now,
            )
            return self._pitch(PitchRecord.get_by_id(record.id))

    def save_pitch(
        self,
        pitch_id: int,
        *,
        script: str,
        name: str | None = None,
        limit_seconds: int | None = None,
        next_event_on: date | None = None,
        parts: dict[str, bool] | None = None,
        confirmed: bool = False,
        opened: Mapping[str, object] | None = None,
    ) -> PitchVersion:
        """Save an edit as a new version (the previous one is kept); unchanged text adds none.

        On the day of the event the pitch is marked for, a changed script is refused with
        ``LastMinuteError`` unless ``confirmed``. Given ``opened`` (the ``name``,
        ``limit_seconds``, ``next_event_on`` and ``script`` the editor opened with), only
        what differs from it is written over the pitch as it is now, and a part another
        copy changed too raises ``RecordChanged`` with nothing written.
        """
        _check_script(script)
        now = self.now()
        clean_parts = {k: bool(v) for k, v in (parts or {}).items() if k in PART_KEYS}
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = PitchRecord.get_or_none(PitchRecord.id == pitch_id)
            if record is None:
                raise PitchError(f"no pitch with id {pitch_id}")
            latest = (
                PitchVersionRecord.select()
                .where(PitchVersionRecord.pitch == pitch_id)
                .order_by(PitchVersionRecord.number.desc())
                .first()
            )
            if opened is not None:
                current: dict[str, object] = {
                    "name": record.name,
                    "limit_seconds": record.limit_seconds,
                    "next_event_on": stored_date_or_none(record.next_event_on),
                    "script": latest.script if latest else "",
                }
                typed: dict[str, object] = {
                    "name": record.name if name is None else _checked_name(name),
                    "limit_seconds": record.limit_seconds
                    if limit_seconds is None
                    else limit_seconds,
                    "next_event_on": next_event_on,
                    "script": script,
                }
                edited = {k: v for k, v in typed.items() if k in opened and v != opened[k]}
                values = merged(opened, current, edited)
                name = str(values["name"])
                limit_seconds = int(values["limit_seconds"])  # type: ignore[call-overload]
                next_event_on = values["next_event_on"]  # type: ignore[assignment]
                script = str(values["script"])
            changes: dict[object, object] = {}
            if name is not None:
                changes[PitchRecord.name] = _checked_name(name)
            if limit_seconds is not None:
                _check_limit(limit_seconds)
                changes[PitchRecord.limit_seconds] = limit_seconds
            changes[PitchRecord.next_event_on] = next_event_on
            script_changed = latest is None or latest.script != script
            parts_changed = latest is None or json.loads(latest.parts or "{}") != clean_parts
            if (
                script_changed
                and not confirmed
                and (
                    is_last_minute(self._event_day(record), now.date())
                    or is_last_minute(next_event_on, now.date())
                )
            ):
                raise LastMinuteError(LAST_MINUTE_REASON)
            changes[PitchRecord.updated_at] = now
            PitchRecord.update(changes).where(PitchRecord.id == pitch_id).execute()
            if script_changed or parts_changed:
                version = PitchVersionRecord.create(
                    pitch=pitch_id,
                    number=(latest.number if latest else 0) + 1,
                    script=script,
                    parts=json.dumps(clean_parts, sort_keys=True),
                    word_count=count_words(script),
                    created_at=now,
                )
            else:
                version = latest
            return _version(version)

    def set_next(self, pitch_id: int) -> None:
        """Mark one pitch as the one to use next; any other loses the mark."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            if not PitchRecord.select().where(PitchRecord.id == pitch_id).exists():
                raise PitchError(f"no pitch with id {pitch_id}")
            PitchRecord.update(is_next=False).where(PitchRecord.is_next == True).execute()  # noqa: E712
            PitchRecord.update(is_next=True).where(PitchRecord.id == pitch_id).execute()

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

    def save_profile(self, answers: dict[str, str]) -> None:
        """Keep the guide's answers (about you and your business) for other screens to use."""
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            for key, value in answers.items():
                if key in PART_KEYS:
                    ProfileRecord.replace(key=key, value=value.strip(), updated_at=now).execute()

    # ---- helpers --------------------------------------------------------------------------

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


def _checked_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise PitchError("Give the pitch a name, for example “Breakfast 60 s”.", "name")
    if len(clean) > NAME_MAX:
        raise PitchError(limit_message("name"), "name")
    return clean


def _check_script(script: str) -> None:
    if len(script) > NOTE_MAX:
        raise PitchError(
            f"The script is {len(script):,} characters; a pitch script is at most "
            f"{NOTE_MAX:,}. Cut it down and save again.",
            "script",
        )


def _check_limit(limit_seconds: int) -> None:
    if not MIN_LIMIT_SECONDS <= limit_seconds <= MAX_LIMIT_SECONDS:
        raise PitchError(
            f"The time limit must be from {MIN_LIMIT_SECONDS} to {MAX_LIMIT_SECONDS} seconds.",
            "limit",
        )


def _version(record: PitchVersionRecord) -> PitchVersion:
    try:
        parts = {str(k): bool(v) for k, v in json.loads(record.parts or "{}").items()}
    except (ValueError, AttributeError):
        parts = {}
    return PitchVersion(
        id=record.id,
        pitch_id=record.pitch_id,
        number=record.number,
        script=record.script,
        parts=parts,
        created_at=record.created_at,
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
