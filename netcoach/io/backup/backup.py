"""Backing up: a consistent copy of the live database, under a name that never collides."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from netcoach.paths import Paths


class BackupError(Exception):
    """A backup or restore that could not be done; nothing was changed."""


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def unused_name(path: Path) -> Path:
    """``path``, or the same name with -2, -3... when a backup made within the second has it."""
    candidate, number = path, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def make_backup(paths: Paths, target: Path | None = None, force: bool = False) -> Path:
    """A consistent copy of the live database (SQLite online backup), even while it is in use.

    The copy is a new 0600 file, written under a hidden name and renamed when complete.
    An existing file is never replaced unless ``force``; the database itself never.
    """
    from netcoach.data.db import backup_database

    if not paths.database.exists():
        raise BackupError(f"there is no database to back up at {paths.database}")
    if target is None:
        target = unused_name(paths.backups_dir / f"netcoach-{_stamp()}.db")
    elif target.is_dir():
        target = unused_name(target / f"netcoach-{_stamp()}.db")
    refused = f"{target} already exists; netcoach does not overwrite it (add --force to replace it)"
    if os.path.lexists(target):
        if not force:
            raise BackupError(refused)
        if not target.is_file() or target.is_symlink():
            raise BackupError(f"{target} is not a regular file; netcoach replaces only a file")
        if target.samefile(paths.database):
            raise BackupError(f"{target} is the database itself; choose another file")
    try:
        return backup_database(paths.database, target, replace=force)
    except FileExistsError as error:
        raise BackupError(refused) from error
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise BackupError(
            f"cannot write the backup {target}: {error.strerror or error}{where}"
        ) from error
    except sqlite3.Error as error:
        raise BackupError(f"cannot write the backup {target}: {error}") from error
