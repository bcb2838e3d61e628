"""Running what was asked: a subcommand, the full-screen app, or either on demo data."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from netcoach.cli.database import database_errors
from netcoach.cli.errors import EXIT_OK

log = logging.getLogger("netcoach")


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
