"""A card of goals whose deadline is near, for Today; it loads itself in a worker."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from netcoach.core.goals import NEAR_DAYS, Goal, progress_bar
from netcoach.data.repo import Store
from netcoach.widgets.status import clip, when_text


class GoalsCard(Vertical):
    """Unfinished goals due within a month; hidden when there are none."""

    DEFAULT_CSS = """
    GoalsCard {
        height: auto;
        border: round $accent 60%;
        padding: 0 1;
        margin: 0 0 1 0;
        & > .goals-card-title {
            text-style: bold;
            color: $accent;
        }
    }
    """

    class Loaded(Message):
        def __init__(self, goals: list[Goal]) -> None:
            super().__init__()
            self.goals = goals

    def __init__(
        self,
        store: Store,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.store = store

    def compose(self) -> ComposeResult:
        yield Static("Goals with a deadline near", classes="goals-card-title")
        yield Static("", classes="goals-card-body")

    def on_mount(self) -> None:
        self.display = False
        self.refresh_goals()
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: Screen[object]) -> None:
        """Reload when the person comes back to the screen holding the card."""
        if screen is self.screen:
            self.refresh_goals()

    @work(thread=True, exclusive=True, group="goals-card-load", exit_on_error=False)
    def refresh_goals(self) -> None:
        today = self.store.today()
        near = [g for g in self.store.ledger.goals() if g.is_near(today, NEAR_DAYS)]
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(near))

    @on(Loaded)
    def show_goals(self, message: Loaded) -> None:
        message.stop()
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
            for goal in message.goals
        ]
        self.query_one(".goals-card-body", Static).update(Content("\n").join(lines))
        self.display = bool(lines)
