"""Today: the calm first screen, opened in the minutes before a networking breakfast."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from netcoach.core.levels import LEVELS
from netcoach.core.models import TodaySummary
from netcoach.data.repo import Store
from netcoach.widgets.goals_card import GoalsCard
from netcoach.widgets.status import clip, status_text, when_text


class TodayScreen(Screen[None]):
    """Counts per level and the contacts most in need of a touch."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_contact", "Open contact", id="today.open", show=False),
        Binding("f5", "refresh", "Refresh", id="today.refresh", show=False),
    ]

    class Loaded(Message):
        def __init__(self, summary: TodaySummary) -> None:
            super().__init__()
            self.summary = summary

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.summary: TodaySummary | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="today-body"):
            yield Static(self._date_line(), id="today-date")
            with Horizontal(id="today-levels"):
                for level in LEVELS:
                    yield Static(
                        Content.from_markup("[b]·[/b]\n$name", name=level.name),
                        id=f"level-count-{level.number}",
                        classes="level-count",
                    )
            yield Static("", id="today-key-contacts")
            yield GoalsCard(self.store, id="today-goals")
            with Vertical(id="today-overdue-box"):
                yield Static("Due for a touch", classes="section-title")
                yield DataTable(id="today-overdue", cursor_type="row", zebra_stripes=True)
            yield Static("", id="today-first-steps")
        yield Footer()

    def _date_line(self) -> str:
        return self.store.today().strftime("%A %d %B %Y")

    def on_mount(self) -> None:
        table = self.query_one("#today-overdue", DataTable)
        table.add_columns("Level", "Name", "Company", "Last touch", "Status")
        self.query_one("#today-first-steps").display = False

    def on_screen_resume(self) -> None:
        self.load()

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="today-load", exit_on_error=False)
    def load(self) -> None:
        summary = self.store.today_summary()
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(summary))

    @on(Loaded)
    def show_summary(self, message: Loaded) -> None:
        summary = self.summary = message.summary
        today = self.store.today()
        for level in LEVELS:
            count = summary.level_counts.get(level.number, 0)
            self.query_one(f"#level-count-{level.number}", Static).update(
                Content.from_markup("[b]$count[/b]\n$name", count=f"{count:,}", name=level.name)
            )
        key = sum(n for level, n in summary.level_counts.items() if level >= 3)
        self.query_one("#today-key-contacts", Static).update(
            f"{summary.total_contacts:,} contacts · {key:,} at Engage or above"
        )
        first_steps = self.query_one("#today-first-steps", Static)
        overdue_box = self.query_one("#today-overdue-box")
        if summary.total_contacts == 0:
            overdue_box.display = False
            first_steps.display = True
            first_steps.update(
                "Welcome to netcoach. Three things to do first:\n\n"
                "  1. Press c, then n, to add the people you already network with.\n"
                "  2. Give each one a level, from Identify to Inner circle.\n"
                "  3. Come back here before your next meeting to see who needs a touch."
            )
            return
        first_steps.display = False
        overdue_box.display = True
        table = self.query_one("#today-overdue", DataTable)
        table.clear()
        title = self.query_one("#today-overdue-box .section-title", Static)
        if not summary.overdue:
            title.update("Due for a touch: nobody is overdue. Well kept.")
            return
        shown = len(summary.overdue)
        more = (
            f" (the {shown} most pressing of {summary.overdue_total:,})"
            if (summary.overdue_total > shown)
            else ""
        )
        title.update(f"Due for a touch{more}")
        for row in summary.overdue:
            table.add_row(
                Text(str(row.level)),
                Text(clip(row.name, 40)),
                Text(clip(row.company, 30)),
                Text(when_text(row.last_interaction_at, today)),
                status_text(row.status),
                key=str(row.id),
            )

    def action_open_contact(self) -> None:
        table = self.query_one("#today-overdue", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.open_contact(int(key))

    @on(DataTable.RowSelected, "#today-overdue")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_contact(int(event.row_key.value))

    def open_contact(self, contact_id: int) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        self.app.push_screen(ContactFormScreen(self.store, contact_id), lambda _: self.load())
