"""The speaking rate: what a rehearsal implies, and the user's own rate from recent ones."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from netcoach.core.pitch.words import DEFAULT_WPM

MIN_WPM = 60
MAX_WPM = 260
MIN_CALIBRATION_SECONDS = 5.0
CALIBRATION_SAMPLES = 5
# How many of the latest rehearsals the speaking rate is read from (the studio and the
# command line alike).
CALIBRATION_REHEARSALS = 10


def implied_wpm(words: int, duration_seconds: float) -> float | None:
    """The speaking rate a rehearsal implies; None when it is too short to tell."""
    if words <= 0 or duration_seconds < MIN_CALIBRATION_SECONDS:
        return None
    return words * 60.0 / duration_seconds


def calibrated_wpm(samples: Sequence[tuple[int, float]], default: float = DEFAULT_WPM) -> float:
    """The user's rate: the median of the most recent usable rehearsals, within sane bounds.

    ``samples`` are (word count, duration in seconds), newest first.
    """
    rates = [r for w, d in samples if (r := implied_wpm(w, d)) is not None]
    rates = rates[:CALIBRATION_SAMPLES]
    if not rates:
        return default
    return min(MAX_WPM, max(MIN_WPM, statistics.median(rates)))
