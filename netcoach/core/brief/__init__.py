"""The breakfast brief: what a coach hands you at the door of an event, one block a person.

- ``model``: the plain facts read for an event and the brief built from them
- ``rules``: the rules that build the brief (who is new, what you owe, one thing to give)
- ``render``: the brief as text for a terminal and as Markdown for a printed page

No Textual and no peewee here.
"""

from __future__ import annotations

from netcoach.core.brief.model import (
    AttendeeBrief,
    AttendeeFacts,
    Brief,
    BriefFacts,
    BriefPitch,
    Offer,
    OwedLine,
    PlannedOneToOne,
)
from netcoach.core.brief.render import to_markdown, to_text
from netcoach.core.brief.rules import (
    GUARD_WORDS,
    build_brief,
    has_met,
    pitch_guard,
    short_step,
)

__all__ = [
    "GUARD_WORDS",
    "AttendeeBrief",
    "AttendeeFacts",
    "Brief",
    "BriefFacts",
    "BriefPitch",
    "Offer",
    "OwedLine",
    "PlannedOneToOne",
    "build_brief",
    "has_met",
    "pitch_guard",
    "short_step",
    "to_markdown",
    "to_text",
]
