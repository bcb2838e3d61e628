"""Saving a pitch as a new version: the write, the day-of-event question, a clash, quitting.

``PitchSaving`` is the Pitch studio's base: it sends what the form holds to the
repository in a thread worker and answers what comes back (saved, refused, or
changed meanwhile by another netcoach).
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import ClassVar

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from netcoach.core.merge import Clash, RecordChanged
from netcoach.core.pitch import LAST_MINUTE_REASON, PitchDetail, PitchVersion
from netcoach.data.errors import LastMinuteError, PitchError
from netcoach.data.repo import Store
from netcoach.screens.forms import ClashModal, ClashView
from netcoach.screens.pitch_dialogs import PitchConfirmModal
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.pitch_form import Draft, PitchForm


class PitchSaving(ReportsFailures, Screen[None]):
    """What the studio does to keep a pitch: one new version per save, never half a one."""

    FORM_NAME = "pitch"

    class Saved(Message):
        def __init__(self, pitch_id: int, version: PitchVersion | None, note: str) -> None:
            super().__init__()
            self.pitch_id = pitch_id
            self.version = version
            self.note = note

    class Clashed(Message):
        """Another copy changed parts of the pitch this save changed too; nothing was written."""

        def __init__(self, pitch_id: int, clashes: tuple[Clash, ...], confirmed: bool) -> None:
            super().__init__()
            self.pitch_id = pitch_id
            self.clashes = clashes
            self.confirmed = confirmed

    class Refused(Message):
        def __init__(self, error: str, field: str = "", last_minute: bool = False) -> None:
            super().__init__()
            self.error = error
            self.field = field
            self.last_minute = last_minute

    store: Store
    detail: PitchDetail | None
    drafts: dict[int, Draft]
    opened: dict[int, dict[str, object]]
    """Per pitch, what its fields held when shown from the database (see save_pitch)."""
    saving: bool
    leaving: asyncio.Future[bool] | None

    @property
    def form(self) -> PitchForm:
        return self.query_one(PitchForm)

    def list_pitches(self, select: int | None = None) -> None:
        """Show the list again, ``select`` highlighted (the studio's)."""
        raise NotImplementedError

    # ---- saving ----------------------------------------------------------------------------

    # ---- quitting with unsaved edits (see netcoach.screens.forms.leaving.ask_before_quit) -----

    def has_changes(self) -> bool:
        """Edits to the shown pitch, or to another one, not saved as a version yet."""
        return self.form.dirty or any(draft.unsaved for draft in self.drafts.values())

    async def save_and_wait(self) -> bool:
        """Save the shown pitch as a new version; True once saved, False if it was not."""
        self.leaving = asyncio.get_running_loop().create_future()
        self.action_save()
        return await self.leaving

    async def discard_for_quit(self) -> None:
        self.form.dirty = False
        self.drafts.clear()

    def save_settled(self, saved: bool) -> None:
        if self.leaving is not None and not self.leaving.done():
            self.leaving.set_result(saved)

    def action_save(self, confirmed: bool = False) -> None:
        if self.saving:
            return
        if self.detail is None:
            self.save_settled(False)
            return
        form = self.form
        name, limit, event_day, errors = form.read_fields()
        form.show_errors(errors)
        if errors:
            self.notify("Please correct the field marked in red.", severity="warning")
            self.save_settled(False)
            return
        self.saving = True
        opened = self.opened.get(self.detail.pitch.id)
        self.save(
            self.detail.pitch.id,
            form.script,
            name,
            limit,
            event_day,
            dict(form.confirmed_parts),
            confirmed,
            dict(opened) if opened is not None else None,
        )

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(
        self,
        pitch_id: int,
        script: str,
        name: str,
        limit: int | None,
        event_day: date | None,
        parts: dict[str, bool],
        confirmed: bool,
        opened: dict[str, object] | None = None,
    ) -> None:
        try:
            version = self.store.pitches.save_pitch(
                pitch_id,
                script=script,
                name=name,
                limit_seconds=limit,
                next_event_on=event_day,
                parts=parts,
                confirmed=confirmed,
                opened=opened,
            )
        except RecordChanged as changed:
            self.post_message(self.Clashed(pitch_id, changed.clashes, confirmed))
            return
        except LastMinuteError as error:
            self.post_message(self.Refused(str(error), last_minute=True))
            return
        except PitchError as error:
            self.post_message(self.Refused(str(error), error.field))
            return
        except Exception:
            self.post_message(self.Refused(""))
            raise
        self.post_message(self.Saved(pitch_id, version, f"Saved as version {version.number}"))

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.saving = False
        if message.last_minute:

            def answer(confirmed: bool | None) -> None:
                if confirmed:
                    self.action_save(confirmed=True)
                else:
                    self.notify("Not saved: your rehearsed version stays as it is.")
                    self.save_settled(False)

            self.app.push_screen(PitchConfirmModal(LAST_MINUTE_REASON, "Save anyway"), answer)
            return
        self.save_settled(False)
        if message.field in ("name", "limit", "event"):
            self.form.show_errors({message.field: message.error})
        elif message.error:
            self.notify(message.error, severity="error", markup=False)

    PITCH_LABELS: ClassVar[dict[str, str]] = {
        "name": "Name",
        "limit_seconds": "Time limit",
        "next_event_on": "For the event on",
        "script": "Script",
    }

    @on(Clashed)
    def clashed(self, message: Clashed) -> None:
        """Another netcoach saved this pitch since it was shown: ask, field by field."""
        self.saving = False
        clashes = message.clashes

        def shown(field: str, value: object) -> str:
            if value is None or value == "":
                return "(blank)"
            if field == "limit_seconds":
                return f"{value} s"
            if isinstance(value, date):
                return value.isoformat()
            return str(value)

        views = [
            ClashView(
                c.field,
                self.PITCH_LABELS[c.field],
                shown(c.field, c.theirs),
                shown(c.field, c.mine),
            )
            for c in clashes
        ]

        def answered(decisions: dict[str, str] | None) -> None:
            if decisions is None or self.detail is None or self.detail.pitch.id != message.pitch_id:
                self.notify(
                    "Not saved: another netcoach changed this pitch. What you typed is still "
                    "here; press ctrl+s to try again.",
                    severity="warning",
                    markup=False,
                )
                self.save_settled(False)
                return
            opened = self.opened.setdefault(message.pitch_id, {})
            for clash in clashes:
                opened[clash.field] = clash.theirs
                if decisions.get(clash.field) == "theirs":
                    self.form.show_saved_value(clash.field, clash.theirs)
            self.action_save(confirmed=message.confirmed)

        self.app.push_screen(ClashModal(self.FORM_NAME, views), answered)

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.saving = False
        self.opened.pop(message.pitch_id, None)  # shown again from what was just saved
        version = message.version
        if version is not None and self.detail and self.detail.pitch.id == message.pitch_id:
            self.form.dirty = self.form.script != version.script
        self.save_settled(True)
        self.notify(message.note, markup=False)
        self.list_pitches(message.pitch_id)
