"""What a form holds, whether it changed, and the draft of it kept on disk.

``KeepsDraft`` is the part of every form screen that compares the fields with what
the form opened with (``form_ready`` takes that baseline; ``has_changes`` compares).
A long form (one that names a ``DRAFT_NAME``) also writes its draft beside the
database while it is typed in, and offers a kept one back (``DraftOfferModal``)
when the same form is opened again. The files themselves are ``netcoach.drafts``.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from netcoach.data.failures import failure_words
from netcoach.drafts import DraftFile, DraftUnreadable, KeptDraft, draft_path
from netcoach.screens.forms.fields import changed_in, read_fields, restore_fields
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.typed_app import UsesNetcoachApp

log = logging.getLogger("netcoach")
ResultType = TypeVar("ResultType")
# How often a long form looks for changes to write to its draft file (seconds).
DRAFT_CHECK_SECONDS = 0.5


def describe_saved_at(saved_at: datetime, now: datetime) -> str:
    if saved_at.date() == now.date():
        return f"today at {saved_at:%H:%M}"
    if saved_at.year == now.year:
        return f"{saved_at:%a %d %b} at {saved_at:%H:%M}"
    return f"{saved_at:%d %b %Y} at {saved_at:%H:%M}"


class DraftOfferModal(ModalScreen[bool]):
    """A draft kept on disk for this form: dismisses True to restore it, False to discard it.

    ``escape`` restores too: a kept draft is only ever thrown away on purpose.
    """

    DEFAULT_CSS = """
    DraftOfferModal {
        align: center middle;
        & > #offer-box {
            width: 64;
            max-width: 100%;
            height: auto;
            border: thick $accent;
            background: $surface;
            padding: 1 2;
        }
        & #offer-text {
            height: auto;
            margin-bottom: 1;
        }
        & #offer-buttons {
            height: auto;
            & > Button {
                margin-right: 1;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+d", "answer(False)", "Discard", id="draft-offer.discard", priority=True),
        Binding("escape", "answer(True)", "Restore", id="draft-offer.restore"),
        Binding("left", "app.focus_previous", "Previous", id="draft-offer.previous", show=False),
        Binding("right", "app.focus_next", "Next", id="draft-offer.next", show=False),
    ]

    def __init__(self, form_name: str, when: str) -> None:
        super().__init__()
        self.form_name = form_name
        self.when = when

    def compose(self) -> ComposeResult:
        with Vertical(id="offer-box"):
            yield Static(
                Content(
                    f"A draft of this {self.form_name} from {self.when} was kept: "
                    "it was not saved before netcoach closed. Restore it?"
                ),
                id="offer-text",
            )
            with Horizontal(id="offer-buttons"):
                yield Button("Restore  enter", variant="primary", id="offer-restore")
                yield Button("Discard  ctrl+d", variant="error", id="offer-discard")

    def on_mount(self) -> None:
        self.query_one("#offer-restore", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "offer-restore")

    def action_answer(self, restore: bool) -> None:
        self.dismiss(restore)


class KeepsDraft(ReportsFailures, UsesNetcoachApp, Screen[ResultType], Generic[ResultType]):
    """A screen that knows what it held when it opened, and keeps a draft of its changes.

    Subclasses call ``form_ready()`` once the fields show their starting values. The
    values compared and kept are every field's (``read_fields``) plus
    ``extra_values()``; a form whose state lives elsewhere overrides ``draft_values``
    and ``restore_values``.
    """

    FORM_NAME: ClassVar[str] = "form"
    """What the questions call this form ("contact", "one-to-one plan" …)."""
    DRAFT_NAME: ClassVar[str] = ""
    """The draft file's name on disk; empty for short forms that keep no draft."""

    class DraftFound(Message):
        def __init__(self, kept: KeptDraft | None, unreadable: str = "") -> None:
            super().__init__()
            self.kept = kept
            self.unreadable = unreadable

    class DraftNotKept(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class DraftKept(Message):
        """A draft was written: a failure line shown before it can now say so."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial_values: dict[str, Any] | None = None
        self.draft_file: DraftFile | None = None
        self._checked_values: dict[str, Any] | None = None
        self._draft_sequence = 0
        self._wrote_draft = False
        self._offering = False
        self._form_left = False
        self._draft_warned = False
        # Whether the last draft write went through: a failed save says "kept as a draft"
        # only then (on a full disk, the draft cannot be written either).
        self.draft_written = False

    # ---- hooks for the forms ---------------------------------------------------------------

    def draft_key(self) -> str:
        """Which record the draft belongs to: its id, or "new"."""
        return "new"

    def extra_values(self) -> dict[str, Any]:
        """State that lives outside the fields (a picked contact, a list of people …)."""
        return {}

    def before_restore(self, extra: dict[str, Any]) -> None:
        """Prepare for restoring (add rows, set choices) before the fields are filled."""

    def after_restore(self, extra: dict[str, Any]) -> None:
        """Put back ``extra_values`` once the fields are filled."""

    def draft_values(self) -> dict[str, Any]:
        """What the form holds now, as JSON data: compared to decide "changed", and kept."""
        return {"fields": read_fields(self), "extra": self.extra_values()}

    def restore_values(self, values: dict[str, Any]) -> None:
        """Put a kept draft back: only what was changed in it (against its ``base``, what the
        form opened with then), so a field saved since by another copy keeps that value."""
        base = values.get("base") if isinstance(values.get("base"), dict) else {}
        extra = changed_in(values.get("extra") or {}, base.get("extra"))
        fields = changed_in(values.get("fields") or {}, base.get("fields"))
        self.before_restore(extra)

        def fill() -> None:
            restore_fields(self, fields)
            self.after_restore(extra)

        self.call_after_refresh(fill)

    def draft_write_ended(self) -> None:
        """A draft write ended, kept or not: a line that says whether it was can say it again."""

    # ---- changes ---------------------------------------------------------------------------

    def form_ready(self) -> None:
        """The fields hold their starting values: changes count from here."""
        self.call_after_refresh(self._take_baseline)

    def _take_baseline(self) -> None:
        if self._form_left:
            return
        self.initial_values = self._checked_values = self.draft_values()
        home = self._drafts_home()
        if self.DRAFT_NAME and home is not None:
            self.draft_file = DraftFile(draft_path(home, self.DRAFT_NAME, self.draft_key()))
            self._offering = True
            self.look_for_draft(self.draft_file)
            self.set_interval(DRAFT_CHECK_SECONDS, self.check_draft, name="draft-check")

    def has_changes(self) -> bool:
        return (
            not self._form_left
            and self.initial_values is not None
            and self.draft_values() != self.initial_values
        )

    def _drafts_home(self) -> Path | None:
        """Where drafts are kept: beside the database, and nowhere while it is read-only
        (a draft kept from before stays on disk, untouched, for when it is writable)."""
        database_path = getattr(self.app, "database_path", None)
        if not database_path or getattr(self.app, "read_only", None):
            return None
        return Path(database_path).parent

    def _now(self) -> datetime:
        store = getattr(self, "store", None)
        return store.clock() if store is not None else datetime.now()

    def _next_sequence(self) -> int:
        self._draft_sequence += 1
        return self._draft_sequence

    # ---- the draft on disk -----------------------------------------------------------------

    def check_draft(self) -> None:
        """Write the draft when the form changed since the last look (or remove it when the
        changes were all taken back)."""
        if self.draft_file is None or self._offering or self._form_left:
            return
        values = self.draft_values()
        if values == self._checked_values:
            return
        self._checked_values = values
        sequence = self._next_sequence()
        if values == self.initial_values:
            if self._wrote_draft:
                self.drop_draft(self.draft_file, sequence)
            return
        self._wrote_draft = True
        kept = {**values, "base": self.initial_values}
        self.keep_draft(self.draft_file, sequence, kept, self._now())

    @work(thread=True, group="draft-write", exit_on_error=False)
    def keep_draft(
        self, file: DraftFile, sequence: int, values: dict[str, Any], saved_at: datetime
    ) -> None:
        try:
            file.write(sequence, values, saved_at)
        except (OSError, TypeError, ValueError) as error:
            self.draft_written = False
            log.warning("could not keep the draft %s", file.path, exc_info=error)
            self.post_message(self.DraftNotKept(failure_words(error)))
        else:
            self.draft_written = True
            self.post_message(self.DraftKept())

    @work(thread=True, group="draft-write", exit_on_error=False)
    def drop_draft(self, file: DraftFile | None, sequence: int) -> None:
        self.forget_draft(file, sequence)

    def forget_draft(self, file: DraftFile | None, sequence: int) -> None:
        """Remove the draft file (in a worker thread); a failure is logged, never raised."""
        if file is None:
            return
        try:
            file.remove(sequence)
        except OSError as error:
            log.warning("could not remove the draft %s", file.path, exc_info=error)

    @on(DraftKept)
    def draft_kept(self) -> None:
        self.draft_write_ended()

    @on(DraftNotKept)
    def draft_not_kept(self, message: DraftNotKept) -> None:
        self.draft_write_ended()
        if not self._draft_warned:
            self._draft_warned = True
            self.notify(
                f"Your typing could not be kept on disk as a draft: {message.reason}",
                severity="warning",
                markup=False,
            )

    @work(thread=True, exclusive=True, group="draft-read", exit_on_error=False)
    def look_for_draft(self, file: DraftFile) -> None:
        try:
            kept = file.read()
        except DraftUnreadable as error:
            log.warning("draft ignored: %s", error)
            self.post_message(self.DraftFound(None, unreadable=str(error)))
            return
        self.post_message(self.DraftFound(kept))

    @on(DraftFound)
    def offer_draft(self, message: DraftFound) -> None:
        kept = message.kept
        if message.unreadable:
            self.notify(
                f"A draft kept for this {self.FORM_NAME} could not be read, so it was ignored.",
                severity="warning",
                markup=False,
            )
        typed = None if kept is None else {k: v for k, v in kept.values.items() if k != "base"}
        if kept is None or typed == self.initial_values or self._form_left:
            self._offering = False
            return

        def answered(restore: bool | None) -> None:
            self._offering = False
            if restore is False:
                self._wrote_draft = False
                self.drop_draft(self.draft_file, self._next_sequence())
                return
            self._wrote_draft = True
            self.restore_values(kept.values)
            self.notify(f"Draft restored: this {self.FORM_NAME} is not saved yet.", markup=False)

        when = describe_saved_at(kept.saved_at, self._now())
        self.app.push_screen(DraftOfferModal(self.FORM_NAME, when), answered)
