"""Today: the half-yearly review, once it is due or due within two weeks; hidden otherwise."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from netcoach.core.review import ReviewDue, due_line
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.today_section import TodaySection


class ReviewDueSection(TodaySection):
    """enter opens the Review screen on the period the review should cover."""

    PLACE = "Today: review due"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_review", "Open review", id="today.open-review"),
    ]

    can_focus = True

    def __init__(self, store: Store, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(store, id=id, classes=classes)
        self.due: ReviewDue | None = None

    def compose(self) -> ComposeResult:
        yield Static("Review", classes="section-title")
        yield Static("", id="today-review-text")

    @classmethod
    def fetch(cls, store: Store) -> ReviewDue | None:
        return reads.review_due(store)

    def show(self, data: object) -> None:
        today = self.store.today()
        due = data if isinstance(data, ReviewDue) and data.shows_on_today(today) else None
        self.due = due
        self.display = due is not None
        if due is None:
            return
        self.query_one("#today-review-text", Static).update(
            Content.from_markup(
                "[b]$line[/b]\nWhat you gave and got, time spent, and what to change · "
                "enter opens the review of $period",
                line=due_line(due, today),
                period=due.period.label,
            )
        )

    def action_open_review(self) -> None:
        """The Review screen, on the period the review should cover."""
        if self.due is None:
            return
        from netcoach.screens.review import ReviewScreen

        period = self.due.period
        app = self.app
        app.action_go("review")
        screen = app.screen
        if isinstance(screen, ReviewScreen):
            screen.show_period(period)
