"""The ``netcoach`` command line. Only the standard library is imported at module level."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netcoach.paths import Paths

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

log = logging.getLogger("netcoach")


class UsageError(Exception):
    """Bad usage or bad input: printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netcoach",
        description="A calm terminal coach for business networking. "
        "With no command, opens the full-screen app on your own data.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="keep all data, settings and logs in DIR (also: NETCOACH_HOME)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open on a fresh temporary database full of demo data; your own data is not touched",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_subcommands(commands)
    return parser


def add_subcommands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Declare the subcommands; each sets ``handler`` to a function(args, paths) -> int.

    With no subcommand, netcoach opens the full-screen app.
    """
    add_io_subcommands(commands)
    doctor = commands.add_parser(
        "doctor",
        help="check the database, its permissions and search index; repair the index",
        description="Check integrity, schema version, permissions and the search index, "
        "and rebuild the search index if it drifted from the contacts.",
    )
    doctor.add_argument("--no-repair", action="store_true", help="only report, change nothing")
    doctor.set_defaults(handler=run_doctor)
    review = commands.add_parser(
        "review",
        help="print the give-and-get review of a period",
        description="Print the review of a period: given and received, time spent, goals.",
    )
    review.add_argument(
        "--period",
        metavar="PERIOD",
        help="2026H1, 2026H2 or 2026-01-01..2026-03-31 (default: the half-year just ended "
        "or the current one)",
    )
    review.add_argument("--format", choices=("markdown",), default="markdown")
    review.set_defaults(handler=run_review)


def add_io_subcommands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """import, export, backup and restore; the work is in netcoach.io, imported when run."""
    importer = commands.add_parser(
        "import",
        help="import contacts from a LinkedIn, Google Contacts or vCard export",
        description="Import contacts; the same LinkedIn profile or email is merged, never "
        "duplicated. Prints: imported N, updated M, skipped K.",
    )
    importer.add_argument("kind", choices=("linkedin", "google", "vcard"))
    importer.add_argument(
        "file", metavar="FILE", help="the export; for vcard also a folder of .vcf files (a vdir)"
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="report what would happen and write nothing"
    )
    importer.set_defaults(handler=handle_import)
    exporter = commands.add_parser(
        "export",
        help="export your network as vCard, CSV, JSON or iCalendar",
        description="Write an export to FILE, or to standard output.",
    )
    exporter.add_argument("kind", choices=("vcard", "csv", "json", "ics"))
    exporter.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of stdout (replaced whole, by a new 0600 file, when complete); "
        "for vcard, a folder (existing, or ending in /) gets one file per contact",
    )
    exporter.set_defaults(handler=handle_export)
    backup = commands.add_parser(
        "backup",
        help="copy the database safely, even while netcoach is running",
        description="Copy the database safely, even while netcoach is running, into backups/ "
        "or FILE. The copy is written under a hidden name and renamed when complete; an "
        "existing FILE is refused unless --force is given.",
    )
    backup.add_argument("-o", "--output", metavar="FILE", help="where to write the copy")
    backup.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    backup.set_defaults(handler=handle_backup)
    restore = commands.add_parser(
        "restore",
        help="replace the database with a backup (.db) or load a JSON export into an empty home",
    )
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(handler=handle_restore)


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


def handle_import(args: argparse.Namespace, paths: Paths) -> int:
    from netcoach.io.imports import import_file
    from netcoach.io.text import ImportFileError

    store = open_store(paths)
    refuse_if_read_only(store.db, paths.database, "import")
    try:
        summary = import_file(store, args.kind, Path(args.file), dry_run=args.dry_run)
    except ImportFileError as error:
        raise UsageError(str(error)) from error
    finally:
        store.db.close()
    for notice in summary.notices:
        print(f"netcoach: note: {notice}", file=sys.stderr)
    print(summary.line)
    return EXIT_OK


def handle_export(args: argparse.Namespace, paths: object) -> int:
    from netcoach.io.exporters import export_folder, export_to, is_folder_target

    folder = bool(args.output) and is_folder_target(args.output)
    if folder and args.kind != "vcard":
        raise UsageError(
            f"cannot export {args.kind} to the folder {args.output}: only vcard is written as "
            "a folder (one card per contact); give a file name"
        )
    store = open_store(paths)
    try:
        if folder:
            from netcoach.core.text import noun

            done = export_folder(store, Path(args.output))
            cards = f"{done.written} {noun(done.written, 'card')}"
            gone = f"{done.removed} {noun(done.removed, 'card')}"
            removed = f"; removed {gone} of contacts no longer there" if done.removed else ""
            print(f"exported {cards} to {args.output}{removed}", file=sys.stderr)
        elif args.output:
            count = export_to(store, args.kind, Path(args.output))
            print(f"exported {count} to {args.output}", file=sys.stderr)
        else:
            export_to(store, args.kind, None, sys.stdout)
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) stopped early: not an error; silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        from netcoach.data.failures import failure_words

        reason = failure_words(error)
        if not args.output:
            raise UsageError(f"cannot write to standard output: {reason}") from error
        if folder:
            raise UsageError(
                f"cannot write {args.output}: {reason}; the cards written before stay whole "
                "and no card was removed"
            ) from error
        raise UsageError(f"cannot write {args.output}: {reason}; nothing was exported") from error
    finally:
        store.db.close()
    return EXIT_OK


def handle_backup(args: argparse.Namespace, paths: object) -> int:
    from netcoach.io.backup import BackupError, make_backup

    try:
        target = make_backup(paths, Path(args.output) if args.output else None, force=args.force)
    except BackupError as error:
        raise UsageError(str(error)) from error
    print(f"backed up to {target}")
    return EXIT_OK


def handle_restore(args: argparse.Namespace, paths: Paths) -> int:
    from netcoach.data.db import read_only_reason
    from netcoach.io.backup import BackupError, restore

    reason = read_only_reason(paths.database)
    if reason is not None:
        raise UsageError(f"cannot restore: the database {paths.database} is read-only ({reason})")
    try:
        message = restore(paths, Path(args.file))
    except BackupError as error:
        raise UsageError(str(error)) from error
    print(message)
    return EXIT_OK


def run_doctor(args: argparse.Namespace, paths: Paths) -> int:
    from netcoach.data.health import check_health

    app_db = open_store_database(paths)
    if not args.no_repair:
        hint = "; netcoach doctor --no-repair checks it without repairing"
        refuse_if_read_only(app_db, paths.database, "check and repair", hint)
    report = check_health(app_db, paths.database, paths.backups_dir, repair=not args.no_repair)
    for finding in report.findings:
        mark = "ok" if finding.ok else ("repaired" if finding.repaired else "PROBLEM")
        print(f"{finding.check:15} {mark:9} {finding.detail}")
    print("healthy" if report.healthy else "problems found")
    return EXIT_OK if report.healthy else EXIT_ERROR


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


def run_review(args: argparse.Namespace, paths: Paths) -> int:
    """Print the same review the Review screen shows."""
    from netcoach.core.review import PeriodError, default_period, parse_period

    try:
        period = parse_period(args.period) if args.period else None
    except PeriodError as error:
        raise UsageError(str(error)) from error
    from netcoach.core.review import build_review, to_markdown

    store = open_store(paths)
    period = period or default_period(store.today())
    ledger = store.ledger
    report = build_review(ledger.review_input(period))
    previous = ledger.previous_review(period.start)
    saved = ledger.saved_review_of(period)
    text = to_markdown(
        report,
        previous.figures if previous else None,
        saved.decisions if saved else None,
    )
    sys.stdout.write(text)
    return EXIT_OK


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("netcoach")
    except PackageNotFoundError:
        from netcoach import __version__

        return __version__


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


def environment_problem(error: BaseException, paths: Paths) -> str | None:
    """The one line for a problem of the machine (disk, permissions, a lock), or None for a bug."""
    from netcoach.data.failures import describe_failure

    words = describe_failure(error, where=paths.database)
    return f"{words}: nothing was saved" if words else None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"netcoach {version()}")
        return EXIT_OK
    from dataclasses import replace

    from netcoach.paths import DataDirError, resolve_paths

    paths = resolve_paths(args.home)
    try:
        # Every folder but the log's, which setup_logging makes: netcoach works without it.
        replace(paths, log_dir=paths.data_dir).ensure()
    except DataDirError as error:
        print(f"netcoach: {error}", file=sys.stderr)
        return EXIT_USAGE
    log_file = setup_logging(paths.log_file)
    try:
        return run(args, paths)
    except UsageError as error:
        print(f"netcoach: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        problem = environment_problem(error, paths)
        if problem is not None:
            log.info("stopped: %s (%s: %s)", problem, type(error).__name__, error)
            print(f"netcoach: {problem}", file=sys.stderr)
            return EXIT_USAGE
        log.exception("unexpected error")
        if log_file is None or log_file.fallen_back:
            where = "above (the log could not be written)"
        else:
            where = f"in {paths.log_file}"
        print(
            f"netcoach: an unexpected error stopped netcoach; the details are {where}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        close_logging(log_file)


def close_logging(handler: logging.Handler | None) -> None:
    """Detach what ``setup_logging`` attached, so that a second ``main`` in one process starts
    afresh."""
    root = logging.getLogger()
    for attached in list(root.handlers):
        if attached is handler or isinstance(attached, StandardError):
            root.removeHandler(attached)
            attached.close()


def run(args: argparse.Namespace, paths: object) -> int:
    from netcoach.paths import Paths

    assert isinstance(paths, Paths)
    handler = getattr(args, "handler", None)
    if args.demo:
        return run_demo(paths, args if handler is not None else None)
    if handler is not None:
        return int(handler(args, paths))
    return run_app(open_app(paths.database, paths.backups_dir, paths.config_file))


def open_app(database: Path, backups: Path, config: Path, demo: bool = False):  # type: ignore[no-untyped-def]
    """Build the app on ``database``, turning every file problem into a UsageError.

    Garbage collection pauses while the modules load and the first screen is built
    (nothing collectable is made then); the app turns it back on after its first frame.
    """
    import gc

    gc.disable()
    try:
        from netcoach.app import create_app

        with database_errors(database):
            app = create_app(database, backups, config_path=config, demo=demo)
    except BaseException:
        gc.enable()
        raise
    return app


def run_app(app) -> int:  # type: ignore[no-untyped-def]
    """Run the full-screen app; then say on standard error what the settings left out."""
    app.run()
    settings = app.config.warning_line()
    if settings:  # also shown in the app as it starts
        log.warning("settings left out: %s", settings)
        print(f"netcoach: note: settings left out: {settings}", file=sys.stderr)
    return app.return_code or EXIT_OK


def run_demo(paths: object, command: argparse.Namespace | None = None) -> int:
    """Open the app, or run ``command``, on a throwaway database of demo data in a temporary
    directory; the user's own database is not opened."""
    import tempfile

    from netcoach.paths import Paths, resolve_paths

    assert isinstance(paths, Paths)
    with tempfile.TemporaryDirectory(prefix="netcoach-demo-") as scratch:
        root = Path(scratch)
        os.chmod(root, 0o700)
        demo_paths = resolve_paths(root)
        database = demo_paths.database
        from netcoach.data.db import open_database
        from netcoach.data.demo import generate_demo

        generate_demo(open_database(database, root / "backups"))
        if command is not None:
            demo_paths.ensure()
            return int(command.handler(command, demo_paths))
        return run_app(open_app(database, root / "backups", paths.config_file, demo=True))
