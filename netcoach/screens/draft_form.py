"""The save cycle every form shares: check the draft on screen, write it in a worker,
and show what the repository refused beside its fields."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button

from netcoach.data.repo import ValidationError

ResultType = TypeVar("ResultType")


class DraftFormScreen(Screen[ResultType], Generic[ResultType]):
    """A form screen; subclasses provide ``read_draft``, ``show_errors`` and ``write``."""

    saving = False

    class Refused(Message):
        """The repository refused the draft; ``errors`` maps each field to its message."""

        def __init__(self, errors: dict[str, str]) -> None:
            super().__init__()
            self.errors = errors

    def read_draft(self) -> tuple[Any, dict[str, str]]:
        """The draft from the fields, and every problem found in it."""
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        raise NotImplementedError

    def write(self, draft: Any) -> Message:
        """Save the draft (in a worker thread) and return the message that announces it."""
        raise NotImplementedError

    def ready_to_save(self) -> bool:
        return True

    def placed_errors(self, errors: dict[str, str]) -> dict[str, str]:
        """The repository's errors keyed by the fields that show them."""
        return errors

    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        if self.saving or not self.ready_to_save():
            return
        draft, errors = self.read_draft()
        self.show_errors(errors)
        if errors:
            marked = "the field" if len(errors) == 1 else f"the {len(errors)} fields"
            self.notify(f"Please correct {marked} marked in red.", severity="warning")
            return
        self.saving = True
        self.save(draft)

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(self, draft: Any) -> None:
        try:
            announced = self.write(draft)
        except ValidationError as error:
            self.post_message(self.Refused(error.errors))
            return
        except Exception:
            self.post_message(self.Refused({}))
            raise
        self.post_message(announced)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.saving = False
        if message.errors:
            self.show_errors(self.placed_errors(message.errors))
