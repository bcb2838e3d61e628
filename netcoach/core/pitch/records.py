"""The pitches, versions and rehearsals the screens show, as plain data."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.rate import calibrated_wpm, implied_wpm
from netcoach.core.pitch.words import DEFAULT_WPM, format_duration
from netcoach.core.text import plural


@dataclass(frozen=True, slots=True)
class Pitch:
    id: int
    name: str
    limit_seconds: int
    is_next: bool
    next_event_on: date | None
    created_at: datetime
    updated_at: datetime
    current_version: int = 0
    word_count: int = 0
    # The day it will be given: its own event date or, for the pitch to use next, the
    # next planned event's day.
    event_day: date | None = None


@dataclass(frozen=True, slots=True)
class PitchVersion:
    id: int
    pitch_id: int
    number: int
    script: str
    parts: dict[str, bool] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Rehearsal:
    id: int
    pitch_id: int
    version_id: int
    version_number: int
    duration_seconds: float
    limit_seconds: int
    word_count: int
    rating: int
    note: str
    rehearsed_at: datetime

    @property
    def wpm(self) -> float | None:
        return implied_wpm(self.word_count, self.duration_seconds)


@dataclass(frozen=True, slots=True)
class RehearsalStats:
    count: int
    average_seconds: float
    best_seconds: float
    limit_seconds: int
    wpm: float | None

    def summary(self) -> str:
        if not self.count:
            return "No rehearsals yet."
        best = "best " + format_duration(round(self.best_seconds))
        rate = f" · you speak at about {round(self.wpm)} wpm" if self.wpm else ""
        return (
            f"{plural(self.count, 'rehearsal')} · average "
            f"{format_duration(round(self.average_seconds))} · {best} · limit "
            f"{format_duration(self.limit_seconds)}{rate}"
        )


def rehearsal_stats(rehearsals: Sequence[Rehearsal], limit_seconds: int) -> RehearsalStats:
    """Average, best (closest to the limit without going over, else the shortest) and rate."""
    if not rehearsals:
        return RehearsalStats(0, 0.0, 0.0, limit_seconds, None)
    durations = [r.duration_seconds for r in rehearsals]
    within = [d for d in durations if d <= limit_seconds]
    best = max(within) if within else min(durations)
    samples = [(r.word_count, r.duration_seconds) for r in rehearsals]
    rates = [r for w, d in samples if (r := implied_wpm(w, d)) is not None]
    return RehearsalStats(
        count=len(rehearsals),
        average_seconds=statistics.fmean(durations),
        best_seconds=best,
        limit_seconds=limit_seconds,
        wpm=calibrated_wpm(samples) if rates else None,
    )


@dataclass(frozen=True, slots=True)
class PitchDetail:
    """One pitch with its versions (newest first), current script and rehearsals (newest first)."""

    pitch: Pitch
    current: PitchVersion | None
    versions: tuple[PitchVersion, ...]
    rehearsals: tuple[Rehearsal, ...]
    wpm: float = DEFAULT_WPM
    profile: Profile = field(default_factory=Profile)  # who the person is; the checks use it


@dataclass(frozen=True, slots=True)
class AboutMe:
    """The user's own answers about themselves, from the pitch guide, for any screen to use."""

    business: str = ""
    who_i_help: str = ""
    good_at: str = ""


@dataclass(frozen=True, slots=True)
class PitchCard:
    """What the Today screen shows about the pitch to use next."""

    pitch_id: int
    name: str
    words: int
    seconds: float
    limit_seconds: int
    next_event_on: date | None
    rehearsals: int
    profile: Profile = field(default_factory=Profile)  # whose pitch it is
