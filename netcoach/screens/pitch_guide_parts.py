"""The pitch guide's answers and the script they make.

``GuideResult`` is what finishing the guide gives the studio. ``edit_parts`` and
``insert_part`` swap the answers changed into a script, the rest of it word for word;
``GuideAnswers``, a base of the guide screen, makes the whole pitch from its answers.
The screen is ``netcoach.screens.pitch_guide.PitchGuideScreen`` (these names are
importable from there too); its examples in the person's trade are in
``netcoach.screens.pitch_guide_examples``.
"""

from __future__ import annotations

from dataclasses import dataclass

from netcoach.core.pitch import PART_KEYS, assemble_script
from netcoach.screens.forms import FormGuard


@dataclass(frozen=True, slots=True)
class GuideResult:
    """What finishing the guide gives the studio.

    ``parts``: for each part the guide asked, True when it has an answer (a confirmed
    part) and None when it was left blank (confirmed neither way). ``changed`` is False
    when no part was changed on a pitch that exists: its script stays as it was.
    """

    script: str
    parts: dict[str, bool | None]
    changed: bool = True


def insert_part(script: str, key: str, answer: str, answers: dict[str, str]) -> str:
    """The script with a part it lacked put in: before the next part found in it, else last."""
    answer = " ".join(answer.split())
    if not answer:
        return script
    for later in PART_KEYS[PART_KEYS.index(key) + 1 :]:
        found = answers.get(later, "").strip()
        at = script.find(found) if found else -1
        if at >= 0:
            return f"{script[:at]}{answer} {script[at:]}"
    return f"{script.rstrip()} {answer}".strip()


def edit_parts(
    script: str, changed: list[str], before: dict[str, str], after: dict[str, str]
) -> str | None:
    """``script`` with each ``changed`` part (in pitch order) swapped from its ``before``
    answer to its ``after`` one, or put in where it had none; None when a ``before`` answer
    is not in the script as one stretch."""
    # Parts not edited yet are found in the script by their old words, edited ones by new.
    current = dict(before)
    for key in changed:
        old, new = before.get(key, "").strip(), " ".join(after.get(key, "").split())
        if old:
            at = script.find(old)
            if at < 0:
                return None
            end = at + len(old)
            if not new and script[end : end + 1] == " ":
                end += 1  # a part taken out takes its space with it
            script = f"{script[:at]}{new}{script[end:]}"
        else:
            script = insert_part(script, key, new, current)
        current[key] = new
    return script.strip()


class GuideAnswers(FormGuard[GuideResult | None]):
    """The guide's answers, the ones it opened with, and the pitch they make."""

    script: str | None
    single_part: str | None
    """The one part reworked, or None when the guide asks them all."""
    answers: dict[str, str]
    previous_answers: dict[str, str]

    @property
    def has_script(self) -> bool:
        return bool(self.script and self.script.strip())

    def changed_parts(self) -> list[str]:
        """The parts whose answer differs from what the guide opened with."""
        return [
            key
            for key in PART_KEYS
            if " ".join(self.answers.get(key, "").split())
            != " ".join(self.previous_answers.get(key, "").split())
        ]

    def new_script(self) -> str:
        """The whole pitch: the script as it was while no part changed; else the script with
        each changed part swapped in (or put in its place), the rest of it word for word;
        else, when a changed part's old words are not found as one stretch, the answers."""
        if not (self.script and self.has_script):
            return assemble_script(self.answers)
        changed = self.changed_parts()
        if not changed:
            return self.script
        edited = edit_parts(self.script, changed, self.previous_answers, self.answers)
        return edited if edited is not None else assemble_script(self.answers)

    def result(self, script: str) -> GuideResult:
        """The script and the parts to confirm: each asked part with an answer."""
        asked = (self.single_part,) if self.single_part else PART_KEYS
        parts: dict[str, bool | None] = {
            key: True if self.answers.get(key, "").strip() else None for key in asked
        }
        changed = not self.has_script or script != self.script
        return GuideResult(script, parts, changed)
