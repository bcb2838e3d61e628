"""Drafts of forms kept on disk while they are typed, so a crash or a quit loses nothing.

One JSON file per form and record, ``<home>/drafts/<form>-<record id or new>.json``,
written whole to a temporary file and renamed over the old one (so a reader sees the
old draft or the new one, never half of one), readable by the owner only. Standard
library only: the screens call these helpers from thread workers.
"""

from __future__ import annotations

import json
import re
import threading
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from netcoach.paths import make_dirs, written_whole

DRAFTS_FOLDER = "drafts"
FORMAT = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class DraftUnreadable(Exception):
    """A draft file exists but cannot be read back (damaged, foreign or unreadable)."""


@dataclass(frozen=True, slots=True)
class KeptDraft:
    """What a form held when its draft was last written, and when that was."""

    values: dict[str, Any]
    saved_at: datetime


def draft_path(home: Path, form: str, key: str) -> Path:
    """Where the draft of ``form`` for record ``key`` ("new" for a new record) is kept."""
    name = _UNSAFE.sub("_", f"{form}-{key}")
    return Path(home) / DRAFTS_FOLDER / f"{name}.json"


def write_draft(path: Path, values: dict[str, Any], saved_at: datetime) -> None:
    """Write the draft atomically (temporary file, then rename), mode 0600.

    The drafts folder is created 0700 if it is missing; an existing folder is left as it is.
    """
    folder = path.parent
    make_dirs(folder)
    text = json.dumps(
        {"format": FORMAT, "saved_at": saved_at.isoformat(), "values": values},
        ensure_ascii=False,
    )
    with written_whole(path) as file:
        file.write(text)


def read_draft(path: Path) -> KeptDraft | None:
    """The draft kept at ``path``, None when there is none; DraftUnreadable when damaged."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise DraftUnreadable(f"{path}: {error}") from error
    try:
        data = json.loads(text)
        values = data["values"]
        saved_at = datetime.fromisoformat(data["saved_at"])
    except (ValueError, TypeError, KeyError) as error:
        raise DraftUnreadable(f"{path}: not a netcoach draft") from error
    if not isinstance(values, dict) or data.get("format") != FORMAT:
        raise DraftUnreadable(f"{path}: not a netcoach draft")
    return KeptDraft(values, saved_at)


def remove_draft(path: Path) -> None:
    """Forget the draft at ``path`` (nothing happens when there is none)."""
    with suppress(OSError):
        path.unlink()


class DraftFile:
    """One form's draft file, written from thread workers in the order the changes were made.

    Every write or removal carries a sequence number taken when the change was seen;
    one that arrives after a newer one has been done is skipped, so a slow older
    write never replaces a newer draft or brings back a removed one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._done = 0

    def write(self, sequence: int, values: dict[str, Any], saved_at: datetime) -> bool:
        """Write ``values``; False when a newer change was already written or removed."""
        with self._lock:
            if sequence < self._done:
                return False
            write_draft(self.path, values, saved_at)
            self._done = sequence
            return True

    def remove(self, sequence: int) -> bool:
        with self._lock:
            if sequence < self._done:
                return False
            remove_draft(self.path)
            self._done = sequence
            return True

    def read(self) -> KeptDraft | None:
        with self._lock:
            return read_draft(self.path)
