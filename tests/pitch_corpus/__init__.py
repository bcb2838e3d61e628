"""One-minute networking pitches labelled by hand, for measuring the pitch structure check.

``PITCHES`` is the main set; ``HOLDOUT`` is a separate set, labelled by the same definitions,
kept out of tuning so it measures how well the check generalises. ``FRESH`` is a third set,
written after both and never read while tuning, for an honest measure of a check tuned on both.
"""

from tests.pitch_corpus.fresh import FRESH
from tests.pitch_corpus.holdout import HOLDOUT
from tests.pitch_corpus.pitches import (
    ASK_KINDS,
    FILLER_PHRASES,
    PART_LABELS,
    PITCHES,
    LabelledPitch,
)

__all__ = [
    "ASK_KINDS",
    "FILLER_PHRASES",
    "FRESH",
    "HOLDOUT",
    "PART_LABELS",
    "PITCHES",
    "LabelledPitch",
]
