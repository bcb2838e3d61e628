"""Restoring: a checked backup replaces the database, the current one kept among the backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from netcoach.core.text import plural
from netcoach.io.backup import backup
from netcoach.io.backup.backup import BackupError, make_backup, unused_name
from netcoach.io.backup.check import check_backup_file
from netcoach.io.backup.json_load import restore_json
from netcoach.paths import Paths, sync_folder


def restore(paths: Paths, source: Path) -> str:
    """Replace the database with ``source`` (a backup), or load a JSON export into an empty home.

    The backup is copied into a temporary file beside the database and checked there;
    only a complete, checked copy is renamed into place, after the current database
    has been kept among the backups.
    """
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    with source.open("rb") as handle:
        start = handle.read(16)
    if start.lstrip()[:1] == b"{":
        count = restore_json(paths, source)
        return f"restored {plural(count, 'row')} from {source}"
    check_backup_file(source, whole=False)  # a quick refusal, before anything is copied
    target = paths.database
    staging = target.with_name(f".{target.name}.restoring-{os.getpid()}")
    _remove_stale_copies(target)
    try:
        _copy_database(source, staging)
        check_backup_file(staging, label=source)
        kept = None
        if target.exists():
            _close_journal(target)
            kept = _keep_current(paths)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staging, target)
        sync_folder(target.parent)
    except OSError as error:
        raise BackupError(
            f"could not restore {source}: {error.strerror or error}; the database was not changed"
        ) from error
    finally:
        for leftover in (staging, Path(f"{staging}-journal")):
            leftover.unlink(missing_ok=True)
    where = f"; the previous database was kept as {kept}" if kept else ""
    return f"restored {source}{where}"


def _remove_stale_copies(target: Path) -> None:
    """Remove copies left beside the database by restores that were killed."""
    for leftover in target.parent.glob(f".{target.name}.restoring-*"):
        pid = leftover.name.removesuffix("-journal").rsplit("-", 1)[-1]
        if pid.isdigit() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _copy_database(source: Path, target: Path) -> None:
    """A page-for-page copy of ``source`` in a new private file, whatever its page size."""
    from netcoach.data.db import create_private_file

    target.unlink(missing_ok=True)
    create_private_file(target)
    try:
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise BackupError(f"could not copy {source}: {error}; nothing was restored") from error
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _keep_current(paths: Paths) -> Path:
    """Keep the current database among the backups; one that cannot be read, byte for byte."""
    from netcoach.data.db import create_private_file

    # The stamp as the backup module holds it: a test that fixes it fixes every name.
    stamp = backup._stamp()
    target = unused_name(paths.backups_dir / f"netcoach-before-restore-{stamp}.db")
    try:
        return make_backup(paths, target)
    except BackupError:
        if _readable(paths.database):
            raise
    kept = target.with_name(f"{target.stem}-as-found.db")
    for suffix in ("", "-wal"):
        found = Path(f"{paths.database}{suffix}")
        if found.exists():
            copy = Path(f"{kept}{suffix}")
            create_private_file(copy)
            shutil.copyfile(found, copy)
    return kept


def _readable(path: Path) -> bool:
    """True when ``path`` opens as an SQLite database and passes a quick check."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def _close_journal(path: Path) -> None:
    """Fold the write-ahead log into the database file, which needs every other copy closed."""
    from netcoach.data.db import is_busy

    try:
        connection = sqlite3.connect(path, timeout=2)
        try:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        if not is_busy(error):
            return  # a damaged database, kept as found, is replaced as it is
        mode = str(error)
    if mode != "delete":
        raise BackupError(
            f"{path} is open in another netcoach; close it and restore again (nothing was restored)"
        )
