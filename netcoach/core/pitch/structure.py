"""The structure check: each of the seven parts judged from the script's sentences.

Every judgement carries the sentences that earned it (``evidence``), why a part is missing
or weak (``reason``) and one suggestion in a networker's words (``advice``). The ask is
also classed as specific, generic (aimed at everyone) or none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from netcoach.core.pitch.parts import PART_KEYS, PARTS
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.sentences import Sentence, split_sentences

AskKind = Literal["specific", "generic", "none"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the script, as offsets: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PartFinding:
    """One part's judgement: present or not, the sentences behind it, why, and a fix."""

    key: str
    present: bool
    evidence: tuple[Span, ...] = ()
    weak: bool = False  # there, but a coach would ask for more (``advice`` says what)
    reason: str = ""  # why it is missing or weak; blank when it is there and strong
    advice: str | None = None  # one suggestion for a missing or weak part


@dataclass(frozen=True, slots=True)
class AskFinding:
    """What the pitch asks for: specific, generic (aimed at everyone) or none."""

    kind: AskKind
    span: Span | None = None
    text: str | None = None
    advice: str | None = None


@dataclass(frozen=True, slots=True)
class Structure:
    """The seven parts' findings, in the order of a good pitch, and the ask."""

    sentences: tuple[Sentence, ...]
    parts: dict[str, PartFinding]
    ask: AskFinding

    @property
    def present(self) -> frozenset[str]:
        return frozenset(key for key, finding in self.parts.items() if finding.present)


_CUES = {part.key: re.compile("|".join(part.cues), re.IGNORECASE) for part in PARTS}


def judge_structure(text: str, profile: Profile | None = None) -> Structure:
    """Judge each part of ``text`` from its sentences (``profile`` helps: name, business)."""
    sentences = split_sentences(text)
    parts: dict[str, PartFinding] = {}
    for key in PART_KEYS:
        cue = _CUES[key]
        hits = tuple(
            Span(s.start, s.end) for s in sentences if cue.search(s.text.replace("\u2019", "'"))
        )
        parts[key] = PartFinding(key, bool(hits), hits)
    ask_hits = parts["ask"].evidence
    if ask_hits:
        span = ask_hits[0]
        ask = AskFinding("specific", span, text[span.start : span.end])
    else:
        ask = AskFinding("none")
    return Structure(sentences, parts, ask)


def split_parts(text: str, profile: Profile | None = None) -> dict[str, str]:
    """The script cut into the guide's seven answers (a sentence goes to one part at most);
    a part the script lacks is blank. For opening the guide on a pitch that exists."""
    structure = judge_structure(text, profile)
    taken: set[int] = set()
    answers: dict[str, str] = {}
    for key in PART_KEYS:
        pieces = []
        for span in structure.parts[key].evidence:
            if span.start not in taken:
                taken.add(span.start)
                pieces.append(text[span.start : span.end])
        answers[key] = " ".join(pieces)
    return answers
