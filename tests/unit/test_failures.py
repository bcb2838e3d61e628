"""The words for the machine's problems, and None for everything that is a bug."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from peewee import IntegrityError, OperationalError

from netcoach.data import failures
from netcoach.data.failures import DatabaseBusyError, describe_failure


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (DatabaseBusyError(40.4), "another netcoach has been writing for 40 s"),
        (DatabaseBusyError(0.2), "another netcoach has been writing for 1 s"),
        (OperationalError("database is locked"), "another netcoach is writing to the database"),
        (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
        (OperationalError("database or disk is full"), "the disk is full"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "the disk is full"),
        (OperationalError("attempt to write a readonly database"), "the database is read-only"),
        (OSError(errno.EROFS, "Read-only file system"), "the disk is read-only"),
        (
            PermissionError(errno.EACCES, "Permission denied", "/h/x.db"),
            "permission denied on /h/x.db",
        ),
        (PermissionError(errno.EPERM, "Operation not permitted"), "permission denied"),
        (OSError(errno.EIO, "Input/output error"), "the disk could not be read or written"),
        (sqlite3.OperationalError("disk I/O error"), "the disk could not be read or written"),
    ],
)
def test_the_machine_s_problems_have_words(error: BaseException, words: str) -> None:
    assert describe_failure(error) == words


@pytest.mark.parametrize(
    "error",
    [
        RuntimeError("database is locked"),
        ValueError("disk is full"),
        OperationalError("no such column: nonsense"),
        IntegrityError("UNIQUE constraint failed: tag.name"),
        sqlite3.DatabaseError("file is not a database"),
        OSError(errno.ENOENT, "No such file or directory"),
        ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"),
        KeyError("x"),
    ],
)
def test_bugs_have_no_words(error: BaseException) -> None:
    assert describe_failure(error) is None


def test_the_cause_is_found_under_what_was_raised_while_handling_it() -> None:
    """A full disk makes SQLite roll back by itself; peewee's own rollback then fails."""
    try:
        try:
            raise OperationalError("database or disk is full")
        except OperationalError:
            raise OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except OperationalError as outer:
        assert describe_failure(outer) == "the disk is full"


def test_a_disk_i_o_error_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(failures, "disk_is_full", lambda where: True)
    assert describe_failure(error, where=tmp_path / "netcoach.db") == "the disk is full"
    monkeypatch.setattr(failures, "disk_is_full", lambda where: False)
    assert describe_failure(error, where=tmp_path / "netcoach.db") == (
        "the disk could not be read or written"
    )


def test_disk_is_full_looks_at_the_nearest_folder_that_exists(tmp_path: Path) -> None:
    assert failures.disk_is_full(tmp_path / "not" / "there" / "yet.db") is False


def test_a_read_only_disk_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "netcoach.db"
    monkeypatch.setattr(failures, "disk_is_read_only", lambda place: True)
    readonly = OperationalError("attempt to write a readonly database")
    assert describe_failure(readonly, where=where) == "the disk is read-only"
    cannot_open = sqlite3.OperationalError("unable to open database file")
    assert describe_failure(cannot_open, where=where) == "the disk is read-only"
    monkeypatch.setattr(failures, "disk_is_read_only", lambda place: False)
    assert describe_failure(readonly, where=where) == "the database is read-only"
    assert failures.disk_is_read_only(tmp_path) is False
