"""One-minute networking pitches labelled by hand, for measuring the pitch structure check."""

from tests.pitch_corpus.pitches import (
    ASK_KINDS,
    FILLER_PHRASES,
    PART_LABELS,
    PITCHES,
    LabelledPitch,
)

__all__ = ["ASK_KINDS", "FILLER_PHRASES", "PART_LABELS", "PITCHES", "LabelledPitch"]
