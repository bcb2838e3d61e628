"""The ``netcoach`` command line. Only the standard library is imported at module level."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
    doctor = commands.add_parser(
        "doctor",
        help="check the database, its permissions and search index; repair the index",
        description="Check integrity, schema version, permissions and the search index, "
        "and rebuild the search index if it drifted from the contacts.",
    )
    doctor.add_argument("--no-repair", action="store_true", help="only report, change nothing")
    doctor.set_defaults(handler=run_doctor)


def run_doctor(args: argparse.Namespace, paths: Paths) -> int:
    from netcoach.data.health import check_health

    app_db = open_store_database(paths)
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


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("netcoach")
    except PackageNotFoundError:
        from netcoach import __version__

        return __version__


def setup_logging(log_file: Path) -> None:
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"netcoach {version()}")
        return EXIT_OK
    from netcoach.paths import DataDirError, resolve_paths

    paths = resolve_paths(args.home)
    try:
        paths.ensure()
    except DataDirError as error:
        print(f"netcoach: {error}", file=sys.stderr)
        return EXIT_USAGE
    setup_logging(paths.log_file)
    try:
        return run(args, paths)
    except UsageError as error:
        print(f"netcoach: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected error")
        print(
            f"netcoach: an unexpected error stopped netcoach; the details are in {paths.log_file}",
            file=sys.stderr,
        )
        return EXIT_ERROR


def run(args: argparse.Namespace, paths: object) -> int:
    from netcoach.paths import Paths

    assert isinstance(paths, Paths)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args, paths))
    if args.demo:
        return run_demo(paths)
    app = open_app(paths.database, paths.backups_dir, paths.config_file)
    app.run()
    return app.return_code or EXIT_OK


def open_app(database: Path, backups: Path, config: Path, demo: bool = False):  # type: ignore[no-untyped-def]
    """Build the app on ``database``, turning every file problem into a UsageError."""
    from netcoach.app import create_app

    with database_errors(database):
        return create_app(database, backups, config_path=config, demo=demo)


def run_demo(paths: object) -> int:
    """Open the app on a throwaway database of demo data in a temporary directory."""
    import tempfile

    from netcoach.paths import Paths

    assert isinstance(paths, Paths)
    with tempfile.TemporaryDirectory(prefix="netcoach-demo-") as scratch:
        root = Path(scratch)
        os.chmod(root, 0o700)
        database = root / "demo.db"
        from netcoach.data.db import open_database
        from netcoach.data.demo import generate_demo

        generate_demo(open_database(database, root / "backups"))
        app = open_app(database, root / "backups", paths.config_file, demo=True)
        app.run()
        return app.return_code or EXIT_OK
