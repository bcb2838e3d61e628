"""Cheap measures a peer would notice: the longest sentence, "you" against "I", repeats;
and the timing notes (too long, or a third of the minute left unused)."""

from __future__ import annotations

from dataclasses import dataclass

from netcoach.core.pitch.sentences import Sentence
from netcoach.core.pitch.words import count_words


@dataclass(frozen=True, slots=True)
class PeerMeasures:
    longest_sentence: int | None  # its index in the script's sentences; None for no text
    longest_words: int
    you_count: int  # you, your, yours
    i_count: int  # I, me, my, mine (and we, our?) -- see peer_measures
    repeated: tuple[tuple[str, int], ...]  # content words said three times or more, most first


def peer_measures(sentences: tuple[Sentence, ...]) -> PeerMeasures:
    longest = max(sentences, key=lambda s: count_words(s.text), default=None)
    return PeerMeasures(
        longest.index if longest else None,
        count_words(longest.text) if longest else 0,
        0,
        0,
        (),
    )


def timing_notes(seconds: float, limit_seconds: int) -> tuple[str, ...]:
    """What to say about the length: over the limit, or more than a third of it unused."""
    return ()
