"""Opening the user's database for a subcommand; every file problem becomes a UsageError."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from netcoach.cli.errors import UsageError

if TYPE_CHECKING:
    from netcoach.paths import Paths


def open_store(paths: Paths):  # type: ignore[no-untyped-def]
    """The Store on the user's database, every file problem turned into a UsageError."""
    from netcoach.data.repo import Store

    return Store(open_store_database(paths))


def refuse_if_read_only(db: object, path: Path, doing: str, hint: str = "") -> None:
    """A command that writes stops here, saying why, when the database may only be read."""
    reason = getattr(db, "read_only_reason", None)
    if reason is not None:
        db.close()  # type: ignore[attr-defined]
        raise UsageError(f"cannot {doing}: the database {path} is read-only ({reason}){hint}")


def open_store_database(paths: Paths):  # type: ignore[no-untyped-def]
    """Open (and migrate) the database for a subcommand."""
    from netcoach.data.db import open_database

    with database_errors(paths.database):
        return open_database(paths.database, paths.backups_dir)


@contextmanager
def database_errors(database: Path) -> Iterator[None]:
    """Turn every problem with the database file into a one-line UsageError."""
    from netcoach.data.db import DatabaseFileError
    from netcoach.data.migrations import MigrationError, SchemaTooNewError

    try:
        yield
    except (DatabaseFileError, SchemaTooNewError, MigrationError) as error:
        raise UsageError(str(error)) from error
    except PermissionError as error:
        raise UsageError(f"cannot open {database}: permission denied") from error
