"""The pitch check as a report: one dict for JSON (``pitch_report``), plain text for people.

Both come from one analysis of the script, so they always agree. The JSON shape is part
of the stable interface (docs/pitch-check.md)::

    {"words": int, "seconds": float, "limit": int,
     "parts": {key: {"present": bool, "evidence": [str], "advice": str | None}},
     "ask": {"kind": "specific" | "generic" | "none", "text": str | None},
     "fillers": [{"phrase": str, "count": int}],
     "notes": [str]}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netcoach.core.pitch.analysis import ScriptAnalysis, analyse_script
from netcoach.core.pitch.measures import measures_in_words
from netcoach.core.pitch.parts import PART_KEYS, PARTS_BY_KEY
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.structure import PartFinding
from netcoach.core.pitch.words import DEFAULT_WPM, format_duration
from netcoach.core.text import plural, visible

TICK = "\u2713"
CROSS = "\u2717"

_ASK_WORDS = {
    "specific": "specific",
    "generic": "generic (aimed at everyone, so it reaches no one in particular)",
    "none": "none (the pitch does not ask for anything)",
}


@dataclass(frozen=True, slots=True)
class PitchCheck:
    """One script checked: the text and everything the analysis found in it."""

    text: str
    analysis: ScriptAnalysis

    def part(self, key: str) -> tuple[bool, tuple[str, ...], str | None]:
        """A part's verdict, its evidence as text and its advice; the ask counts only when
        it is specific."""
        finding: PartFinding = self.analysis.structure.parts[key]
        evidence = tuple(self.text[span.start : span.end] for span in finding.evidence)
        if key != "ask":
            return finding.present, evidence, finding.advice
        ask = self.analysis.structure.ask
        present = ask.kind == "specific"
        advice = finding.advice
        if advice is None and not present:
            advice = ask.advice
        return present, evidence, advice

    @property
    def measures(self) -> tuple[str, ...]:
        return measures_in_words(self.analysis.measures)

    def as_json(self) -> dict[str, Any]:
        """The report in the documented JSON shape (plain dicts, lists and scalars)."""
        stats = self.analysis.stats
        parts: dict[str, Any] = {}
        for key in PART_KEYS:
            present, evidence, advice = self.part(key)
            parts[key] = {"present": present, "evidence": list(evidence), "advice": advice}
        ask = self.analysis.structure.ask
        return {
            "words": stats.words,
            "seconds": round(stats.seconds, 1),
            "limit": stats.limit_seconds,
            "parts": parts,
            "ask": {"kind": ask.kind, "text": ask.text},
            "fillers": [
                {"phrase": phrase, "count": count}
                for phrase, count in self.analysis.filler_counts.items()
            ],
            "notes": [*self.analysis.notes, *self.measures],
        }

    def as_text(self, tick: str = TICK, cross: str = CROSS) -> str:
        """The report for people: plain lines, user text made visible, no markup.

        Beside what the JSON has, each part says why it is missing or weak (its reason).
        """
        stats = self.analysis.stats
        lines = [
            f"{plural(stats.words, 'word')}, about {format_duration(round(stats.seconds))} "
            f"at {round(stats.wpm)} words a minute; limit {format_duration(stats.limit_seconds)}",
            "",
            "Parts",
        ]
        for key in PART_KEYS:
            present, evidence, advice = self.part(key)
            lines.append(f"  {tick if present else cross} {PARTS_BY_KEY[key].title}")
            lines.extend(f'      "{_quoted(piece)}"' for piece in evidence)
            reason = self.analysis.structure.parts[key].reason
            if reason:
                lines.append(f"      {_quoted(reason)}")
            if advice:
                lines.append(f"      Advice: {_quoted(advice)}")
        ask = self.analysis.structure.ask
        lines += ["", f"Ask: {_ASK_WORDS[ask.kind]}"]
        if ask.text:
            lines.append(f'  "{_quoted(ask.text)}"')
        lines += ["", f"Fillers: {self._fillers()}"]
        if self.measures:
            lines += ["", "Measures", *(f"  {line}" for line in self.measures)]
        if self.analysis.notes:
            lines += ["", "Notes", *(f"  {note}" for note in self.analysis.notes)]
        return "\n".join(lines) + "\n"

    def _fillers(self) -> str:
        counts = self.analysis.filler_counts
        if not counts:
            return "none"
        listed = ", ".join(f"{phrase} x{n}" if n > 1 else phrase for phrase, n in counts.items())
        total = plural(self.analysis.filler_total, "filler or hedge", "fillers and hedges")
        return f"{total}: {listed}"


def _quoted(text: str) -> str:
    return visible(" ".join(text.split()))


def check_pitch(
    text: str,
    limit_seconds: int,
    wpm: float = DEFAULT_WPM,
    profile: Profile | None = None,
) -> PitchCheck:
    """Check ``text`` against a limit of ``limit_seconds`` at ``wpm`` words per minute."""
    analysis = analyse_script(text, limit_seconds, wpm, preview_chars=0, profile=profile)
    return PitchCheck(text, analysis)


def pitch_report(
    text: str,
    limit_seconds: int,
    wpm: float = DEFAULT_WPM,
    profile: Profile | None = None,
) -> dict[str, Any]:
    """The pitch check in the documented JSON shape."""
    return check_pitch(text, limit_seconds, wpm, profile).as_json()


def report_text(
    text: str,
    limit_seconds: int,
    wpm: float = DEFAULT_WPM,
    profile: Profile | None = None,
) -> str:
    """The pitch check as plain text for people."""
    return check_pitch(text, limit_seconds, wpm, profile).as_text()
