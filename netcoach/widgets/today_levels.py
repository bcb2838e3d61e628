"""Today: how many contacts are at each relationship level."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from netcoach.core.levels import KEY_CONTACT_TARGET, LEVELS
from netcoach.core.text import plural
from netcoach.data import today as reads
from netcoach.data.repo import Store
from netcoach.widgets.today_section import EmptyRule, TodaySection


class LevelCountsSection(TodaySection):
    """Counts per level and how many key contacts are at Engage or above."""

    ON_EMPTY_DATABASE: ClassVar[EmptyRule] = "show"

    def compose(self) -> ComposeResult:
        with Horizontal(id="today-levels"):
            for level in LEVELS:
                yield Static(
                    Content.from_markup("[b]·[/b]\n$name", name=level.name),
                    id=f"level-count-{level.number}",
                    classes="level-count",
                )
        yield Static("", id="today-key-contacts")

    @classmethod
    def fetch(cls, store: Store) -> dict[int, int]:
        return reads.level_counts(store)

    def show(self, data: object) -> None:
        assert isinstance(data, dict)
        for level in LEVELS:
            count = data.get(level.number, 0)
            self.query_one(f"#level-count-{level.number}", Static).update(
                Content.from_markup("[b]$count[/b]\n$name", count=f"{count:,}", name=level.name)
            )
        total = sum(data.values())
        key = sum(n for level, n in data.items() if level >= KEY_CONTACT_TARGET)
        self.query_one("#today-key-contacts", Static).update(
            f"{plural(total, 'contact')} · {key:,} at Engage or above"
        )
