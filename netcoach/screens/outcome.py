"""After a one-to-one: was the objective achieved, what was learnt, and what happens next."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

from netcoach.core.levels import KEY_CONTACT_TARGET, change_reason, level_name
from netcoach.core.meetings import (
    EngageOffer,
    FollowUp,
    OneToOne,
    Outcome,
    OutcomeDraft,
    outcome_not_yet,
)
from netcoach.core.undo import UndoAction
from netcoach.core.when import describe_length, describe_when
from netcoach.data.repo import Store
from netcoach.screens.contact_actions import Target, move_level
from netcoach.screens.forms import DraftFormScreen
from netcoach.screens.forms.rows import form_buttons
from netcoach.widgets.failures import failure_reason, log_failure
from netcoach.widgets.follow_up_rows import FollowUpRow, FollowUpRows
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedInput, LimitedTextArea


class OutcomeScreen(DraftFormScreen[int | None]):
    """Record how a one-to-one went; dismisses with its id once saved, or None."""

    TITLE = "netcoach — One-to-one outcome"

    CSS_PATH = "../styles/meetings.tcss"
    FORM_NAME = "outcome"
    RECORD_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        **{f"outcome-{outcome.value}": ("outcome",) for outcome in Outcome},
        "field-notes": ("notes",),
        "field-learnt": ("learnt",),
    }
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "outcome": "Objective",
        "notes": "Notes",
        "learnt": "What you learnt",
    }
    DRAFT_NAME = "outcome"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="outcome.save"),
        Binding("ctrl+n", "add_follow_up", "Another follow-up", id="outcome.add-follow-up"),
        Binding("escape", "cancel", "Cancel", id="outcome.cancel"),
    ]

    class Loaded(Message):
        def __init__(self, one: OneToOne, follow_ups: list[FollowUp]) -> None:
            super().__init__()
            self.one = one
            self.follow_ups = follow_ups

    class Saved(Message):
        def __init__(self, offer: EngageOffer | None) -> None:
            super().__init__()
            self.offer = offer

    class Moved(Message):
        """The move to Engage after the outcome was written (``undo`` puts it back), or
        ``failure`` saying why it was not made."""

        def __init__(self, name: str, undo: UndoAction | None = None, failure: str = "") -> None:
            super().__init__()
            self.name = name
            self.undo = undo
            self.failure = failure

    def __init__(self, store: Store, one_to_one_id: int) -> None:
        super().__init__()
        self.store = store
        self.one_to_one_id = one_to_one_id
        self.one: OneToOne | None = None
        self.saving = False
        self.not_yet = False  # the one-to-one has not begun: no outcome yet

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form-body", can_focus=False):  # its fields scroll it
            yield Static("How did it go?", id="form-title")
            yield Static("", id="outcome-summary")
            with Horizontal(classes="form-row", id="row-outcome"):
                yield Label("Objective", classes="form-label")
                with Vertical(classes="form-field"):
                    with RadioSet(id="field-outcome"):
                        yield RadioButton("Achieved", id="outcome-achieved")
                        yield RadioButton("Partly achieved", id="outcome-partly")
                        yield RadioButton("Not achieved", id="outcome-not")
                    yield Static("", id="error-outcome", classes="form-error")
            with Horizontal(classes="form-row", id="row-notes"):
                yield Label("Notes", classes="form-label")
                yield LimitedTextArea(id="field-notes", soft_wrap=True)
            with Horizontal(classes="form-row", id="row-learnt"):
                yield Label("Learnt", classes="form-label")
                yield LimitedTextArea(id="field-learnt", soft_wrap=True)
            with Horizontal(classes="form-row", id="row-follow-ups"):
                yield Label("Follow-ups", classes="form-label")
                with Vertical(classes="form-field"):
                    yield Static("", id="existing-follow-ups")
                    yield FollowUpRows(self.store.clock, rows=2, id="follow-ups")
                    yield Static(
                        "ctrl+n adds another row; blank rows are ignored",
                        classes="form-hint -shown",
                    )
                    yield Static("", id="error-follow-ups", classes="form-error")
            yield from form_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.begin_load(self.load)

    @work(thread=True, exclusive=True, group="outcome-load", exit_on_error=False)
    def load(self) -> None:
        one = self.store.meetings.get_one_to_one(self.one_to_one_id)
        follow_ups = self.store.meetings.follow_ups_for(self.one_to_one_id)
        self.post_message(self.Loaded(one, follow_ups))

    @on(Loaded)
    def fill(self, message: Loaded) -> None:
        one = self.one = message.one
        now = self.store.clock()
        lines = Content.from_markup(
            "With [b]$name[/b] · $when · $length · $place\nObjective: [b]$objective[/b]",
            name=one.contact_name,
            when=describe_when(one.starts_at, now),
            length=describe_length(one.ends_at - one.starts_at),
            place=one.place or "no place given",
            objective=one.objective,
        )
        if one.agenda.strip():
            lines = lines + Content("\nAgenda:\n" + one.agenda)
        self.query_one("#outcome-summary", Static).update(lines)
        if self._not_yet(one, now):
            return
        self.opened_with({"outcome": one.outcome, "notes": one.notes, "learnt": one.learnt})
        if one.outcome is not None:
            self.query_one(f"#outcome-{one.outcome.value}", RadioButton).value = True
            self.query_one("#form-title", Static).update("How did it go? (outcome recorded)")
        self.query_one("#field-notes", TextArea).text = one.notes
        self.query_one("#field-learnt", TextArea).text = one.learnt
        if message.follow_ups:
            lines = "\n".join(
                f"{'✓' if f.done_at else '·'} {f.what} ({f.owner.value})"
                for f in message.follow_ups
            )
            self.query_one("#existing-follow-ups", Static).update(
                Content("Already agreed:\n" + lines)
            )
        self.query_one("#form-body").loading = False
        self.query_one(RadioSet).focus()
        self.form_ready()

    def draft_key(self) -> str:
        return str(self.one_to_one_id)

    def extra_values(self) -> dict[str, object]:
        return {"follow_up_rows": len(self.query(FollowUpRow))}

    def before_restore(self, extra: dict[str, object]) -> None:
        wanted = extra.get("follow_up_rows")
        rows = self.query_one(FollowUpRows)
        for _ in range(len(self.query(FollowUpRow)), wanted if isinstance(wanted, int) else 0):
            rows.add_row()

    def _not_yet(self, one: OneToOne, now: datetime) -> bool:
        """Before a one-to-one begins there is no outcome: say from when, and offer no fields."""
        message = outcome_not_yet(one.starts_at, now)
        if message is None:
            return False
        self.one = None  # nothing to save
        self.not_yet = True
        self.refresh_bindings()
        self.query_one("#form-title", Static).update("Not held yet")
        self.query_one("#form-body").mount(
            Static(message, id="outcome-not-yet", markup=False), after="#outcome-summary"
        )
        for row in ("#row-outcome", "#row-notes", "#row-learnt", "#row-follow-ups", "#form-save"):
            self.query_one(row).display = False
        self.query_one("#form-body").loading = False
        self.query_one("#form-cancel", Button).focus()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.not_yet and action in ("save", "add_follow_up"):
            return False
        return super().check_action(action, parameters)

    def read_draft(self) -> tuple[OutcomeDraft, dict[str, str]]:
        errors: dict[str, str] = {}
        pressed = self.query_one(RadioSet).pressed_button
        outcome = Outcome((pressed.id or "").removeprefix("outcome-")) if pressed else None
        if outcome is None:
            errors["outcome"] = "Was the objective achieved, partly achieved, or not?"
        rows, problems = self.query_one(FollowUpRows).read(self.store.clock())
        if problems:
            errors["follow-ups"] = problems[0]
        draft = OutcomeDraft(
            outcome=outcome,
            notes=self.query_one("#field-notes", TextArea).text,
            learnt=self.query_one("#field-learnt", TextArea).text,
            follow_ups=tuple(draft for draft, _person in rows),
        )
        return draft, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for field in ("outcome", "follow-ups"):
            label = self.query_one(f"#error-{field}", Static)
            label.update(Content(errors.get(field, "")))
            label.set_class(field in errors, "-shown")
        if "outcome" in errors:
            self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def outcome_chosen(self) -> None:
        label = self.query_one("#error-outcome", Static)
        label.update("")
        label.remove_class("-shown")

    def action_add_follow_up(self) -> None:
        row = self.query_one(FollowUpRows).add_row()
        self.call_after_refresh(lambda: row.query_one(Input).focus())

    def gone_reason(self) -> str:
        return "this one-to-one was deleted in another netcoach"

    def ready_to_save(self) -> bool:
        return self.one is not None

    def write(self, draft: OutcomeDraft) -> Message:
        return self.Saved(
            self.store.meetings.save_outcome_changes(
                self.one_to_one_id, self.opened, self.changes, draft.follow_ups
            )
        )

    def placed_errors(self, errors: dict[str, str]) -> dict[str, str]:
        return {k if k in ("outcome",) else "follow-ups": v for k, v in errors.items()}

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.notify("Outcome recorded", markup=False)
        offer = message.offer
        if offer is None:
            self.dismiss(self.one_to_one_id)
            return

        def answered(reason: str | None) -> None:
            if reason:
                target = Target(offer.contact_id, offer.contact_name, offer.from_level)
                self.move_to_engage(target, reason)
            else:
                self.dismiss(self.one_to_one_id)

        self.app.push_screen(EngageOfferModal(offer), answered)

    @work(thread=True, group="db-write", exit_on_error=False)
    def move_to_engage(self, target: Target, reason: str) -> None:
        """The same level move as + on a list, so ctrl+z puts it back."""
        from netcoach.data.errors import LevelMoveError, NotFoundError

        try:
            action = move_level(self.store, target, KEY_CONTACT_TARGET, reason)
        except (LevelMoveError, NotFoundError) as refusal:
            self.post_message(self.Moved(target.name, failure=str(refusal)))
            return
        except Exception as error:
            log_failure("moving a contact to Engage after an outcome", error)
            self.post_message(self.Moved(target.name, failure=failure_reason(error)))
            return
        self.post_message(self.Moved(target.name, undo=action))

    @on(Moved)
    def moved(self, message: Moved) -> None:
        """The outcome is written either way, so the form closes; a failed move says so, and
        a move made goes on the undo stack like any other."""
        name, level = message.name[:60], level_name(KEY_CONTACT_TARGET)
        if message.undo is not None:
            self.app.push_undo(message.undo)
        if message.failure:
            self.notify(
                f"The outcome is saved, but {name} was not moved to {level}: "
                f"{message.failure}. Move them on the Levels board (l, then +).",
                severity="error",
                markup=False,
                timeout=10,
            )
        else:
            self.notify(f"{name} is now at {level}", markup=False)
        self.dismiss(self.one_to_one_id)


class EngageOfferModal(ModalScreen[str | None]):
    """Offer to move a contact to Engage, with the reason filled in; dismisses with the reason."""

    CSS_PATH = "../styles/meetings.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_offer", "Not now", id="engage-offer.decline"),
    ]

    def __init__(self, offer: EngageOffer) -> None:
        super().__init__()
        self.offer = offer

    def compose(self) -> ComposeResult:
        with Vertical(id="engage-box"):
            yield Static(
                Content.from_markup(
                    "Your first one-to-one with [b]$name[/b] is recorded.\n"
                    "Move them from $from_level to [b]Engage[/b]?",
                    name=self.offer.contact_name,
                    from_level=level_name(self.offer.from_level),
                ),
                id="engage-question",
            )
            yield Label("Reason")
            yield LimitedInput(self.offer.reason, kind="line", id="engage-reason")
            yield Static("", id="engage-error")
            with Horizontal(id="engage-buttons"):
                yield Button("Move to Engage  enter", variant="primary", id="engage-yes")
                yield Button("Not now  esc", id="engage-no")

    def on_mount(self) -> None:
        self.query_one("#engage-reason", Input).focus()

    @on(Input.Submitted, "#engage-reason")
    @on(Button.Pressed, "#engage-yes")
    def accept(self) -> None:
        reason = change_reason(self.query_one("#engage-reason", Input).value)
        if not reason:
            self.query_one("#engage-error", Static).update("Say why, in a few words.")
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#engage-no")
    def action_dismiss_offer(self) -> None:
        self.dismiss(None)
