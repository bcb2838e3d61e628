"""Today on an empty database: the first three things to do, instead of empty boxes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from netcoach.widgets.today_section import EmptyRule, TodaySection

FIRST_STEPS = (
    "Welcome to netcoach. Three things to do first:\n\n"
    "  1. Press c, then n, to add the people you already network with.\n"
    "  2. Give each one a level, from Identify to Inner circle.\n"
    "  3. Press o, then n, to plan a one-to-one with an objective.\n\n"
    "Come back here before your next meeting to see who needs a touch."
)


class FirstStepsSection(TodaySection):
    """Shown only while there are no contacts."""

    ON_EMPTY_DATABASE: ClassVar[EmptyRule] = "only"

    def compose(self) -> ComposeResult:
        yield Static(FIRST_STEPS, id="today-first-steps-text")
