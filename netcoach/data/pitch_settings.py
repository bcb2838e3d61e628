"""The saved profile and speaking rate, read from an existing database for ``pitch check``.

The database is only read: it is opened read-only, never created, migrated or backed up,
and anything it lacks (an older schema, no profile yet, no rehearsals) leaves the
defaults. The rate is the one the Pitch studio uses: the median of recent rehearsals.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from netcoach.core.pitch import (
    CALIBRATION_REHEARSALS,
    DEFAULT_WPM,
    PROFILE_FIELDS,
    Profile,
    calibrated_wpm,
)

BUSY_TIMEOUT_SECONDS = 5.0  # as long as netcoach's own connections wait for a writer


@dataclass(frozen=True, slots=True)
class PitchSettings:
    """What a check of a script uses from the person's data, and why anything is missing."""

    profile: Profile | None = None
    wpm: float = DEFAULT_WPM
    problem: str | None = None  # why the database could not be read, for a note


def read_pitch_settings(path: Path) -> PitchSettings:
    """The profile and speaking rate saved in the database at ``path``, if it exists."""
    path = Path(path)
    if not path.is_file():
        return PitchSettings()
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        return PitchSettings(problem=f"cannot read {path}: {error}")
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        profile = _profile(connection) if "profile" in tables else None
        wpm = _speaking_rate(connection) if "rehearsal" in tables else DEFAULT_WPM
    except sqlite3.Error as error:
        return PitchSettings(problem=f"cannot read {path}: {error}")
    finally:
        connection.close()
    return PitchSettings(profile, wpm)


def _read_only_uri(path: Path) -> str:
    """Read-only; immutable when no copy of netcoach has the file open (no -wal or -shm
    beside it), so that reading leaves no -wal or -shm file behind."""
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if Path(f"{path}-wal").exists() or Path(f"{path}-shm").exists():
        return uri
    return f"{uri}&immutable=1"


def _profile(connection: sqlite3.Connection) -> Profile | None:
    marks = ", ".join("?" for _ in PROFILE_FIELDS)
    rows = connection.execute(
        f"SELECT key, value FROM profile WHERE key IN ({marks})", PROFILE_FIELDS
    )
    values = {str(key): str(value or "").strip() for key, value in rows}
    profile = Profile(**values)
    return None if profile.is_blank else profile


def _speaking_rate(connection: sqlite3.Connection) -> float:
    rows = connection.execute(
        "SELECT word_count, duration_seconds FROM rehearsal "
        "ORDER BY rehearsed_at DESC, id DESC LIMIT ?",
        (CALIBRATION_REHEARSALS,),
    )
    samples = [(int(words or 0), float(seconds or 0)) for words, seconds in rows]
    return calibrated_wpm(samples, DEFAULT_WPM)
