"""Logging: the log file, and standard error once the file cannot be written."""

from __future__ import annotations

import logging
import sys
from contextlib import suppress
from pathlib import Path


class LogFile(logging.FileHandler):
    """The log file; once it cannot be written, warnings and errors go to standard error.

    The first failure is said in one line. A full disk is not: the command that
    met it says so in its own line, and a log message is not worth a second one.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8")
        self.fallback: logging.Handler | None = None

    @property
    def fallen_back(self) -> bool:
        return self.fallback is not None

    def emit(self, record: logging.LogRecord) -> None:
        if self.fallback is None:
            super().emit(record)
        elif record.levelno >= self.fallback.level:
            self.fallback.handle(record)

    def handleError(self, record: logging.LogRecord) -> None:
        import errno

        error = sys.exc_info()[1]
        if self.fallback is not None:
            return
        self.fallback = stderr_handler()
        if not (isinstance(error, OSError) and error.errno == errno.ENOSPC):
            reason = error.strerror if isinstance(error, OSError) else error
            print(
                f"netcoach: warning: cannot write the log {self.baseFilename} ({reason}); "
                "warnings go to standard error instead",
                file=sys.stderr,
            )
        stream, self.stream = self.stream, None  # type: ignore[assignment]
        with suppress(OSError):
            stream.close()
        self.emit(record)


class StandardError(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings and errors on whatever standard error is at the time (the app redirects it)."""

    @property  # type: ignore[override]
    def stream(self):  # type: ignore[no-untyped-def]
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def stderr_handler() -> logging.Handler:
    handler = StandardError()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("netcoach: %(levelname)s: %(message)s"))
    return handler


def setup_logging(log_file: Path) -> LogFile | None:
    """Log to ``log_file`` (making its folder); if that fails, say so in one line and use
    standard error.

    Returns the file's handler, or None when logging fell back to standard error.
    """
    from netcoach.paths import DataDirError, create_private_file, make_private_dir

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        make_private_dir(log_file.parent)
        # netcoach creates its log 0600 whatever the umask; when it cannot, LogFile says why.
        with suppress(OSError):
            create_private_file(log_file)
        handler = LogFile(log_file)
    except (OSError, DataDirError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        print(
            f"netcoach: warning: cannot write the log {log_file} ({reason}); "
            "warnings go to standard error instead",
            file=sys.stderr,
        )
        root.addHandler(stderr_handler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return handler


def close_logging(handler: logging.Handler | None) -> None:
    """Detach what ``setup_logging`` attached, so that a second ``main`` in one process starts
    afresh."""
    root = logging.getLogger()
    for attached in list(root.handlers):
        if attached is handler or isinstance(attached, StandardError):
            root.removeHandler(attached)
            attached.close()
