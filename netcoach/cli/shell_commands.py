"""The coach in the shell: ``netcoach today`` and ``netcoach touch NAME``.

``today`` prints the cards of the Today screen, read by the same functions the cards
call (``netcoach.data.today``) and written by ``netcoach.core.today_text``; it imports
no part of the full-screen app. ``touch`` logs a touch through the same repository
call as the app's touch dialog, dated by the same reader as every date field.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from netcoach.cli.errors import EXIT_OK, EXIT_USAGE, UsageError
from netcoach.core.touches import INTERACTION_KINDS, TOUCH_NOTE_MAX, a_touch

if TYPE_CHECKING:
    from netcoach.core.models import ContactRow
    from netcoach.data.repo import Store
    from netcoach.paths import Paths

# What "now" is for these commands; tests set a fixed clock here.
clock: Callable[[], datetime] = datetime.now

# How many of several matching contacts are listed.
LISTED = 10


def add_shell_subcommands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``today [--format text|markdown]`` and ``touch NAME [--kind] [--when] [--note]``."""
    today = commands.add_parser(
        "today",
        help="print Today's cards: next event, pitch, one-to-ones, follow-ups, who needs a touch",
        description="Print what the Today screen shows, in a few lines a card, for a shell "
        "greeting or a cron job. Nothing is written.",
    )
    today.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="text for the terminal (default) or markdown for a page",
    )
    today.set_defaults(handler=run_today)
    touch = commands.add_parser(
        "touch",
        help="log a touch (a call, an email, a coffee…) with a contact",
        description="Log a touch with the contact whose name matches NAME, as the contacts "
        "search finds them, and print when they are next due. A contact whose whole name is "
        "NAME wins over others that only contain it; when several match, they are listed and "
        "nothing is logged (exit status 2).",
    )
    touch.add_argument("name", nargs="+", metavar="NAME", help="the name, or part of it")
    touch.add_argument(
        "--kind",
        choices=INTERACTION_KINDS,
        default=INTERACTION_KINDS[0],
        help=f"what it was (default: {INTERACTION_KINDS[0]})",
    )
    touch.add_argument(
        "--when",
        metavar="WHEN",
        default="now",
        help='when it happened, in words: "yesterday 4pm", "last fri", "2026-11-20 08:30" '
        "(default: now; never later than now)",
    )
    touch.add_argument("--note", metavar="TEXT", default="", help="a note to keep with it")
    touch.set_defaults(handler=run_touch)


# ---- today ---------------------------------------------------------------------------------


def run_today(args: argparse.Namespace, paths: Paths) -> int:
    from netcoach.cli.database import open_store_database
    from netcoach.core.today_text import TODAY_TEXT, TodayContext, render_cards, write_today
    from netcoach.data.repo import Store
    from netcoach.data.today import read_cards

    db = open_store_database(paths)
    try:
        store = Store(db, clock=clock)
        empty, data = read_cards(store, TODAY_TEXT)
    finally:
        db.close()
    context = TodayContext(now=store.clock(), empty=empty)
    write_out(write_today(render_cards(TODAY_TEXT, data, context), context, args.format))
    return EXIT_OK


def write_out(text: str) -> None:
    """Print ``text`` whatever the terminal's encoding ("?" for what it lacks); a reader
    that stops early (``| head``) is not an error."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# ---- touch ---------------------------------------------------------------------------------


def run_touch(args: argparse.Namespace, paths: Paths) -> int:
    name = " ".join(" ".join(args.name).split())
    if not name:
        raise UsageError("touch: give the name (or part of it) of the contact")
    now = clock().replace(microsecond=0)
    happened = read_when(args.when, now)
    if len(args.note) > TOUCH_NOTE_MAX:
        raise UsageError(f"bad --note: at most {TOUCH_NOTE_MAX:,} characters")
    from netcoach.cli.database import open_store_database, refuse_if_read_only
    from netcoach.data.repo import Store

    db = open_store_database(paths)
    refuse_if_read_only(db, paths.database, "log a touch")
    try:
        store = Store(db, clock=clock)
        found, total = find_contact(store, name)
        if len(found) != 1:
            return say_which(name, found, total)
        contact = found[0]
        store.log_interaction(contact.id, args.kind, args.note, happened)
        after = store.contacts.row(contact.id)
    finally:
        db.close()
    write_out(touch_line(contact, args.kind, happened, after, now) + "\n")
    return EXIT_OK


def read_when(text: str, now: datetime) -> datetime:
    """The moment ``--when`` names, by the date fields' reader; a UsageError naming the
    option when it cannot be read or is later than now."""
    from netcoach.core.text import one_line
    from netcoach.core.when import TOUCHED, WhenError, parse_when, touch_default_time

    try:
        return parse_when(text, now, touch_default_time(now), within=TOUCHED).moment
    except WhenError as error:
        raise UsageError(f"bad --when {one_line(text, 80)!r}: {error}") from error


def find_contact(store: Store, name: str) -> tuple[list[ContactRow], int]:
    """The contacts ``name`` finds (at most LISTED) and how many in all: those whose whole
    name it is, when there are any; otherwise every match of the contacts search."""
    from netcoach.core.models import ContactFilter

    with store.reading():
        exact = store.contacts.named(name, LISTED + 1)
        if exact:
            return exact[:LISTED], len(exact)
        page = store.contacts.page(ContactFilter(search=name), limit=LISTED)
    return list(page.rows), page.total


def say_which(name: str, found: list[ContactRow], total: int) -> int:
    """Nothing logged: say that no contact matched, or list those that did."""
    from netcoach.core.levels import level_name
    from netcoach.core.text import one_line, plural

    shown = one_line(name, 60)
    if not found:
        print(f"netcoach: no contact matches {shown!r}: nothing logged", file=sys.stderr)
        return EXIT_USAGE
    lines = [f"netcoach: {plural(total, 'contact')} match {shown!r}; nothing logged. Which one?"]
    for row in found:
        company = one_line(row.company, 40) or "no company"
        lines.append(
            f"  {one_line(row.name, 60)} · {company} · {row.level} {level_name(row.level)}"
        )
    if total > len(found):
        lines.append(f"  … and {total - len(found):,} more")
    lines.append("Give more of the name (the whole name picks that contact).")
    print("\n".join(lines), file=sys.stderr)
    return EXIT_USAGE


def touch_line(
    contact: ContactRow, kind: str, happened: datetime, after: ContactRow | None, now: datetime
) -> str:
    from netcoach.core.text import one_line
    from netcoach.core.when import day_in_words, describe_when

    due = after.next_due if after is not None else None
    next_due = (
        f"next touch due {due:%a} {due.day} {due:%b %Y} ({day_in_words(due, now.date())})"
        if due is not None
        else "no keep-in-touch date at this level"
    )
    return (
        f"Logged {a_touch(kind)} with {one_line(contact.name, 60)}, "
        f"{describe_when(happened, now)}; {next_due}."
    )
