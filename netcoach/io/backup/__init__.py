"""Backup and restore of the whole database, and loading a JSON export into an empty home.

- ``backup.py``: ``make_backup`` (SQLite's online backup, even while the app runs),
  ``unused_name``, and ``BackupError``, which every refusal here raises.
- ``check.py``: ``check_backup_file``, the checks a file passes before it may replace
  the database.
- ``restore.py``: ``restore``, of a .db backup (a JSON export goes to ``json_load``).
- ``json_load.py``: ``restore_json``, a JSON export checked whole, then loaded at once.

The time stamp in a backup's name is ``backup._stamp`` (a test fixes it there).
"""

from __future__ import annotations

from netcoach.io.backup.backup import BackupError, make_backup, unused_name
from netcoach.io.backup.check import SQLITE_HEADER, check_backup_file
from netcoach.io.backup.json_load import Plan, Refused, restore_json
from netcoach.io.backup.restore import restore

__all__ = [
    "SQLITE_HEADER",
    "BackupError",
    "Plan",
    "Refused",
    "check_backup_file",
    "make_backup",
    "restore",
    "restore_json",
    "unused_name",
]
