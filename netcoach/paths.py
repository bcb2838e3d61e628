"""Where netcoach keeps its data, configuration and logs.

Nothing here touches the disk at import time; ``Paths.ensure()`` creates the
directories when the command line decides they are needed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "netcoach"
DATABASE_NAME = "netcoach.db"
HOME_ENV = "NETCOACH_HOME"


class DataDirError(Exception):
    """The data directory cannot be created or written."""


@dataclass(frozen=True, slots=True)
class Paths:
    """The directories and files one netcoach home uses."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "netcoach.log"

    def ensure(self) -> None:
        """Create every directory private to the user (0700), or raise DataDirError."""
        for directory in (self.data_dir, self.config_dir, self.log_dir, self.backups_dir):
            make_private_dir(directory)


def resolve_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    """Return the paths for ``home``, else ``$NETCOACH_HOME``, else the platform's user dirs."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().absolute()
        return Paths(data_dir=root, config_dir=root / "config", log_dir=root / "logs")
    import platformdirs

    return Paths(
        data_dir=platformdirs.user_data_path(APP_NAME, appauthor=False),
        config_dir=platformdirs.user_config_path(APP_NAME, appauthor=False),
        log_dir=platformdirs.user_log_path(APP_NAME, appauthor=False),
    )


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` (and parents) and make it 0700; raise DataDirError if impossible."""
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        if stat.S_IMODE(directory.stat().st_mode) != 0o700:
            directory.chmod(0o700)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataDirError(f"cannot use the directory {directory}: {reason}") from error
    if not os.access(directory, os.W_OK | os.X_OK):
        raise DataDirError(f"cannot write to the directory {directory}: permission denied")


def make_private_file(path: Path) -> None:
    """Make an existing file readable and writable by its owner only (0600)."""
    if path.exists() and stat.S_IMODE(path.stat().st_mode) != 0o600:
        path.chmod(0o600)
