"""Today: goals whose deadline is near; the card hides itself when there are none."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from netcoach.core.goals import Goal, progress_bar
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.status import clip, when_text
from netcoach.widgets.today_section import TodaySection


class GoalsCard(TodaySection):
    """Unfinished goals due within a month."""

    def compose(self) -> ComposeResult:
        yield Static("Goals with a deadline near", classes="section-title")
        yield Static("", classes="goals-card-body")

    @classmethod
    def fetch(cls, store: Store) -> list[Goal]:
        return reads.goals_near(store)

    def show(self, data: object) -> None:
        goals = [goal for goal in data if isinstance(goal, Goal)] if isinstance(data, list) else []
        today = self.store.today()
        lines = [
            Content.from_markup(
                "$bar  [b]$title[/b]  $progress · $when",
                bar=progress_bar(goal.fraction, 10),
                title=clip(goal.title, 50),
                progress=goal.progress_text(),
                when=(
                    f"due {when_text(goal.deadline, today)}"
                    if goal.days_left(today) >= 0
                    else f"deadline passed {when_text(goal.deadline, today)}"
                ),
            )
            for goal in goals
        ]
        self.query_one(".goals-card-body", Static).update(Content("\n").join(lines))
        self.display = bool(lines)
