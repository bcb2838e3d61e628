"""The script cut into the guide's seven answers, from the check's evidence."""

from __future__ import annotations

from netcoach.core.pitch.parts import PART_KEYS
from netcoach.core.pitch.profile import Profile
from netcoach.core.pitch.structure.judge import judge_structure

_SPLIT_ORDER = ("close", "ask", "intro", "example", "different", "who_help", "good_at")


def split_parts(text: str, profile: Profile | None = None) -> dict[str, str]:
    """The script cut into the guide's seven answers (a sentence goes to one part at most);
    a part the script lacks is blank. For opening the guide on a pitch that exists.

    A sentence that is evidence for several parts goes to one of them, so that as many
    parts as can have an answer; one that is evidence for none stays with the sentence
    before it, so no words are lost."""
    structure = judge_structure(text, profile)
    owner: dict[int, str] = {}
    # Each part found claims one sentence of its own, the close and the ask first (they
    # are the narrowest); then the rest of what was found goes to the first part that
    # found it; last, a sentence that only tried (a generic ask, a last line that is no
    # close) goes to the part it tried for.
    parts = structure.parts
    found = [key for key in _SPLIT_ORDER if parts[key].present]
    for key in found:
        free = [span for span in parts[key].evidence if span.start not in owner]
        if free:
            owner[free[0].start] = key
    for key in [*found, *(k for k in _SPLIT_ORDER if k not in found)]:
        for span in parts[key].evidence:
            owner.setdefault(span.start, key)
    answers: dict[str, list[str]] = {key: [] for key in PART_KEYS}
    current: str | None = None
    pending: list[str] = []
    for sentence in structure.sentences:
        key = owner.get(sentence.start)
        if key is None:
            if current is None:
                pending.append(sentence.text)
            else:
                answers[current].append(sentence.text)
            continue
        current = key
        answers[key].extend(pending)
        pending = []
        answers[key].append(sentence.text)
    if pending:
        answers[PART_KEYS[0]].extend(pending)
    return {key: " ".join(pieces) for key, pieces in answers.items()}
