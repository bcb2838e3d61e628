"""The subcommands that report on the database: doctor (checks; repairs the index), review."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from netcoach.cli.database import open_store, open_store_database, refuse_if_read_only
from netcoach.cli.errors import EXIT_ERROR, EXIT_OK, UsageError

if TYPE_CHECKING:
    from netcoach.paths import Paths


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
