"""The one-minute pitch, one module per concept; the public names are re-exported here.

- ``words``: counting spoken words, the default speaking rate, durations as m:ss
- ``limits``: the time limit and the day of the event (the day not to rewrite it)
- ``parts``: the seven parts of a good pitch, the guide's questions and examples
- ``fillers``: filler and hedging words
- ``sentences``: a script cut into sentences, each with its place
- ``profile``: who the person is (name, business, trade, ideal referral)
- ``structure``: each part judged from the sentences, with evidence, reason and advice
- ``trade_examples``: example lines per trade that the structure check's advice quotes
- ``measures``: a peer's cheap measures and the timing notes
- ``analysis``: what the editor shows about a script, in one pass
- ``versions``: two versions side by side, word by word
- ``rate``: the speaking rate rehearsals imply and the user's own calibrated rate
- ``timing``: the rehearsal timer over a monotonic clock, signals, teleprompter
- ``records``: the pitches, versions and rehearsals screens show, as plain data

No Textual and no peewee here. Each name is imported from its module when first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netcoach.core.pitch.analysis import (
        ScriptAnalysis,
        ScriptStats,
        analyse_script,
        script_stats,
    )
    from netcoach.core.pitch.fillers import (
        FILLERS,
        FillerHit,
        filler_counts,
        find_fillers,
    )
    from netcoach.core.pitch.limits import (
        DEFAULT_LIMIT_SECONDS,
        LAST_MINUTE_REASON,
        MAX_LIMIT_SECONDS,
        MIN_LIMIT_SECONDS,
        REHEARSE_NOT_REWRITE,
        is_last_minute,
        parse_event_day,
        parse_limit,
    )
    from netcoach.core.pitch.measures import PeerMeasures, peer_measures, timing_notes
    from netcoach.core.pitch.parts import (
        PART_KEYS,
        PARTS,
        PARTS_BY_KEY,
        TRADES,
        Example,
        PitchPart,
        assemble_script,
        checklist,
        checklist_from,
        detect_parts,
        replace_part,
    )
    from netcoach.core.pitch.profile import (
        COMMON_TRADES,
        PROFILE_FIELDS,
        PROFILE_LABELS,
        PROFILE_LIMIT_KINDS,
        Profile,
        matching_trade,
        profile_changes,
        tidy_profile,
    )
    from netcoach.core.pitch.rate import (
        CALIBRATION_REHEARSALS,
        CALIBRATION_SAMPLES,
        MAX_WPM,
        MIN_CALIBRATION_SECONDS,
        MIN_WPM,
        calibrated_wpm,
        implied_wpm,
    )
    from netcoach.core.pitch.records import (
        AboutMe,
        Pitch,
        PitchCard,
        PitchDetail,
        PitchVersion,
        Rehearsal,
        RehearsalStats,
        rehearsal_stats,
    )
    from netcoach.core.pitch.sentences import Sentence, split_sentences
    from netcoach.core.pitch.structure import (
        AskFinding,
        AskKind,
        PartFinding,
        Span,
        Structure,
        judge_structure,
        split_parts,
    )
    from netcoach.core.pitch.timing import (
        RehearsalTimer,
        Signal,
        TimerState,
        next_change,
        signal_edges,
        signal_for,
        signal_label,
        teleprompter_word,
    )
    from netcoach.core.pitch.versions import (
        DiffSegment,
        diff_words,
    )
    from netcoach.core.pitch.words import (
        DEFAULT_WPM,
        WORD_PATTERN,
        count_words,
        estimate_seconds,
        format_duration,
    )

# Each public name and the module it lives in: a name is imported on first use, so that
# reading one part (the Today card reads ``records``) does not load the editor's analysis.
_WHERE = {
    "AboutMe": "records",
    "AskFinding": "structure",
    "AskKind": "structure",
    "CALIBRATION_REHEARSALS": "rate",
    "CALIBRATION_SAMPLES": "rate",
    "COMMON_TRADES": "profile",
    "DEFAULT_LIMIT_SECONDS": "limits",
    "DEFAULT_WPM": "words",
    "DiffSegment": "versions",
    "Example": "parts",
    "FILLERS": "fillers",
    "FillerHit": "fillers",
    "LAST_MINUTE_REASON": "limits",
    "MAX_LIMIT_SECONDS": "limits",
    "MAX_WPM": "rate",
    "MIN_CALIBRATION_SECONDS": "rate",
    "MIN_LIMIT_SECONDS": "limits",
    "MIN_WPM": "rate",
    "REHEARSE_NOT_REWRITE": "limits",
    "PARTS": "parts",
    "PARTS_BY_KEY": "parts",
    "PART_KEYS": "parts",
    "PROFILE_FIELDS": "profile",
    "PROFILE_LABELS": "profile",
    "PROFILE_LIMIT_KINDS": "profile",
    "PartFinding": "structure",
    "PeerMeasures": "measures",
    "Pitch": "records",
    "PitchCard": "records",
    "PitchDetail": "records",
    "PitchPart": "parts",
    "PitchVersion": "records",
    "Profile": "profile",
    "Rehearsal": "records",
    "RehearsalStats": "records",
    "RehearsalTimer": "timing",
    "ScriptAnalysis": "analysis",
    "ScriptStats": "analysis",
    "Sentence": "sentences",
    "Signal": "timing",
    "Span": "structure",
    "Structure": "structure",
    "TRADES": "parts",
    "TimerState": "timing",
    "WORD_PATTERN": "words",
    "analyse_script": "analysis",
    "assemble_script": "parts",
    "calibrated_wpm": "rate",
    "checklist": "parts",
    "checklist_from": "parts",
    "count_words": "words",
    "detect_parts": "parts",
    "diff_words": "versions",
    "estimate_seconds": "words",
    "filler_counts": "fillers",
    "find_fillers": "fillers",
    "format_duration": "words",
    "implied_wpm": "rate",
    "is_last_minute": "limits",
    "judge_structure": "structure",
    "matching_trade": "profile",
    "next_change": "timing",
    "parse_event_day": "limits",
    "parse_limit": "limits",
    "peer_measures": "measures",
    "profile_changes": "profile",
    "rehearsal_stats": "records",
    "replace_part": "parts",
    "script_stats": "analysis",
    "signal_edges": "timing",
    "signal_for": "timing",
    "signal_label": "timing",
    "split_parts": "structure",
    "split_sentences": "sentences",
    "teleprompter_word": "timing",
    "tidy_profile": "profile",
    "timing_notes": "measures",
}


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


__all__ = [
    "CALIBRATION_REHEARSALS",
    "CALIBRATION_SAMPLES",
    "COMMON_TRADES",
    "DEFAULT_LIMIT_SECONDS",
    "DEFAULT_WPM",
    "FILLERS",
    "LAST_MINUTE_REASON",
    "MAX_LIMIT_SECONDS",
    "MAX_WPM",
    "MIN_CALIBRATION_SECONDS",
    "MIN_LIMIT_SECONDS",
    "MIN_WPM",
    "PARTS",
    "PARTS_BY_KEY",
    "PART_KEYS",
    "PROFILE_FIELDS",
    "PROFILE_LABELS",
    "PROFILE_LIMIT_KINDS",
    "REHEARSE_NOT_REWRITE",
    "TRADES",
    "WORD_PATTERN",
    "AboutMe",
    "AskFinding",
    "AskKind",
    "DiffSegment",
    "Example",
    "FillerHit",
    "PartFinding",
    "PeerMeasures",
    "Pitch",
    "PitchCard",
    "PitchDetail",
    "PitchPart",
    "PitchVersion",
    "Profile",
    "Rehearsal",
    "RehearsalStats",
    "RehearsalTimer",
    "ScriptAnalysis",
    "ScriptStats",
    "Sentence",
    "Signal",
    "Span",
    "Structure",
    "TimerState",
    "analyse_script",
    "assemble_script",
    "calibrated_wpm",
    "checklist",
    "checklist_from",
    "count_words",
    "detect_parts",
    "diff_words",
    "estimate_seconds",
    "filler_counts",
    "find_fillers",
    "format_duration",
    "implied_wpm",
    "is_last_minute",
    "judge_structure",
    "matching_trade",
    "next_change",
    "parse_event_day",
    "parse_limit",
    "peer_measures",
    "profile_changes",
    "rehearsal_stats",
    "replace_part",
    "script_stats",
    "signal_edges",
    "signal_for",
    "signal_label",
    "split_parts",
    "split_sentences",
    "teleprompter_word",
    "tidy_profile",
    "timing_notes",
]
