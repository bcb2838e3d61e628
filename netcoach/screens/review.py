"""Review: twice a year, what you gave and got, where the time went, and what to change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.markdown import Markdown  # with markdown-it; this module loads in a pause or on r
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Sparkline, Static
from textual.worker import get_current_worker

from netcoach.core.review import (
    DECISION_FIELDS,
    Period,
    PeriodError,
    ReviewReport,
    build_review,
    default_period,
    parse_period,
    report_lines,
)
from netcoach.data.repo import Store
from netcoach.textual_compat import StyledWhenBuilt
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.limited import LimitedInput

# The month bars fit the screen: 24 cells each from 100 columns, 12 below.
BAR_WIDTH = 24
NARROW_BAR_WIDTH = 12
WIDE = 100
# The advisors' balance lists this many advisors (a board is about six); the rest are
# counted. Drawing every line of a long list held the screen's first paint back by seconds.
ADVISORS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class ReviewView:
    """A computed review with the saved reviews it is compared with."""

    report: ReviewReport
    previous_label: str | None
    previous_figures: dict[str, object] | None
    previous_decisions: list[dict[str, str]]
    saved_decisions: list[dict[str, str]]


class ReviewScreen(ReportsFailures, Browsing, StyledWhenBuilt, Screen[None]):
    """The report for a period, charts by month, and the decisions to save with it."""

    TITLE = "netcoach — Review"

    CSS_PATH = "../styles/review.tcss"

    SAVE_KEY = "ctrl+s"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save review", id="review.save"),
        Binding("ctrl+n", "add_decision", "Add decision", id="review.add-decision"),
        Binding("f5", "refresh", "Refresh", id="review.refresh", show=False),
    ]

    class Loaded(Message):
        def __init__(self, view: ReviewView) -> None:
            super().__init__()
            self.view = view

    class Saved(Message):
        def __init__(self, label: str) -> None:
            super().__init__()
            self.label = label

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.period: Period = default_period(store.today())
        self.report: ReviewReport | None = None
        self.decisions: list[dict[str, str]] = []
        self.saving = False
        self.markdown = ""  # the report as shown, in Markdown
        self._read_as_built = False
        """Whether the review was read as the screen was built, and the screen not left since."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review-body"):
            with Horizontal(id="review-period-row"):
                yield Label("Period", classes="review-label")
                yield LimitedInput(
                    self.period.label,
                    kind="period",
                    placeholder="2026H1, 2026H2 or 2026-01-01..2026-03-31",
                    id="review-period",
                    compact=True,
                )
                yield Static("enter shows it", id="review-period-hint")
                yield Static("", id="review-period-error")
            with Horizontal(id="review-charts"):
                with Vertical(classes="review-chart"):
                    yield Static("Given per month", classes="review-chart-title")
                    yield Sparkline([], id="review-given")
                with Vertical(classes="review-chart"):
                    yield Static("Received per month", classes="review-chart-title")
                    yield Sparkline([], id="review-received")
            yield Static("", id="review-report")
            yield Static("", id="review-previous")
            yield Static("Decisions: what to change, how, with whom, where, when", classes="title")
            for key, label in DECISION_FIELDS:
                with Horizontal(classes="review-row"):
                    yield Label(label, classes="review-label")
                    yield Input(id=f"decision-{key}", compact=True, max_length=300)
            yield Static("", id="decision-error")
            with Horizontal(id="review-buttons"):
                yield Button("Add decision  ctrl+n", id="decision-add")
                yield Button("Save review  ctrl+s", variant="primary", id="review-save")
            yield Static("", id="review-decisions")
        yield Footer()

    def on_compose(self) -> None:
        """Start reading the review before the screen's widgets are made (Textual calls
        this before ``compose``), so the reading and the building go on together."""
        self._read_as_built = True
        self.load(self.period)

    def on_screen_resume(self) -> None:
        # Textual resumes a new screen (twice) just after it is built and read; only a
        # screen the person left, or covered with a dialog, is read again.
        if not self._read_as_built:
            self.load(self.period)

    def on_screen_suspend(self) -> None:
        self._read_as_built = False

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("review: Save", self.action_save, "Save the review with its decisions (ctrl+s)"),
            ("review: Add decision", self.action_add_decision, "Add the decision typed (ctrl+n)"),
        ]

    @work(thread=True, exclusive=True, group="review-load", exit_on_error=False)
    def load(self, period: Period) -> None:
        ledger = self.store.ledger
        report = build_review(ledger.review_input(period))
        previous = ledger.previous_review(period.start)
        saved = ledger.saved_review_of(period)
        view = ReviewView(
            report=report,
            previous_label=previous.label if previous else None,
            previous_figures=previous.figures if previous else None,
            previous_decisions=previous.decisions if previous else [],
            saved_decisions=saved.decisions if saved else [],
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(view))

    @on(Loaded)
    def show_review(self, message: Loaded) -> None:
        view = message.view
        report = self.report = view.report
        if report.period != self.period:
            return
        self.query_one("#review-given", Sparkline).data = [g for _m, g, _r in report.months]
        self.query_one("#review-received", Sparkline).data = [r for _m, _g, r in report.months]
        self.query_one("#review-charts").display = report.has_data
        # The same Markdown that `netcoach review` prints, rendered: headings, tables, bold.
        # Rich's Markdown draws it as one renderable; Textual's Markdown widget mounts a
        # widget per block and took over ten times as long to show this report.
        bars = BAR_WIDTH if self.size.width >= WIDE else NARROW_BAR_WIDTH
        self.markdown = "\n".join(
            report_lines(
                report, view.previous_figures, bar_width=bars, advisors_shown=ADVISORS_SHOWN
            )
        )
        self.query_one("#review-report", Static).update(
            Markdown(self.markdown, code_theme="ansi_dark", hyperlinks=False)
        )
        previous = self.query_one("#review-previous", Static)
        notes = []
        if view.saved_decisions:
            notes.append("Saved decisions for this period:")
            notes += [_decision_text(i, d) for i, d in enumerate(view.saved_decisions, 1)]
        if view.previous_label:
            notes.append(f"Decisions from the previous review ({view.previous_label}):")
            notes += [_decision_text(i, d) for i, d in enumerate(view.previous_decisions, 1)]
        previous.update(Content("\n".join(notes)))
        previous.display = bool(notes)

    @on(Input.Submitted, "#review-period")
    def period_entered(self, event: Input.Submitted) -> None:
        error = self.query_one("#review-period-error", Static)
        try:
            self.period = parse_period(event.value)
        except PeriodError as problem:
            error.update(Content(str(problem).removeprefix("bad period ")))
            return
        error.update("")
        self.load(self.period)

    def action_refresh(self) -> None:
        self.load(self.period)

    def _typed_decision(self) -> dict[str, str]:
        return {
            key: self.query_one(f"#decision-{key}", Input).value.strip()
            for key, _label in DECISION_FIELDS
        }

    @on(Button.Pressed, "#decision-add")
    def action_add_decision(self) -> bool:
        decision = self._typed_decision()
        error = self.query_one("#decision-error", Static)
        if not decision["what"]:
            if any(decision.values()):
                error.update("Say what to change first.")
            return False
        error.update("")
        self.decisions.append(decision)
        for key, _label in DECISION_FIELDS:
            self.query_one(f"#decision-{key}", Input).value = ""
        self._show_decisions()
        return True

    def _show_decisions(self) -> None:
        self.query_one("#review-decisions", Static).update(
            Content("\n".join(_decision_text(i, d) for i, d in enumerate(self.decisions, 1)))
        )

    @on(Button.Pressed, "#review-save")
    def action_save(self) -> None:
        if self.saving or self.report is None:
            return
        self.action_add_decision()
        if not self.decisions:
            self.query_one("#decision-error", Static).update(
                "Write at least one decision (what to change) before saving the review."
            )
            return
        self.saving = True
        self.save(self.report, list(self.decisions))

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(self, report: ReviewReport, decisions: list[dict[str, str]]) -> None:
        try:
            self.store.ledger.save_review(report.period, report.figures(), decisions)
        finally:
            self.saving = False
        self.post_message(self.Saved(report.period.label))

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.decisions = []
        self._show_decisions()
        self.notify(f"Review {message.label} saved", markup=False)
        self.load(self.period)


def _decision_text(number: int, decision: dict[str, str]) -> str:
    parts = [
        f"{label}: {decision.get(key, '')}"
        for key, label in DECISION_FIELDS
        if str(decision.get(key, "")).strip()
    ]
    return f"  {number}. " + "; ".join(parts)
