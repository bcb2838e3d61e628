"""A text area for a pitch script that stays responsive when a huge text is pasted into it."""

from __future__ import annotations

from textual.widgets import TextArea

from netcoach.widgets.limited import LimitedTextArea

# Wrapping a line longer than this would make every redraw slow, so it is shown unwrapped.
LONG_LINE_CHARS = 10_000


def has_long_line(text: str, limit: int = LONG_LINE_CHARS) -> bool:
    return len(text) > limit and any(len(line) > limit for line in text.splitlines())


class PitchEditor(LimitedTextArea):
    """Soft-wraps like a normal text area until a line grows too long to wrap cheaply.

    Like every note, a script stops at NOTE_MAX characters and says so beside itself.
    Only Textual's public API: the check runs on ``TextArea.Changed``, which the text
    area posts after every edit, undo and redo, before the next frame is drawn.
    """

    def load_text(self, text: str) -> None:
        self.soft_wrap = not has_long_line(text)
        super().load_text(text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Not stopped: the form beside it counts the words.
        if self.soft_wrap and self._has_long_line():
            self.soft_wrap = False

    def _has_long_line(self) -> bool:
        # A script holds at most NOTE_MAX characters, so its lines are few and this is
        # quick; a short document cannot have a long line at all.
        document = self.document
        if document.line_count == 1:
            return len(document.get_line(0)) > LONG_LINE_CHARS
        return any(len(line) > LONG_LINE_CHARS for line in document.lines)
