"""Everything the editor shows about a script: words, spoken time, parts and fillers."""

from __future__ import annotations

from dataclasses import dataclass

from netcoach.core.pitch.fillers import FillerHit, filler_counts, find_fillers
from netcoach.core.pitch.measures import PeerMeasures, peer_measures, timing_notes
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.structure import Structure, judge_structure
from netcoach.core.pitch.words import (
    DEFAULT_WPM,
    count_words,
    estimate_seconds,
    format_duration,
)
from netcoach.core.text import plural


@dataclass(frozen=True, slots=True)
class ScriptStats:
    words: int
    seconds: float
    limit_seconds: int
    wpm: float

    @property
    def over_by(self) -> float:
        return max(0.0, self.seconds - self.limit_seconds)

    @property
    def is_over(self) -> bool:
        return self.seconds > self.limit_seconds

    def summary(self) -> str:
        base = (
            f"{plural(self.words, 'word')} · about {format_duration(round(self.seconds))} "
            f"at {round(self.wpm)} wpm · limit {format_duration(self.limit_seconds)}"
        )
        if self.is_over:
            return f"{base} · TOO LONG by {format_duration(round(self.over_by) or 1)}"
        return base


def script_stats(text: str, limit_seconds: int, wpm: float = DEFAULT_WPM) -> ScriptStats:
    words = count_words(text)
    return ScriptStats(words, estimate_seconds(words, wpm), limit_seconds, wpm)


@dataclass(frozen=True, slots=True)
class ScriptAnalysis:
    """Everything the editor shows about a script, computed in one pass."""

    stats: ScriptStats
    structure: Structure
    filler_total: int
    filler_counts: dict[str, int]
    preview_hits: tuple[FillerHit, ...]
    measures: PeerMeasures
    notes: tuple[str, ...]  # what to say beside the parts: unused time, too long

    @property
    def detected(self) -> frozenset[str]:
        """The parts the check found."""
        return self.structure.present

    def filler_summary(self) -> str:
        if not self.filler_total:
            return "No filler or hedging words."
        listed = ", ".join(
            f"{phrase} x{n}" if n > 1 else phrase for phrase, n in self.filler_counts.items()
        )
        return f"{plural(self.filler_total, 'filler/hedging word')}: {listed}"


def analyse_script(
    text: str,
    limit_seconds: int,
    wpm: float,
    preview_chars: int = 6_000,
    profile: Profile | None = None,
) -> ScriptAnalysis:
    """Counts, structure and fillers; the filler places only within the first ``preview_chars``."""
    hits = find_fillers(text)
    stats = script_stats(text, limit_seconds, wpm)
    structure = judge_structure(text, profile)
    present = structure.present
    if structure.ask.kind != "specific":
        present -= {"ask"}  # a generic ask is one to make specific
    return ScriptAnalysis(
        stats=stats,
        structure=structure,
        filler_total=len(hits),
        filler_counts=filler_counts(hits),
        preview_hits=tuple(h for h in hits if h.end <= preview_chars),
        measures=peer_measures(structure.sentences),
        notes=timing_notes(stats.seconds, stats.limit_seconds, stats.wpm, present),
    )
