"""Leaving a form, or netcoach, with changes not saved: Save / Discard / Keep editing.

``LeaveFormModal`` is the question; ``ask_before_quit`` asks it once for each screen
with changes, on every mode's stack, before the app exits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from netcoach.screens.forms.clash import ClashModal
from netcoach.screens.forms.drafts import DraftOfferModal

if TYPE_CHECKING:
    from textual.app import App


class LeaveFormModal(ModalScreen[str]):
    """Asked when a form with changes is left; dismisses with "save", "discard" or "keep"."""

    DEFAULT_CSS = """
    LeaveFormModal {
        align: center middle;
        & > #leave-box {
            width: 64;
            max-width: 100%;
            height: auto;
            border: thick $warning;
            background: $surface;
            padding: 1 2;
        }
        & #leave-question {
            height: auto;
            margin-bottom: 1;
        }
        & #leave-buttons {
            height: auto;
            & > Button {
                margin-right: 1;
                min-width: 12;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "answer('save')", "Save", id="leave-form.save", priority=True),
        Binding("ctrl+d", "answer('discard')", "Discard", id="leave-form.discard", priority=True),
        Binding("escape", "answer('keep')", "Keep editing", id="leave-form.keep"),
        Binding("left", "app.focus_previous", "Previous", id="leave-form.previous", show=False),
        Binding("right", "app.focus_next", "Next", id="leave-form.next", show=False),
    ]

    def __init__(self, form_name: str, quitting: bool = False, more: int = 0) -> None:
        super().__init__()
        self.form_name = form_name
        self.quitting = quitting
        self.more = more

    def compose(self) -> ComposeResult:
        question = f"The {self.form_name} has changes that are not saved."
        if self.quitting:
            question += " Save them before netcoach closes?"
            if self.more:
                forms = "form" if self.more == 1 else "forms"
                question += f"\n({self.more} more {forms} with changes after this one.)"
        else:
            question += " Save them?"
        with Vertical(id="leave-box"):
            yield Static(Content(question), id="leave-question")
            with Horizontal(id="leave-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="leave-save")
                yield Button("Discard  ctrl+d", variant="error", id="leave-discard")
                yield Button("Keep editing  esc", id="leave-keep")

    def on_mount(self) -> None:
        self.query_one("#leave-save", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_answer((event.button.id or "leave-keep").removeprefix("leave-"))

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)


# ---- quitting -----------------------------------------------------------------------------


def screens_with_changes(app: App[Any], modes: Iterable[str]) -> list[tuple[str, Screen[Any]]]:
    """Every screen with unsaved changes on any mode's stack, the current mode's first."""
    ordered = [app.current_mode, *(mode for mode in modes if mode != app.current_mode)]
    found: list[tuple[str, Screen[Any]]] = []
    for mode in ordered:
        try:
            stack = app.get_screen_stack(mode)
        except KeyError:
            continue
        for screen in reversed(stack):
            has_changes = getattr(screen, "has_changes", None)
            if callable(has_changes) and has_changes():
                found.append((mode, screen))
    return found


async def ask_before_quit(app: App[Any], modes: Iterable[str]) -> None:
    """Quit, asking once about each screen with unsaved changes: Save, Discard or Keep editing.

    Keep editing (or a save that does not go through) stops the quit on that screen.
    """
    modes = list(modes)
    if isinstance(app.screen, LeaveFormModal | DraftOfferModal | ClashModal):
        app.notify("Answer the question on screen first.", markup=False)
        return
    asked: list[Screen[Any]] = []
    while True:
        pending = [
            (mode, screen)
            for mode, screen in screens_with_changes(app, modes)
            if all(screen is not seen for seen in asked)
        ]
        if not pending:
            app.exit()
            return
        mode, screen = pending[0]
        asked.append(screen)
        if mode != app.current_mode:
            await app.switch_mode(mode)
        name = str(getattr(screen, "FORM_NAME", "screen"))
        answer = await app.push_screen_wait(
            LeaveFormModal(name, quitting=True, more=len(pending) - 1)
        )
        if answer == "save":
            if not await screen.save_and_wait():  # type: ignore[attr-defined]
                return
        elif answer == "discard":
            await screen.discard_for_quit()  # type: ignore[attr-defined]
        else:
            return
