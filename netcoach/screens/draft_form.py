"""The save cycle every form shares, and the promise that nothing typed in one is thrown away.

``FormGuard`` is the shared piece: leaving a form with changes (escape, its Cancel
button, ``ctrl+q``) asks Save / Discard / Keep editing; a long form (one that names a
``DRAFT_NAME``) keeps its draft on disk while it is typed and offers it back when
the same form is opened again; a save that fails is shown in the form, with the
draft kept. A form that loads its record first saves nothing until it has loaded:
a load that fails is said in the form, with ctrl+r to load again. ``DraftFormScreen``
adds the check-then-write save cycle on top; a record deleted by another copy since
the form opened is refused in words, never written again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioButton,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.worker import Worker

from netcoach.core.merge import Clash, RecordChanged
from netcoach.core.text import visible
from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.failures import failure_words
from netcoach.drafts import DraftFile, DraftUnreadable, KeptDraft, draft_path
from netcoach.widgets.failures import (
    WRITE_GROUPS,
    ReportsFailures,
    failure_reason,
    log_failure,
)

if TYPE_CHECKING:
    from textual.app import App

log = logging.getLogger("netcoach")
ResultType = TypeVar("ResultType")
# How often a long form looks for changes to write to its draft file (seconds).
DRAFT_CHECK_SECONDS = 0.5
FIELD_SELECTOR = "Input, TextArea, Select, Checkbox, RadioButton, SelectionList"


# ---- reading and restoring fields ---------------------------------------------------------


def read_fields(root: Widget) -> dict[str, Any]:
    """Every field's value under ``root`` as plain JSON data, keyed by its id (or position)."""
    values: dict[str, Any] = {}
    unnamed = 0
    for widget in root.query(FIELD_SELECTOR):
        key = widget.id
        if key is None:
            key = f"~{unnamed}"
            unnamed += 1
        values[key] = _value_of(widget)
    return values


def _value_of(widget: Widget) -> Any:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return None if widget.is_blank() else widget.value
    if isinstance(widget, Checkbox | RadioButton):
        return widget.value
    if isinstance(widget, SelectionList):
        return list(widget.selected)
    return None


def restore_fields(root: Widget, values: dict[str, Any]) -> None:
    """Put ``values`` (from ``read_fields``) back; fields that are gone or refuse a value
    are left as they are, so an old draft never breaks a form."""
    unnamed = 0
    for widget in root.query(FIELD_SELECTOR):
        key = widget.id
        if key is None:
            key = f"~{unnamed}"
            unnamed += 1
        if key not in values or _value_of(widget) == values[key]:
            continue
        try:
            _set_value(widget, values[key])
        except Exception as error:  # a stale choice, a changed form: skip that field
            log.info("draft value for %s not restored: %s", key, error)


def _set_value(widget: Widget, value: Any) -> None:
    if isinstance(widget, Input):
        widget.value = str(value)
    elif isinstance(widget, TextArea):
        widget.text = str(value)
    elif isinstance(widget, Select):
        if value is None:
            widget.clear()
        else:
            widget.value = value
    elif isinstance(widget, Checkbox | RadioButton):
        widget.value = bool(value)
    elif isinstance(widget, SelectionList):
        widget.deselect_all()
        for item in value:
            widget.select(item)


def _changed_in(values: dict[str, Any], base: object) -> dict[str, Any]:
    """The entries of ``values`` that differ from ``base`` (all of them without one)."""
    if not isinstance(base, dict):
        return values
    return {key: value for key, value in values.items() if key not in base or base[key] != value}


def describe_saved_at(saved_at: datetime, now: datetime) -> str:
    if saved_at.date() == now.date():
        return f"today at {saved_at:%H:%M}"
    if saved_at.year == now.year:
        return f"{saved_at:%a %d %b} at {saved_at:%H:%M}"
    return f"{saved_at:%d %b %Y} at {saved_at:%H:%M}"


# ---- the questions ------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class ClashView:
    """A clash as the dialog shows it: the field's label and both values in words."""

    field: str
    label: str
    theirs: str
    mine: str


def excerpt(text: str, lines: int = 3, width: int = 200) -> str:
    """The start of ``text`` for a dialog: a few lines, each cut short, safe to show."""
    kept = visible(text, multiline=True).split("\n")
    shown = [line if len(line) <= width else line[: width - 1] + "…" for line in kept[:lines]]
    if len(kept) > lines:
        shown[-1] += " …"
    return "\n".join(shown) or "(blank)"


class ClashModal(ModalScreen[dict[str, str] | None]):
    """Asked when a save meets fields another netcoach changed since the form opened.

    For each clash the person keeps theirs ("mine") or the saved one ("theirs");
    dismisses with {field: "mine" | "theirs"}, or None (escape) to go back to the
    form with nothing saved and nothing lost.
    """

    DEFAULT_CSS = """
    ClashModal {
        align: center middle;
        & > #clash-box {
            width: 78;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $warning;
            background: $surface;
            padding: 0 1;
        }
        & #clash-question {
            height: auto;
            margin-bottom: 1;
        }
        & #clash-list {
            height: auto;
            max-height: 50vh;
        }
        & .clash {
            height: auto;
            margin-bottom: 1;
        }
        & .clash-field {
            text-style: bold;
        }
        & .clash-value {
            height: auto;
            padding-left: 2;
        }
        & .clash-choice {
            height: auto;
            padding-left: 2;
            & > Button {
                margin-right: 2;
                width: 22;  /* room for the ✓ a choice gets, so no label is cut */
            }
        }
        & #clash-buttons {
            height: auto;
            & > Button {
                margin-right: 1;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "decide", "Save my choices", id="clash.save", priority=True),
        Binding("escape", "back", "Back to the form", id="clash.back"),
        Binding("left,up", "app.focus_previous", "Previous", id="clash.previous", show=False),
        Binding("right,down", "app.focus_next", "Next", id="clash.next", show=False),
    ]

    def __init__(self, form_name: str, clashes: list[ClashView]) -> None:
        super().__init__()
        self.form_name = form_name
        self.clashes = clashes
        self.decisions: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        count = len(self.clashes)
        fields = "a field" if count == 1 else f"{count} fields"
        question = (
            f"Another netcoach saved this {self.form_name} since you opened it, and changed "
            f"{fields} you changed too. Choose which value to keep in each. Fields only you "
            "changed are saved as you typed them; the others keep what is saved."
        )
        with Vertical(id="clash-box"):
            yield Static(Content(question), id="clash-question")
            with VerticalScroll(id="clash-list", can_focus=False):
                for index, clash in enumerate(self.clashes):
                    with Vertical(classes="clash", id=f"clash-{index}"):
                        yield Label(Content(clash.label), classes="clash-field")
                        for side, value in (("Saved", clash.theirs), ("Yours", clash.mine)):
                            yield Static(
                                Content(f"{side}: " + excerpt(value).replace("\n", "\n       ")),
                                classes=f"clash-value clash-{side.lower()}",
                            )
                        with Horizontal(classes="clash-choice"):
                            yield Button("Keep yours", id=f"clash-{index}-mine", compact=True)
                            yield Button(
                                "Keep the saved one", id=f"clash-{index}-theirs", compact=True
                            )
            with Horizontal(id="clash-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="clash-save")
                yield Button("All yours", id="clash-all-mine", tooltip="Keep yours in every field")
                yield Button(
                    "All saved", id="clash-all-theirs", tooltip="Keep the saved one in every field"
                )
                yield Button("Back  esc", id="clash-back")

    def on_mount(self) -> None:
        self.query_one("#clash-0-mine", Button).focus(scroll_visible=False)

    @on(Button.Pressed, ".clash-choice Button")
    def chosen(self, event: Button.Pressed) -> None:
        """Keep one side for this clash: its button is marked, the other unmarked."""
        event.stop()
        index, _sep, side = (event.button.id or "").removeprefix("clash-").partition("-")
        self.decisions[self.clashes[int(index)].field] = side
        for button in self.query(f"#clash-{index} Button").results(Button):
            picked = button is event.button
            text = str(button.label).removeprefix("✓ ")
            button.label = f"✓ {text}" if picked else text
            button.variant = "success" if picked else "default"
        self.focus_next_open()

    def focus_next_open(self) -> None:
        """Focus the first clash not decided yet, its field and values in view; else Save."""
        for index, clash in enumerate(self.clashes):
            if clash.field not in self.decisions:
                self.query_one(f"#clash-{index}-mine", Button).focus(scroll_visible=False)
                self.query_one(f"#clash-{index}").scroll_visible(animate=False)
                return
        self.query_one("#clash-save", Button).focus()

    @on(Button.Pressed, "#clash-save")
    def action_decide(self) -> None:
        if len(self.decisions) < len(self.clashes):
            self.notify("Choose for each field: keep yours or the saved one.", markup=False)
            self.focus_next_open()
            return
        self.dismiss(dict(self.decisions))

    @on(Button.Pressed, "#clash-all-mine")
    def all_mine(self) -> None:
        self.dismiss({clash.field: "mine" for clash in self.clashes})

    @on(Button.Pressed, "#clash-all-theirs")
    def all_theirs(self) -> None:
        self.dismiss({clash.field: "theirs" for clash in self.clashes})

    @on(Button.Pressed, "#clash-back")
    def action_back(self) -> None:
        self.dismiss(None)


class SaveFailure(Static):
    """The line a form shows when its save failed for a reason the person cannot fix there."""

    DEFAULT_CSS = """
    SaveFailure {
        height: auto;
        color: $error;
        text-style: bold;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    """


class LoadFailure(Static):
    """The line a form shows in place of its fields when they could not be loaded."""

    DEFAULT_CSS = """
    LoadFailure {
        height: auto;
        color: $error;
        text-style: bold;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    """


# ---- the shared piece ---------------------------------------------------------------------


class FormGuard(ReportsFailures, Screen[ResultType], Generic[ResultType]):
    """A screen whose typed input is never thrown away without asking.

    Subclasses call ``form_ready()`` once the fields show their starting values and
    provide ``start_save()`` (their normal save). The values compared and kept are
    every field's (``read_fields``) plus ``extra_values()``; a form whose state lives
    elsewhere overrides ``draft_values`` and ``restore_values``.
    """

    FORM_NAME: ClassVar[str] = "form"
    """What the questions call this form ("contact", "one-to-one plan" …)."""
    DRAFT_NAME: ClassVar[str] = ""
    """The draft file's name on disk; empty for short forms that keep no draft."""
    SAVE_BUTTON: ClassVar[str] = "#form-save"
    """The save button; a failed save is reported just above its row."""
    LOAD_BODY: ClassVar[str] = "#form-body"
    """What shows the loading indicator while ``begin_load`` runs, hidden if it fails."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "retry_load", "Load again", id="form.retry-load"),
    ]

    saving = False

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

    class SaveFailed(Message):
        """The write failed; ``reason`` says why, in words (``failure_reason``); without
        ``retry`` saving again cannot help (the record is gone)."""

        def __init__(self, reason: str, retry: bool = True) -> None:
            super().__init__()
            self.reason = reason
            self.retry = retry

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
        extra = _changed_in(values.get("extra") or {}, base.get("extra"))
        fields = _changed_in(values.get("fields") or {}, base.get("fields"))
        self.before_restore(extra)

        def fill() -> None:
            restore_fields(self, fields)
            self.after_restore(extra)

        self.call_after_refresh(fill)

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
    def drop_draft(self, file: DraftFile, sequence: int) -> None:
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
        if self._failure_shown is not None:
            self.show_save_failure(*self._failure_shown)

    @on(DraftNotKept)
    def draft_not_kept(self, message: DraftNotKept) -> None:
        if self._failure_shown is not None:
            self.show_save_failure(*self._failure_shown)
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
                self.drop_draft(self.draft_file, self._next_sequence())  # type: ignore[arg-type]
                return
            self._wrote_draft = True
            self.restore_values(kept.values)
            self.notify(f"Draft restored: this {self.FORM_NAME} is not saved yet.", markup=False)

        when = describe_saved_at(kept.saved_at, self._now())
        self.app.push_screen(DraftOfferModal(self.FORM_NAME, when), answered)

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
            self.drop_draft(self.draft_file, self._next_sequence())  # type: ignore[arg-type]
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

    # ---- failed saves ----------------------------------------------------------------------

    def saved_draft_sequence(self) -> int:
        """A sequence number for removing the draft once the save now starting succeeds."""
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


class DraftFormScreen(FormGuard[ResultType], Generic[ResultType]):
    """A form screen; subclasses provide ``read_draft``, ``show_errors`` and ``write``.

    A form that edits a saved record calls ``opened_with`` with the record's fields
    (named as in its draft) when it fills them in. Its ``write`` then sends only
    ``self.changes`` (the fields the person changed) with ``self.opened`` (those
    fields as the form opened with them) to a repository write that checks, in the
    same transaction, whether another copy changed them since (``RecordChanged``).
    Each clash is shown with both values (``ClashModal``) and the save goes on with
    the person's choice; escape goes back to the form with nothing lost.
    """

    class Refused(Message):
        """The repository refused the draft; ``errors`` maps each field to its message."""

        def __init__(self, errors: dict[str, str]) -> None:
            super().__init__()
            self.errors = errors

    class Clashed(Message):
        """Another copy changed fields this save changed too; nothing was written."""

        def __init__(self, clashes: tuple[Clash, ...]) -> None:
            super().__init__()
            self.clashes = clashes

    RECORD_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {}
    """The record fields each form field or extra value holds (see ``fields_of``)."""
    FIELD_LABELS: ClassVar[dict[str, str]] = {}
    """What the clash dialog calls each record field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened_record: dict[str, Any] | None = None
        """The edited record's fields as the form opened them; None for a new record."""
        self.opened: dict[str, Any] = {}
        """For the save under way: each changed field as the form opened with it."""
        self.changes: dict[str, Any] = {}
        """For the save under way: each field the person changed, with its new value."""
        self._kept_theirs: dict[str, Any] = {}

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

    # ---- saving only what changed ----------------------------------------------------------

    def opened_with(self, values: Mapping[str, Any]) -> None:
        """The record as the form opened it, field by field, with the draft's names and types."""
        self.opened_record = dict(values)
        self._kept_theirs = {}

    def fields_of(self, key: str) -> tuple[str, ...]:
        """The record fields a form field (``key`` as in ``read_fields``) or an
        ``extra_values`` entry holds: as ``RECORD_FIELDS`` says, or by default the field
        ``#field-name`` holds ``name``."""
        if self.RECORD_FIELDS:
            return self.RECORD_FIELDS.get(key, ())
        return (key.removeprefix("field-"),) if key.startswith("field-") else ()

    def changed_fields(self) -> set[str]:
        """The record fields whose form fields differ from what the form opened with."""
        if self.initial_values is None:
            return set()
        now, was = self.draft_values(), self.initial_values
        changed: set[str] = set()
        for part in ("fields", "extra"):
            before, after = was.get(part) or {}, now.get(part) or {}
            for key in set(before) | set(after):
                if before.get(key) != after.get(key):
                    changed.update(self.fields_of(key))
        return changed

    def changes_in(self, draft: Any) -> dict[str, Any]:
        """The draft's values for the fields the person changed (and has not given up on
        for the saved value in a clash)."""
        opened = self.opened_record or {}
        found = {}
        for name in sorted(self.changed_fields()):
            if name not in opened:
                continue
            value = getattr(draft, name)
            kept = self._kept_theirs
            if name in kept and kept[name] == value:
                continue
            found[name] = value
        return found

    def describe_clash(self, clash: Clash) -> ClashView:
        """How the clash dialog shows a clash; forms name their fields and values."""
        return ClashView(
            clash.field,
            self.FIELD_LABELS.get(clash.field, clash.field.replace("_", " ").capitalize()),
            self.show_value(clash.field, clash.theirs),
            self.show_value(clash.field, clash.mine),
        )

    def show_value(self, field: str, value: Any) -> str:
        """A field's value in words for the clash dialog."""
        if value is None or value == "" or value == ():
            return "(blank)"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, tuple | list):
            return ", ".join(str(item) for item in value)
        if isinstance(value, datetime):
            return f"{value:%a %d %b %Y %H:%M}"
        if isinstance(value, date):
            return f"{value:%a %d %b %Y}"
        if isinstance(value, Enum):
            return str(value.value).replace("_", " ")
        return str(value)

    @on(Clashed)
    def clashed(self, message: Clashed) -> None:
        self.saving = False
        self.check_draft()
        clashes = message.clashes
        names = [self.describe_clash(clash).label for clash in clashes]

        def answered(decisions: dict[str, str] | None) -> None:
            if decisions is None:
                listed = (
                    names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
                )
                self.show_save_failure(
                    f"another netcoach changed {listed} since this {self.FORM_NAME} was opened"
                )
                self.save_settled(False)
                return
            opened = self.opened_record if self.opened_record is not None else {}
            for clash in clashes:
                opened[clash.field] = clash.theirs
                if decisions.get(clash.field) == "theirs":  # as sent, before any tidying
                    self._kept_theirs[clash.field] = self.changes.get(clash.field, clash.mine)
            self.action_save()

        views = [self.describe_clash(clash) for clash in clashes]
        self.app.push_screen(ClashModal(self.FORM_NAME, views), answered)

    def start_save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        if self.saving or self.save_refused_before_load():
            return
        if not self.ready_to_save():
            self.save_settled(False)
            return
        draft, errors = self.read_draft()
        self.show_errors(errors)
        if errors:
            marked = "the field" if len(errors) == 1 else f"the {len(errors)} fields"
            self.notify(f"Please correct {marked} marked in red.", severity="warning")
            self.save_settled(False)
            return
        self.show_save_failure(None)
        self.saving = True
        if self.opened_record is not None:
            self.changes = self.changes_in(draft)
            self.opened = {name: self.opened_record[name] for name in self.changes}
        self.save(draft, self.saved_draft_sequence())

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(self, draft: Any, sequence: int) -> None:
        try:
            announced = self.write(draft)
        except ValidationError as error:
            self.post_message(self.Refused(error.errors))
            return
        except RecordChanged as changed:
            self.post_message(self.Clashed(changed.clashes))
            return
        except NotFoundError as error:
            log.warning("saving the %s: %s", self.FORM_NAME, error)
            reason = f"{self.gone_reason()} since this form was opened"
            self.post_message(self.SaveFailed(reason, retry=False))
            return
        except Exception as error:
            log_failure(f"saving the {self.FORM_NAME}", error)
            self.post_message(self.SaveFailed(failure_reason(error)))
            return
        self.forget_draft(self.draft_file, sequence)
        self.post_message(announced)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.saving = False
        if message.errors:
            self.show_errors(self.placed_errors(message.errors))
            self.notify("Not saved: please correct the fields marked in red.", severity="warning")
        else:
            self.show_save_failure("the record was refused")
        self.save_settled(False)


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
