"""Exit statuses, the one-line UsageError, and the words for a problem of the machine."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netcoach.paths import Paths

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad usage or bad input: printed as one line, exit status 2."""


def environment_problem(error: BaseException, paths: Paths) -> str | None:
    """The one line for a problem of the machine (disk, permissions, a lock), or None for a bug."""
    from netcoach.data.failures import describe_failure

    words = describe_failure(error, where=paths.database)
    return f"{words}: nothing was saved" if words else None
