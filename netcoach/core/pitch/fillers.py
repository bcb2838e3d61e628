"""Filler and hedging words, and where they are in a script."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

FILLERS = (
    "um",
    "umm",
    "uh",
    "er",
    "erm",
    "just",
    "basically",
    "sort of",
    "kind of",
    "maybe",
    "perhaps",
    "i think",
    "i guess",
    "i feel",
    "really",
    "very",
    "actually",
    "literally",
    "honestly",
    "you know",
    "quite",
    "a bit",
    "stuff",
    "things like that",
)
_FILLER_PATTERN = re.compile(
    r"(?<![\w'\u2019-])("
    + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(FILLERS, key=len, reverse=True))
    + r")(?![\w'\u2019-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FillerHit:
    start: int
    end: int
    phrase: str


def find_fillers(text: str) -> list[FillerHit]:
    """Every filler or hedging word or phrase, with its place in the text."""
    return [
        FillerHit(m.start(), m.end(), " ".join(m.group(1).lower().split()))
        for m in _FILLER_PATTERN.finditer(text)
    ]


def filler_counts(hits: Iterable[FillerHit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.phrase] = counts.get(hit.phrase, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
