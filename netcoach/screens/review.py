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
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Label, OptionList, Select, Sparkline, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerCancelled, WorkerFailed, get_current_worker

from netcoach.core.review import (
    CAME_OF_IT_WIDTH,
    DECISION_FIELDS,
    OUTCOMES,
    Period,
    PeriodError,
    ReviewReport,
    became_label,
    build_review,
    decision_text,
    decisions_of,
    default_period,
    look_back,
    look_back_text,
    look_backs_of,
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
    previous_id: int | None = None
    saved_id: int | None = None


class DecisionList(Browsing, OptionList):
    """The decisions saved with the review of this period; each can become a goal or a
    follow-up, once."""

    PLACE = "Review: saved decisions"  # how the help screen names it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "G",
            "turn('goal')",
            "Make a goal",
            id="review.decision-goal",
            tooltip="Turn the highlighted decision into a goal",
        ),
        Binding(
            "f",
            "turn('follow-up')",
            "Make a follow-up",
            id="review.decision-follow-up",
            tooltip="Turn the highlighted decision into a follow-up",
        ),
    ]

    class Turn(Message):
        """Turn the decision at ``index`` (in the saved list) into a ``kind``."""

        def __init__(self, kind: str, index: int) -> None:
            super().__init__()
            self.kind = kind
            self.index = index

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.turned: dict[int, str] = {}
        """What each decision became, by its place in the saved list ("" for not yet)."""

    def show(self, decisions: list[tuple[int, dict[str, str]]]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.turned = {index: became_label(decision) for index, decision in decisions}
        self.add_options(
            [
                Option(
                    f"{number}. {decision_text(decision)}"
                    + (f"  → {self.turned[index]}" if self.turned[index] else ""),
                    id=str(index),
                )
                for number, (index, decision) in enumerate(decisions, 1)
            ]
        )
        if decisions:
            self.highlighted = min(highlighted or 0, len(decisions) - 1)
        self.refresh_bindings()

    def _chosen(self) -> int | None:
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return int(option_id) if option_id is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        if action == "turn":
            index = self._chosen()
            # Greyed out once the decision became a goal or follow-up.
            if index is None or self.turned.get(index):
                return None
        return True

    @on(OptionList.OptionHighlighted)
    def highlight_moved(self) -> None:
        self.refresh_bindings()

    def action_turn(self, kind: str) -> None:
        index = self._chosen()
        if index is not None and not self.turned.get(index):
            self.post_message(self.Turn(kind, index))


class ReviewScreen(ReportsFailures, Browsing, StyledWhenBuilt, Screen[None]):
    """The report for a period, charts by month, and the decisions to save with it."""

    TITLE = "netcoach — Review"
    FORM_NAME = "review"  # as the question on quitting with changes names it

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

    class ContactFound(Message):
        """The contact a decision's "with whom" names (or None), for its follow-up."""

        def __init__(self, index: int, contact: tuple[int, str, int] | None) -> None:
            super().__init__()
            self.index = index
            self.contact = contact

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.period: Period = default_period(store.today())
        self.report: ReviewReport | None = None
        self.decisions: list[dict[str, str]] = []
        self.saving = False
        self.markdown = ""  # the report as shown, in Markdown
        self.view: ReviewView | None = None
        self._saving: Worker[None] | None = None
        self._looking_back: tuple[str, int | None] | None = None
        """The period and previous review the look-back fields were made for."""
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
            # Last time's decisions, each asking what came of it: made just after the
            # report is painted (their fields took a third of the first visit's time),
            # below it, so nothing on screen moves when they arrive.
            yield Vertical(id="review-look-back")
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
            # Filled once a review of the period is saved: a list made for every first
            # visit held the report's first paint back.
            yield Vertical(id="review-saved")
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
            previous_id=previous.id if previous else None,
            saved_id=saved.id if saved else None,
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(view))

    @on(Loaded)
    async def show_review(self, message: Loaded) -> None:
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
        self.view = view
        await self._show_saved(view)
        self._show_look_back(view)

    async def _show_saved(self, view: ReviewView) -> None:
        """The decisions saved with this period's review, and what came of last time's."""
        box = self.query_one("#review-saved")
        box.display = view.saved_id is not None
        if view.saved_id is None:
            return
        if not box.children:
            await box.mount_all(
                [
                    Static("", id="review-saved-title", classes="title"),
                    DecisionList(id="review-saved-decisions"),
                    Static("", id="review-saved-look-back"),
                ]
            )
        decisions = decisions_of(view.saved_decisions)
        self.query_one("#review-saved-title", Static).update(
            Content(
                f"Decisions saved with the review of {self.period.label}"
                + (" · G makes a goal of one, f a follow-up" if decisions else "")
            )
        )
        listed = self.query_one(DecisionList)
        listed.display = bool(decisions)
        listed.show(decisions)
        backs = look_backs_of(view.saved_decisions)
        looked = self.query_one("#review-saved-look-back", Static)
        looked.update(
            Content(
                "\n".join(
                    ["What came of last time's decisions:"]
                    + [f"  {n}. {look_back_text(item)}" for n, item in enumerate(backs, 1)]
                )
            )
        )
        looked.display = bool(backs)

    def _show_look_back(self, view: ReviewView) -> None:
        """Last time's decisions, each with "What came of it?"; made again only for
        another period or previous review, so what is typed stays through a reload."""
        key = (self.period.label, view.previous_id)
        if key == self._looking_back:
            return
        self._looking_back = key
        box = self.query_one("#review-look-back")
        box.remove_children()
        decisions = decisions_of(view.previous_decisions)
        box.display = bool(decisions)
        if not decisions:
            return
        saved = {
            str(item.get("looked_back", "")): item for item in look_backs_of(view.saved_decisions)
        }
        rows: list[Widget] = [
            Static(
                Content(f"Last time's decisions ({view.previous_label}): what came of each?"),
                classes="title",
            )
        ]
        for number, (_index, decision) in enumerate(decisions, 1):
            earlier = saved.get(str(decision.get("what", "")), {})
            outcome = str(earlier.get("outcome", ""))
            rows.append(
                Static(
                    Content(f"{number}. {decision_text(decision)}"),
                    classes="look-back-decision",
                )
            )
            rows.append(
                Horizontal(
                    Label("What came of it?", classes="look-back-label"),
                    Input(
                        str(earlier.get("came_of_it", "")),
                        placeholder="Two referrals given; Ann sent one back",
                        max_length=CAME_OF_IT_WIDTH,
                        compact=True,
                        id=f"came-of-{number}",
                    ),
                    Select(
                        [(text, text) for text in OUTCOMES],
                        prompt="done?",
                        value=outcome if outcome in OUTCOMES else Select.NULL,
                        compact=True,
                        id=f"outcome-{number}",
                    ),
                    classes="look-back-row",
                )
            )
        self.call_after_refresh(box.mount_all, rows)

    def _typed_look_backs(self) -> list[dict[str, str]]:
        """What came of each of last time's decisions, for those with anything said."""
        view = self.view
        if view is None or self._looking_back != (self.period.label, view.previous_id):
            return []
        found = []
        for number, (_index, decision) in enumerate(decisions_of(view.previous_decisions), 1):
            inputs = self.query(f"#came-of-{number}").results(Input)
            selects = self.query(f"#outcome-{number}").results(Select)
            text = next((i.value for i in inputs), "")
            chosen = next((s for s in selects), None)
            outcome = "" if chosen is None or chosen.is_blank() else str(chosen.value)
            if text.strip() or outcome:
                found.append(look_back(decision, view.previous_label or "", outcome, text))
        return found

    def show_period(self, period: Period) -> None:
        """Show the review of ``period`` (Today's review card opens the screen on it)."""
        self.period = period
        fields = self.query("#review-period").results(Input)
        for field in fields:
            with self.prevent(Input.Changed):
                field.value = period.label
            self.query_one("#review-period-error", Static).update("")
            self.load(period)

    @on(DecisionList.Turn)
    def turn_decision(self, message: DecisionList.Turn) -> None:
        message.stop()
        view = self.view
        if view is None or view.saved_id is None:
            return
        decision = view.saved_decisions[message.index]
        if message.kind == "goal":
            from netcoach.screens.decision_actions import DecisionGoalModal

            modal = DecisionGoalModal(self.store, view.saved_id, message.index, decision)
            self.app.push_screen(modal, lambda made: self._turned("Goal", made))
        else:
            self.find_contact(message.index, str(decision.get("with_whom", "")))

    @work(thread=True, exclusive=True, group="review-contact", exit_on_error=False)
    def find_contact(self, index: int, name: str) -> None:
        self.post_message(self.ContactFound(index, self.store.ledger.decision_contact(name)))

    @on(ContactFound)
    def open_follow_up(self, message: ContactFound) -> None:
        view = self.view
        if view is None or view.saved_id is None:
            return
        from netcoach.screens.decision_actions import DecisionFollowUpModal

        decision = view.saved_decisions[message.index]
        modal = DecisionFollowUpModal(
            self.store, view.saved_id, message.index, decision, message.contact
        )
        self.app.push_screen(modal, lambda made: self._turned("Follow-up", made))

    def _turned(self, what: str, made: int | None) -> None:
        if made is None:
            return
        self.notify(f"{what} made from the decision", markup=False)
        self.load(self.period)

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
        self._saving = self.save(self.report, [*self.decisions, *self._typed_look_backs()])

    # ---- quitting with decisions typed but not saved (``forms.ask_before_quit``) ----------

    def has_changes(self) -> bool:
        """Decisions typed or added, or what came of last time's, and not saved yet."""
        if self.decisions or any(self._typed_decision().values()):
            return True
        saved = look_backs_of(self.view.saved_decisions) if self.view is not None else []
        return any(item not in saved for item in self._typed_look_backs())

    async def save_and_wait(self) -> bool:
        """Save as ctrl+s does; False when the review could not be saved (it says why)."""
        self._saving = None
        self.action_save()
        worker = self._saving
        if worker is None:
            return False
        try:
            await worker.wait()
        except (WorkerCancelled, WorkerFailed):
            return False
        return True

    async def discard_for_quit(self) -> None:
        self.decisions = []

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
