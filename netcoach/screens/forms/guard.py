"""The promise every form keeps: nothing typed in it is thrown away without asking.

``FormGuard`` is the shared piece: leaving a form with changes (escape, its Cancel
button, ``ctrl+q``) asks Save / Discard / Keep editing (``leaving``); a long form
keeps its draft on disk while it is typed (``drafts``); a save that fails is shown
in the form, with the draft kept (``errors``). A form that loads its record first
saves nothing until it has loaded: a load that fails is said in the form, with
ctrl+r to load again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button
from textual.worker import Worker

from netcoach.data.errors import NotFoundError
from netcoach.screens.forms.drafts import KeepsDraft
from netcoach.screens.forms.errors import LoadFailure, SaveFailure
from netcoach.screens.forms.leaving import LeaveFormModal
from netcoach.widgets.failures import WRITE_GROUPS

log = logging.getLogger("netcoach")
ResultType = TypeVar("ResultType")


class FormGuard(KeepsDraft[ResultType], Generic[ResultType]):
    """A form screen whose typed input is never thrown away without asking.

    Subclasses call ``form_ready()`` once the fields show their starting values and
    provide ``start_save()`` (their normal save); what counts as a change, and the
    draft kept of it, is ``KeepsDraft``'s.
    """

    SAVE_BUTTON: ClassVar[str] = "#form-save"
    """The save button; a failed save is reported just above its row."""
    LOAD_BODY: ClassVar[str] = "#form-body"
    """What shows the loading indicator while ``begin_load`` runs, hidden if it fails."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "retry_load", "Load again", id="form.retry-load"),
    ]

    saving = False

    class SaveFailed(Message):
        """The write failed; ``reason`` says why, in words (``failure_reason``); without
        ``retry`` saving again cannot help (the record is gone)."""

        def __init__(self, reason: str, retry: bool = True) -> None:
            super().__init__()
            self.reason = reason
            self.retry = retry

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._failure_shown: tuple[str, bool] | None = None
        self._leaving: asyncio.Future[bool] | None = None
        self._load: Callable[[], Worker[Any]] | None = None
        self._load_worker: Worker[Any] | None = None
        self.load_failure: str | None = None
        """Why the record could not be loaded, while the form shows that instead."""

    # ---- hooks for the forms ---------------------------------------------------------------

    def start_save(self) -> None:
        """Run the form's normal save (validation errors keep it open)."""
        raise NotImplementedError

    def close_form(self) -> None:
        self.dismiss(None)

    # ---- loading ---------------------------------------------------------------------------

    def begin_load(self, start: Callable[[], Worker[Any]]) -> None:
        """Load the record: ``start`` runs the form's load worker, whose handler fills the
        fields and calls ``form_ready``. Until then nothing is saved; a failure is said
        in the form in place of its fields, and ctrl+r calls ``start`` again."""
        self._load = start
        self.load_failure = None
        for line in self.query(LoadFailure):  # hidden, not removed: a quick failure reuses it
            line.display = False
        body = self.query_one(self.LOAD_BODY)
        body.display = True
        body.loading = True
        self.refresh_bindings()
        self._load_worker = start()

    @property
    def fields_loaded(self) -> bool:
        """The fields hold what the form opened with (``form_ready`` has run)."""
        return self.initial_values is not None

    def load_failed(self, reason: str) -> None:
        self.load_failure = reason
        body = self.query_one(self.LOAD_BODY)
        body.loading = False
        body.display = False
        text = Content(
            f"Could not load this {self.FORM_NAME}: {reason}. Nothing can be saved from this "
            "form until it loads: press ctrl+r to try again, or esc to go back."
        )
        shown = self.query(LoadFailure)
        if shown:
            line = shown.first(LoadFailure)
            line.update(text)
            line.display = True
        elif isinstance(body.parent, Widget):
            body.parent.mount(LoadFailure(text), before=body)
        self.refresh_bindings()

    def action_retry_load(self) -> None:
        if self._load is not None and self.load_failure is not None:
            self.notify(f"Loading this {self.FORM_NAME} again…", markup=False, timeout=3)
            self.begin_load(self._load)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry_load":
            return self.load_failure is not None
        return super().check_action(action, parameters)

    def save_refused_before_load(self) -> bool:
        """True (having said why) when the form has not loaded what it edits: no save."""
        if self.fields_loaded:
            return False
        if self.load_failure is not None:
            self.notify(
                f"Not saved: this {self.FORM_NAME} could not be loaded ({self.load_failure}). "
                "Press ctrl+r to try loading it again.",
                severity="warning",
                markup=False,
            )
        else:
            self.notify(f"Still loading this {self.FORM_NAME}: nothing to save yet.", markup=False)
        self.save_settled(False)
        return True

    def gone_reason(self) -> str:
        """What a save or load that found no record says (``NotFoundError``)."""
        return f"this {self.FORM_NAME} was deleted in another netcoach"

    # ---- leaving ---------------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.leave()

    @on(Button.Pressed, "#form-cancel")
    def cancel_pressed(self) -> None:
        self.leave()

    def leave(self) -> None:
        """Close the form; with changes, ask first whether to save them."""
        if not self.has_changes():
            self.discard()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.start_save()
            elif answer == "discard":
                self.discard()

        self.app.push_screen(LeaveFormModal(self.FORM_NAME), answered)

    def discard(self, close: bool = True) -> None:
        """Throw the changes away: the draft this form wrote is removed, and it closes."""
        if self._wrote_draft:
            self.drop_draft(self.draft_file, self._next_sequence())
        self._form_left = True
        if close:
            self.close_form()

    async def discard_for_quit(self) -> None:
        """Forget the changes before netcoach closes (the draft file too, before it exits)."""
        if self._wrote_draft and self.draft_file is not None:
            worker = self.drop_draft(self.draft_file, self._next_sequence())
            await worker.wait()
        self._form_left = True

    async def save_and_wait(self) -> bool:
        """Save as the form's own save would; True once it closed, False if it stayed open."""
        self._leaving = asyncio.get_running_loop().create_future()
        self.start_save()
        return await self._leaving

    def save_settled(self, closed: bool) -> None:
        """The save asked for by ``save_and_wait`` ended: the form closed, or it stays open."""
        if self._leaving is not None and not self._leaving.done():
            self._leaving.set_result(closed)

    @on(events.Unmount)
    def form_closed(self) -> None:
        self._form_left = True
        self.save_settled(True)

    def draft_write_ended(self) -> None:
        if self._failure_shown is not None:
            self.show_save_failure(*self._failure_shown)

    # ---- failed saves ----------------------------------------------------------------------

    def saved_draft_sequence(self) -> int:
        """A sequence number for removing the draft once the save now starting succeeds.

        What is being saved is kept as a draft first (when the last look at the form is
        older than the last keys typed): a look after this one then finds nothing new to
        write, so no draft outlives the save, and a failed save still has it on disk.
        """
        self.check_draft()
        return self._next_sequence()

    def show_failure(self, worker: Worker[object], reason: str) -> bool:
        """A failed load, or a write of this form's that failed outside ``save``: said in
        the form."""
        if worker is self._load_worker and not self.fields_loaded:
            gone = isinstance(worker.error, NotFoundError)
            self.load_failed(self.gone_reason() if gone else reason)
            return True
        if worker.group not in WRITE_GROUPS:
            return False
        self.post_message(self.SaveFailed(reason))
        return True

    @on(SaveFailed)
    def save_failed(self, message: SaveFailed) -> None:
        self.saving = False
        self.show_save_failure(message.reason, message.retry)
        self.check_draft()
        self.save_settled(False)

    def show_save_failure(self, reason: str | None, retry: bool = True) -> None:
        """Say in the form that the save failed and how to retry; None clears the line.

        Without ``retry`` (the record is gone) it says how to leave instead."""
        shown = self.query(SaveFailure)
        self._failure_shown = None if reason is None else (reason, retry)
        if reason is None:
            shown.remove()
            return
        kept = " and kept as a draft" if self.draft_file and self.draft_written else ""
        then = "press ctrl+s to try again" if retry else "copy what you need, then esc to leave"
        text = Content(f"Not saved: {reason}. What you typed is still here{kept}; {then}.")
        if shown:
            line = shown.first(SaveFailure)
            line.update(text)
        else:
            line = SaveFailure(text)
            row = self.query(self.SAVE_BUTTON).first().parent
            if isinstance(row, Widget) and isinstance(row.parent, Widget):
                row.parent.mount(line, before=row)
            else:
                self.mount(line)
        # A long form's save row may be below the fold: the line is brought into view.
        self.call_after_refresh(line.scroll_visible, animate=False)
