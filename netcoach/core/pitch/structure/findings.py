"""What the structure check hands back: a span of the script, each part's finding,
the ask's finding and the whole structure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from netcoach.core.pitch.sentences import Sentence

AskKind = Literal["specific", "generic", "none"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the script, as offsets: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PartFinding:
    """One part's judgement: present or not, the sentences behind it, why, and a fix.

    A part that is missing may still carry evidence: the sentence that tried and did not
    count (a generic "anyone who needs...", a quality claim), which ``reason`` names."""

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
