"""Two versions of a script side by side, word by word."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DiffSegment:
    text: str
    kind: str  # "same", "removed" (only on the left), "added" (only on the right)


def diff_words(old: str, new: str) -> tuple[list[DiffSegment], list[DiffSegment]]:
    """Two versions word by word: the left side marks what was removed, the right what was added."""
    left_tokens = re.findall(r"\S+\s*", old)
    right_tokens = re.findall(r"\S+\s*", new)
    matcher = difflib.SequenceMatcher(
        a=[t.strip() for t in left_tokens], b=[t.strip() for t in right_tokens], autojunk=False
    )
    left: list[DiffSegment] = []
    right: list[DiffSegment] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            left.append(DiffSegment("".join(left_tokens[a0:a1]), "same"))
            right.append(DiffSegment("".join(right_tokens[b0:b1]), "same"))
            continue
        if a1 > a0:
            left.append(DiffSegment("".join(left_tokens[a0:a1]), "removed"))
        if b1 > b0:
            right.append(DiffSegment("".join(right_tokens[b0:b1]), "added"))
    return left, right
