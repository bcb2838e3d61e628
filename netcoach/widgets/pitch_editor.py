"""A text area for a pitch script that stays responsive when a huge text is pasted into it."""

from __future__ import annotations

from textual.widgets.text_area import Edit, EditResult

from netcoach.widgets.limited import LimitedTextArea

# Wrapping a line longer than this would make every redraw slow, so it is shown unwrapped.
LONG_LINE_CHARS = 10_000


def has_long_line(text: str, limit: int = LONG_LINE_CHARS) -> bool:
    return len(text) > limit and any(len(line) > limit for line in text.splitlines())


class PitchEditor(LimitedTextArea):
    """Soft-wraps like a normal text area until a line grows too long to wrap cheaply.

    Like every note, a script stops at NOTE_MAX characters and says so beside itself.
    """

    def load_text(self, text: str) -> None:
        self.soft_wrap = not has_long_line(text)
        super().load_text(text)

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        if self.soft_wrap:
            first = min(edit.from_location[0], result.end_location[0])
            last = max(edit.from_location[0], result.end_location[0])
            if any(
                len(self.document.get_line(row)) > LONG_LINE_CHARS
                for row in range(first, min(last, first + 10_000) + 1)
            ):
                self.soft_wrap = False
        return result
