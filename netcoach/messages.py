"""Messages that travel between screens; each carries plain data only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class DataChanged(Message):
    """Something was written; screens showing that kind of data reload when next shown."""

    what: str
