"""Text fields that stop at their length limit and say so beside themselves.

The limits and their words live in ``netcoach.core.validation``; a field is made with the
kind of text it holds (``"name"``, ``"note"``…). Typing or pasting past the limit keeps
what fits, and the note ("Names are at most 200 characters.") shows while it is full.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static, TextArea
from textual.widgets.text_area import Edit, EditResult

from netcoach.core.validation import LIMIT_WORDS, limit_message


class LimitNote(Static):
    """The line beside a full field."""

    DEFAULT_CSS = """
    LimitNote {
        display: none;
        color: $warning;
        height: auto;
        padding: 0 1;
        &.-full {
            display: block;
        }
    }
    """


class LimitedInput(Input):
    """An Input for ``kind`` of text, with its limit and a note once it is full."""

    def __init__(self, value: str = "", *, kind: str = "line", **kwargs: Any) -> None:
        self.kind = kind
        self.limit = LIMIT_WORDS[kind][1]
        super().__init__(value, max_length=self.limit, **kwargs)
        self.limit_note = LimitNote(limit_message(kind), markup=False, classes="limit-note")

    def on_mount(self) -> None:
        if self.parent is not None and self.limit_note.parent is None:
            self.parent.mount(self.limit_note, after=self)
        self._show_full(len(self.value) >= self.limit)

    def replace(self, text: str, start: int, end: int) -> None:
        """Keep the part of ``text`` that fits, so a long paste is cut rather than lost."""
        room = self.limit - (len(self.value) - (end - start))
        super().replace(text[: max(room, 0)], start, end)
        self._show_full(len(text) >= room)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_full(len(event.value) >= self.limit)

    def _show_full(self, full: bool) -> None:
        self.limit_note.set_class(full, "-full")
        self.set_class(full, "-full")


class LimitedTextArea(TextArea):
    """A TextArea for notes, up to NOTE_MAX characters, with a note once it is full."""

    def __init__(self, text: str = "", *, kind: str = "note", **kwargs: Any) -> None:
        self.kind = kind
        self.limit = LIMIT_WORDS[kind][1]
        super().__init__(text, **kwargs)
        self.limit_note = LimitNote(limit_message(kind), markup=False, classes="limit-note")

    def on_mount(self) -> None:
        if self.parent is not None and self.limit_note.parent is None:
            self.parent.mount(self.limit_note, after=self)

    def edit(self, edit: Edit) -> EditResult:
        """Cut an edit that would pass the limit to what fits, and show the note."""
        length = len(self.text)
        removed = len(self.get_text_range(edit.from_location, edit.to_location))
        room = self.limit - (length - removed)
        if len(edit.text) > room:
            if room <= 0 and edit.from_location == edit.to_location:
                # Full, and nothing to replace: leave the document alone (re-wrapping a
                # 64 KB line for a key that adds nothing would cost a frame or more).
                self.limit_note.add_class("-full")
                return EditResult(end_location=edit.from_location, replaced_text="")
            edit = Edit(
                edit.text[: max(room, 0)],
                edit.from_location,
                edit.to_location,
                edit.maintain_selection_offset,
            )
        result = super().edit(edit)
        self.limit_note.set_class(length - removed + len(edit.text) >= self.limit, "-full")
        return result
