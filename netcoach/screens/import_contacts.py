"""Import: choose the kind of export and the file, see what will happen, confirm, watch it run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Header,
    Input,
    Label,
    ProgressBar,
    Select,
    Static,
)
from textual.worker import get_current_worker

from netcoach.core.imports import ImportSummary
from netcoach.core.text import plural
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures, failure_reason, log_failure
from netcoach.widgets.footer import Footer
from netcoach.widgets.limited import LimitedInput

KIND_CHOICES = (
    ("LinkedIn: Connections.csv", "linkedin"),
    ("Google Contacts: contacts.csv", "google"),
    ("vCard: .vcf from a phone or mail app", "vcard"),
)
PREVIEW_ROWS = 50
ACTION_LABELS = {"create": "new", "update": "update", "skip": "skip"}


def sample_export() -> Path:
    """The small invented LinkedIn export shipped for trying the import in demo mode."""
    from importlib.resources import files

    return Path(str(files("netcoach.io") / "samples" / "linkedin-sample.csv"))


class ImportScreen(ReportsFailures, Screen[None]):
    """Bring contacts in from LinkedIn, Google Contacts or vCard; nothing is written until
    the preview has been confirmed, and a file that cannot be read writes nothing."""

    TITLE = "netcoach — Import"

    CSS_PATH = "../styles/transfer.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "preview", "Preview", id="import.preview", tooltip="Check the file"),
        Binding("ctrl+s", "confirm", "Import", id="import.confirm", tooltip="Import the file"),
        Binding("escape", "close", "Back", id="import.close", tooltip="Leave the import"),
    ]

    @dataclass
    class Previewed(Message):
        kind: str
        path: str
        summary: ImportSummary

    @dataclass
    class Refused(Message):
        reason: str

    @dataclass
    class Progressed(Message):
        """How many rows the running import has written."""

        done: int

        def can_replace(self, message: Message) -> bool:
            # A count still waiting to be shown is stale once a newer one arrives.
            return isinstance(message, ImportScreen.Progressed)

    @dataclass
    class Imported(Message):
        summary: ImportSummary

    def __init__(self, store: Store, kind: str = "linkedin", path: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial_kind = kind
        self.initial_path = path
        self.previewed: tuple[str, str] | None = None
        self.expected = 0
        self.running = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import-body"):
            yield Static("Import contacts", id="import-title")
            yield Static(
                "The same LinkedIn profile or email address is merged into the contact you "
                "have: blank fields are filled in, nothing you typed is overwritten, and "
                "levels never change.",
                id="import-help",
            )
            with Horizontal(classes="import-row"):
                yield Label("Kind", classes="import-label")
                yield Select(
                    KIND_CHOICES, value=self.initial_kind, allow_blank=False, id="import-kind"
                )
            with Horizontal(classes="import-row"):
                yield Label("File", classes="import-label")
                with Vertical(classes="import-field"):
                    yield LimitedInput(
                        value=self.initial_path,
                        kind="path",
                        placeholder="Path to the export file, e.g. ~/Downloads/Connections.csv",
                        id="import-path",
                    )
                    yield Static("", id="import-error")
            with Horizontal(id="import-buttons"):
                yield Button("Preview  ctrl+r", id="import-preview-button")
                yield Button(
                    "Import  ctrl+s", variant="primary", id="import-confirm-button", disabled=True
                )
            yield Static("", id="import-summary")
            yield DataTable(id="import-preview", cursor_type="row", zebra_stripes=True)
            yield ProgressBar(id="import-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#import-preview", DataTable)
        table.add_column("Where", width=10, key="where")
        table.add_column("Action", width=8, key="action")
        table.add_column("Name", width=32, key="name")
        table.add_column("What happens", width=54, key="detail")
        self.query_one("#import-progress", ProgressBar).display = False
        self.query_one("#import-path", Input).focus()

    def palette_commands(self) -> list[tuple[str, object, str]]:
        return [
            ("import: Preview", self.action_preview, "Check the file and show what will happen"),
            ("import: Confirm", self.action_confirm, "Import the previewed file (ctrl+s)"),
        ]

    # ---- reading the form --------------------------------------------------------------------

    def chosen(self) -> tuple[str, str]:
        kind = self.query_one("#import-kind", Select).value
        path = self.query_one("#import-path", Input).value.strip()
        return (kind if isinstance(kind, str) else "linkedin"), path

    def show_error(self, reason: str) -> None:
        error = self.query_one("#import-error", Static)
        error.update(Content(reason))
        error.set_class(bool(reason), "-shown")
        self.query_one("#import-path", Input).set_class(bool(reason), "-invalid")

    @on(Input.Changed, "#import-path")
    @on(Select.Changed, "#import-kind")
    def forget_preview(self) -> None:
        if self.previewed is not None and self.previewed != self.chosen():
            self.previewed = None
            self.query_one("#import-confirm-button", Button).disabled = True
            self.query_one("#import-summary", Static).update("")
            self.query_one("#import-preview", DataTable).clear()

    # ---- preview -----------------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-preview-button")
    def action_preview(self) -> None:
        if self.running:
            return
        kind, path = self.chosen()
        if not path:
            self.show_error("Type the path of the export file.")
            return
        self.show_error("")
        self.query_one("#import-summary", Static).update("Reading the file…")
        self.preview(kind, path)

    @work(thread=True, exclusive=True, group="import-preview", exit_on_error=False)
    def preview(self, kind: str, path: str) -> None:
        from netcoach.io.imports import import_file
        from netcoach.io.text import ImportFileError

        try:
            summary = import_file(
                self.store,
                kind,
                Path(path).expanduser(),
                dry_run=True,
                preview_limit=PREVIEW_ROWS,
            )
        except ImportFileError as error:
            self.post_message(self.Refused(str(error)))
            return
        except Exception:
            self.post_message(self.Refused("The file could not be checked; nothing was written."))
            raise
        if not get_current_worker().is_cancelled:
            self.post_message(self.Previewed(kind, path, summary))

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.running = False
        self.previewed = None
        self.query_one("#import-confirm-button", Button).disabled = True
        self.query_one("#import-summary", Static).update("Nothing was imported.")
        self.query_one("#import-progress", ProgressBar).display = False
        self.show_error(message.reason)

    @on(Previewed)
    def show_preview(self, message: Previewed) -> None:
        if (message.kind, message.path) != self.chosen():
            return
        summary = message.summary
        self.previewed = (message.kind, message.path)
        self.expected = summary.imported + summary.updated + summary.skipped
        table = self.query_one("#import-preview", DataTable)
        table.clear()
        for row in summary.preview:
            table.add_row(
                Text(row.where),
                Text(ACTION_LABELS.get(row.action, row.action)),
                Text(row.name or "(no name)"),
                Text(row.detail),
            )
        shown = (
            f" The first {plural(len(summary.preview), 'record')} are listed."
            if self.expected > len(summary.preview)
            else ""
        )
        notices = "".join(f"\nNote: {n}" for n in summary.notices)
        self.query_one("#import-summary", Static).update(
            Content(
                f"Will create {summary.imported}, update {summary.updated} and skip "
                f"{summary.skipped} of {plural(self.expected, 'record')}.{shown}{notices}"
            )
        )
        self.query_one("#import-confirm-button", Button).disabled = (
            summary.imported + (summary.updated) == 0
        )

    # ---- import ------------------------------------------------------------------------------

    @on(Button.Pressed, "#import-confirm-button")
    def action_confirm(self) -> None:
        if self.running:
            return
        if self.previewed is None or self.previewed != self.chosen():
            self.notify("Preview the file first (ctrl+r).", severity="warning")
            return
        kind, path = self.previewed
        self.running = True
        self.query_one("#import-confirm-button", Button).disabled = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(1, self.expected), progress=0)
        bar.display = True
        self.query_one("#import-summary", Static).update("Importing…")
        self.run_import(kind, path)

    @work(thread=True, group="db-write", exit_on_error=False)
    def run_import(self, kind: str, path: str) -> None:
        from netcoach.io.imports import import_file
        from netcoach.io.text import ImportFileError

        try:
            summary = import_file(
                self.store,
                kind,
                Path(path).expanduser(),
                progress=lambda done: self.post_message(self.Progressed(done)),
            )
        except ImportFileError as error:
            self.post_message(self.Refused(str(error)))
            return
        except Exception as error:
            log_failure("importing contacts", error)
            reason = failure_reason(error)
            self.post_message(self.Refused(f"The import stopped ({reason}); nothing was written."))
            return
        self.post_message(self.Imported(summary))

    @on(Progressed)
    def advance(self, message: Progressed) -> None:
        self.query_one("#import-progress", ProgressBar).update(progress=message.done)

    @on(Imported)
    def finished(self, message: Imported) -> None:
        self.running = False
        self.previewed = None
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(1, self.expected), progress=max(1, self.expected))
        self.query_one("#import-summary", Static).update(Content(message.summary.line))
        # The screens that list contacts reload when they are shown again.
        self.notify(message.summary.line, title="Import finished", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
