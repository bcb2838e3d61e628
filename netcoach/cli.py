"""The ``netcoach`` command line. Only the standard library is imported at module level."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

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


def run_review(args: argparse.Namespace, paths: object) -> int:
    """Print the same review the Review screen shows."""
    from netcoach.core.review import PeriodError, default_period, parse_period
    from netcoach.paths import Paths

    assert isinstance(paths, Paths)
    try:
        period = parse_period(args.period) if args.period else None
    except PeriodError as error:
        raise UsageError(str(error)) from error
    from netcoach.core.review import build_review, to_markdown
    from netcoach.data.db import DatabaseFileError, open_database
    from netcoach.data.migrations import MigrationError, SchemaTooNewError
    from netcoach.data.repo import Store

    try:
        store = Store(open_database(paths.database, paths.backups_dir))
    except (DatabaseFileError, SchemaTooNewError, MigrationError) as error:
        raise UsageError(str(error)) from error
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
    from netcoach.data.db import DatabaseFileError
    from netcoach.data.migrations import MigrationError, SchemaTooNewError

    try:
        from netcoach.app import create_app

        return create_app(database, backups, config_path=config, demo=demo)
    except (DatabaseFileError, SchemaTooNewError, MigrationError) as error:
        raise UsageError(str(error)) from error
    except PermissionError as error:
        raise UsageError(f"cannot open {database}: permission denied") from error


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
