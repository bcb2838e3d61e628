"""The exchange's three tabs: my wants and haves (4), introductions (5) and goals (6).

Each pane reads and shows its own rows and makes the changes that belong to it: adding
and removing a want or have, tracking a suggested introduction and moving it on, a
goal kept by hand counted up or down. Forms (a goal's) are the screen's to open.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from netcoach.core import undo
from netcoach.core.goals import Goal
from netcoach.core.introductions import NEXT_STATE, OUTCOMES, STATE_LABELS, Introduction
from netcoach.core.matching import Match
from netcoach.data.repo import Store
from netcoach.screens.give_get.pane import GiveGetPane
from netcoach.screens.give_get.rows import (
    GOALS_COLUMNS,
    SUGGESTIONS_COLUMNS,
    TRACKED_COLUMNS,
    WANTS_COLUMNS,
    goal_row,
    introduction_row,
    match_key,
    suggestion_row,
    want_have_row,
)
from netcoach.widgets.list_pane import Rows
from netcoach.widgets.measured_table import MeasuredTable


class WantsPane(GiveGetPane):
    """What you want and what you have to offer: a line to add one, the list to remove one."""

    NAME = "tab-wants"
    TITLE = "Wants & haves"
    TABLE_ID = "me-wants"

    def parts(self) -> list[Widget]:
        return [
            Static(
                "What you want and what you have to offer. Each contact's are kept with "
                "the contact.",
                classes="ledger-hint",
            ),
            Horizontal(
                Select(
                    [("I want", "want"), ("I have", "have")],
                    value="want",
                    allow_blank=False,
                    id="want-kind",
                    compact=True,
                ),
                Input(
                    placeholder="needs a commercial property lawyer",
                    id="want-phrase",
                    max_length=200,
                    compact=True,
                ),
                Input(placeholder="tag (optional)", id="want-tag", max_length=40, compact=True),
                Button("Add", id="want-add", compact=True),
                id="want-form",
            ),
            Static("", id="want-error", classes="entry-error"),
            MeasuredTable(WANTS_COLUMNS, id="me-wants"),
        ]

    def read_page(self, offset: int) -> Rows:
        return Rows(tuple(self.store.ledger.wants_haves(None)))

    def show_page(self, page: Rows, offset: int) -> None:
        self.fill(self.query_one("#me-wants", MeasuredTable), map(want_have_row, page.rows))
        self.loaded = self.total = page.total

    @on(Button.Pressed, "#want-add")
    @on(Input.Submitted, "#want-phrase")
    @on(Input.Submitted, "#want-tag")
    def add_want(self) -> None:
        kind = str(self.query_one("#want-kind", Select).value)
        phrase = self.query_one("#want-phrase", Input).value
        tag = self.query_one("#want-tag", Input).value
        self.write(
            lambda: self.store.ledger.add_want_have(None, kind, phrase, tag),
            f"Added to your {kind}s",
        )

    def delete_row(self) -> None:
        """Remove the highlighted want or have; ctrl+z puts it back."""
        key = self.key()
        if key is None:
            return
        ledger = self.store.ledger
        self.write(
            lambda: ledger.delete_want_have(key),
            "Removed",
            lambda gone: undo.want_have_deleted(gone.id, gone.kind, gone.phrase),
        )

    def after_change(self, message: GiveGetPane.Changed) -> None:
        if message.note.startswith("Added"):
            self.query_one("#want-phrase", Input).value = ""
            self.query_one("#want-tag", Input).value = ""

    def data_changed(self) -> None:
        for error in self.query("#want-error").results(Static):
            error.update("")
        super().data_changed()

    def show_refusal(self, text: str) -> None:
        self.query_one("#want-error", Static).update(Content(text))


@dataclass(frozen=True, slots=True)
class IntroductionsRead:
    """What the Introductions tab shows: the suggestions, and the introductions tracked."""

    matches: tuple[Match, ...]
    introductions: tuple[Introduction, ...]


class IntroductionsPane(GiveGetPane):
    """Suggested introductions (a want that meets a have) and the ones being made."""

    NAME = "tab-intros"
    TITLE = "Introductions"
    TABLE_ID = "intro-suggestions"

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.matches: dict[str, Match] = {}
        self.introductions: dict[str, Introduction] = {}

    def parts(self) -> list[Widget]:
        return [
            Static(
                "Suggestions: a want that meets a have. i tracks one; then a moves it on "
                "(asked the first, asked the second, introduced), o sets the outcome, "
                "x dismisses.",
                classes="ledger-hint",
            ),
            MeasuredTable(SUGGESTIONS_COLUMNS, id="intro-suggestions"),
            Static("Tracked introductions", classes="section-title"),
            MeasuredTable(TRACKED_COLUMNS, id="intro-tracked"),
        ]

    def read_page(self, offset: int) -> IntroductionsRead:
        ledger = self.store.ledger
        return IntroductionsRead(tuple(ledger.suggestions()), tuple(ledger.introductions()))

    def show_page(self, page: IntroductionsRead, offset: int) -> None:
        self.matches = {match_key(match): match for match in page.matches}
        self.introductions = {str(intro.id): intro for intro in page.introductions}
        self.fill(self.suggestions, map(suggestion_row, page.matches))
        self.fill(self.tracked, map(introduction_row, page.introductions))
        self.loaded = self.total = len(page.matches)

    @property
    def suggestions(self) -> MeasuredTable:
        return self.query_one("#intro-suggestions", MeasuredTable)

    @property
    def tracked(self) -> MeasuredTable:
        return self.query_one("#intro-tracked", MeasuredTable)

    def _match(self) -> Match | None:
        return self.matches.get(self.cursor_key(self.suggestions) or "")

    def _intro(self) -> Introduction | None:
        return self.introductions.get(self.cursor_key(self.tracked) or "")

    def track(self) -> None:
        match = self._match()
        if match is None:
            return
        if match.involves_me:
            self.notify(
                "This match involves you: ask or offer it directly, then record it with n.",
                markup=False,
            )
            return
        self.write(lambda: self.store.ledger.start_introduction(match), "Tracking the introduction")

    def advance(self) -> None:
        intro = self._intro()
        if intro is None:
            return
        target = NEXT_STATE.get(intro.state)
        if target is None:
            self.notify(f"This introduction is {STATE_LABELS[intro.state]}.", markup=False)
            return
        self.write(
            lambda: self.store.ledger.move_introduction(intro.id, target),
            f"Introduction: {STATE_LABELS[target]}",
        )

    def dismiss_intro(self) -> None:
        """x: drop the suggestion (if the suggestions have focus) or the tracked introduction."""
        if self.suggestions.has_focus:
            match = self._match()
            if match is None:
                return
            if match.involves_me:
                self.notify("Suggestions that involve you are not kept.", markup=False)
                return
            names = f"{match.want.owner_name} ↔ {match.have.owner_name}"
            self.write(
                lambda: self.store.ledger.start_introduction(match, dismissed=True),
                "Suggestion dismissed",
                lambda made: undo.suggestion_dismissed(made.id, names),
            )
            return
        intro = self._intro()
        if intro is not None:
            names = f"{intro.first_name} ↔ {intro.second_name}"
            self.write(
                lambda: self.store.ledger.move_introduction(intro.id, "dismissed"),
                "Introduction dismissed",
                lambda _moved: undo.introduction_dismissed(intro.id, names, intro.state),
            )

    def cycle_outcome(self) -> None:
        intro = self._intro()
        if intro is None:
            return
        current = OUTCOMES.index(intro.outcome) if intro.outcome in OUTCOMES else -1
        outcome = OUTCOMES[(current + 1) % len(OUTCOMES)]
        self.write(
            lambda: self.store.ledger.record_outcome(intro.id, outcome), f"Outcome: {outcome}"
        )


class GoalsPane(GiveGetPane):
    """Time-bound goals and their progress; + and - count a goal kept by hand."""

    NAME = "tab-goals"
    TITLE = "Goals"
    TABLE_ID = "ledger-goals"

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.goals: dict[str, Goal] = {}

    def parts(self) -> list[Widget]:
        return [
            Static(
                "Time-bound goals. n adds one, e edits the highlighted one. Progress is "
                "counted from your data; for goals kept by hand, + and - change it.",
                classes="ledger-hint",
            ),
            MeasuredTable(GOALS_COLUMNS, id="ledger-goals"),
        ]

    def read_page(self, offset: int) -> Rows:
        return Rows(tuple(self.store.ledger.goals()))

    def show_page(self, page: Rows, offset: int) -> None:
        self.goals = {str(goal.id): goal for goal in page.rows}
        now = self.store.clock()
        self.fill(
            self.query_one("#ledger-goals", MeasuredTable),
            (goal_row(goal, now) for goal in page.rows),
        )
        self.loaded = self.total = page.total

    def goal(self) -> Goal | None:
        """The highlighted goal."""
        return self.goals.get(self.cursor_key(self.table) or "")

    def step(self, step: int) -> None:
        goal = self.goal()
        if goal is None:
            return
        if goal.computed:
            self.notify("This goal is counted from your data.", markup=False)
            return
        value = max(0, (goal.progress or 0) + step)
        self.write(lambda: self.store.ledger.set_goal_progress(goal.id, value), "")
