"""Export: write the network to a vCard, CSV, JSON or iCalendar file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Header, Input, Label, Select, Static
from textual.worker import Worker

from netcoach.core.text import plural
from netcoach.data.failures import failure_words
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer

EXPORT_CHOICES = (
    ("vCard 3.0: for phones and mail apps (.vcf)", "vcard"),
    ("CSV: for spreadsheets (.csv)", "csv"),
    ("JSON: everything, for a restore (.json)", "json"),
    ("iCalendar: one-to-ones and events (.ics)", "ics"),
)


class ExportScreen(ReportsFailures, Screen[None]):
    """Choose a format and a file; the export is written in the background."""

    TITLE = "netcoach — Export"

    CSS_PATH = "../styles/transfer.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="export.run", tooltip="Write the file"),
        Binding("escape", "close", "Back", id="export.close", tooltip="Leave the export"),
    ]

    class Exported(Message):
        def __init__(self, count: int, path: str) -> None:
            super().__init__()
            self.count = count
            self.path = path

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.running = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="export-body"):
            yield Static("Export", id="export-title")
            with Horizontal(classes="export-row"):
                yield Label("Format", classes="export-label")
                yield Select(EXPORT_CHOICES, value="vcard", allow_blank=False, id="export-kind")
            with Horizontal(classes="export-row"):
                yield Label("File", classes="export-label")
                yield Input(value=self.default_path("vcard"), id="export-path")
            reminders = Checkbox(
                "with reminders: touches due, follow-ups, goal deadlines",
                id="export-reminders",
            )
            reminders.display = False
            yield reminders
            yield Button("Export  ctrl+s", variant="primary", id="export-button")
            yield Static("", id="export-status")
        yield Footer()

    def default_path(self, kind: str) -> str:
        from netcoach.io.exporters import default_filename

        return str(Path.home() / default_filename(kind, self.store.today()))

    @on(Select.Changed, "#export-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        self.query_one("#export-reminders", Checkbox).display = event.value == "ics"
        if isinstance(event.value, str) and Path(path.value).name.startswith("netcoach-"):
            path.value = str(Path(path.value).with_name(Path(self.default_path(event.value)).name))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-button")
    def action_export(self) -> None:
        if self.running:
            return
        kind = self.query_one("#export-kind", Select).value
        path = self.query_one("#export-path", Input).value.strip()
        if not path or not isinstance(kind, str):
            self.query_one("#export-status", Static).update("Type where to write the file.")
            return
        self.running = True
        self.query_one("#export-status", Static).update("Writing…")
        reminders = kind == "ics" and self.query_one("#export-reminders", Checkbox).value
        self.write(kind, path, reminders)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write(self, kind: str, path: str, reminders: bool = False) -> None:
        from netcoach.io.exporters import export_to

        target = Path(path).expanduser()
        try:
            count = export_to(self.store, kind, target, reminders=reminders)
        except OSError as error:
            reason = failure_words(error)
            self.post_message(self.Failed(f"Cannot write {target}: {reason}"))
            return
        self.post_message(self.Exported(count, str(target)))

    @on(Exported)
    def exported(self, message: Exported) -> None:
        self.running = False
        text = f"Wrote {plural(message.count, 'record')} to {message.path}"
        self.query_one("#export-status", Static).update(Content(text))
        self.notify(text, title="Export finished", markup=False)

    def show_failure(self, worker: Worker[object], reason: str) -> bool:
        """Any other failure of the export is said where its progress is."""
        self.post_message(self.Failed(f"The export stopped: {reason}."))
        return True

    @on(Failed)
    def failed(self, message: Failed) -> None:
        self.running = False
        self.query_one("#export-status", Static).update(Content(message.reason))

    def action_close(self) -> None:
        self.dismiss(None)
