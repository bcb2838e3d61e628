"""Keep-in-touch settings: how many days between touches at each level."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Static

from netcoach.core.cadence import DEFAULT_INTERVALS, parse_interval
from netcoach.core.levels import LEVELS
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedInput


class SettingsScreen(ReportsFailures, Screen[None]):
    """Edit the default days between touches per level; blank means no reminder."""

    TITLE = "netcoach — Keep-in-touch settings"

    CSS_PATH = "../styles/contact.tcss"

    SAVE_KEY = "ctrl+s"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "back", "Back", id="settings.back"),
    ]

    class Loaded(Message):
        def __init__(self, intervals: dict[int, int | None]) -> None:
            super().__init__()
            self.intervals = intervals

    class Saved(Message):
        pass

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="settings-body"):
            yield Static("Keep in touch", classes="section-title")
            yield Static(
                "Days between touches at each level. Leave blank for no reminder. "
                "A contact's own setting in its form wins over these.",
                id="settings-intro",
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

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="settings-load", exit_on_error=False)
    def load(self) -> None:
        self.post_message(self.Loaded(self.store.cadence_intervals()))

    @on(Loaded)
    def fill(self, message: Loaded) -> None:
        self._fill(message.intervals)
        self.query_one("#interval-5", Input).focus()

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

    @on(Button.Pressed, "#settings-save")
    def action_save(self) -> None:
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
            return
        self.save(intervals)

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(self, intervals: dict[int, int | None]) -> None:
        self.store.contacts.set_cadence_intervals(intervals)
        self.post_message(self.Saved())

    @on(Saved)
    def saved(self) -> None:
        self.notify("Keep-in-touch intervals saved; every due date follows.", markup=False)
        self.dismiss()

    def action_back(self) -> None:
        self.dismiss()
