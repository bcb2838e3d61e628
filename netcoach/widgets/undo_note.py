"""A one-line note of the last change on this screen, kept until the next change or an undo.

Unlike a toast it does not time out, so a person who did not see the key press
still finds out what happened, and that ctrl+z puts it back.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

UNDO_HINT = "ctrl+z undo"


class UndoNote(Horizontal):
    """What the last change did (or what its undo did), on one line just above the footer.

    The change is cut to fit, never the ``ctrl+z undo`` after it.
    """

    DEFAULT_CSS = """
    UndoNote {
        display: none;
        dock: bottom;
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $primary-muted;
        color: $text;
        &.-above-footer { margin-bottom: 1; }
        &.-shown { display: block; }
        &.-refused { background: $warning-muted; }
        #undo-note-label {
            width: auto;
            height: 1;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #undo-note-hint {
            width: auto;
            height: 1;
            text-style: bold;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__(id="undo-note")
        self.entry: object = None
        self._label = Static("", id="undo-note-label", markup=False)
        self._hint = Static("", id="undo-note-hint", markup=False)

    def compose(self) -> ComposeResult:
        yield self._label
        yield self._hint

    @property
    def text(self) -> str:
        """What the note says, as plain text ("" while it is hidden)."""
        if not self.has_class("-shown"):
            return ""
        return str(self._label.content) + str(self._hint.content)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Leave the hint its cells; the change is cut (with an ellipsis) to the rest."""
        room = self.content_size.width - cell_len(str(self._hint.content))
        self._label.styles.max_width = max(1, room) if self.content_size.width else None

    def show_change(self, label: str, entry: object) -> None:
        """``label`` was just done and ``entry`` is what ctrl+z undoes now."""
        self.entry = entry
        self._label.update(Content(label))
        self._hint.update(f" · {UNDO_HINT}")
        self.add_class("-shown")
        self.remove_class("-refused")
        self._fit()

    def show_result(self, text: str, refused: bool = False) -> None:
        """What an undo did, or why it could not; no entry is waiting behind it."""
        self.entry = None
        self._label.update(Content(text))
        self._hint.update("")
        self.add_class("-shown")
        self.set_class(refused, "-refused")
        self._fit()

    def clear(self) -> None:
        self.entry = None
        self._label.update("")
        self._hint.update("")
        self.remove_class("-shown", "-refused")


def note_for(screen: Screen[object]) -> UndoNote | None:
    """The screen's note, mounted on first use; None on a dialog."""
    if isinstance(screen, ModalScreen) or not screen.is_mounted:
        return None
    found = screen.query(UndoNote)
    if found:
        return found.first()
    note = UndoNote()
    # Docked to the bottom like the footer, so no screen's layout can push it out of
    # sight; docked widgets share the edge, so it keeps a footer's line free below it.
    note.set_class(bool(screen.query(Footer)), "-above-footer")
    screen.mount(note)
    return note
