"""Logging a rehearsal: the rating asked for, the write, a failed save kept, quitting.

``RehearsalSaving`` stops the clock, asks how it went (``RehearsalSaveModal``), and
writes the rehearsal in a thread worker; one timed but not logged is saved on the way
out of the app (``netcoach.screens.forms.leaving.ask_before_quit``).
"""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.message import Message
from textual.worker import Worker

from netcoach.core.pitch import Rehearsal, format_duration
from netcoach.data.repo import Store
from netcoach.screens.rehearsal.clock import MonotonicClock, RehearsalClock
from netcoach.screens.rehearsal.save_modal import DEFAULT_RATING, RehearsalSaveModal
from netcoach.widgets.failures import ReportsFailures

MIN_SAVED_SECONDS = 1.0


class RehearsalSaving(ReportsFailures, RehearsalClock):
    """What the rehearsal screen does to log a rehearsal once, and keep it if that fails."""

    class Saved(Message):
        def __init__(self, rehearsal: Rehearsal, leave: bool) -> None:
            super().__init__()
            self.rehearsal = rehearsal
            self.leave = leave

    def __init__(self, store: Store, clock: MonotonicClock | None = None) -> None:
        super().__init__(clock=clock)
        self.store = store
        self.saving = False
        self.unsaved: tuple[int, str] | None = None
        """The rating and note of the rehearsal being logged, until it is."""
        self.leaving: asyncio.Future[bool] | None = None
        """Set while the rehearsal is saved on the way out of the app."""

    def has_changes(self) -> bool:
        """A rehearsal timed but not yet logged is kept when a global key leaves it."""
        return self.saving or self.timer.elapsed() >= MIN_SAVED_SECONDS

    # ---- quitting with a rehearsal not logged (netcoach.screens.forms.leaving.ask_before_quit) ---

    async def save_and_wait(self) -> bool:
        """Log the rehearsal timed so far; True once it is saved, False if it was not."""
        if self.saving and self.leaving is not None:
            return await self.leaving
        detail = self.detail
        if detail is None or detail.current is None:
            return True
        self.timer.pause()
        self._stop_ticking()
        self.redraw()
        duration = self.timer.elapsed()
        if duration < MIN_SAVED_SECONDS:
            return True
        self.leaving = asyncio.get_running_loop().create_future()
        self.saving = True
        rating, note = self.unsaved = self.unsaved or (DEFAULT_RATING, "")
        self.save(detail.pitch.id, detail.current.id, duration, rating, note, leave=False)
        return await self.leaving

    async def discard_for_quit(self) -> None:
        self.action_reset()

    def _save_settled(self, saved: bool) -> None:
        if self.leaving is not None and not self.leaving.done():
            self.leaving.set_result(saved)

    # ---- finishing and leaving -------------------------------------------------------------

    def action_finish(self) -> None:
        self._ask_to_save(leave=False)

    def action_leave(self) -> None:
        if not self._ask_to_save(leave=True):
            self._stop_ticking()
            self.dismiss(None)

    def _ask_to_save(self, leave: bool) -> bool:
        """Stop the clock and offer to log the rehearsal; False if there is nothing to log."""
        if self.saving or self.refusal or self.detail is None or self.detail.current is None:
            return False
        self.timer.pause()
        self._stop_ticking()
        self.redraw()
        duration = self.timer.elapsed()
        if duration < MIN_SAVED_SECONDS:
            return False
        detail = self.detail
        version_id = detail.current.id if detail.current else 0

        def chosen(result: tuple[int, str] | None) -> None:
            if result is None:
                if leave:
                    self.dismiss(None)
                return
            self.saving = True
            self.unsaved = result
            rating, note = result
            self.save(detail.pitch.id, version_id, duration, rating, note, leave)

        self.app.push_screen(
            RehearsalSaveModal(
                duration, detail.pitch.limit_seconds, leaving=leave, kept=self.unsaved
            ),
            chosen,
        )
        return True

    def show_failure(self, worker: Worker[object], reason: str) -> bool:
        """A rehearsal that could not be logged stays, with its rating and note, for a retry."""
        if worker.name != "save":
            return False
        self._save_settled(False)
        self.notify(
            f"Rehearsal not saved: {reason}. It is kept: press enter to save it again.",
            severity="error",
            markup=False,
            timeout=10,
        )
        return True

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(
        self, pitch_id: int, version_id: int, duration: float, rating: int, note: str, leave: bool
    ) -> None:
        try:
            rehearsal = self.store.pitches.add_rehearsal(
                pitch_id, version_id, duration, rating, note
            )
        finally:
            self.saving = False
        self.post_message(self.Saved(rehearsal, leave))

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.unsaved = None
        if self.leaving is not None:  # saved on the way out: the app quits now
            self._save_settled(True)
            return
        self.notify(
            f"Rehearsal saved: {format_duration(message.rehearsal.duration_seconds)} "
            f"of {format_duration(message.rehearsal.limit_seconds)}",
            markup=False,
        )
        if message.leave:
            self.dismiss(None)
        else:
            self.action_reset()
