"""The app's undo history: ctrl+z, the note of the last change on each screen, and the
last change kept next to the database so that the next run can undo it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.worker import Worker

from netcoach.core.undo import UndoAction
from netcoach.messages import DataChanged
from netcoach.undo import UndoEntry, UndoStack
from netcoach.widgets.undo_note import UndoNote, note_for

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App
    from textual.screen import Screen

    from netcoach.data.repo import Store
    from netcoach.data.undo import LastChangeFile

    AppMixin = App[None]
else:
    AppMixin = object


class KeepsUndoHistory(AppMixin):
    """Mixed into the App: the one undo stack, shared by every screen (``push_undo``)."""

    store: Store
    database_path: Path | None
    read_only: str | None

    def __init__(self) -> None:
        super().__init__()
        self.undo_stack = UndoStack()
        self._undo_notes: set[UndoNote] = set()
        self._last_change: LastChangeFile | None = None
        self._last_change_read = False  # whether the last run's change was offered yet

    def push_undo(
        self,
        change: UndoAction | str,
        restore: Callable[[], None] | None = None,
        screen: Screen[object] | None = None,
    ) -> None:
        """Remember a change so ctrl+z can put things back, and say so on the screen.

        ``change`` is a described change (kept on disk, so the next run can undo it)
        or, with ``restore``, a description for a change undone by that function in
        this session only. The note goes on ``screen``, or on whichever screen is
        shown once the current dialog has closed.
        """
        if isinstance(change, UndoAction):
            entry = UndoEntry(change.label, action=change)
        else:
            entry = UndoEntry(change, restore=restore)
        self.undo_stack.push(entry)
        self._last_change_read = True  # the last session's change is no longer the last
        self.keep_last_change()
        if screen is not None:
            self._note_change(screen, entry)
        else:
            self.call_after_refresh(lambda: self._note_change(self.screen, entry))

    def clear_undo_note(self, screen: Screen[object] | None = None) -> None:
        """Something else changed on ``screen``: its note of the change before goes."""
        note = note_for(screen or self.screen)
        if note is not None:
            note.clear()

    def _note_change(self, screen: Screen[object], entry: UndoEntry) -> None:
        note = note_for(screen)
        if note is not None and self.undo_stack.top() is entry:
            self._undo_notes.add(note)
            note.show_change(entry.description, entry)
        self._forget_stale_notes(results_too=True)

    def _forget_stale_notes(self, results_too: bool = False) -> None:
        """A note offers ctrl+z only while its change is the one ctrl+z undoes; what an
        undo did is said until the next change."""
        top = self.undo_stack.top()
        for note in list(self._undo_notes):
            if not note.is_attached:
                self._undo_notes.discard(note)
            elif note.entry is not top and (note.entry is not None or results_too):
                note.clear()

    def action_undo(self) -> None:
        if self.read_only is not None:
            self.notify(
                f"Nothing can be undone: the database is read-only ({self.read_only}).",
                markup=False,
            )
            return
        entry = self.undo_stack.pop()
        if entry is None and not self._last_change_read:
            self._last_change_read = True
            self.undo_last_session()
            return
        if entry is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self._forget_stale_notes()
        self.run_undo(entry)

    @work(thread=True, group="db-write", exit_on_error=False)
    def undo_last_session(self) -> None:
        """Undo the last change of the last run, as kept next to the database."""
        kept = self._last_change_file()
        action = kept.load() if kept is not None else None
        if action is None:
            self.call_from_thread(self.notify, "Nothing to undo.", markup=False)
            return
        self._undo_now(UndoEntry(action.label, action=action, from_last_session=True))

    @work(thread=True, group="db-write", exit_on_error=False)
    def run_undo(self, entry: UndoEntry) -> None:
        self._undo_now(entry)

    def _undo_now(self, entry: UndoEntry) -> None:
        """Undo ``entry`` (in a write worker) and keep the change now on top for the next run."""
        from netcoach.data.undo import UndoRefused, apply_undo

        refusal = ""
        try:
            if entry.action is not None:
                apply_undo(self.store, entry.action)
            elif entry.restore is not None:
                entry.restore()
        except UndoRefused as error:
            refusal = str(error)
        except Exception:
            # Nothing was undone: ctrl+z offers the same change again (and the failure is
            # said by ReportsFailures).
            self.post_message(self.UndoFailed(entry))
            raise
        self._save_last_change()
        self.post_message(self.Undone(entry, refusal))

    def _last_change_file(self) -> LastChangeFile | None:
        if self.database_path is None:
            return None
        from netcoach.data.undo import LastChangeFile, last_change_path

        if self._last_change is None:
            self._last_change = LastChangeFile(last_change_path(self.database_path))
        return self._last_change

    @work(thread=True, group="undo-file", exit_on_error=False)
    def keep_last_change(self) -> None:
        self._save_last_change()

    def _save_last_change(self) -> None:
        """Write the change ctrl+z undoes now next to the database (or remove it), for the
        next run; whichever write comes last writes what is on top by then."""
        kept = self._last_change_file()
        if kept is not None:
            kept.save(lambda: getattr(self.undo_stack.top(), "action", None))

    class UndoFailed(Message):
        def __init__(self, entry: UndoEntry) -> None:
            super().__init__()
            self.entry = entry

    def on_keeps_undo_history_undo_failed(self, message: UndoFailed) -> None:
        if message.entry.from_last_session:
            self._last_change_read = False
        else:
            self.undo_stack.push(message.entry)

    def show_failure(self, worker: Worker[object], reason: str) -> bool:
        """A failed undo is said as such, with the key that tries it again."""
        if worker.name not in {"run_undo", "undo_last_session"}:
            return False
        self.notify(
            f"Not undone: {reason}. Press ctrl+z to try again.",
            severity="error",
            markup=False,
            timeout=10,
        )
        return True

    @dataclass
    class Undone(Message):
        """An undo ran: what it was, and why it was refused ("" when it was done)."""

        entry: UndoEntry
        refusal: str

    def on_keeps_undo_history_undone(self, message: Undone) -> None:
        """Say what was undone (or why not) where the person is looking, until the next change."""
        entry = message.entry
        where = " (from your last session)" if entry.from_last_session else ""
        text = message.refusal or f"Undone{where}: {entry.description}"
        note = note_for(self.screen)
        if note is None:
            severity = "warning" if message.refusal else "information"
            self.notify(text, severity=severity, markup=False)
        else:
            self._undo_notes.add(note)
            note.show_result(text, refused=bool(message.refusal))
        self._forget_stale_notes()
        screen = self.screen
        if hasattr(screen, "on_data_changed"):
            screen.post_message(DataChanged())
        elif hasattr(screen, "action_refresh"):
            screen.action_refresh()
