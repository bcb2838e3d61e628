"""Where netcoach keeps its data, configuration and logs, and how it makes files there.

Nothing here touches the disk at import time; ``Paths.ensure()`` creates the
directories when the command line decides they are needed.

netcoach sets modes only on what it creates: a folder it makes is 0700 and a file
it makes is 0600, whatever the umask. A folder or file that was already there keeps
its mode. Standard library only: the command line uses this before anything else.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

APP_NAME = "netcoach"
DATABASE_NAME = "netcoach.db"
HOME_ENV = "NETCOACH_HOME"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
ANY_WRITE_BIT = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


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
        """Create the missing directories 0700, or raise DataDirError.

        A directory that exists is left as it is. A home that exists but may not be
        written is not an error here: its database opens read-only, and the folders
        that cannot be made in it are left out.
        """
        make_private_dir(self.data_dir)
        read_only = not writable(self.data_dir)
        for directory in (self.config_dir, self.log_dir, self.backups_dir):
            try:
                make_private_dir(directory)
            except DataDirError:
                if not read_only:
                    raise


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


def writable(path: Path) -> bool:
    """Whether netcoach may write ``path`` (a file, or a folder to make files in).

    The system must allow it and the disk must not be read-only. A file or folder
    with no write permission for anyone is read-only too, also for root, whom the
    system would let write anyway: netcoach keeps to what its modes say.
    """
    try:
        status = os.stat(path)
    except OSError:
        return False
    if _disk_is_read_only(path) or not status.st_mode & ANY_WRITE_BIT:
        return False
    wanted = os.W_OK | os.X_OK if stat.S_ISDIR(status.st_mode) else os.W_OK
    return os.access(path, wanted)


def nearest_existing(path: Path) -> Path:
    """``path`` if it exists, else the nearest folder above it that does."""
    place = Path(path)
    while not place.exists() and place != place.parent:
        place = place.parent
    return place


def on_read_only_disk(path: Path) -> bool:
    """Whether ``path`` (or the nearest folder above it that exists) is on a read-only disk."""
    return _disk_is_read_only(nearest_existing(path))


def _disk_is_read_only(path: Path) -> bool:
    if not hasattr(os, "statvfs"):  # Windows: read-only disks refuse writes with EROFS/EACCES
        return False
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def make_dirs(directory: Path) -> None:
    """Create ``directory`` and every missing folder above it, each 0700 whatever the umask.

    Folders that were there are left as they are (one made at the same moment by
    another netcoach too). Raises OSError, PermissionError for a folder that
    may not be written (see ``writable``).
    """
    missing: list[Path] = []
    place = Path(directory)
    while not place.is_dir() and place != place.parent:
        missing.append(place)
        place = place.parent
    if missing and not writable(place):
        raise PermissionError(errno.EACCES, "the folder may not be written", str(place))
    for folder in reversed(missing):
        try:
            os.mkdir(folder, FOLDER_MODE)
        except FileExistsError:
            if folder.is_dir():
                continue
            raise
        os.chmod(folder, FOLDER_MODE)  # the umask may have taken bits from mkdir's mode


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` (and missing parents) 0700 if it is not there; DataDirError if
    impossible. An existing folder is left as it is."""
    try:
        make_dirs(directory)
    except OSError as error:
        reason = error.strerror or str(error)
        if error.filename and Path(error.filename) != Path(directory):
            reason = f"{reason} ({error.filename})"
        raise DataDirError(f"cannot use the directory {directory}: {reason}") from error


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty and 0600 whatever the umask; True if this call created it.

    A file that is already there is left as it is, mode included.
    """
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, FILE_MODE)
    except FileExistsError:
        return False
    try:
        _private(descriptor)
    finally:
        os.close(descriptor)
    return True


def _private(descriptor: int) -> None:
    """Make a file netcoach just created 0600, whatever the umask took from its mode."""
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, FILE_MODE)


def partial_name(target: Path) -> str:
    """The prefix of the hidden file a write to ``target`` goes to until it is complete."""
    return f".{target.name}.partial-"


@contextmanager
def written_whole(target: Path, replace: bool = True) -> Iterator[IO[str]]:
    """A text file to write ``target`` through: a hidden temporary file in the same folder,
    renamed to ``target`` only once everything was written, so a write that fails or is
    killed leaves no file named like the target, and the file that was there (if any)
    whole. The new file is 0600 whatever the umask.

    With ``replace`` False, an existing ``target`` is refused with FileExistsError
    (also one made while writing). Use ``temporary_for`` when something else writes.
    """
    with (
        temporary_for(target, replace) as temporary,
        open(temporary, "w", encoding="utf-8", newline="") as handle,
    ):
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


@contextmanager
def temporary_for(target: Path, replace: bool = True) -> Iterator[Path]:
    """A hidden, empty 0600 file next to ``target``; renamed to ``target`` when the block
    ends without an error, removed when it raises. See ``written_whole``."""
    target = Path(target)
    if not replace and os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "already exists", str(target))
    if not writable(target.parent):
        raise PermissionError(errno.EACCES, "the folder may not be written", str(target.parent))
    descriptor, name = tempfile.mkstemp(prefix=partial_name(target), dir=target.parent)
    temporary = Path(name)
    try:
        _private(descriptor)
        os.close(descriptor)
        yield temporary
        if replace:
            os.replace(temporary, target)
        else:
            _rename_without_replacing(temporary, target)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise
    sync_folder(target.parent)


def _rename_without_replacing(temporary: Path, target: Path) -> None:
    """Give ``temporary`` the name ``target`` unless a file took that name meanwhile."""
    try:
        os.link(temporary, target)  # refused if target exists, with no window for a race
    except FileExistsError:
        raise
    except OSError:
        # A filesystem without hard links: check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "already exists", str(target)) from None
        os.rename(temporary, target)
    else:
        temporary.unlink()


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every system allows it)."""
    with suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
