"""A script cut into sentences, each with its place in the text, for the structure check."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? or … (with any closing quotes or brackets), or at a line break;
# a dot inside a number, an initial or a common abbreviation does not end one.
_ABBREVIATIONS = frozenset("mr mrs ms dr st prof e.g i.e vs approx no dept mt".split())
# A business's "Ltd." or "& Co." ends the sentence when a capital follows: "Smith & Co. We..."
_SUFFIX_ABBREVIATIONS = frozenset("inc ltd co corp etc plc llp llc".split())
_NEXT_CAPITAL = re.compile(r"\s+[\"'\u2018\u201c(]*[A-Z]")
_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s|$)|\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its number in the script (from 0), where it is, and its text."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The script's sentences in order, blank ones left out; ``text[start:end] == text``."""
    found: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if match.group().startswith(".") and (
            last in _ABBREVIATIONS
            or len(last) == 1
            or (last in _SUFFIX_ABBREVIATIONS and not _NEXT_CAPITAL.match(text, match.end()))
        ):
            continue
        _add(found, text, start, match.end())
        start = match.end()
    _add(found, text, start, len(text))
    return tuple(found)


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    found.append(Sentence(len(found), begin, begin + len(stripped), stripped))
