"""What every contact list can do to the selected person: move a level, log a touch, archive.

The modals ask for what the change needs; the writes run in "db-write" workers
and each successful change goes on the app's undo stack, with a note on the
screen (kept until the next change) of what was done and that ctrl+z puts it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from netcoach.core import undo
from netcoach.core.levels import LevelBoundError, change_reason, level_after, level_name
from netcoach.core.touches import INTERACTION_KINDS, TOUCH_NOTE_MAX, a_touch
from netcoach.core.undo import UndoAction
from netcoach.data.repo import Store
from netcoach.messages import DataChanged
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.keys import Browsing
from netcoach.widgets.status import clip
from netcoach.widgets.typed_app import UsesNetcoachApp

EMPTY_REASON = (
    "Please give a short reason, for example “good one-to-one, we swapped referrals”: "
    "the history only helps you later if it says why the level changed."
)


@dataclass(frozen=True, slots=True)
class Target:
    """The contact an action is about, as the list showing it knows them."""

    id: int
    name: str
    level: int
    archived: bool = False


def move_level(store: Store, target: Target, to_level: int, reason: str) -> UndoAction:
    """Move ``target`` from the level shown to ``to_level`` and describe the move for ctrl+z.

    The one level move every screen makes; call it from a write worker. Raises
    LevelMoveError (nothing written) when the move is refused, for example because
    another copy of netcoach moved the contact since, or NotFoundError.
    """
    change = store.contacts.move_level(target.id, to_level, reason, from_level=target.level)
    return undo.level_move(
        target.id, target.name, change.from_level or target.level, change.to_level, change.id
    )


class LevelReasonModal(ModalScreen[str | None]):
    """Asks why a contact moves up or down one level; escape cancels and nothing changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="level-reason.cancel"),
    ]

    def __init__(self, target: Target, to_level: int) -> None:
        super().__init__()
        self.target = target
        self.to_level = to_level

    def compose(self) -> ComposeResult:
        new_level = self.to_level
        verb = "up" if new_level > self.target.level else "down"
        with Vertical(id="level-reason-box", classes="modal-box"):
            yield Static(
                Content.from_markup(
                    "Move [b]$name[/b] $verb: $old → $new",
                    name=clip(self.target.name, 60),
                    verb=verb,
                    old=f"{self.target.level} {level_name(self.target.level)}",
                    new=f"{new_level} {level_name(new_level)}",
                ),
                classes="modal-title",
            )
            yield Static("Why? A few words are enough.", classes="modal-hint")
            yield Input(placeholder="Reason for the change", id="level-reason", max_length=500)
            yield Static("", id="level-reason-error", classes="modal-error")
            yield Static("enter records the change · escape cancels", classes="modal-hint")

    def on_mount(self) -> None:
        self.query_one("#level-reason", Input).focus()

    @on(Input.Submitted, "#level-reason")
    def submitted(self, event: Input.Submitted) -> None:
        reason = change_reason(event.value)
        if not reason:
            self.query_one("#level-reason-error", Static).update(EMPTY_REASON)
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class Touch:
    """What the touch dialog asks for: the kind, when it happened, and a note."""

    kind: str
    happened_at: datetime
    note: str = ""


class InteractionModal(ModalScreen[Touch | None]):
    """Picks the kind of touch (call, email, coffee…), when it happened and an optional note.

    The date is typed in words ("yesterday 4pm", "last fri") and read back beside the
    field, as in every form; it starts at "now" and may not be later than now. Focus
    starts on the note, so typing is never lost; tab goes note → when → kind, ↑ ↓ choose
    the kind from anywhere, and enter saves from any of them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="interaction.cancel"),
        Binding("up", "kind(-1)", "Previous kind", id="interaction.previous", show=False),
        Binding("down", "kind(1)", "Next kind", id="interaction.next", show=False),
    ]

    def __init__(self, target: Target, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__()
        self.target = target
        self.clock = clock

    def compose(self) -> ComposeResult:
        from netcoach.core.when import TOUCHED, touch_default_time
        from netcoach.widgets.date_field import DateField

        with Vertical(id="interaction-box", classes="modal-box"):
            yield Static(
                Content.from_markup(
                    "Log a touch with [b]$name[/b]", name=clip(self.target.name, 60)
                ),
                classes="modal-title",
            )
            yield OptionList(
                *(Option(kind.capitalize(), id=kind) for kind in INTERACTION_KINDS),
                id="interaction-kind",
            )
            yield Input(
                placeholder="Note (optional)", id="interaction-note", max_length=TOUCH_NOTE_MAX
            )
            with Horizontal(id="interaction-when-row"):
                yield Label("When", classes="interaction-label")
                yield DateField(
                    self.clock,
                    "now",
                    within=TOUCHED,
                    default_time=touch_default_time(self.clock()),
                    placeholder="now, yesterday 4pm, last fri…",
                    compact=True,
                    beside=True,
                    input_id="interaction-when",
                    preview_id="interaction-when-preview",
                    id="interaction-when-field",
                )
            yield Static(
                "type a note · tab to when · ↑ ↓ choose the kind · enter saves · escape cancels",
                classes="modal-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#interaction-kind", OptionList).highlighted = 0
        self.query_one("#interaction-note", Input).focus()

    def action_kind(self, step: int) -> None:
        kinds = self.query_one("#interaction-kind", OptionList)
        current = kinds.highlighted or 0
        kinds.highlighted = (current + step) % len(INTERACTION_KINDS)

    @on(OptionList.OptionSelected, "#interaction-kind")
    @on(Input.Submitted, "#interaction-when")
    @on(Input.Submitted, "#interaction-note")
    def save(self, event: OptionList.OptionSelected | Input.Submitted) -> None:
        event.stop()
        from netcoach.widgets.date_field import DateField

        field = self.query_one("#interaction-when-field", DateField)
        when, problem = field.result()
        if when is None:
            # Refused in place: the preview beside the field says why; nothing is saved.
            field.show_problem(problem or "Type when it happened, e.g. now or yesterday 4pm.")
            field.input.focus()
            return
        kinds = self.query_one("#interaction-kind", OptionList)
        index = kinds.highlighted if kinds.highlighted is not None else 0
        note = self.query_one("#interaction-note", Input).value
        self.dismiss(Touch(INTERACTION_KINDS[index], when.moment, note))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ContactActions(ReportsFailures, Browsing, UsesNetcoachApp):
    """Mixed into a Screen that has ``store`` and ``selected_target()`` and can ``reload()``.

    Handlers are named (not ``@on``) because a plain mixin is not a message pump.
    """

    store: Store

    ACTION_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus", "level_up", "Level +", id="contact.level-up", tooltip="Move up a level"),
        Binding(
            "minus", "level_down", "Level -", id="contact.level-down", tooltip="Move down a level"
        ),
        Binding("i", "log_interaction", "Log touch", id="contact.log", tooltip="Log a touch"),
        Binding("x", "archive", "Archive", id="contact.archive", tooltip="Archive or bring back"),
        Binding("delete", "archive", "Archive", id="contact.archive-delete", show=False),
    ]

    @dataclass
    class Changed(Message):
        """A change was written: what to tell the person, and its undo if it has one."""

        text: str
        undo: UndoAction | None = None

    @dataclass
    class Refused(Message):
        text: str

    # Keys that act on one contact: left out of the footer while none is highlighted.
    TARGET_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"level_up", "level_down", "log_interaction", "archive"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if allowed is not True:
            return allowed
        if action in self.TARGET_ACTIONS:
            try:
                target = self.selected_target()
            except NoMatches:  # asked before the screen's widgets are there
                target = None
            if target is None:
                return False
        return True

    def selected_target(self) -> Target | None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _screen(self) -> Screen[object]:
        assert isinstance(self, Screen)
        return self

    # ---- level moves ----------------------------------------------------------------------

    def action_level_up(self) -> None:
        self.ask_level_move(1)

    def action_level_down(self) -> None:
        self.ask_level_move(-1)

    def ask_level_move(self, step: int) -> None:
        target = self.selected_target()
        if target is None:
            return
        screen = self._screen()
        try:
            to_level = level_after(target.level, step)
        except LevelBoundError as error:
            screen.notify(f"{clip(target.name, 60)} is {error}.", severity="warning", markup=False)
            return

        def chosen(reason: str | None) -> None:
            if reason:
                self.write_level_move(target, to_level, reason)

        screen.app.push_screen(LevelReasonModal(target, to_level), chosen)

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_level_move(self, target: Target, to_level: int, reason: str) -> None:
        from netcoach.data.errors import LevelMoveError, NotFoundError

        try:
            action = move_level(self.store, target, to_level, reason)
        except (LevelMoveError, NotFoundError) as error:
            self._screen().post_message(self.Refused(str(error).capitalize() + "."))
            return
        self._screen().post_message(self.Changed(action.label, action))

    # ---- interactions ---------------------------------------------------------------------

    def action_log_interaction(self) -> None:
        target = self.selected_target()
        if target is None:
            return

        def chosen(touch: Touch | None) -> None:
            if touch is not None:
                self.write_interaction(target, touch)

        self._screen().app.push_screen(InteractionModal(target, self.store.clock), chosen)

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_interaction(self, target: Target, touch: Touch) -> None:
        from netcoach.core.when import day_in_words
        from netcoach.data.errors import NotFoundError, ValidationError

        try:
            self.store.log_interaction(target.id, touch.kind, touch.note, touch.happened_at)
        except (ValidationError, NotFoundError) as error:
            self._screen().post_message(self.Refused(f"Not logged: {error}"))
            return
        day = day_in_words(touch.happened_at, self.store.today())
        when = "" if day == "today" else f" ({day})"
        self._screen().post_message(
            self.Changed(f"Logged {a_touch(touch.kind)} with {clip(target.name, 60)}{when}")
        )

    # ---- archive --------------------------------------------------------------------------

    def action_archive(self) -> None:
        target = self.selected_target()
        if target is not None:
            self.write_archive(target, not target.archived)

    @work(thread=True, group="db-write", exit_on_error=False)
    def write_archive(self, target: Target, archived: bool) -> None:
        name = self.store.contacts.set_archived(target.id, archived)
        action = undo.archive(target.id, name, archived)
        self._screen().post_message(self.Changed(action.label, action))

    # ---- results --------------------------------------------------------------------------

    def on_contact_actions_changed(self, message: Changed) -> None:
        message.stop()
        screen = self._screen()
        if message.undo is not None:
            self.app.push_undo(message.undo, screen=screen)
        else:
            self.app.clear_undo_note(screen)
            screen.notify(message.text, markup=False)
        self.reload()

    def on_contact_actions_refused(self, message: Refused) -> None:
        message.stop()
        self._screen().notify(message.text, severity="warning", markup=False)

    def on_data_changed(self, message: DataChanged) -> None:
        message.stop()
        self.reload()
