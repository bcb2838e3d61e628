"""Problems of the machine rather than of netcoach, said in words a person can act on.

A write can fail because another copy of netcoach holds the database, the disk is
full, a file or folder may not be written, or the disk is read-only. None of these
is a bug: ``describe_failure`` turns each into a short sentence ("the disk is
full"), and gives None for everything else, which is a bug to log and report. The
app shows the sentence where the write was made; the command line prints it as its
one line and exits 2. No Textual here.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from peewee import OperationalError

from netcoach.paths import nearest_existing, on_read_only_disk

# What a person is told when the reason is one of these; a form adds that the draft is kept.
DISK_FULL = "the disk is full"
READ_ONLY_DATABASE = "the database is read-only"
READ_ONLY_DISK = "the disk is read-only"
LOCKED = "another netcoach is writing to the database"
DISK_ERROR = "the disk could not be read or written"

_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM}


class DatabaseBusyError(OperationalError):
    """Another connection kept the write lock for longer than netcoach waits for it."""

    def __init__(self, waited: float) -> None:
        self.waited = waited
        super().__init__(busy_sentence(waited))


class ReadOnlyDatabaseError(OperationalError):
    """A write on a database that netcoach opened read-only (or whose disk turned read-only)."""

    def __init__(self, reason: str | None = None) -> None:
        self.reason = reason
        super().__init__(self.sentence())

    def sentence(self) -> str:
        return f"{READ_ONLY_DATABASE} ({self.reason})" if self.reason else READ_ONLY_DATABASE


def is_busy(error: BaseException) -> bool:
    """True when SQLite refused because another connection holds the lock."""
    text = str(error).lower()
    return "locked" in text or "busy" in text


def busy_sentence(waited: float) -> str:
    seconds = max(1, round(waited))
    return f"another netcoach has been writing for {seconds} s"


def causes(error: BaseException) -> Iterator[BaseException]:
    """``error`` and every exception it was raised from or while handling, once each."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def describe_failure(error: BaseException, where: Path | None = None) -> str | None:
    """A short sentence for an environment problem behind ``error``, or None for a bug.

    ``where`` is a file the failed operation used: when SQLite only says "disk I/O
    error", a disk with no space left there is named as the reason.
    """
    for cause in causes(error):
        words = _describe_one(cause, where)
        if words is not None:
            return words
    return None


def failure_words(error: BaseException) -> str:
    """``describe_failure``'s sentence, else what the system said (an OSError's strerror)."""
    words = describe_failure(error)
    if words is not None:
        return words
    return (isinstance(error, OSError) and error.strerror) or str(error) or type(error).__name__


def _describe_one(error: BaseException, where: Path | None) -> str | None:
    if isinstance(error, DatabaseBusyError):
        return busy_sentence(error.waited)
    if isinstance(error, ReadOnlyDatabaseError):
        return error.sentence()
    if isinstance(error, OSError) and not isinstance(error, ConnectionError):
        return _describe_os_error(error)
    if not isinstance(error, sqlite3.OperationalError | OperationalError):
        return None
    text = str(error).lower()
    if "database or disk is full" in text:
        return DISK_FULL
    if "readonly database" in text or "read-only" in text:
        on_read_only_disk = where is not None and disk_is_read_only(where)
        return READ_ONLY_DISK if on_read_only_disk else READ_ONLY_DATABASE
    if is_busy(error):
        return LOCKED
    if "disk i/o error" in text or "unable to open database file" in text:
        if where is not None and disk_is_full(where):
            return DISK_FULL
        if where is not None and disk_is_read_only(where):
            return READ_ONLY_DISK
        if where is not None and not _writable(where):
            return f"permission denied on {where}"
        if "disk i/o error" in text:
            return DISK_ERROR
    return None


def _describe_os_error(error: OSError) -> str | None:
    name = error.filename
    if error.errno in _DISK_FULL_ERRNOS:
        return DISK_FULL
    if error.errno == errno.EROFS:
        return READ_ONLY_DISK
    if error.errno == errno.EIO:
        return DISK_ERROR
    if error.errno in _PERMISSION_ERRNOS or isinstance(error, PermissionError):
        return f"permission denied on {name}" if name else "permission denied"
    return None


def disk_is_full(where: Path) -> bool:
    """Whether the disk holding ``where`` (or its nearest existing folder) has no room left."""
    status = _disk_status(where)
    return status is not None and status.f_bavail == 0


def disk_is_read_only(where: Path) -> bool:
    """Whether the disk holding ``where`` is mounted read-only."""
    return on_read_only_disk(where)


def _disk_status(where: Path) -> os.statvfs_result | None:
    if not hasattr(os, "statvfs"):
        return None
    try:
        return os.statvfs(nearest_existing(where))
    except OSError:
        return None


def _writable(where: Path) -> bool:
    place = Path(where)
    folder = place.parent
    return os.access(folder, os.W_OK) and (not place.exists() or os.access(place, os.W_OK))
