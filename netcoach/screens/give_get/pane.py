"""A tab of the Give & get screen: a ``ListPane`` that also makes its own changes.

``GiveGetPane`` adds to the shared pane (``netcoach.widgets.list_pane``) the writes a
tab makes: ``write`` runs one change in a ``db-write`` worker and posts ``Changed``
(or ``Refused``, when the repository turned the input down). The pane says what
changed, and hands the change to the app's one undo history when it can be undone
(ctrl+z); ``Changed`` then bubbles to the screen, which has every tab read again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from textual import on, work
from textual.message import Message

from netcoach.core.undo import UndoAction
from netcoach.data.errors import ValidationError
from netcoach.widgets.list_pane import ListPane
from netcoach.widgets.measured_table import MeasuredTable, Row

T = TypeVar("T")


class GiveGetPane(ListPane):
    """One tab of Give & get: its tables, its reading, and the changes made on it."""

    GROUP = "give-get-load"

    class Changed(Message):
        """A write finished; reload what it touched (``undo`` puts it back, if it can)."""

        def __init__(
            self, note: str = "", result: object = None, undo: UndoAction | None = None
        ) -> None:
            super().__init__()
            self.note = note
            self.result = result
            self.undo = undo

    class Refused(Message):
        """The repository turned a write down: what was wrong, by field."""

        def __init__(self, errors: dict[str, str]) -> None:
            super().__init__()
            self.errors = errors

    def data_changed(self) -> None:
        """A change was made on the screen: read again, now if on view, else when shown."""
        self.reload_when_shown()

    @staticmethod
    def fill(table: MeasuredTable, rows: Iterable[Row]) -> None:
        """Show ``rows`` in ``table`` instead of what it had."""
        table.clear()
        table.add_keyed_rows(rows)

    # ---- writes ----------------------------------------------------------------------------

    @work(thread=True, group="db-write", exit_on_error=False)
    def write(
        self,
        change: Callable[[], T],
        note: str,
        undo_of: Callable[[T], UndoAction] | None = None,
    ) -> None:
        """Run one write; ``undo_of`` describes how to undo it from what it returned."""
        try:
            result = change()
        except ValidationError as error:
            self.post_message(self.Refused(error.errors))
            return
        self.post_message(self.Changed(note, result, undo_of(result) if undo_of else None))

    @on(Changed)
    def changed(self, message: Changed) -> None:
        """Offer ctrl+z for the change (the app's undo), or say what was done."""
        self.after_change(message)
        app: Any = self.app
        if message.undo is not None:
            app.push_undo(message.undo, screen=self.screen)
        else:
            app.clear_undo_note(self.screen)
            if message.note:
                self.notify(message.note, markup=False)

    def after_change(self, message: Changed) -> None:
        """What the pane does once a change of its own is made (before the screen reloads)."""

    @on(Refused)
    def refused(self, message: Refused) -> None:
        message.stop()
        self.show_refusal(" ".join(message.errors.values()))

    def show_refusal(self, text: str) -> None:
        self.notify(text, severity="warning", markup=False)
