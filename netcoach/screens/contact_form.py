"""Add or edit one contact, with each problem shown beside its field."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Checkbox,
    Header,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from netcoach.core.important_dates import ImportantDate
from netcoach.core.levels import LEVELS, level_name
from netcoach.core.models import Contact, ContactDraft
from netcoach.core.network import GAINS, REASON_LABELS, REASONS
from netcoach.core.text import one_line, visible
from netcoach.core.undo import contact_edited
from netcoach.core.validation import (
    TAGS_HINT,
    format_tags,
    parse_cadence,
    parse_day_of_year,
    parse_phrases,
    parse_tags,
    split_list,
    validate_contact,
)
from netcoach.data.repo import Store
from netcoach.screens.forms import DraftFormScreen
from netcoach.screens.forms.rows import form_buttons
from netcoach.widgets.date_field import DayOfYearField
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedInput, LimitedTextArea

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "Full name (required)"),
    ("company", "Company", "Business name"),
    ("title", "Title", "What they do"),
    ("emails", "Emails", "Separate several with commas"),
    ("phones", "Phones", "Separate several with commas"),
    ("url", "Web / LinkedIn", "https://…"),
    ("how_met", "How you met", "Introduced by…, visitor at…"),
    ("where_met", "Where you met", "Event or place"),
    ("birthday", "Birthday", "e.g. 17 May, or 17/05/1980 with the year (day first)"),
    ("anniversary", "Anniversary", "e.g. 30 June, or 30/06/2012 with the year (day first)"),
    ("tags", "Tags", TAGS_HINT),
    ("cadence_days", "Keep in touch", "Days between touches; blank uses the level default"),
    (
        "wants",
        "Wants",
        'What they look for: phrases by commas, "quoted" if one has a comma',
    ),
    (
        "haves",
        "Haves",
        'What they offer: phrases by commas, "quoted" if one has a comma',
    ),
    *GAINS,
)

# The birthday and anniversary: each read as a day of the year, with a preview under it.
DAY_FIELDS = ("birthday", "anniversary")


def stored_shown(value: ImportantDate | None) -> str:
    """How the form shows a kept date, so reading it again gives the same date."""
    return value.shown() if value is not None else ""


# The kind of text each field holds, for its length limit (core.validation.LIMIT_WORDS).
FIELD_KINDS = {
    "name": "name",
    "company": "company",
    "title": "title",
    "emails": "list",
    "phones": "list",
    "url": "url",
    "where_met": "place",
    "tags": "list",
    "wants": "list",
    "haves": "list",
}


class ContactFormScreen(DraftFormScreen[int | None]):
    """A form for one contact; dismisses with the saved contact's id, or None when cancelled."""

    TITLE = "netcoach — Contact form"

    CSS_PATH = "../styles/contact.tcss"
    FORM_NAME = "contact"
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        **{field: label for field, label, _p in TEXT_FIELDS},
        "level": "Level",
        "is_advisor": "Advisor",
        "reasons": "Reasons",
        "notes": "Notes",
    }
    DRAFT_NAME = "contact"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="contact-form.save"),
        Binding("escape", "cancel", "Cancel", id="contact-form.cancel"),
    ]

    class Loaded(Message):
        def __init__(self, contact: Contact) -> None:
            super().__init__()
            self.contact = contact

    class Saved(Message):
        """The contact was saved; ``replaced`` holds the fields an edit changed, as they were."""

        def __init__(self, contact: Contact, replaced: dict[str, object] | None = None) -> None:
            super().__init__()
            self.contact = contact
            self.replaced = replaced or {}

    def __init__(self, store: Store, contact_id: int | None) -> None:
        super().__init__()
        self.store = store
        self.contact_id = contact_id
        self.saving = False
        self.kept: dict[str, tuple[str, str]] = {}
        self.original: Contact | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form-body", can_focus=False):  # its fields scroll it
            yield Static(
                "New contact" if self.contact_id is None else "Edit contact", id="form-title"
            )
            for field, label, placeholder in TEXT_FIELDS:
                with Horizontal(classes="form-row", id=f"row-{field}"):
                    yield Label(label, classes="form-label")
                    with Vertical(classes="form-field"):
                        if field in DAY_FIELDS:
                            yield DayOfYearField(
                                self.store.today,
                                field,
                                placeholder=placeholder,
                                input_id=f"field-{field}",
                                preview_id=f"preview-{field}",
                                id=f"day-{field}",
                            )
                            yield Static("", id=f"error-{field}", classes="form-error")
                            continue
                        yield LimitedInput(
                            kind=FIELD_KINDS.get(field, "line"),
                            placeholder=placeholder,
                            id=f"field-{field}",
                            compact=True,
                        )
                        yield Static("", id=f"error-{field}", classes="form-error")
            with Horizontal(classes="form-row", id="row-level"):
                yield Label("Level", classes="form-label")
                with Vertical(classes="form-field"):
                    yield Select(
                        [
                            (f"{level.number} {level.name}: {level.meaning}", level.number)
                            for level in LEVELS
                        ],
                        value=1,
                        allow_blank=False,
                        id="field-level",
                        compact=True,
                    )
                    yield Static("", id="error-level", classes="form-error")
            with Horizontal(classes="form-row", id="row-advisor"):
                yield Label("Advisor", classes="form-label")
                yield Checkbox("On my informal board of advisors", id="field-is_advisor")
            with Horizontal(classes="form-row", id="row-reasons"):
                yield Label("Reasons", classes="form-label")
                with Vertical(classes="form-field"):
                    yield SelectionList[str](
                        *((label, key) for key, label in REASONS), id="field-reasons"
                    )
                    yield Static("", id="error-reasons", classes="form-error")
            with Horizontal(classes="form-row", id="row-notes"):
                yield Label("Notes", classes="form-label")
                yield LimitedTextArea(id="field-notes", soft_wrap=True)
            yield from form_buttons()
        yield Footer()

    def on_mount(self) -> None:
        if self.contact_id is not None:
            contact_id = self.contact_id
            self.begin_load(lambda: self.load_contact(contact_id))
        else:
            self.query_one("#field-name", Input).focus()
            self.form_ready()

    def draft_key(self) -> str:
        return "new" if self.contact_id is None else str(self.contact_id)

    @work(thread=True, exclusive=True, group="contact-load", exit_on_error=False)
    def load_contact(self, contact_id: int) -> None:
        self.post_message(self.Loaded(self.store.get_contact(contact_id)))

    @on(Loaded)
    def fill(self, message: Loaded) -> None:
        contact = self.original = message.contact
        draft = contact.to_draft()
        self.opened_with({name: getattr(draft, name) for name in draft.__dataclass_fields__})
        values = {
            "name": contact.name,
            "company": contact.company,
            "title": contact.title,
            "emails": ", ".join(contact.emails),
            "phones": ", ".join(contact.phones),
            "url": contact.url,
            "how_met": contact.how_met,
            "where_met": contact.where_met,
            "tags": format_tags(contact.tags),
            "cadence_days": "" if contact.cadence_days is None else str(contact.cadence_days),
            "wants": format_tags(contact.wants),
            "haves": format_tags(contact.haves),
            **{field: getattr(contact, field) for field, _l, _p in GAINS},
            **{field: stored_shown(getattr(contact, field)) for field in DAY_FIELDS},
        }
        with self.prevent(Input.Changed):
            for field, value in values.items():
                self.query_one(f"#field-{field}", Input).value = self._shown(field, value)
        for field in DAY_FIELDS:
            self.query_one(f"#day-{field}", DayOfYearField).show_preview()
        self.query_one("#field-level", Select).value = contact.level
        self.query_one("#field-is_advisor", Checkbox).value = contact.is_advisor
        self.query_one("#field-notes", TextArea).text = self._shown("notes", contact.notes, True)
        reasons = self.query_one("#field-reasons", SelectionList)
        reasons.deselect_all()
        for key in contact.reasons:
            reasons.select(key)
        self.query_one("#form-title", Static).update(
            Content.from_markup("Edit contact: [b]$name[/b]", name=one_line(contact.name, 80))
        )
        self.query_one("#form-body").loading = False
        self.query_one("#field-name", Input).focus()
        self.form_ready()

    def _shown(self, field: str, value: str, multiline: bool = False) -> str:
        """What the field shows: control characters become visible stand-ins, and the
        stored text is kept so saving an untouched field never changes it."""
        shown = visible(value, multiline=multiline)
        if shown != value:
            self.kept[field] = (shown, value)
        return shown

    def _kept(self, field: str, current: str) -> str:
        shown, original = self.kept.get(field, (None, ""))
        return original if current == shown else current

    def _value(self, field: str) -> str:
        return self._kept(field, self.query_one(f"#field-{field}", Input).value)

    def read_draft(self) -> tuple[ContactDraft, dict[str, str]]:
        """The draft from the fields, and every problem found in it."""
        cadence, cadence_error = parse_cadence(self._value("cadence_days"))
        days = {field: parse_day_of_year(self._value(field)) for field in DAY_FIELDS}
        level = self.query_one("#field-level", Select).value
        draft = ContactDraft(
            name=self._value("name"),
            company=self._value("company"),
            title=self._value("title"),
            emails=split_list(self._value("emails")),
            phones=split_list(self._value("phones")),
            url=self._value("url"),
            how_met=self._value("how_met"),
            where_met=self._value("where_met"),
            notes=self._kept("notes", self.query_one("#field-notes", TextArea).text),
            level=level if isinstance(level, int) else 1,
            cadence_days=cadence,
            is_advisor=self.query_one("#field-is_advisor", Checkbox).value,
            tags=parse_tags(self._value("tags")),
            reasons=tuple(self.query_one("#field-reasons", SelectionList).selected),
            wants=parse_phrases(self._value("wants")),
            haves=parse_phrases(self._value("haves")),
            **{field: self._value(field).strip() for field, _l, _p in GAINS},
            **{field: value for field, (value, _problem) in days.items()},
        )
        errors = validate_contact(draft)
        if cadence_error:
            errors["cadence_days"] = cadence_error
        for field, (_value, problem) in days.items():
            if problem:
                errors[field] = problem
        return draft, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for error_label in self.query(".form-error").results(Static):
            field = (error_label.id or "").removeprefix("error-")
            error_label.update(Content(errors.get(field, "")))
            error_label.set_class(field in errors, "-shown")
        for field_input in self.query("Input").results(Input):
            field = (field_input.id or "").removeprefix("field-")
            field_input.set_class(field in errors, "-invalid")
        if errors:
            first = next(f for f, _l, _p in (*TEXT_FIELDS, ("level", "", "")) if f in errors)
            self.query_one(f"#field-{first}").focus()

    @on(Input.Changed)
    def recheck(self, event: Input.Changed) -> None:
        """Clear a field's message as soon as what is typed there is acceptable."""
        field = (event.input.id or "").removeprefix("field-")
        label = self.query_one(f"#error-{field}", Static)
        if not label.has_class("-shown"):
            return
        _draft, errors = self.read_draft()
        if field not in errors:
            label.update("")
            label.remove_class("-shown")
            event.input.remove_class("-invalid")

    def write(self, draft: ContactDraft) -> Message:
        if self.contact_id is None:
            return self.Saved(self.store.add_contact(draft))
        contact, replaced = self.store.save_contact_changes(
            self.contact_id, self.opened, self.changes
        )
        return self.Saved(contact, replaced)

    def show_value(self, field: str, value: object) -> str:
        if field == "level" and isinstance(value, int):
            return f"{value} {level_name(value)}"
        if field == "tags" and isinstance(value, tuple) and value:
            return format_tags(value)
        if field == "reasons" and isinstance(value, tuple) and value:
            return ", ".join(REASON_LABELS.get(str(key), str(key)) for key in value)
        if field in DAY_FIELDS and isinstance(value, ImportantDate):
            return value.shown()
        if field == "cadence_days" and value is None:
            return "(blank: the level's default)"
        return super().show_value(field, value)

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.saving = False
        original = self.original
        if original is not None and message.replaced:
            now = message.contact.to_draft()
            written = {name: getattr(now, name) for name in message.replaced}
            self.app.push_undo(
                contact_edited(original.id, original.name, message.replaced, written)
            )
        self.notify(f"Saved {one_line(message.contact.name, 60)}", markup=False)
        self.dismiss(message.contact.id)
