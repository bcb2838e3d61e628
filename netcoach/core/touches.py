"""The kinds of touch a person logs with a contact, in the order they are offered.

A module of its own, importing nothing, so that the command line's help can name them.
"""

from __future__ import annotations

INTERACTION_KINDS = ("call", "email", "coffee", "meeting", "message", "event")
# The note kept with a logged touch, in characters.
TOUCH_NOTE_MAX = 2_000


def a_touch(kind: str) -> str:
    """The kind with its article: "a call", "an email", "an event"."""
    return f"an {kind}" if kind[:1] in ("a", "e", "i", "o", "u") else f"a {kind}"
