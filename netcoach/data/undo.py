"""Undo one described change, and keep the last one on disk so the next run can undo it.

Call these from thread workers only. Each undo is one transaction that first
checks the change is still the latest thing that happened to its record; when it
is not (the contact was moved again, the entry already put back), nothing is
written and ``UndoRefused`` says why in a person's words.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from netcoach.core import undo
from netcoach.core.text import one_line
from netcoach.core.undo import UndoAction, UndoFormatError
from netcoach.paths import written_whole

if TYPE_CHECKING:
    from netcoach.data.repo import Store

log = logging.getLogger("netcoach")
LAST_CHANGE_SUFFIX = ".last-change.json"
MAX_FILE_BYTES = 1_000_000


class UndoRefused(Exception):
    """The change cannot be undone any more; the message says why."""


def last_change_path(database_path: Path) -> Path:
    """Where the last undoable change is kept: next to the database, named after it."""
    return database_path.with_name(database_path.name + LAST_CHANGE_SUFFIX)


class LastChangeFile:
    """The last undoable change, written 0600 next to the database (or removed)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def save(self, latest: Callable[[], UndoAction | None]) -> None:
        """Write the change ``latest`` gives, atomically (a temporary file renamed over the
        old one); None removes the file. ``latest`` is asked once the lock is held, so of
        two saves racing, the one that writes last writes the newest change."""
        with self._lock:
            action = latest()
            if action is None:
                self.path.unlink(missing_ok=True)
                return
            with written_whole(self.path) as stream:
                stream.write(action.to_json())

    def load(self) -> UndoAction | None:
        """The change kept by the last run; a missing, unreadable or foreign file is None."""
        with self._lock:
            try:
                if self.path.stat().st_size > MAX_FILE_BYTES:
                    raise UndoFormatError("the file is too large")
                text = self.path.read_text(encoding="utf-8")
                return UndoAction.from_json(text)
            except FileNotFoundError:
                return None
            except (OSError, UnicodeDecodeError, UndoFormatError) as error:
                log.warning("ignoring the last change kept in %s: %s", self.path, error)
                return None


def apply_undo(store: Store, action: UndoAction) -> None:
    """Put back what ``action`` changed, in one transaction.

    Raises UndoRefused, with nothing written, when the record is gone or has
    changed again since.
    """
    undoers = {
        undo.ARCHIVE: _unarchive,
        undo.LEVEL: _level_back,
        undo.LEDGER_ENTRY: _entry_back,
        undo.WANT_HAVE: _want_have_back,
        undo.FOLLOW_UP: _follow_up_back,
        undo.INTRODUCTION: _introduction_back,
        undo.SUGGESTION: _suggestion_back,
        undo.CONTACT_EDIT: _contact_back,
        undo.FOLLOW_UPS_ADDED: _follow_ups_removed,
    }
    undoers[action.kind](store, action)


def _contact_name(store: Store, contact_id: int) -> tuple[str, int, object] | None:
    found = store.db.execute_sql(
        "SELECT name, level, archived_at FROM contact WHERE id = ?", [contact_id]
    ).fetchone()
    return None if found is None else (str(found[0]), int(found[1]), found[2])


def _gone(action: UndoAction) -> UndoRefused:
    return UndoRefused(f"Cannot undo “{action.label}”: that contact is no longer in netcoach.")


def _unarchive(store: Store, action: UndoAction) -> None:
    archived_before = bool(action.before.get("archived", False))
    now = store.clock().replace(microsecond=0)
    with store.db.connection_context(), store.db.atomic("IMMEDIATE"):
        found = _contact_name(store, action.target)
        if found is None:
            raise _gone(action)
        name, _level, archived_at = found
        if (archived_at is not None) == archived_before:
            state = "archived" if archived_before else "active"
            raise UndoRefused(f"Nothing to undo: {one_line(name, 60)} is already {state}.")
        store.db.execute_sql(
            "UPDATE contact SET archived_at = ?, updated_at = ? WHERE id = ?",
            [now if archived_before else None, now, action.target],
        )


def _level_back(store: Store, action: UndoAction) -> None:
    """Move the contact back with the contacts repository's one undo of a level move."""
    from netcoach.core.models import LevelChange
    from netcoach.data.errors import LevelMoveError, NotFoundError

    from_level = _int(action.before.get("from_level"))
    to_level = _int(action.before.get("to_level"))
    change_id = _int(action.before.get("change_id"))
    if from_level is None or to_level is None or change_id is None:
        raise UndoRefused(f"Cannot undo “{action.label}”: the description is incomplete.")
    change = LevelChange(change_id, action.target, from_level, to_level, "", store.clock())
    try:
        store.contacts.undo_level_change(change)
    except NotFoundError:
        raise _gone(action) from None
    except LevelMoveError as refusal:
        raise UndoRefused(f"Not undone: {refusal}.") from None


def _entry_back(store: Store, action: UndoAction) -> None:
    from netcoach.data.errors import NotFoundError

    try:
        store.ledger.restore_entry(action.target)
    except NotFoundError:
        raise UndoRefused(f"Nothing to undo: “{action.label}” was already put back.") from None


def _want_have_back(store: Store, action: UndoAction) -> None:
    from netcoach.data.errors import NotFoundError

    try:
        store.ledger.restore_want_have(action.target)
    except NotFoundError:
        raise UndoRefused(f"Nothing to undo: “{action.label}” was already put back.") from None


def _follow_up_back(store: Store, action: UndoAction) -> None:
    from netcoach.data.errors import NotFoundError

    with store.db.connection_context():
        found = store.db.execute_sql(
            "SELECT done_at FROM follow_up WHERE id = ?", [action.target]
        ).fetchone()
    if found is None:
        raise UndoRefused(f"Cannot undo “{action.label}”: that follow-up is no longer there.")
    if found[0] is None:
        raise UndoRefused(f"Nothing to undo: “{action.label}” is already open again.")
    try:
        store.meetings.reopen_follow_up(action.target)
    except NotFoundError:
        raise UndoRefused(
            f"Cannot undo “{action.label}”: that follow-up is no longer there."
        ) from None


def _follow_ups_removed(store: Store, action: UndoAction) -> None:
    """Take away the follow-ups added after an event; refused once one of them is done."""
    from netcoach.data.errors import NotFoundError, ValidationError

    ids = action.before.get("ids")
    if not isinstance(ids, list) or not all(_int(i) is not None for i in ids):
        raise UndoRefused(f"Cannot undo “{action.label}”: the description is incomplete.")
    try:
        store.meetings.remove_follow_ups(ids)
    except NotFoundError:
        raise UndoRefused(f"Nothing to undo: “{action.label}” was already taken away.") from None
    except ValidationError as refusal:
        raise UndoRefused(f"Not undone: {refusal}") from None


def _introduction_back(store: Store, action: UndoAction) -> None:
    state = action.before.get("state")
    if not isinstance(state, str) or not state:
        raise UndoRefused(f"Cannot undo “{action.label}”: the description is incomplete.")
    now = store.clock().replace(microsecond=0)
    with store.db.connection_context(), store.db.atomic("IMMEDIATE"):
        _refuse_unless_dismissed(
            store,
            action,
            gone=f"Cannot undo “{action.label}”: it is no longer there.",
            moved="the introduction has moved on since",
        )
        store.db.execute_sql(
            "UPDATE introduction SET state = ?, updated_at = ? WHERE id = ?",
            [state, now, action.target],
        )


def _suggestion_back(store: Store, action: UndoAction) -> None:
    with store.db.connection_context(), store.db.atomic("IMMEDIATE"):
        _refuse_unless_dismissed(
            store,
            action,
            gone=f"Nothing to undo: “{action.label}” was already put back.",
            moved="the suggestion is tracked now",
        )
        store.db.execute_sql("DELETE FROM introduction WHERE id = ?", [action.target])


def _refuse_unless_dismissed(store: Store, action: UndoAction, gone: str, moved: str) -> None:
    """Refuse with ``gone`` when the introduction is no longer there, or with ``moved`` and its
    state when it is no longer dismissed; called inside the undo's transaction."""
    found = store.db.execute_sql(
        "SELECT state FROM introduction WHERE id = ?", [action.target]
    ).fetchone()
    if found is None:
        raise UndoRefused(gone)
    if found[0] != "dismissed":
        raise UndoRefused(f"Nothing to undo: {moved} ({found[0]}).")


def _contact_back(store: Store, action: UndoAction) -> None:
    """Put back the fields the edit changed; refused when one of them changed again since."""
    from netcoach.core.merge import RecordChanged
    from netcoach.core.models import ContactDraft
    from netcoach.data.errors import NotFoundError, ValidationError

    fields, saved = undo.contact_edit_fields(action)
    try:
        if saved is None:
            store.update_contact(action.target, ContactDraft(**fields))  # type: ignore[arg-type]
        else:
            store.save_contact_changes(action.target, saved, fields)
    except NotFoundError:
        raise _gone(action) from None
    except RecordChanged as changed:
        names = ", ".join(clash.field.replace("_", " ") for clash in changed.clashes)
        raise UndoRefused(
            f"Not undone: “{action.label}” was changed again since ({names})."
        ) from None
    except (TypeError, ValidationError) as error:
        raise UndoRefused(f"Cannot undo “{action.label}”: {error}") from None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
