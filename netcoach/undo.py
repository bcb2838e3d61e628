"""The session's undo stack: each change says what it did and how to put things back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netcoach.core.undo import UndoAction

UNDO_DEPTH = 50


@dataclass(frozen=True, slots=True)
class UndoEntry:
    """One change made in this session, described by ``action`` (which can be kept on disk).

    An entry made with only a ``restore`` function is undone by calling it; it lasts
    for this session only. Both run in a write worker, never on the UI thread.
    """

    description: str
    restore: Callable[[], None] | None = None
    action: UndoAction | None = None
    from_last_session: bool = False


class UndoStack:
    """The last changes of this session, newest last, at most ``UNDO_DEPTH`` of them."""

    def __init__(self) -> None:
        self.entries: list[UndoEntry] = []

    def push(self, entry: UndoEntry) -> None:
        self.entries.append(entry)
        del self.entries[:-UNDO_DEPTH]

    def pop(self) -> UndoEntry | None:
        return self.entries.pop() if self.entries else None

    def top(self) -> UndoEntry | None:
        return self.entries[-1] if self.entries else None

    def __len__(self) -> int:
        return len(self.entries)
