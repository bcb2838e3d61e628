"""The subcommands that move files in and out: import, export, backup and restore.

The work is in netcoach.io, imported when a command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from netcoach.cli.database import open_store, refuse_if_read_only
from netcoach.cli.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    from netcoach.paths import Paths


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

    if args.reminders and args.kind != "ics":
        raise UsageError(f"--reminders goes with export ics, not {args.kind}")
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
            count = export_to(store, args.kind, Path(args.output), reminders=args.reminders)
            print(f"exported {count} to {args.output}", file=sys.stderr)
        else:
            export_to(store, args.kind, None, sys.stdout, reminders=args.reminders)
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
