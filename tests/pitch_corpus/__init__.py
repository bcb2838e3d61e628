"""One-minute networking pitches labelled by hand, for measuring the pitch structure check.

``PITCHES`` is the main set; ``HOLDOUT`` is a separate set, labelled by the same definitions,
kept out of tuning so it measures how well the check generalises.
"""

from tests.pitch_corpus.holdout import HOLDOUT
from tests.pitch_corpus.pitches import (
    ASK_KINDS,
    FILLER_PHRASES,
    PART_LABELS,
    PITCHES,
    LabelledPitch,
)

__all__ = ["ASK_KINDS", "FILLER_PHRASES", "HOLDOUT", "PART_LABELS", "PITCHES", "LabelledPitch"]
