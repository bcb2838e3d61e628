"""``netcoach brief [--event ID] [--format text|markdown]``: the breakfast brief, printed.

The same brief the app's Brief screen shows, for the next event unless an id is given.
No event ahead, or an id that names none, is one line and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from netcoach.cli.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    from netcoach.paths import Paths


def add_brief_subcommand(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``brief [--event ID] [--format text|markdown]``."""
    brief = commands.add_parser(
        "brief",
        help="print the breakfast brief for the next event (or --event ID)",
        description="For each person expected at the event: their level and next step, "
        "last touch, follow-ups owed either way, give and get, one thing you can give "
        "today and any one-to-one planned; the people you have not met yet; your pitch, "
        "its ask and the last-minute guard. Nothing is written.",
    )
    brief.add_argument(
        "--event",
        metavar="ID",
        type=int,
        default=None,
        help="the event's number (default: the next event)",
    )
    brief.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="text for the terminal (default) or markdown, a page to print",
    )
    brief.set_defaults(handler=run_brief)


def run_brief(args: argparse.Namespace, paths: Paths) -> int:
    from netcoach.cli.database import open_store
    from netcoach.core.brief import to_markdown, to_text
    from netcoach.data.errors import NotFoundError

    store = open_store(paths)
    try:
        brief = store.brief.brief(args.event)
    except NotFoundError:
        raise UsageError(
            f"no event with id {args.event}: netcoach brief without --event takes the next one"
        ) from None
    if brief is None:
        raise UsageError("no event ahead: add the next one in the app (o, then 2 and n)")
    text = to_markdown(brief) if args.format == "markdown" else to_text(brief)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if callable(reconfigure):
        reconfigure(errors="replace")
    sys.stdout.write(text)
    return EXIT_OK
