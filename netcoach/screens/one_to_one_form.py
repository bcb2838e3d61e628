"""Plan a one-to-one (or log one already held): who, when, where, how long, and the objective."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from netcoach.core.meetings import AGENDA_PROMPTS, OneToOne, OneToOneDraft, validate_one_to_one
from netcoach.core.when import When
from netcoach.data.repo import Store
from netcoach.screens.forms import DraftFormScreen
from netcoach.screens.forms.rows import form_buttons, form_row, show_message
from netcoach.screens.forms.times import (
    describe_minutes,
    read_start_and_length,
    show_field_errors,
    show_start_and_length,
    start_and_length_rows,
)
from netcoach.widgets.contact_picker import ContactPicker
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedInput, LimitedTextArea

FIELD_ORDER = ("contact", "when", "length", "place", "objective")


def _past_remark(when: When, now: datetime) -> str:
    return "in the past: it will be logged as a record" if when.moment < now else ""


class OneToOneFormScreen(DraftFormScreen[OneToOne | None]):
    """The planning form; dismisses with the saved one-to-one, or None when cancelled."""

    TITLE = "netcoach — One-to-one plan"

    CSS_PATH = "../styles/meetings.tcss"
    FORM_NAME = "one-to-one plan"
    RECORD_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "contact_id": ("contact_id",),
        "field-when": ("starts_at",),
        "field-length": ("duration_minutes",),
        "field-place": ("place",),
        "field-objective": ("objective",),
        "field-agenda": ("agenda",),
    }
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "contact_id": "With",
        "starts_at": "When",
        "duration_minutes": "Length",
        "place": "Where",
        "objective": "Objective",
        "agenda": "Agenda",
    }
    DRAFT_NAME = "one-to-one"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="one-to-one-form.save"),
        Binding("escape", "cancel", "Cancel", id="one-to-one-form.cancel"),
    ]

    class Loaded(Message):
        def __init__(self, one: OneToOne) -> None:
            super().__init__()
            self.one = one

    class Saved(Message):
        def __init__(self, one: OneToOne) -> None:
            super().__init__()
            self.one = one

    def __init__(
        self,
        store: Store,
        one_to_one_id: int | None = None,
        contact: tuple[int, str, int] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.one_to_one_id = one_to_one_id
        self.contact = contact
        self.saving = False
        self.names: dict[int | None, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form-body", can_focus=False):  # its fields scroll it
            yield Static(
                "Plan a one-to-one" if self.one_to_one_id is None else "Change the plan",
                id="form-title",
            )
            yield from form_row("contact", "With", ContactPicker(self.store, id="field-contact"))
            yield from start_and_length_rows(
                self.store.clock,
                "tomorrow 7am, next tue 12:30, 1 Dec 8:00…",
                "1h",
                "45 min, 1h30, until 9:00",
                remark=_past_remark,
            )
            yield from form_row(
                "place",
                "Where",
                LimitedInput(kind="place", placeholder='A place, or "online"', id="field-place"),
            )
            yield from form_row(
                "objective",
                "Objective",
                LimitedInput(
                    kind="objective",
                    placeholder="What do you want to have learnt or agreed by the end? (required)",
                    id="field-objective",
                ),
            )
            with Horizontal(classes="form-row", id="row-agenda"):
                yield Label("Agenda", classes="form-label")
                with Vertical(classes="form-field"):
                    yield Static(
                        "Prompts: enter adds one to the agenda", classes="form-hint -shown"
                    )
                    yield OptionList(
                        *(
                            Option(text, id=f"prompt-{i}")
                            for i, (_n, text) in enumerate(AGENDA_PROMPTS)
                        ),
                        markup=False,
                        id="agenda-prompts",
                    )
                    yield LimitedTextArea(id="field-agenda", soft_wrap=True)
            yield from form_buttons()
        yield Footer()

    def on_mount(self) -> None:
        picker = self.query_one(ContactPicker)
        if self.one_to_one_id is not None:
            one_to_one_id = self.one_to_one_id
            self.begin_load(lambda: self.load(one_to_one_id))
        elif self.contact is not None:
            picker.choose(*self.contact)
            self.query_one("#field-when", Input).focus()
        else:
            picker.focus()
        self._show_when()
        if self.one_to_one_id is None:
            self.form_ready()

    @work(thread=True, exclusive=True, group="one-to-one-load", exit_on_error=False)
    def load(self, one_to_one_id: int) -> None:
        self.post_message(self.Loaded(self.store.meetings.get_one_to_one(one_to_one_id)))

    @on(Loaded)
    def fill(self, message: Loaded) -> None:
        one = message.one
        self.names = {one.contact_id: one.contact_name}
        self.opened_with(one.draft_fields())
        self.query_one(ContactPicker).choose(one.contact_id, one.contact_name, one.contact_level)
        with self.prevent(Input.Changed):
            self.query_one("#field-when", Input).value = one.starts_at.strftime("%Y-%m-%d %H:%M")
            self.query_one("#field-length", Input).value = f"{one.duration_minutes} min"
            self.query_one("#field-place", Input).value = one.place
            self.query_one("#field-objective", Input).value = one.objective
        self.query_one("#field-agenda", TextArea).text = one.agenda
        self.query_one("#form-body").loading = False
        self._show_when()
        self.query_one("#field-objective", Input).focus()
        self.form_ready()

    # ---- the draft kept while typing --------------------------------------------------------

    def draft_key(self) -> str:
        return "new" if self.one_to_one_id is None else str(self.one_to_one_id)

    def extra_values(self) -> dict[str, object]:
        picker = self.query_one(ContactPicker)
        return {"contact_id": picker.contact_id}

    def after_restore(self, extra: dict[str, object]) -> None:
        contact_id = extra.get("contact_id")
        if isinstance(contact_id, int):
            self.restore_contact(contact_id)

    @work(thread=True, exclusive=True, group="one-to-one-load", exit_on_error=False)
    def restore_contact(self, contact_id: int) -> None:
        contact = self.store.get_contact(contact_id)
        self.post_message(self.ContactRestored(contact.id, contact.name, contact.level))

    class ContactRestored(Message):
        def __init__(self, contact_id: int, name: str, level: int) -> None:
            super().__init__()
            self.contact_id = contact_id
            self.name = name
            self.level = level

    @on(ContactRestored)
    def contact_restored(self, message: ContactRestored) -> None:
        self.query_one(ContactPicker).choose(message.contact_id, message.name, message.level)

    # ---- reading the form -------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.store.clock().replace(second=0, microsecond=0)

    def read_draft(self) -> tuple[OneToOneDraft, dict[str, str]]:
        """The draft from the fields, and every problem found in it."""
        errors: dict[str, str] = {}
        picker = self.query_one(ContactPicker)
        if picker.contact_id is None and picker.text.strip():
            errors["contact"] = picker.problem()
        starts_at, minutes = read_start_and_length(self, errors)
        draft = OneToOneDraft(
            contact_id=picker.contact_id,
            starts_at=starts_at,
            duration_minutes=minutes,
            place=self._value("place"),
            objective=self._value("objective"),
            agenda=self.query_one("#field-agenda", TextArea).text,
        )
        for field, message in validate_one_to_one(draft).items():
            errors.setdefault(field, message)
        return draft, errors

    def _value(self, field: str) -> str:
        return self.query_one(f"#field-{field}", Input).value

    def _show_when(self) -> None:
        """Show beside the length how it was read (the date field shows its own preview)."""
        show_start_and_length(self, with_end=True)

    def show_errors(self, errors: dict[str, str]) -> None:
        first = show_field_errors(self, errors, FIELD_ORDER)
        if first == "contact":
            self.query_one(ContactPicker).focus()
        elif first is not None:
            self.query_one(f"#field-{first}").focus()

    @on(Input.Changed)
    def recheck(self, event: Input.Changed) -> None:
        field = (event.input.id or "").removeprefix("field-")
        if field in ("when", "length"):
            self._show_when()
        if field not in FIELD_ORDER:
            return
        label = self.query_one(f"#error-{field}", Static)
        if label.has_class("-shown"):
            _draft, errors = self.read_draft()
            if field not in errors:
                show_message(label, "")

    @on(ContactPicker.Picked)
    def contact_picked(self) -> None:
        show_message(self.query_one("#error-contact", Static), "")

    @on(OptionList.OptionSelected, "#agenda-prompts")
    def add_prompt(self, event: OptionList.OptionSelected) -> None:
        agenda = self.query_one("#field-agenda", TextArea)
        prompt = str(event.option.prompt)
        if prompt in agenda.text:
            self.notify("That prompt is already on the agenda.", markup=False)
            return
        agenda.text = (agenda.text.rstrip() + "\n" if agenda.text.strip() else "") + prompt

    # ---- saving -----------------------------------------------------------------------------

    def write(self, draft: OneToOneDraft) -> Message:
        if self.one_to_one_id is None:
            return self.Saved(self.store.meetings.plan_one_to_one(draft))
        return self.Saved(
            self.store.meetings.save_one_to_one_changes(
                self.one_to_one_id, self.opened, self.changes
            )
        )

    def show_value(self, field: str, value: object) -> str:
        if field == "duration_minutes" and isinstance(value, int):
            return describe_minutes(value)
        if field == "contact_id" and isinstance(value, int):
            picker = self.query_one(ContactPicker)
            names = {**self.names, picker.contact_id: picker.text}
            return names.get(value) or f"another contact (number {value})"
        return super().show_value(field, value)

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.saving = False
        one = message.one
        kind = "Logged" if one.is_record else "Planned"
        self.notify(f"{kind} a one-to-one with {one.contact_name[:60]}", markup=False)
        self.dismiss(one)
