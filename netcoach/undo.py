"""The session's undo stack: each change says what it did and how to put things back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

UNDO_DEPTH = 50


@dataclass(frozen=True, slots=True)
class UndoEntry:
    """One change made in this session; ``restore`` puts the previous state back.

    ``restore`` goes through the repository and runs in a write worker, never on
    the UI thread.
    """

    description: str
    restore: Callable[[], None]


class UndoStack:
    """The last changes of this session, newest last, at most ``UNDO_DEPTH`` of them."""

    def __init__(self) -> None:
        self.entries: list[UndoEntry] = []

    def push(self, entry: UndoEntry) -> None:
        self.entries.append(entry)
        del self.entries[:-UNDO_DEPTH]

    def pop(self) -> UndoEntry | None:
        return self.entries.pop() if self.entries else None

    def __len__(self) -> int:
        return len(self.entries)
