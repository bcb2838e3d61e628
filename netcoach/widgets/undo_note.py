"""A one-line note of the last change on this screen, kept until the next change or an undo.

Unlike a toast it does not time out, so a person who did not see the key press
still finds out what happened, and that ctrl+z puts it back.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

UNDO_HINT = "ctrl+z undo"


class UndoNote(Static):
    """What the last change did (or what its undo did), on one line above the footer."""

    DEFAULT_CSS = """
    UndoNote {
        display: none;
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $primary-muted;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        &.-shown { display: block; }
        &.-refused { background: $warning-muted; }
    }
    """

    def __init__(self) -> None:
        super().__init__("", id="undo-note", markup=False)
        self.entry: object = None

    @property
    def text(self) -> str:
        return str(self.content) if self.has_class("-shown") else ""

    def show_change(self, label: str, entry: object) -> None:
        """``label`` was just done and ``entry`` is what ctrl+z undoes now."""
        self.entry = entry
        self.update(Content.from_markup("$label · [b]$hint[/b]", label=label, hint=UNDO_HINT))
        self.set_classes("-shown")

    def show_result(self, text: str, refused: bool = False) -> None:
        """What an undo did, or why it could not; no entry is waiting behind it."""
        self.entry = None
        self.update(Content(text))
        self.set_classes("-shown -refused" if refused else "-shown")

    def clear(self) -> None:
        self.entry = None
        self.update("")
        self.set_classes("")


def note_for(screen: Screen[object]) -> UndoNote | None:
    """The screen's note, mounted above its footer on first use; None on a dialog."""
    if isinstance(screen, ModalScreen) or not screen.is_mounted:
        return None
    found = screen.query(UndoNote)
    if found:
        return found.first()
    note = UndoNote()
    footers = screen.query(Footer)
    if footers:
        screen.mount(note, before=footers.first())
    else:
        screen.mount(note)
    return note
