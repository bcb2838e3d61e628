"""``create_app``: the one way to build the app, on a database opened (and migrated) first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from netcoach.config import load_config
from netcoach.data.repo import Store

if TYPE_CHECKING:
    from netcoach.app import NetcoachApp


def create_app(
    db_path: Path,
    backups_dir: Path | None = None,
    config_path: Path | None = None,
    demo: bool = False,
    clock: Callable[[], datetime] = datetime.now,
) -> NetcoachApp:
    """Open (and if needed migrate) the database at ``db_path`` and build the app on it."""
    from netcoach.app import NetcoachApp
    from netcoach.data.db import open_database

    db_path = Path(db_path)
    database = open_database(db_path, backups_dir or db_path.parent / "backups")
    return NetcoachApp(
        Store(database, clock=clock),
        config=load_config(config_path),
        demo=demo,
        database_path=db_path,
    )
