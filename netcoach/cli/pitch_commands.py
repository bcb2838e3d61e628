"""``netcoach pitch check``: a script's parts, ask, fillers, measures and timing notes.

The script is read from a file or standard input as UTF-8. The person's saved profile
and speaking rate are used when their database exists; it is only read, never created.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from netcoach.cli.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    from netcoach.paths import Paths

# A pitch is a few hundred words; a file this big is something else.
MAX_SCRIPT_BYTES = 1024 * 1024


def add_pitch_subcommands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``pitch check FILE|- [--limit SECONDS] [--format text|json]``."""
    pitch = commands.add_parser(
        "pitch",
        help="check a one-minute pitch script",
        description="Work with one-minute pitch scripts outside the app.",
    )
    actions = pitch.add_subparsers(dest="pitch_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="check a script's parts, ask, fillers and length",
        description="Check a pitch script: which of the seven parts it has (with the "
        "sentences that show it), how specific the ask is, filler and hedging words, a "
        "peer's measures and the timing against the limit. Uses your saved profile and "
        "speaking rate when your database exists; nothing is written.",
    )
    check.add_argument("file", metavar="FILE", help="the script, as UTF-8 text; - for stdin")
    check.add_argument(
        "--limit",
        metavar="SECONDS",
        default=None,
        help="the time limit, 15 to 180 seconds (default: 60)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or json (see docs/pitch-check.md)",
    )
    check.set_defaults(handler=run_pitch_check)


def run_pitch_check(args: argparse.Namespace, paths: Paths) -> int:
    from netcoach.core.pitch.limits import DEFAULT_LIMIT_SECONDS, parse_limit
    from netcoach.core.pitch.report import CROSS, TICK, check_pitch

    limit = DEFAULT_LIMIT_SECONDS
    if args.limit is not None:
        seconds, error = parse_limit(args.limit)
        if seconds is None:
            reason = (error or "").rstrip(".")
            raise UsageError(f"bad --limit {args.limit!r}: {reason[:1].lower()}{reason[1:]}")
        limit = seconds
    text = read_script(args.file)
    from netcoach.data.pitch_settings import read_pitch_settings

    settings = read_pitch_settings(paths.database)
    if settings.problem:
        print(f"netcoach: note: {settings.problem}; checked without your profile", file=sys.stderr)
    check = check_pitch(text, limit, settings.wpm, settings.profile)
    if args.format == "json":
        output = json.dumps(check.as_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        marks = (TICK, CROSS) if _can_write(TICK + CROSS) else ("+", "-")
        output = check.as_text(*marks)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")  # a character the terminal lacks shows as "?"
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) stopped early: not an error; silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def read_script(name: str) -> str:
    """The script in ``name`` (``-`` for standard input), as text; a UsageError otherwise."""
    where = "standard input" if name == "-" else name
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_SCRIPT_BYTES + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise UsageError(f"cannot read {name}: it is a directory, not a text file")
            with path.open("rb") as handle:
                data = handle.read(MAX_SCRIPT_BYTES + 1)
    except FileNotFoundError as error:
        raise UsageError(f"cannot read {name}: no such file") from error
    except OSError as error:
        raise UsageError(f"cannot read {where}: {error.strerror or error}") from error
    if len(data) > MAX_SCRIPT_BYTES:
        raise UsageError(f"cannot check {where}: it is over 1 MB, too long to be a pitch script")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = _utf16_text(data, where)  # Notepad's "Unicode": UTF-16 with a byte-order mark
    else:
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise UsageError(f"cannot check {where}: line {line}: binary data, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise UsageError(f"cannot check {where}: line {line}: not UTF-8 text") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_text(data: bytes, where: str) -> str:
    """``data`` (starting with a UTF-16 byte-order mark) as text; a NUL or a broken
    character is refused with the line it is on."""
    codec = "utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"
    try:
        text = data[2:].decode(codec)
    except UnicodeDecodeError as error:
        line = data[2 : 2 + error.start].decode(codec, "replace").count("\n") + 1
        raise UsageError(f"cannot check {where}: line {line}: not UTF-16 text") from error
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise UsageError(f"cannot check {where}: line {line}: binary data, not text")
    return text


def _can_write(characters: str) -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        characters.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
