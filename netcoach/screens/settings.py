"""Settings: who you are (asked once, used by the pitch) and the days between touches."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Header, Input, Label, Static

from netcoach.core.cadence import DEFAULT_INTERVALS, parse_interval
from netcoach.core.levels import LEVELS
from netcoach.core.pitch import Profile, profile_changes
from netcoach.data.errors import PitchError
from netcoach.data.repo import Store
from netcoach.screens.forms import FormGuard
from netcoach.widgets.failures import failure_reason, log_failure
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedInput
from netcoach.widgets.profile_fields import ProfileFields


class SettingsScreen(FormGuard[None]):
    """Your profile, and the default days between touches per level (blank: no reminder)."""

    TITLE = "netcoach — Settings"

    CSS_PATH = "../styles/contact.tcss"
    FORM_NAME = "settings page"
    LOAD_BODY = "#settings-body"
    SAVE_BUTTON = "#settings-save"

    SAVE_KEY = "ctrl+s"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "cancel", "Back", id="settings.back"),
    ]

    class Loaded(Message):
        def __init__(self, intervals: dict[int, int | None], profile: Profile) -> None:
            super().__init__()
            self.intervals = intervals
            self.profile = profile

    class Saved(Message):
        def __init__(self, profile_changed: bool) -> None:
            super().__init__()
            self.profile_changed = profile_changed

    class Refused(Message):
        def __init__(self, field: str, error: str) -> None:
            super().__init__()
            self.field = field
            self.error = error

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.opened_profile: Profile | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="settings-body"):
            yield Static("About you", classes="section-title")
            yield Static(
                "The pitch checks, the guide's examples and Today's pitch card use it; any "
                "of it may stay blank. A trade being typed is offered in full: → takes it.",
                classes="settings-intro",
            )
            yield ProfileFields(id="settings-profile")
            yield Static("Keep in touch", classes="section-title")
            yield Static(
                "Days between touches at each level. Leave blank for no reminder. "
                "A contact's own setting in its form wins over these.",
                id="settings-intro",
                classes="settings-intro",
            )
            for level in LEVELS:
                default = DEFAULT_INTERVALS[level.number]
                with Horizontal(classes="form-row"):
                    yield Label(f"{level.number} {level.name}", classes="form-label")
                    with Vertical(classes="form-field"):
                        yield LimitedInput(
                            kind="number",
                            placeholder=f"default {default or 'none'}",
                            id=f"interval-{level.number}",
                        )
                        yield Static("", id=f"interval-error-{level.number}", classes="form-error")
            with Horizontal(id="settings-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="settings-save")
                yield Button("Defaults", id="settings-defaults")
        yield Footer()

    @property
    def profile_fields(self) -> ProfileFields:
        return self.query_one("#settings-profile", ProfileFields)

    def on_mount(self) -> None:
        self.begin_load(self.load)

    @work(thread=True, exclusive=True, group="settings-load", exit_on_error=False)
    def load(self) -> None:
        self.post_message(
            self.Loaded(self.store.cadence_intervals(), self.store.pitches.person_profile())
        )

    @on(Loaded)
    def fill(self, message: Loaded) -> None:
        self.query_one(self.LOAD_BODY).loading = False
        self.opened_profile = message.profile
        self.profile_fields.show(message.profile)
        self._fill(message.intervals)
        self.profile_fields.focus_first()
        self.form_ready()

    def _fill(self, intervals: dict[int, int | None]) -> None:
        with self.prevent(Input.Changed):
            for level in LEVELS:
                days = intervals.get(level.number)
                self.query_one(f"#interval-{level.number}", Input).value = (
                    "" if days is None else str(days)
                )

    @on(Button.Pressed, "#settings-defaults")
    def defaults(self) -> None:
        self._fill(DEFAULT_INTERVALS)

    def start_save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#settings-save")
    def action_save(self) -> None:
        if self.saving or self.save_refused_before_load():
            return
        intervals: dict[int, int | None] = {}
        ok = True
        for level in LEVELS:
            days, error = parse_interval(self.query_one(f"#interval-{level.number}", Input).value)
            label = self.query_one(f"#interval-error-{level.number}", Static)
            label.update(error or "")
            label.set_class(bool(error), "-shown")
            ok = ok and error is None
            intervals[level.number] = days
        if not ok:
            self.notify("Please correct the days marked in red.", severity="warning")
            self.save_settled(False)
            return
        self.profile_fields.show_error("", "")
        self.show_save_failure(None)
        self.saving = True
        self.save(intervals, self.profile_fields.read(), self.opened_profile)

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(
        self, intervals: dict[int, int | None], profile: Profile, opened: Profile | None
    ) -> None:
        changed = bool(profile_changes(profile, opened))
        try:
            if changed:
                self.store.pitches.save_person_profile(profile, opened)
            self.store.contacts.set_cadence_intervals(intervals)
        except PitchError as error:
            self.post_message(self.Refused(error.field, str(error)))
            return
        except Exception as error:
            log_failure("saving the settings", error)
            self.post_message(self.SaveFailed(failure_reason(error)))
            return
        self.post_message(self.Saved(changed))

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.saving = False
        self.profile_fields.show_error(message.field, message.error)
        self.notify(message.error, severity="warning", markup=False)
        self.save_settled(False)

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.saving = False
        said = "Your profile and the keep-in-touch intervals are saved"
        if not message.profile_changed:
            said = "Keep-in-touch intervals saved"
        self.notify(f"{said}; every due date follows.", markup=False)
        self.dismiss(None)
