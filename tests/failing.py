"""Ways to make the machine fail under netcoach in tests: a held lock, a full disk, a bad log.

``hold_write_lock`` takes SQLite's write lock from another connection, as a second copy
of netcoach in the middle of an import would; ``short_retry_window`` makes netcoach give
up waiting for it within a fraction of a second. ``disk_full_on_commit`` makes every
commit fail the way SQLite does on a full disk, and ``small_disk`` mounts a real
tmpfs of a few hundred kilobytes where the machine allows it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from peewee import OperationalError

# Long enough that a retry loop runs several times, short enough to keep the tests quick.
RETRY_WINDOW = 0.3


def short_retry_window(monkeypatch: pytest.MonkeyPatch, seconds: float = RETRY_WINDOW) -> None:
    """netcoach gives up waiting for another writer after ``seconds`` instead of 30 s.

    Call before the database is opened: SQLite's own busy wait is set when it connects.
    """
    from netcoach.data import db

    monkeypatch.setattr(db, "WRITE_RETRY_SECONDS", seconds)
    monkeypatch.setitem(db.PRAGMAS, "busy_timeout", 20)


@contextmanager
def hold_write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Hold the database's write lock from another connection until the block ends."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield connection
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def disk_full_on_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every commit fails as SQLite's does when the disk is full (and rolls back)."""
    from netcoach.data.db import NetcoachDatabase

    def full(self: NetcoachDatabase) -> None:
        raise OperationalError("database or disk is full")

    monkeypatch.setattr(NetcoachDatabase, "commit", full)


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def small_disk(where: Path, kilobytes: int) -> Iterator[Path]:
    """A tmpfs of ``kilobytes`` mounted at ``where``; skips the test where mounting fails."""
    where.mkdir(parents=True, exist_ok=True)
    if not can_mount():
        pytest.skip("mounting a small disk needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill_disk(where: Path, leave_kilobytes: int = 0) -> Path:
    """Fill the disk holding ``where`` until only ``leave_kilobytes`` are free."""
    filler = where / "filler"
    status = os.statvfs(where)
    wanted = status.f_bavail * status.f_frsize - leave_kilobytes * 1024
    block = b"\0" * 4096
    with filler.open("wb", buffering=0) as handle:
        try:
            while wanted > 0 or not leave_kilobytes:
                wanted -= handle.write(block[: max(1, min(len(block), wanted))])
        except OSError:
            pass
    return filler
