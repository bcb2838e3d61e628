"""The structure check: each of the seven parts judged from the script's sentences.

Every judgement carries the sentences that earned it (``evidence``), why a part is missing
or weak (``reason``) and one suggestion in a networker's words (``advice``). The ask is
also classed as specific, generic (aimed at everyone) or none.

The check listens the way a coach does, sentence by sentence: who is speaking (a name or a
business said after "I'm", "my name is", "from", "called"), who they talk about helping
and whether that is a group the room can picture, what they are hired for, whether they
draw a contrast with others, whether one real case is told, who exactly they ask to meet,
and whether the last line is something to remember them by.

What lives where: ``findings`` (the dataclasses the check hands back), ``patterns`` (the
lazily compiled patterns and their remembered answers), ``shared`` (who is speaking and the
pieces every part uses), one module per part (``intro_close``, ``who_help``, ``good_at``,
``different``, ``example``, ``ask``), ``judge`` (the whole check) and ``split`` (the script
cut into the guide's answers)."""

from __future__ import annotations

from netcoach.core.pitch.structure.findings import AskFinding, AskKind, PartFinding, Span, Structure
from netcoach.core.pitch.structure.judge import judge_structure
from netcoach.core.pitch.structure.patterns import EVERY_PATTERN, _Rx, forget_answers
from netcoach.core.pitch.structure.split import split_parts

__all__ = [
    "EVERY_PATTERN",
    "AskFinding",
    "AskKind",
    "PartFinding",
    "Span",
    "Structure",
    "_Rx",
    "forget_answers",
    "judge_structure",
    "split_parts",
]
