"""Today: the half-yearly review, once it is due or due within two weeks; hidden otherwise."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from netcoach.core.review import ReviewDue, ReviewDueState
from netcoach.data.repo import Store
from netcoach.widgets.today_section import TodaySection


def day_text(day: date, today: date) -> str:
    """12 June, with the year when it is not this year's."""
    shown = f"{day.day} {day:%B}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def due_line(due: ReviewDue, today: date) -> str:
    """The card's first line: when the review is due, and when the last one was."""
    if due.first:
        return "Your first review: see what your networking gave and got"
    last = f"last one {day_text(due.last_saved_on, today)}" if due.last_saved_on else ""
    if due.state is ReviewDueState.OVERDUE:
        when = f"overdue since {day_text(due.due_on, today)}"
    elif due.state is ReviewDueState.DUE:
        when = "due"
    else:
        days = due.days_left(today)
        when = f"due in {days} day{'s' if days != 1 else ''}, on {day_text(due.due_on, today)}"
    return f"Half-yearly review {when} ({last})"


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
        return store.ledger.review_due()

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
