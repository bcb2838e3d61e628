"""The ``netcoach`` command line. Only the standard library is imported at module level.

``main`` (here) parses the arguments, makes the home's folders, sets up logging, runs
what was asked and turns every error into a line and an exit status:

- ``parser.py``: the argument parser, the global options and every subcommand.
- ``io_commands.py``: import, export, backup and restore.
- ``report_commands.py``: doctor and review.
- ``pitch_commands.py``: pitch check (a script's parts, ask, fillers and timing).
- ``shell_commands.py``: today (Today's cards as text) and touch (log a touch).
- ``launch.py``: ``run`` (a subcommand, the full-screen app, or either on demo data),
  ``open_app`` and ``run_app``.
- ``database.py``: opening the database for a subcommand, file problems as UsageErrors.
- ``errors.py``: exit statuses, ``UsageError``, the words for a problem of the machine.
- ``logs.py``: the log file, and its fall-back to standard error.

Every submodule, too, imports only the standard library at module level. ``main``
calls ``run`` as this module holds it (a test replaces ``netcoach.cli.run``).
"""

from __future__ import annotations

import logging
import sys

from netcoach.cli.database import (
    database_errors,
    open_store,
    open_store_database,
    refuse_if_read_only,
)
from netcoach.cli.errors import EXIT_ERROR, EXIT_OK, EXIT_USAGE, UsageError, environment_problem
from netcoach.cli.io_commands import handle_backup, handle_export, handle_import, handle_restore
from netcoach.cli.launch import open_app, run, run_app, run_demo
from netcoach.cli.logs import LogFile, StandardError, close_logging, setup_logging, stderr_handler
from netcoach.cli.parser import add_io_subcommands, add_subcommands, build_parser
from netcoach.cli.pitch_commands import add_pitch_subcommands, read_script, run_pitch_check
from netcoach.cli.report_commands import run_doctor, run_review

log = logging.getLogger("netcoach")


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("netcoach")
    except PackageNotFoundError:
        from netcoach import __version__

        return __version__


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


__all__ = [
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "LogFile",
    "StandardError",
    "UsageError",
    "add_io_subcommands",
    "add_pitch_subcommands",
    "add_subcommands",
    "build_parser",
    "close_logging",
    "database_errors",
    "environment_problem",
    "handle_backup",
    "handle_export",
    "handle_import",
    "handle_restore",
    "main",
    "open_app",
    "open_store",
    "open_store_database",
    "read_script",
    "refuse_if_read_only",
    "run",
    "run_app",
    "run_demo",
    "run_doctor",
    "run_pitch_check",
    "run_review",
    "setup_logging",
    "stderr_handler",
    "version",
]
