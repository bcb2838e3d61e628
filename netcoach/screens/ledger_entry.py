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
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from netcoach.core.ledger import (
    DIRECTIONS,
    KINDS,
    REFERRAL_STATUSES,
    EntryDraft,
    LedgerEntry,
    Money,
    parse_amount,
    parse_day,
    validate_entry,
)
from netcoach.core.models import ContactRow
from netcoach.data.repo import Store
from netcoach.screens.draft_form import DraftFormScreen

DEFAULT_CURRENCY = "GBP"
FIELDS = ("contact", "direction", "kind", "status", "amount", "currency", "happened_on")


class LedgerEntryModal(DraftFormScreen[int | None], ModalScreen[int | None]):
    """A small form for one entry; dismisses with the new entry's id, or None."""

    CSS_PATH = "../styles/give_get.tcss"
    FORM_NAME = "give & get entry"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="ledger-entry.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="ledger-entry.cancel"),
    ]

    class ContactsFound(Message):
        def __init__(self, search: str, rows: tuple[ContactRow, ...]) -> None:
            super().__init__()
            self.search = search
            self.rows = rows

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
        self.search_text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="entry-box"):
            yield Static("Give & get: new entry", id="entry-title")
            with Horizontal(classes="entry-row"):
                yield Label("Who", classes="entry-label")
                with Vertical(classes="entry-field"):
                    yield Static("", id="entry-contact-name")
                    yield Input(
                        placeholder="Type a name to find the contact", id="entry-contact-search"
                    )
                    yield OptionList(id="entry-contacts", markup=False)
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
                        yield Input(placeholder="1200.00", id="entry-amount", compact=True)
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
                    yield Input(
                        self.store.today().isoformat(), id="entry-happened_on", compact=True
                    )
                    yield Static("", id="error-happened_on", classes="entry-error")
            with Horizontal(classes="entry-row"):
                yield Label("Note", classes="entry-label")
                yield Input(placeholder="Optional", id="entry-note", compact=True, max_length=500)
            yield Static("", id="error-status", classes="entry-error")
            with Horizontal(id="entry-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="form-save")
                yield Button("Cancel  esc", id="form-cancel")

    def on_mount(self) -> None:
        self._show_kind_fields("referral")
        self.query_one("#entry-contacts").display = False
        if self.contact_id is not None:
            self.query_one("#entry-contact-search").display = False
            self.name_contact(self.contact_id)
            self.query_one("#entry-kind", Select).focus()
        else:
            self.query_one("#entry-contact-name").display = False
            self.query_one("#entry-contact-search", Input).focus()
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

    @on(Input.Changed, "#entry-contact-search")
    def search_contacts(self, event: Input.Changed) -> None:
        self.search_text = event.value
        self.find_contacts(event.value)

    @work(thread=True, exclusive=True, group="ledger-entry-search", exit_on_error=False)
    def find_contacts(self, search: str) -> None:
        rows = self.store.list_contacts(search=search, limit=8).rows if search.strip() else ()
        if not get_current_worker().is_cancelled:
            self.post_message(self.ContactsFound(search, tuple(rows)))

    @on(ContactsFound)
    def show_contacts(self, message: ContactsFound) -> None:
        if message.search != self.search_text:
            return
        options = self.query_one("#entry-contacts", OptionList)
        options.clear_options()
        options.add_options(
            Option(
                Content(f"{row.name}  ·  {row.company}" if row.company else row.name), str(row.id)
            )
            for row in message.rows
        )
        options.display = bool(message.rows)
        if message.rows:
            options.highlighted = 0

    @on(Input.Submitted, "#entry-contact-search")
    def choose_first(self) -> None:
        options = self.query_one("#entry-contacts", OptionList)
        if options.option_count:
            index = options.highlighted if options.highlighted is not None else 0
            self._choose(options.get_option_at_index(index))

    @on(OptionList.OptionSelected, "#entry-contacts")
    def choose_contact(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option)

    def _choose(self, option: Option) -> None:
        if option.id is None:
            return
        self.contact_id = int(option.id)
        name = self.query_one("#entry-contact-name", Static)
        name.display = True
        name.update(Content.from_markup("[b]$name[/b]", name=str(option.prompt)[:80]))
        self.query_one("#entry-contacts").display = False
        self._set_error("contact", "")
        self.query_one("#entry-kind", Select).focus()

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
        day, problem = parse_day(self.query_one("#entry-happened_on", Input).value)
        if problem or day is None:
            errors["happened_on"] = problem or "Enter a date."
            return None, errors
        draft = EntryDraft(
            contact_id=self.contact_id,
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
