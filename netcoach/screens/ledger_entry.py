"""Quick-add one give or get; other screens push ``LedgerEntryModal(store, contact_id)``."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from netcoach.core.ledger import (
    DIRECTIONS,
    KINDS,
    REFERRAL_STATUSES,
    EntryDraft,
    LedgerEntry,
    Money,
    parse_amount,
    validate_entry,
)
from netcoach.core.when import HAPPENED
from netcoach.data.repo import Store
from netcoach.screens.forms import DraftFormScreen
from netcoach.screens.forms.rows import form_buttons
from netcoach.widgets.contact_picker import ContactPicker
from netcoach.widgets.date_field import DateField
from netcoach.widgets.limited import LimitedInput

DEFAULT_CURRENCY = "GBP"
FIELDS = ("contact", "direction", "kind", "status", "amount", "currency", "happened_on", "note")


class LedgerEntryModal(DraftFormScreen[int | None], ModalScreen[int | None]):
    """A small form for one entry; dismisses with the new entry's id, or None."""

    CSS_PATH = "../styles/give_get.tcss"
    FORM_NAME = "give & get entry"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="ledger-entry.save"),
        Binding("escape", "cancel", "Cancel", id="ledger-entry.cancel"),
    ]

    class ContactNamed(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class Saved(Message):
        def __init__(self, entry: LedgerEntry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(
        self, store: Store, contact_id: int | None = None, direction: str | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.contact_id = contact_id
        self.direction = direction if direction in DIRECTIONS else "given"

    def compose(self) -> ComposeResult:
        with Vertical(id="entry-box"):
            yield Static("Give & get: new entry", id="entry-title")
            with Horizontal(classes="entry-row"):
                yield Label("Who", classes="entry-label")
                with Vertical(classes="entry-field"):
                    yield Static("", id="entry-contact-name")
                    yield ContactPicker(
                        self.store, input_id="entry-contact-search", id="entry-contact"
                    )
                    yield Static("", id="error-contact", classes="entry-error")
            with Horizontal(classes="entry-row"):
                yield Label("Direction", classes="entry-label")
                yield Select(
                    [("I gave", "given"), ("I received", "received")],
                    value=self.direction,
                    allow_blank=False,
                    id="entry-direction",
                    compact=True,
                )
            with Horizontal(classes="entry-row"):
                yield Label("What", classes="entry-label")
                yield Select(
                    [(kind.capitalize(), kind) for kind in KINDS],
                    value="referral",
                    allow_blank=False,
                    id="entry-kind",
                    compact=True,
                )
            with Horizontal(classes="entry-row", id="entry-status-row"):
                yield Label("Referral", classes="entry-label")
                yield Select(
                    [(status, status) for status in REFERRAL_STATUSES],
                    value="open",
                    allow_blank=False,
                    id="entry-status",
                    compact=True,
                )
            with Horizontal(classes="entry-row", id="entry-amount-row"):
                yield Label("Amount", classes="entry-label")
                with Vertical(classes="entry-field"):
                    with Horizontal(id="entry-money"):
                        yield Input(
                            placeholder="1200.00", max_length=24, id="entry-amount", compact=True
                        )
                        yield Input(
                            DEFAULT_CURRENCY,
                            placeholder="GBP",
                            max_length=3,
                            id="entry-currency",
                            compact=True,
                        )
                    yield Static("", id="error-amount", classes="entry-error")
                    yield Static("", id="error-currency", classes="entry-error")
            with Horizontal(classes="entry-row"):
                yield Label("Date", classes="entry-label")
                with Vertical(classes="entry-field"):
                    yield DateField(
                        self.store.clock,
                        self.store.today().isoformat(),
                        within=HAPPENED,
                        with_time=False,
                        placeholder="today, yesterday, last fri, 20 Nov…",
                        compact=True,
                        input_id="entry-happened_on",
                        id="date-happened_on",
                    )
                    yield Static("", id="error-happened_on", classes="entry-error")
            with Horizontal(classes="entry-row"):
                yield Label("Note", classes="entry-label")
                with Vertical(classes="entry-field"):
                    yield LimitedInput(
                        kind="entry-note", placeholder="Optional", id="entry-note", compact=True
                    )
                    yield Static("", id="error-note", classes="entry-error")
            yield Static("", id="error-status", classes="entry-error")
            yield from form_buttons("entry-buttons")

    def on_mount(self) -> None:
        self._show_kind_fields("referral")
        if self.contact_id is not None:
            self.query_one(ContactPicker).display = False
            self.name_contact(self.contact_id)
            # The first field in reading order, so counted tabs land where they should.
            self.query_one("#entry-direction", Select).focus()
        else:
            self.query_one("#entry-contact-name").display = False
            self.query_one(ContactPicker).focus()
        self.form_ready()

    # ---- finding the contact ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="ledger-entry-contact", exit_on_error=False)
    def name_contact(self, contact_id: int) -> None:
        self.post_message(self.ContactNamed(self.store.get_contact(contact_id).name))

    @on(ContactNamed)
    def show_contact_name(self, message: ContactNamed) -> None:
        name = self.query_one("#entry-contact-name", Static)
        name.display = True
        name.update(Content.from_markup("[b]$name[/b]", name=message.name[:80]))

    @on(ContactPicker.Picked, "#entry-contact")
    def contact_picked(self, message: ContactPicker.Picked) -> None:
        self.contact_id = message.contact_id
        self._set_error("contact", "")

    # ---- the form --------------------------------------------------------------------------

    @on(Select.Changed, "#entry-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        self._show_kind_fields(str(event.value))

    def _show_kind_fields(self, kind: str) -> None:
        self.query_one("#entry-status-row").display = kind == "referral"
        self.query_one("#entry-amount-row").display = kind == "business"

    def _set_error(self, field: str, message: str) -> None:
        label = self.query_one(f"#error-{field}", Static)
        label.update(Content(message))
        label.set_class(bool(message), "-shown")
        for widget_id in (f"#entry-{field}",):
            for widget in self.query(widget_id):
                widget.set_class(bool(message), "-invalid")

    def show_errors(self, errors: dict[str, str]) -> None:
        for field in FIELDS:
            if self.query(f"#error-{field}"):
                self._set_error(field, errors.get(field, ""))
        leftover = [m for f, m in errors.items() if not self.query(f"#error-{f}")]
        if leftover:
            self._set_error("status", " ".join(leftover))
        problem = self.query_one("#date-happened_on", DateField).result()[1]
        if problem and errors.get("happened_on") == problem:
            # The date's preview says so already; the field stays marked.
            label = self.query_one("#error-happened_on", Static)
            label.update("")
            label.remove_class("-shown")

    def extra_values(self) -> dict[str, object]:
        return {"contact_id": self.contact_id}

    def read_draft(self) -> tuple[EntryDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        kind = str(self.query_one("#entry-kind", Select).value)
        direction = str(self.query_one("#entry-direction", Select).value)
        status = str(self.query_one("#entry-status", Select).value) if kind == "referral" else None
        amount: Money | None = None
        if kind == "business":
            amount, problem = parse_amount(
                self.query_one("#entry-amount", Input).value,
                self.query_one("#entry-currency", Input).value,
            )
            if problem:
                field = "currency" if "currency" in problem else "amount"
                errors[field] = problem
        picker = self.query_one(ContactPicker)
        contact_id = picker.contact_id if picker.display else self.contact_id
        if picker.display and contact_id is None and picker.text.strip():
            errors["contact"] = picker.problem()
        when, problem = self.query_one("#date-happened_on", DateField).result()
        if problem or when is None:
            errors["happened_on"] = problem or "Enter a date."
            return None, errors
        day = when.day
        draft = EntryDraft(
            contact_id=contact_id,
            direction=direction,
            kind=kind,
            happened_on=day,
            status=status,
            amount=amount,
            note=self.query_one("#entry-note", Input).value,
        )
        for field, message in validate_entry(draft, self.store.today()).items():
            errors.setdefault(field, message)
        return draft, errors

    def gone_reason(self) -> str:
        return "the contact was deleted in another netcoach"

    def write(self, draft: EntryDraft) -> Message:
        return self.Saved(self.store.ledger.add_entry(draft))

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.saving = False
        entry = message.entry
        self.notify(
            f"Recorded {entry.kind} {entry.direction}: {entry.contact_name[:60]}", markup=False
        )
        self.dismiss(entry.id)
