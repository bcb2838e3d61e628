"""A tab of the Give & get screen: a ``ListPane`` that also makes its own changes.

``GiveGetPane`` adds to the shared pane (``netcoach.widgets.list_pane``) the writes a
tab makes: ``write`` runs one change in a ``db-write`` worker and posts ``Changed``
(or ``Refused``, when the repository turned the input down). The pane says what
changed, and hands the change to the app's one undo history when it can be undone
(ctrl+z); it is read again, and ``Changed`` bubbles on to the screen, which has the
other tabs read again when they are next shown.

A pane other than the first tab makes its widgets the first time it is shown
(``build``), which keeps the screen's first visit short.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import AwaitMount, Widget

from netcoach.core.undo import UndoAction
from netcoach.data.errors import ValidationError
from netcoach.data.repo import Store
from netcoach.widgets.list_pane import READY_SECONDS, ListPane
from netcoach.widgets.measured_table import MeasuredTable, Row

T = TypeVar("T")


class GiveGetPane(ListPane):
    """One tab of Give & get: its tables, its reading, and the changes made on it."""

    GROUP = "give-get-load"
    EAGER: ClassVar[bool] = False
    """Whether the pane's widgets are made with the screen (the tab shown first); another
    pane's are made the first time it is shown, so the screen shows sooner."""

    class Changed(Message):
        """A write made on the tab ``made_on`` finished (``undo`` puts it back, if it can)."""

        def __init__(
            self,
            note: str = "",
            result: object = None,
            undo: UndoAction | None = None,
            made_on: str = "",
        ) -> None:
            super().__init__()
            self.note = note
            self.result = result
            self.undo = undo
            self.made_on = made_on

    class Refused(Message):
        """The repository turned a write down: what was wrong, by field."""

        def __init__(self, errors: dict[str, str]) -> None:
            super().__init__()
            self.errors = errors

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._parts: list[Widget] = []
        self._mounting: AwaitMount | None = None

    def parts(self) -> list[Widget]:
        """The pane's widgets, top to bottom."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        if self.EAGER:
            self._parts = self.parts()
            yield from self._parts

    def build(self) -> None:
        """Make the pane's widgets, if they are not made yet (the first time it is shown)."""
        if not self._parts:
            self._parts = self.parts()
            self._mounting = self.mount_all(self._parts)

    @property
    def built(self) -> bool:
        return bool(self._parts) and all(part.is_mounted for part in self._parts)

    async def ready(self) -> bool:
        self.build()
        if not self.built and self._mounting is not None:
            try:
                await asyncio.wait_for(self._mounting(), READY_SECONDS)
            except TimeoutError:
                return False
        return self.built and self.is_attached

    def load(self, offset: int = 0) -> None:
        self.build()
        super().load(offset)

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
        undo = undo_of(result) if undo_of else None
        self.post_message(self.Changed(note, result, undo, made_on=self.id or ""))

    @on(Changed)
    def changed(self, message: Changed) -> None:
        """Offer ctrl+z for the change (the app's undo), or say what was done; then read
        this tab again at once (the screen has the other tabs read again when shown)."""
        self.after_change(message)
        if message.undo is not None:
            self.app.push_undo(message.undo, screen=self.screen)
        else:
            self.app.clear_undo_note(self.screen)
            if message.note:
                self.notify(message.note, markup=False)
        self.data_changed()

    def after_change(self, message: Changed) -> None:
        """What the pane does once a change of its own is made (before it is read again)."""

    @on(Refused)
    def refused(self, message: Refused) -> None:
        message.stop()
        self.show_refusal(" ".join(message.errors.values()))

    def show_refusal(self, text: str) -> None:
        self.notify(text, severity="warning", markup=False)
