"""The Pitch studio's dialogs: a question with its reason, and two versions side by side."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from netcoach.core.pitch import PitchVersion, diff_words


class PitchConfirmModal(ModalScreen[bool]):
    """A question with the reason behind it; dismisses with True only when confirmed."""

    CSS_PATH = "../styles/pitch.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Keep as it was", id="confirm.cancel"),
    ]

    def __init__(self, reason: str, yes: str) -> None:
        super().__init__()
        self.reason = reason
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(self.reason), id="confirm-reason")
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep as it was  esc", variant="primary", id="confirm-no")
                yield Button(self.yes, variant="warning", id="confirm-yes")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class VersionDiffScreen(ModalScreen[None]):
    """Two versions side by side: removed words struck out on the left, added ones on the right."""

    CSS_PATH = "../styles/pitch.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="pitch-diff.close"),
    ]

    def __init__(self, older: PitchVersion, newer: PitchVersion) -> None:
        super().__init__()
        self.older = older
        self.newer = newer

    def compose(self) -> ComposeResult:
        left, right = diff_words(self.older.script, self.newer.script)
        styles = {"same": "", "removed": "strike $error", "added": "bold underline $success"}
        with Vertical(id="pitch-diff-box"):
            yield Static(
                "Removed words are struck through on the left; added words are underlined on "
                "the right. escape closes.",
                id="pitch-diff-hint",
            )
            with Horizontal(id="pitch-diff-sides"):
                for version, segments, side in (
                    (self.older, left, "left"),
                    (self.newer, right, "right"),
                ):
                    with VerticalScroll(classes="pitch-diff-side"):
                        yield Static(f"Version {version.number}", classes="section-title")
                        yield Static(
                            Content.assemble(*((s.text, styles[s.kind]) for s in segments)),
                            id=f"pitch-diff-{side}",
                        )
