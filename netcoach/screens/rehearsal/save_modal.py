"""How did it go: the dialog that rates a finished rehearsal from 1 to 5, with a note."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from netcoach.core.pitch import format_duration

DEFAULT_RATING = 3
RATINGS = ("1 rough", "2 shaky", "3 fine", "4 good", "5 nailed it")


class RatingSet(RadioSet):
    """The five ratings of a rehearsal; while they have focus, keys 1 to 5 pick one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"rate({n})", f"Rate {n}", id=f"rehearsal-save.rate-{n}", show=False)
        for n in range(1, 6)
    ]

    def action_rate(self, rating: int) -> None:
        self.query_one(f"#rating-{rating}", RadioButton).value = True


class RehearsalSaveModal(ModalScreen[tuple[int, str] | None]):
    """How did it go? A rating from 1 to 5 and an optional note; or discard."""

    CSS_PATH = "../../styles/pitch.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "discard", "Discard", id="rehearsal-save.discard"),
        Binding("ctrl+s", "save", "Save", id="rehearsal-save.save"),
    ]

    def __init__(
        self,
        duration: float,
        limit_seconds: int,
        leaving: bool = False,
        kept: tuple[int, str] | None = None,
    ) -> None:
        super().__init__()
        self.duration = duration
        self.limit_seconds = limit_seconds
        self.leaving = leaving
        self.kept = kept
        """The rating and note of a save that failed, offered again."""

    def compose(self) -> ComposeResult:
        over = self.duration - self.limit_seconds
        verdict = (
            f"{format_duration(over)} over the limit"
            if over >= 1
            else f"{format_duration(-over)} to spare"
        )
        with Vertical(id="rehearsal-save-box"):
            yield Static(
                f"That took {format_duration(self.duration)} of "
                f"{format_duration(self.limit_seconds)} ({verdict}). How did it go? (keys 1 to 5)",
                id="rehearsal-save-title",
            )
            rating, note = self.kept or (DEFAULT_RATING, "")
            with RatingSet(id="rehearsal-rating"):
                for index, label in enumerate(RATINGS, start=1):
                    yield RadioButton(label, value=index == rating, id=f"rating-{index}")
            yield Input(note, placeholder="A note for next time (optional)", id="rehearsal-note")
            with Horizontal(id="rehearsal-save-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="rehearsal-save")
                yield Button(
                    "Discard and leave  esc" if self.leaving else "Discard  esc",
                    id="rehearsal-discard",
                )

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    @property
    def rating(self) -> int:
        index = self.query_one(RadioSet).pressed_index
        return index + 1 if index >= 0 else DEFAULT_RATING

    @on(Button.Pressed, "#rehearsal-save")
    @on(Input.Submitted, "#rehearsal-note")
    def action_save(self) -> None:
        self.dismiss((self.rating, self.query_one("#rehearsal-note", Input).value))

    @on(Button.Pressed, "#rehearsal-discard")
    def action_discard(self) -> None:
        self.dismiss(None)
