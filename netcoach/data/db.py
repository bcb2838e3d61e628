"""Open the netcoach database: check the file, set the pragmas, back up and migrate.

The database object is created unbound at import and bound to a file by
``open_database``, which the app factory and the command line call. The
migrations and their runner live in ``netcoach.data.migrations``; this module
hands the runner a connection and the way to back the file up first.
"""

from __future__ import annotations

import errno
import random
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import OperationalError, SqliteDatabase

from netcoach.data import migrations
from netcoach.data.failures import (
    DatabaseBusyError,
    ReadOnlyDatabaseError,
    describe_failure,
    is_busy,
)
from netcoach.paths import (
    create_private_file,
    make_dirs,
    on_read_only_disk,
    temporary_for,
    writable,
)

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
# A database that may only be read keeps its journal mode; nothing is set that would write.
READ_ONLY_PRAGMAS = {
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -32_000,
}


class NetcoachDatabase(SqliteDatabase):
    """SQLite whose write transactions take the write lock up front and wait their turn.

    Every ``atomic()`` begins IMMEDIATE, so in WAL mode a transaction that has begun
    cannot later fail on a lock; beginning is retried with backoff while another
    copy of netcoach (or an import) is writing, so users never see "database is locked".

    A database that may not be written is opened read-only; ``read_only_reason`` then says
    why, and every write raises ReadOnlyDatabaseError with that reason.

    A lock held past ``WRITE_RETRY_SECONDS`` raises ``DatabaseBusyError``, which says
    how long it waited.
    """

    read_only_reason: str | None = None

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

    def execute_sql(self, sql: str, params: object = None) -> object:
        try:
            return super().execute_sql(sql, params)
        except OperationalError as error:
            if "readonly" not in str(error).lower():
                raise
            raise ReadOnlyDatabaseError(self.read_only_reason) from error


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
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
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


def read_only_reason(path: Path) -> str | None:
    """Why the database at ``path`` may only be read, or None when netcoach may write it.

    SQLite writes beside the database (its -wal, -shm and journal files), so a folder
    that may not be written makes the database read-only too.
    """
    if on_read_only_disk(path):
        return "the disk is read-only"
    if path.exists() and not writable(path):
        return f"{path.name} is not writable"
    if path.parent.is_dir() and not writable(path.parent):
        return "its folder is not writable"
    return None


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only.

    A database nobody may write (see ``read_only_reason``) with no -wal or -shm file
    beside it is opened as immutable: SQLite then reads it without making those
    files, which it would otherwise leave behind (and cannot make on a read-only
    disk). With them there, another copy may be writing, so it is read the usual way.
    """
    path = Path(path)
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if read_only_reason(path) is None:
        return uri
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not shm.exists() and (not wal.exists() or wal.stat().st_size == 0):
        return f"{uri}&immutable=1"
    return uri


def open_database(path: Path, backups_dir: Path) -> SqliteDatabase:
    """Bind the database to ``path``, back it up if it needs migrating, and migrate it.

    A database netcoach may not write (see ``read_only_reason``) is opened read-only,
    without changing the file; one that would need migrating is refused instead.
    """
    path = Path(path)
    check_database_file(path)
    reason = read_only_reason(path)
    if reason is not None and not path.exists():
        raise DatabaseFileError(f"cannot create {path}: {reason}")
    version = read_schema_version(path)
    migrations.check_version_supported(path, version)
    if reason is not None:
        return open_read_only(path, reason, version)
    try:
        create_private_file(path)
    except OSError as error:
        reason = "the disk is read-only" if error.errno == errno.EROFS else error.strerror
        raise DatabaseFileError(f"cannot create {path}: {reason or error}") from error
    if not database.is_closed():
        database.close()
    database.read_only_reason = None
    database.init(str(path), pragmas=PRAGMAS, uri=False)
    try:
        use_wal(path)
        with database.connection_context():
            migrations.migrate(
                database, path, version, lambda current: back_up(path, backups_dir, current)
            )
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as error:
        if "readonly" in str(error) or "read-only" in str(error):
            raise DatabaseFileError(
                f"cannot write to {path}: the file or its disk is read-only"
            ) from error
        raise DatabaseFileError(f"cannot use {path}: {error}") from error
    # SQLite gives its -wal and -shm files the database file's own mode.
    return database


def use_wal(path: Path) -> None:
    """Put the database in WAL mode, once, before netcoach's own connections open it.

    The switch takes a lock SQLite does not wait for: two netcoach starting at the
    same moment on a new (or pre-WAL) database would see "database is locked", so
    it is retried with backoff, like the start of a write. Once in WAL mode,
    asking again changes nothing and needs no lock.
    """
    with path.open("rb") as handle:
        header = handle.read(20)
    if len(header) == 20 and header[18] == header[19] == 2:  # 2, 2: already WAL
        return
    deadline = time.monotonic() + WRITE_RETRY_SECONDS
    pause = 0.01
    while True:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            connection.execute("PRAGMA journal_mode = wal")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
        finally:
            connection.close()
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, 0.5)


def open_read_only(path: Path, reason: str, version: int) -> SqliteDatabase:
    """Bind the database to ``path`` read-only; refuse one that would need migrating."""
    if version == 0:
        raise DatabaseFileError(f"{path} is empty and read-only ({reason}); it was left untouched")
    if not database.is_closed():
        database.close()
    database.init(read_only_uri(path), pragmas=READ_ONLY_PRAGMAS, uri=True)
    database.read_only_reason = reason
    try:
        with database.connection_context():
            missing = migrations.pending(migrations.applied_versions(database))
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as error:
        raise DatabaseFileError(f"cannot read {path} ({reason}): {error}") from error
    if missing:
        raise DatabaseFileError(
            f"{path} is read-only ({reason}) and needs upgrading to schema version "
            f"{migrations.LATEST_VERSION}; make it writable so netcoach can upgrade it "
            "(a backup is made first), or open a writable copy; it was left untouched"
        )
    return database


def back_up(path: Path, backups_dir: Path, version: int) -> Path:
    """Copy the database before a migration, as ``netcoach-vVERSION-STAMP.db`` in the folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_database(path, backups_dir / f"netcoach-v{version}-{stamp}.db")


def backup_database(source: Path, target: Path, replace: bool = False) -> Path:
    """Copy a live database consistently with SQLite's online backup, into a new 0600 file.

    The copy is written to a hidden file beside ``target`` (``.NAME.partial-XXXX``)
    and renamed once complete, so a backup that fails or is killed never leaves a
    file named like a real one. Missing folders are created 0700. An existing
    ``target`` is refused with FileExistsError unless ``replace``.
    """
    make_dirs(target.parent)
    src = sqlite3.connect(read_only_uri(source), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with temporary_for(target, replace=replace) as temporary:
            dst = sqlite3.connect(temporary)
            try:
                src.backup(dst)
            finally:
                dst.close()
    finally:
        src.close()
    return target
