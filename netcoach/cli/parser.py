"""The argument parser: the global options and every subcommand with its handler."""

from __future__ import annotations

import argparse

from netcoach.cli.brief_commands import add_brief_subcommand
from netcoach.cli.io_commands import handle_backup, handle_export, handle_import, handle_restore
from netcoach.cli.pitch_commands import add_pitch_subcommands
from netcoach.cli.report_commands import run_doctor, run_review
from netcoach.cli.shell_commands import add_shell_subcommands


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
    add_pitch_subcommands(commands)
    add_shell_subcommands(commands)
    add_brief_subcommand(commands)


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
    exporter.add_argument(
        "--reminders",
        action="store_true",
        help="ics: add touches due (overdue or within 30 days), follow-ups due and goal "
        "deadlines as all-day items with a 9:00 alarm",
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
