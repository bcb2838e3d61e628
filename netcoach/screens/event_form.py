"""A networking event: what, when, where, the pitch used, the people met and what follows."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Header,
    Input,
    Label,
    OptionList,
    Select,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from netcoach.core.levels import level_name
from netcoach.core.meetings import (
    EVENT_KINDS,
    Event,
    EventDraft,
    FollowThrough,
    FollowUpDraft,
    PersonMet,
    validate_event,
)
from netcoach.core.undo import UndoAction
from netcoach.data.repo import Store
from netcoach.screens.forms import DraftFormScreen
from netcoach.screens.forms.rows import form_buttons, form_row
from netcoach.screens.forms.times import (
    describe_minutes,
    read_start_and_length,
    show_field_errors,
    show_start_and_length,
    start_and_length_rows,
)
from netcoach.widgets.contact_picker import ContactPicker
from netcoach.widgets.failures import failure_reason, log_failure
from netcoach.widgets.follow_up_rows import FollowUpRow, FollowUpRows
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedInput, LimitedTextArea

FIELD_ORDER = ("name", "kind", "when", "length", "people", "follow-ups")


class EventFormScreen(DraftFormScreen[int | None]):
    """Add or edit an event; dismisses with its id once saved, or None."""

    TITLE = "netcoach — Event"

    CSS_PATH = "../styles/meetings.tcss"
    FORM_NAME = "event"
    RECORD_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "field-name": ("name",),
        "field-kind": ("kind",),
        "field-when": ("starts_at",),
        "field-length": ("duration_minutes",),
        "field-place": ("place",),
        "field-pitch": ("pitch",),
        "field-notes": ("notes",),
        "people": ("people",),
    }
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "name": "Event",
        "kind": "Kind",
        "starts_at": "When",
        "duration_minutes": "Length",
        "place": "Where",
        "pitch": "Pitch used",
        "notes": "Notes",
    }
    DRAFT_NAME = "event"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="event-form.save"),
        Binding("ctrl+n", "add_follow_up", "Another follow-up", id="event-form.add-follow-up"),
        Binding("escape", "cancel", "Cancel", id="event-form.cancel"),
    ]

    class Loaded(Message):
        def __init__(self, event: Event) -> None:
            super().__init__()
            self.event = event

    class Saved(Message):
        """The event was written; ``offer`` is who to offer a follow-up (met, none yet)."""

        def __init__(self, event: Event, offer: tuple[PersonMet, ...] = ()) -> None:
            super().__init__()
            self.event = event
            self.offer = offer

    class FollowedThrough(Message):
        """The follow-ups offered after the save were written (``undo`` takes them away), or
        ``failure`` says why not."""

        def __init__(self, undo: UndoAction | None = None, failure: str = "") -> None:
            super().__init__()
            self.undo = undo
            self.failure = failure

    def __init__(self, store: Store, event_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self.event_id = event_id
        self.people: dict[str, str] = {}  # "c:<id>" or "n:<name>" -> label
        self.saving = False
        self.saved_event_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form-body", can_focus=False):  # its fields scroll it
            yield Static(
                "Add an event" if self.event_id is None else "Edit the event", id="form-title"
            )
            yield from form_row(
                "name",
                "Event",
                LimitedInput(kind="name", placeholder="Thursday breakfast club", id="field-name"),
            )
            yield from form_row(
                "kind",
                "Kind",
                Select(
                    [(kind, kind) for kind in EVENT_KINDS],
                    value="breakfast",
                    allow_blank=False,
                    id="field-kind",
                ),
            )
            yield from start_and_length_rows(
                self.store.clock,
                "tomorrow 7am, thu 7:00, 1 Dec 18:30…",
                "1h30",
                "90 min, 2h, until 9:00",
            )
            yield from form_row(
                "place",
                "Where",
                LimitedInput(kind="place", placeholder="Venue, or online", id="field-place"),
            )
            yield from form_row(
                "pitch",
                "Pitch used",
                LimitedInput(
                    kind="line", placeholder="The pitch you gave (or will give)", id="field-pitch"
                ),
            )
            with Horizontal(classes="form-row", id="row-people"):
                yield Label("People", classes="form-label")
                with Vertical(classes="form-field"):
                    yield ContactPicker(
                        self.store,
                        allow_new=True,
                        keep_choice=False,
                        placeholder="Type a name: enter adds the match, ctrl+n a new contact",
                        id="people-picker",
                    )
                    yield OptionList(markup=False, id="event-people")
                    yield Static(
                        "Met (or expected). delete removes the highlighted person.",
                        classes="form-hint -shown",
                    )
                    yield Static("", id="error-people", classes="form-error")
            with Horizontal(classes="form-row", id="row-follow-ups"):
                yield Label("Follow-ups", classes="form-label")
                with Vertical(classes="form-field"):
                    yield FollowUpRows(self.store.clock, rows=1, with_person=True, id="follow-ups")
                    yield Static(
                        "ctrl+n adds another row; blank rows are ignored",
                        classes="form-hint -shown",
                    )
                    yield Static("", id="error-follow-ups", classes="form-error")
            with Horizontal(classes="form-row", id="row-notes"):
                yield Label("Notes", classes="form-label")
                yield LimitedTextArea(id="field-notes", soft_wrap=True)
            yield from form_buttons()
        yield Footer()

    def on_mount(self) -> None:
        if self.event_id is not None:
            event_id = self.event_id
            self.begin_load(lambda: self.load(event_id))
        else:
            self.query_one("#field-name", Input).focus()
        self._show_people()
        self._show_when()
        if self.event_id is None:
            self.form_ready()

    @work(thread=True, exclusive=True, group="event-load", exit_on_error=False)
    def load(self, event_id: int) -> None:
        self.post_message(self.Loaded(self.store.meetings.get_event(event_id)))

    @on(Loaded)
    def fill(self, message: Loaded) -> None:
        event = message.event
        self.opened_with(event.draft_fields())
        with self.prevent(Input.Changed):
            self.query_one("#field-name", Input).value = event.name
            self.query_one("#field-when", Input).value = event.starts_at.strftime("%Y-%m-%d %H:%M")
            self.query_one("#field-length", Input).value = f"{event.duration_minutes} min"
            self.query_one("#field-place", Input).value = event.place
            self.query_one("#field-pitch", Input).value = event.pitch
        self.query_one("#field-kind", Select).value = event.kind
        self.query_one("#field-notes", TextArea).text = event.notes
        for person in event.people:
            self.people[f"c:{person.contact_id}"] = f"{person.name} · {level_name(person.level)}"
        self._show_people()
        self._show_when()
        self.query_one("#form-body").loading = False
        self.query_one(ContactPicker).focus()
        self.form_ready()

    # ---- the draft kept while typing --------------------------------------------------------

    def draft_key(self) -> str:
        return "new" if self.event_id is None else str(self.event_id)

    def extra_values(self) -> dict[str, object]:
        return {"people": dict(self.people), "follow_up_rows": len(self.query(FollowUpRow))}

    def before_restore(self, extra: dict[str, object]) -> None:
        people = extra.get("people")
        if isinstance(people, dict):
            self.people = {str(key): str(label) for key, label in people.items()}
            self._show_people()
        wanted = extra.get("follow_up_rows")
        rows = self.query_one(FollowUpRows)
        for _ in range(len(self.query(FollowUpRow)), wanted if isinstance(wanted, int) else 0):
            rows.add_row()

    # ---- people ----------------------------------------------------------------------------

    @on(ContactPicker.Picked, "#people-picker")
    def person_picked(self, message: ContactPicker.Picked) -> None:
        self.people[f"c:{message.contact_id}"] = f"{message.name} · {level_name(message.level)}"
        self._show_people()

    @on(ContactPicker.NewRequested, "#people-picker")
    def person_added(self, message: ContactPicker.NewRequested) -> None:
        if message.name:
            self.people[f"n:{message.name}"] = f"{message.name} · new contact at Identify"
            self._show_people()

    def _show_people(self) -> None:
        people = self.query_one("#event-people", OptionList)
        people.clear_options()
        people.add_options([Option(label, id=key) for key, label in self.people.items()])
        people.display = bool(self.people)
        self.query_one(FollowUpRows).set_people(
            [(label.split(" · ")[0], key) for key, label in self.people.items()]
        )

    def on_key(self, event: object) -> None:
        from textual.events import Key

        people = self.query_one("#event-people", OptionList)
        if not isinstance(event, Key) or event.key not in ("delete", "backspace"):
            return
        if self.focused is not people or people.highlighted is None:
            return
        key = people.get_option_at_index(people.highlighted).id
        if key in self.people:
            del self.people[key]
            self._show_people()
        event.stop()

    # ---- reading and saving ----------------------------------------------------------------

    def _now(self) -> datetime:
        return self.store.clock().replace(second=0, microsecond=0)

    def _value(self, field: str) -> str:
        return self.query_one(f"#field-{field}", Input).value

    def _show_when(self) -> None:
        show_start_and_length(self)

    @on(Input.Changed, "#field-when, #field-length")
    def when_typed(self) -> None:
        self._show_when()

    def read_draft(self) -> tuple[EventDraft, dict[str, str]]:
        errors: dict[str, str] = {}
        now = self._now()
        starts_at, minutes = read_start_and_length(self, errors)
        rows, problems = self.query_one(FollowUpRows).read(now)
        if problems:
            errors["follow-ups"] = problems[0]
        follow_ups: list[FollowUpDraft] = []
        for draft, person in rows:
            if person.startswith("c:"):
                follow_ups.append(replace(draft, contact_id=int(person[2:])))
            elif person.startswith("n:"):
                follow_ups.append(replace(draft, new_person=person[2:]))
        kind = self.query_one("#field-kind", Select).value
        draft = EventDraft(
            name=self._value("name"),
            kind=str(kind),
            starts_at=starts_at,
            duration_minutes=minutes,
            place=self._value("place"),
            pitch=self._value("pitch"),
            notes=self.query_one("#field-notes", TextArea).text,
            people=tuple(int(k[2:]) for k in self.people if k.startswith("c:")),
            new_people=tuple(k[2:] for k in self.people if k.startswith("n:")),
            follow_ups=tuple(follow_ups),
        )
        for field, message in validate_event(draft).items():
            errors.setdefault(field, message)
        return draft, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        first = show_field_errors(self, errors, FIELD_ORDER)
        if first in ("name", "kind", "when", "length"):
            self.query_one(f"#field-{first}").focus()

    def action_add_follow_up(self) -> None:
        row = self.query_one(FollowUpRows).add_row()
        self.call_after_refresh(lambda: row.query_one(Input).focus())

    def write(self, draft: EventDraft) -> Message:
        meetings = self.store.meetings
        if self.event_id is None:
            event = meetings.add_event(draft)
        else:
            event = meetings.save_event_changes(
                self.event_id, self.opened, self.changes, draft.new_people, draft.follow_ups
            )
        return self.Saved(event, meetings.follow_through_people(event.id))

    def show_value(self, field: str, value: object) -> str:
        if field == "duration_minutes" and isinstance(value, int):
            return describe_minutes(value)
        return super().show_value(field, value)

    def placed_errors(self, errors: dict[str, str]) -> dict[str, str]:
        return {k if k in FIELD_ORDER else "follow-ups": v for k, v in errors.items()}

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.saving = False
        event = message.event
        self.saved_event_id = event.id
        self.notify(f"Saved {event.name[:60]}", markup=False)
        if not message.offer:
            self.dismiss(event.id)
            return
        from netcoach.screens.follow_through import FollowThroughModal

        def answered(chosen: FollowThrough | None) -> None:
            if chosen is None:
                self.dismiss(event.id)  # not now: the event is saved, nothing more
            else:
                self.add_follow_through(event, chosen)

        self.app.push_screen(FollowThroughModal(self.store, event, message.offer), answered)

    @work(thread=True, group="db-write", exit_on_error=False)
    def add_follow_through(self, event: Event, chosen: FollowThrough) -> None:
        """Write the follow-ups chosen in the offer, in one transaction, for ctrl+z to undo."""
        from netcoach.core import undo
        from netcoach.core.meetings.follow_through import added_label
        from netcoach.data.errors import NotFoundError, ValidationError

        try:
            ids = self.store.meetings.add_follow_through(event.id, chosen)
        except (ValidationError, NotFoundError) as refusal:
            self.post_message(self.FollowedThrough(failure=str(refusal)))
            return
        except Exception as error:
            log_failure("adding follow-ups after an event", error)
            self.post_message(self.FollowedThrough(failure=failure_reason(error)))
            return
        if not ids:
            self.post_message(self.FollowedThrough())
            return
        label = added_label(len(ids), event.name, chosen.due_on)
        self.post_message(self.FollowedThrough(undo.follow_ups_added(event.id, ids, label)))

    @on(FollowedThrough)
    def followed_through(self, message: FollowedThrough) -> None:
        """The event is saved either way, so the form closes; the follow-ups added go on the
        undo stack (the note above the footer says what was added)."""
        if message.undo is not None:
            self.app.push_undo(message.undo)
        elif message.failure:
            self.notify(
                f"The event is saved, but the follow-ups were not added: {message.failure}",
                severity="error",
                markup=False,
                timeout=10,
            )
        else:
            self.notify("Everyone met already has a follow-up from this event.", markup=False)
        self.dismiss(self.saved_event_id)
