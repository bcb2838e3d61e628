"""Open, check and migrate the netcoach database.

The database object is created unbound at import and bound to a file by
``open_database``, which the app factory and the command line call.
"""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import time
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import OperationalError, SqliteDatabase

from netcoach.data.failures import DatabaseBusyError, describe_failure
from netcoach.paths import make_private_file

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5_000
# How long a writer keeps retrying, with backoff, after SQLite's own busy wait gives up;
# then the write is refused with DatabaseBusyError ("another netcoach has been writing for
# 35 s"). Read when each write begins, so tests can shorten it.
WRITE_RETRY_SECONDS = 30.0
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "synchronous": "full",
    "cache_size": -32_000,
}


def is_busy(error: BaseException) -> bool:
    """True when SQLite refused because another connection holds the lock."""
    text = str(error).lower()
    return "locked" in text or "busy" in text


class NetcoachDatabase(SqliteDatabase):
    """SQLite whose write transactions take the write lock up front and wait their turn.

    Every ``atomic()`` begins IMMEDIATE, so in WAL mode a transaction that has begun
    cannot later fail on a lock; beginning is retried with backoff while another
    copy of netcoach (or an import) is writing, so users never see "database is locked".
    A lock held past ``WRITE_RETRY_SECONDS`` raises ``DatabaseBusyError``, which says
    how long it waited.
    """

    def begin(self, lock_type: str | None = None) -> None:
        started = time.monotonic()
        deadline = started + WRITE_RETRY_SECONDS
        pause = 0.01
        while True:
            try:
                super().begin(lock_type or "IMMEDIATE")
                return
            except OperationalError as error:
                if not is_busy(error):
                    raise
                if time.monotonic() > deadline:
                    raise DatabaseBusyError(time.monotonic() - started) from error
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 0.5)


database = NetcoachDatabase(None, autoconnect=False)


class DatabaseFileError(Exception):
    """The file at the database path cannot be used; it has been left untouched."""


def check_database_file(path: Path) -> None:
    """Refuse a symbolic link, a directory, or a file that is not an SQLite database."""
    if path.is_symlink():
        raise DatabaseFileError(
            f"{path} is a symbolic link; netcoach opens only a real file there "
            f"(use --home to point at the folder that holds the database)"
        )
    if path.is_dir():
        raise DatabaseFileError(f"{path} is a directory, not a netcoach database")
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseFileError(f"cannot read {path}: {error.strerror or error}") from error
    if header and header != SQLITE_HEADER:
        raise DatabaseFileError(
            f"{path} is not a netcoach database (not an SQLite file); it was left untouched"
        )


def read_schema_version(path: Path) -> int:
    """The schema version in the file, read-only; 0 for a new or empty database."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    uri = f"{path.absolute().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise DatabaseFileError(f"cannot open {path}: {error}") from error
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "schema_version" not in tables:
            if tables:
                raise DatabaseFileError(
                    f"{path} is an SQLite database but not a netcoach one; it was left untouched"
                )
            return 0
        row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)
    except sqlite3.DatabaseError as error:
        # A full disk, a lock or a permission says nothing about the file itself.
        words = describe_failure(error, where=path)
        if words is not None:
            raise DatabaseFileError(f"cannot open {path}: {words}") from error
        raise DatabaseFileError(
            f"{path} is damaged or not a netcoach database ({error}); it was left untouched"
        ) from error
    finally:
        connection.close()


def create_private_file(path: Path) -> None:
    """Create the database file 0600 if it does not exist, and make an existing one 0600."""
    if not path.exists():
        descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(descriptor)
    make_private_file(path)


def open_database(path: Path, backups_dir: Path) -> SqliteDatabase:
    """Bind the database to ``path``, back it up if it needs migrating, and migrate it."""
    from netcoach.data.migrations import migrate

    path = Path(path)
    check_database_file(path)
    version = read_schema_version(path)
    from netcoach.data.migrations import check_version_supported

    check_version_supported(path, version)
    try:
        create_private_file(path)
    except OSError as error:
        reason = "the disk is read-only" if error.errno == errno.EROFS else error.strerror
        raise DatabaseFileError(f"cannot create {path}: {reason or error}") from error
    if not database.is_closed():
        database.close()
    database.init(str(path), pragmas=PRAGMAS)
    try:
        with database.connection_context():
            migrate(database, path, backups_dir, version)
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as error:
        if "readonly" in str(error) or "read-only" in str(error):
            raise DatabaseFileError(
                f"cannot write to {path}: the file or its disk is read-only"
            ) from error
        raise DatabaseFileError(f"cannot use {path}: {error}") from error
    for suffix in ("-wal", "-shm"):
        make_private_file(Path(f"{path}{suffix}"))
    return database


def backup_database(source: Path, target: Path) -> Path:
    """Copy a live database consistently with SQLite's online backup; the copy is 0600."""
    target.parent.mkdir(parents=True, exist_ok=True)
    create_private_file(target)
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    make_private_file(target)
    return target
