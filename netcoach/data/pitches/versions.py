"""Versions: each saved edit of a pitch's script and parts, kept beside the earlier ones.

Saving merges what this editor changed over what another copy saved meanwhile, and on
the day of the pitch's event asks before changing the script.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

from netcoach.core.merge import merged
from netcoach.core.pitch import (
    LAST_MINUTE_REASON,
    PART_KEYS,
    PitchVersion,
    count_words,
    is_last_minute,
)
from netcoach.data.errors import LastMinuteError, PitchError
from netcoach.data.pitches.base import PitchBase, check_limit, check_script, checked_name
from netcoach.data.tables import PitchRecord, PitchVersionRecord
from netcoach.data.values import stored_date_or_none


class VersionsRepo(PitchBase):
    """Saving an edit of a pitch as its next version."""

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
        check_script(script)
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
                    "name": record.name if name is None else checked_name(name),
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
                changes[PitchRecord.name] = checked_name(name)
            if limit_seconds is not None:
                check_limit(limit_seconds)
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
            return pitch_version(version)


def pitch_version(record: PitchVersionRecord) -> PitchVersion:
    """A version as ``core`` sees it; parts that do not read as JSON count as none ticked."""
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
