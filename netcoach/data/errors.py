"""The refusals a repository raises, in one place so every repository can import them.

Each says what was wrong in words a person can act on; the screens show them as they are.
Failures of the machine (a busy database, a full disk) are in ``netcoach.data.failures``.
"""

from __future__ import annotations


class NotFoundError(LookupError):
    """The record asked for does not exist."""


class ValidationError(ValueError):
    """A draft was refused; ``errors`` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class LevelMoveError(ValueError):
    """A level move that cannot be made, with a sentence saying why."""


class PitchError(ValueError):
    """A pitch write was refused; ``field`` names the input at fault, when there is one."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class LastMinuteError(PitchError):
    """The pitch is marked for today's event; the change needs the user's confirmation."""


class Superseded(Exception):
    """A read that a newer read of the same kind has made pointless; it was stopped or skipped."""
