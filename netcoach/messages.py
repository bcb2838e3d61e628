"""Messages that travel between screens; each carries plain data only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class DataChanged(Message):
    """What the active screen shows was changed underneath it (by an undo): reload it.

    Screens that can ``reload()`` handle it (``ContactActions.on_data_changed``); others
    are refreshed with ``action_refresh`` instead, and every screen reloads when it is
    shown again, so a change made elsewhere needs no message. One reload answers any
    number of these, so a newer one replaces one still waiting.
    """

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DataChanged)
