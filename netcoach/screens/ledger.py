"""Give & get: the ledger, balances, who to help back, wants and haves, introductions, goals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Header,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from netcoach.core import undo
from netcoach.core.goals import METRICS, Goal, progress_bar
from netcoach.core.introductions import NEXT_STATE, STATE_LABELS, Introduction
from netcoach.core.ledger import (
    Balance,
    LedgerEntry,
    Unreturned,
    entry_summary,
    kinds_text,
    money_text,
)
from netcoach.core.matching import Match, WantHave
from netcoach.core.text import plural
from netcoach.core.undo import UndoAction
from netcoach.core.when import describe_when
from netcoach.data.errors import ValidationError
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.measured_table import MeasuredTable
from netcoach.widgets.status import clip, when_text

PAGE_SIZE = 200
HELP_BACK_MONTHS = 6
LEDGER_ENTRIES_COLUMNS = ("Date", "Contact", "", "Kind", "Detail", "Note")
LEDGER_BALANCES_COLUMNS = ("Contact", "Given", "Received", "Balance", "Business")
LEDGER_UNRETURNED_COLUMNS = ("Contact", "Received", "Last", "Kinds", "Business")
ME_WANTS_COLUMNS = ("", "Phrase", "Tag")
INTRO_SUGGESTIONS_COLUMNS = ("Wants", "", "Has", "Why")
INTRO_TRACKED_COLUMNS = ("First (wants)", "Second (has)", "Stage", "Why")
LEDGER_GOALS_COLUMNS = ("Goal", "Progress", "", "Deadline", "Measured by")


class LedgerScreen(ReportsFailures, Browsing, Screen[None]):
    """What you gave and what you received, and the exchanges worth making next."""

    TITLE = "netcoach — Give & get"

    CSS_PATH = "../styles/give_get.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_entry", "New entry", id="ledger.new", tooltip="Record a give or get"),
        Binding("n", "new_goal", "New goal", id="ledger.new-goal", tooltip="Set a goal"),
        Binding("i", "track", "Track intro", id="ledger.track", tooltip="Track this suggestion"),
        Binding("a", "advance", "Next step", id="ledger.advance", tooltip="Move the intro on"),
        Binding("x", "dismiss_intro", "Dismiss", id="ledger.dismiss", tooltip="Drop the intro"),
        Binding("o", "outcome", "Outcome", id="ledger.outcome", tooltip="Cycle the outcome"),
        Binding("e", "edit_goal", "Edit goal", id="ledger.goal-edit", tooltip="Change this goal"),
        Binding("plus", "goal_up", "Goal +1", id="ledger.goal-up", show=False),
        Binding("minus", "goal_down", "Goal -1", id="ledger.goal-down", show=False),
        Binding("delete", "delete_row", "Delete", id="ledger.delete", tooltip="Remove this row"),
        Binding("D", "deleted", "Deleted", id="ledger.deleted", tooltip="Put back deleted items"),
        Binding("f5", "refresh", "Refresh", id="ledger.refresh", show=False),
        Binding("escape", "show_everyone", "Everyone", id="ledger.everyone", show=False),
        *(
            Binding(str(number), f"show_tab('{tab}')", title, id=f"ledger.tab-{tab}", show=False)
            for number, (tab, title) in enumerate(
                (
                    ("tab-entries", "Entries"),
                    ("tab-balances", "Balances"),
                    ("tab-help-back", "Help back"),
                    ("tab-wants", "Wants & haves"),
                    ("tab-intros", "Introductions"),
                    ("tab-goals", "Goals"),
                ),
                1,
            )
        ),
    ]
    TAB_ACTIONS: ClassVar[dict[str, str]] = {
        # n records a give or get, except on Goals where it sets a goal (and says so).
        "new_entry": "tab-entries tab-balances tab-help-back tab-wants tab-intros",
        "new_goal": "tab-goals",
        "track": "tab-intros",
        "advance": "tab-intros",
        "dismiss_intro": "tab-intros",
        "outcome": "tab-intros",
        "edit_goal": "tab-goals",
        "goal_up": "tab-goals",
        "goal_down": "tab-goals",
        "delete_row": "tab-entries tab-wants",
    }

    class Loaded(Message):
        def __init__(
            self,
            entries: list[LedgerEntry],
            total: int,
            append: bool,
            balances: list[Balance],
            unreturned: list[Unreturned],
        ) -> None:
            super().__init__()
            self.entries = entries
            self.total = total
            self.append = append
            self.balances = balances
            self.unreturned = unreturned

    class ExchangeLoaded(Message):
        def __init__(
            self,
            mine: list[WantHave],
            matches: list[Match],
            introductions: list[Introduction],
            goals: list[Goal],
        ) -> None:
            super().__init__()
            self.mine = mine
            self.matches = matches
            self.introductions = introductions
            self.goals = goals

    class Changed(Message):
        """A write finished; reload what it touched (``undo`` puts it back, if it can)."""

        def __init__(
            self, note: str = "", result: object = None, undo: UndoAction | None = None
        ) -> None:
            super().__init__()
            self.note = note
            self.result = result
            self.undo = undo

    class Refused(Message):
        def __init__(self, errors: dict[str, str]) -> None:
            super().__init__()
            self.errors = errors

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.loaded_entries = 0
        self.total_entries = 0
        self.loading_more = False
        self.matches: dict[str, Match] = {}
        self.introductions: dict[str, Introduction] = {}
        self.goals: dict[str, Goal] = {}
        self.help_back_months = HELP_BACK_MONTHS
        self.only_contact: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="ledger-tabs"):
            with TabPane("Entries", id="tab-entries"):
                yield MeasuredTable(LEDGER_ENTRIES_COLUMNS, id="ledger-entries")
                yield Static("", id="ledger-status")
            with TabPane("Balances", id="tab-balances"):
                yield MeasuredTable(LEDGER_BALANCES_COLUMNS, id="ledger-balances")
            with TabPane("Help back", id="tab-help-back"):
                with Horizontal(id="help-back-row"):
                    yield Static(
                        "Helped you, nothing from you since; most valuable first. "
                        "n: give them something. Looking back",
                        classes="ledger-hint",
                    )
                    yield Select(
                        [(f"{n} months", n) for n in (3, 6, 12, 24)],
                        value=HELP_BACK_MONTHS,
                        allow_blank=False,
                        id="help-back-months",
                        compact=True,
                    )
                yield MeasuredTable(LEDGER_UNRETURNED_COLUMNS, id="ledger-unreturned")
            with TabPane("Wants & haves", id="tab-wants"):
                yield Static(
                    "What you want and what you have to offer. Each contact's are kept with "
                    "the contact.",
                    classes="ledger-hint",
                )
                with Horizontal(id="want-form"):
                    yield Select(
                        [("I want", "want"), ("I have", "have")],
                        value="want",
                        allow_blank=False,
                        id="want-kind",
                        compact=True,
                    )
                    yield Input(
                        placeholder="needs a commercial property lawyer",
                        id="want-phrase",
                        max_length=200,
                        compact=True,
                    )
                    yield Input(
                        placeholder="tag (optional)", id="want-tag", max_length=40, compact=True
                    )
                    yield Button("Add", id="want-add", compact=True)
                yield Static("", id="want-error", classes="entry-error")
                yield MeasuredTable(ME_WANTS_COLUMNS, id="me-wants")
            with TabPane("Introductions", id="tab-intros"):
                yield Static(
                    "Suggestions: a want that meets a have. i tracks one; then a moves it on "
                    "(asked the first, asked the second, introduced), o sets the outcome, "
                    "x dismisses.",
                    classes="ledger-hint",
                )
                yield MeasuredTable(INTRO_SUGGESTIONS_COLUMNS, id="intro-suggestions")
                yield Static("Tracked introductions", classes="section-title")
                yield MeasuredTable(INTRO_TRACKED_COLUMNS, id="intro-tracked")
            with TabPane("Goals", id="tab-goals"):
                yield Static(
                    "Time-bound goals. n adds one, e edits the highlighted one. Progress is "
                    "counted from your data; for goals kept by hand, + and - change it.",
                    classes="ledger-hint",
                )
                yield MeasuredTable(LEDGER_GOALS_COLUMNS, id="ledger-goals")
        yield Footer()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.load()
        self.load_exchange()

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("ledger: New entry", self.action_new_entry, "Record a give or get (n)"),
            ("ledger: Refresh", self.action_refresh, "Reload the ledger"),
            ("ledger: Deleted items", self.action_deleted, "Put back a deleted entry (D)"),
        ]

    # ---- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="ledger-load", exit_on_error=False)
    def load(self, offset: int = 0) -> None:
        ledger = self.store.ledger
        contact_id = self.only_contact[0] if self.only_contact else None
        entries, total = ledger.list_entries(offset=offset, limit=PAGE_SIZE, contact_id=contact_id)
        balances = ledger.balances() if offset == 0 else []
        unreturned = ledger.not_helped_back(self.help_back_months) if offset == 0 else []
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(entries, total, offset > 0, balances, unreturned))

    @work(thread=True, exclusive=True, group="ledger-exchange-load", exit_on_error=False)
    def load_exchange(self) -> None:
        ledger = self.store.ledger
        mine = ledger.wants_haves(None)
        matches = ledger.suggestions()
        introductions = ledger.introductions()
        goals = ledger.goals()
        if not get_current_worker().is_cancelled:
            self.post_message(self.ExchangeLoaded(mine, matches, introductions, goals))

    @on(Loaded)
    def show_ledger(self, message: Loaded) -> None:
        today = self.store.today()
        table = self.query_one("#ledger-entries", MeasuredTable)
        if not message.append:
            table.clear()
            self.loaded_entries = 0
        table.add_keyed_rows(
            (
                (
                    Text(entry.happened_on.isoformat()),
                    Text(clip(entry.contact_name, 32)),
                    Text("gave" if entry.direction == "given" else "got"),
                    Text(entry.kind),
                    Text(entry.status or (str(entry.amount) if entry.amount else "")),
                    Text(clip(entry.note, 40)),
                ),
                str(entry.id),
            )
            for entry in message.entries
        )
        self.loaded_entries += len(message.entries)
        self.total_entries = message.total
        self.loading_more = False
        status = self.query_one("#ledger-status", Static)
        if self.only_contact:
            status.update(
                Content.from_markup(
                    "Only [b]$name[/b]: $shown of $total · escape shows everyone",
                    name=clip(self.only_contact[1], 40),
                    shown=f"{self.loaded_entries:,}",
                    total=plural(self.total_entries, "entry", "entries"),
                )
            )
        elif not self.total_entries:
            status.update("Nothing recorded yet. Press n to record something you gave or received.")
        else:
            status.update(
                f"{self.loaded_entries:,} of "
                f"{plural(self.total_entries, 'entry', 'entries')} shown · "
                "enter on a balance shows one contact's entries"
            )
        if message.append:
            return
        balances = self.query_one("#ledger-balances", MeasuredTable)
        balances.clear()
        rows = []
        for balance in message.balances:
            money = []
            if balance.given_money:
                money.append("gave " + money_text(balance.given_money))
            if balance.received_money:
                money.append("got " + money_text(balance.received_money))
            sign = f"{balance.balance:+d}" if balance.balance else "even"
            cells = (
                Text(clip(balance.contact_name, 30)),
                Text(kinds_text(balance.given)),
                Text(kinds_text(balance.received)),
                Text(sign, style="green" if balance.balance >= 0 else "yellow"),
                Text("; ".join(money) or "—"),
            )
            rows.append((cells, str(balance.contact_id)))
        balances.add_keyed_rows(rows)
        unreturned = self.query_one("#ledger-unreturned", MeasuredTable)
        unreturned.clear()
        unreturned.add_keyed_rows(
            (
                (
                    Text(clip(person.contact_name, 30)),
                    Text(str(person.received)),
                    Text(when_text(person.last_received, today)),
                    Text(", ".join(person.kinds)),
                    Text(", ".join(str(m) for m in person.money) or "—"),
                ),
                str(person.contact_id),
            )
            for person in message.unreturned
        )

    @on(DataTable.RowSelected, "#ledger-balances")
    @on(DataTable.RowSelected, "#ledger-unreturned")
    def show_one_contact(self, event: DataTable.RowSelected) -> None:
        """Enter on a person shows only their entries."""
        key = event.row_key.value
        if key is None:
            return
        name = str(event.data_table.get_row(key)[0])
        self.only_contact = (int(key), name)
        self.action_show_tab("tab-entries")
        self.load()

    def action_show_everyone(self) -> None:
        if self.only_contact is not None:
            self.only_contact = None
            self.load()

    @on(Select.Changed, "#help-back-months")
    def help_back_window(self, event: Select.Changed) -> None:
        if isinstance(event.value, int) and event.value != self.help_back_months:
            self.help_back_months = event.value
            self.load()

    @on(DataTable.RowHighlighted, "#ledger-entries")
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        near_end = event.cursor_row >= self.loaded_entries - 20
        if near_end and not self.loading_more and self.loaded_entries < self.total_entries:
            self.loading_more = True
            self.load(self.loaded_entries)

    @on(ExchangeLoaded)
    def show_exchange(self, message: ExchangeLoaded) -> None:
        mine = self.query_one("#me-wants", DataTable)
        mine.clear()
        for item in message.mine:
            mine.add_row(
                Text(item.kind),
                Text(clip(item.phrase, 80)),
                Text(clip(item.tag, 30)),
                key=str(item.id),
            )
        suggestions = self.query_one("#intro-suggestions", DataTable)
        suggestions.clear()
        self.matches = {}
        for match in message.matches:
            key = f"{match.want.id}-{match.have.id}"
            self.matches[key] = match
            suggestions.add_row(
                Text(clip(f"{match.want.owner_name}: {match.want.phrase}", 44)),
                Text("←"),
                Text(clip(f"{match.have.owner_name}: {match.have.phrase}", 44)),
                Text(clip(match.why, 60)),
                key=key,
            )
        tracked = self.query_one("#intro-tracked", DataTable)
        tracked.clear()
        self.introductions = {}
        for intro in message.introductions:
            self.introductions[str(intro.id)] = intro
            tracked.add_row(
                Text(clip(intro.first_name, 28)),
                Text(clip(intro.second_name, 28)),
                Text(intro.stage),
                Text(clip(intro.reason, 60)),
                key=str(intro.id),
            )
        goals = self.query_one("#ledger-goals", DataTable)
        goals.clear()
        self.goals = {}
        now = self.store.clock()
        for goal in message.goals:
            self.goals[str(goal.id)] = goal
            goals.add_row(
                Text(clip(goal.title, 40)),
                Text(goal.progress_text()),
                Text(progress_bar(goal.fraction, 12), style="green" if goal.done else ""),
                Text(describe_when(datetime.combine(goal.deadline, time()), now, has_time=False)),
                Text(
                    METRICS.get(goal.metric, goal.metric) + (f": {goal.kind}" if goal.kind else "")
                ),
                key=str(goal.id),
            )

    # ---- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show the introduction and goal keys only on their own tab."""
        if not super().check_action(action, parameters):
            return False
        tab = self.TAB_ACTIONS.get(action)
        if tab is None or not self.is_mounted:
            return True
        return self._active_tab() in tab.split()

    @on(TabbedContent.TabActivated, "#ledger-tabs")
    def tab_changed(self) -> None:
        self.refresh_bindings()

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#ledger-tabs", TabbedContent).active = tab
        pane = self.query_one(f"#{tab}", TabPane)
        tables = pane.query(DataTable)
        if tables:
            tables.first().focus()

    def _active_tab(self) -> str:
        return self.query_one("#ledger-tabs", TabbedContent).active

    def _cursor_key(self, selector: str) -> str | None:
        table = self.query_one(selector, DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_refresh(self) -> None:
        self.reload()

    def action_new_goal(self) -> None:
        from netcoach.screens.goal_form import GoalModal

        self.app.push_screen(GoalModal(self.store), lambda _: self.reload())

    def action_new_entry(self) -> None:
        from netcoach.screens.ledger_entry import LedgerEntryModal

        contact_id = None
        if self._active_tab() == "tab-goals":
            from netcoach.screens.goal_form import GoalModal

            self.app.push_screen(GoalModal(self.store), lambda _: self.reload())
            return
        if self._active_tab() == "tab-help-back":
            key = self._cursor_key("#ledger-unreturned")
            contact_id = int(key) if key else None
            self.app.push_screen(
                LedgerEntryModal(self.store, contact_id, "given"), lambda _: self.reload()
            )
            return
        contact_id = self.only_contact[0] if self.only_contact else None
        self.app.push_screen(LedgerEntryModal(self.store, contact_id), lambda _: self.reload())

    def action_track(self) -> None:
        key = self._cursor_key("#intro-suggestions")
        if self._active_tab() != "tab-intros" or key is None or key not in self.matches:
            return
        match = self.matches[key]
        if match.involves_me:
            self.notify(
                "This match involves you: ask or offer it directly, then record it with n.",
                markup=False,
            )
            return
        self.write(lambda: self.store.ledger.start_introduction(match), "Tracking the introduction")

    def _current_intro(self) -> Introduction | None:
        key = self._cursor_key("#intro-tracked")
        if self._active_tab() != "tab-intros" or key is None:
            return None
        return self.introductions.get(key)

    def action_advance(self) -> None:
        intro = self._current_intro()
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

    def action_dismiss_intro(self) -> None:
        suggestions = self.query_one("#intro-suggestions", DataTable)
        if suggestions.has_focus:
            key = self._cursor_key("#intro-suggestions")
            match = self.matches.get(key or "")
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
        intro = self._current_intro()
        if intro is not None:
            names = f"{intro.first_name} ↔ {intro.second_name}"
            self.write(
                lambda: self.store.ledger.move_introduction(intro.id, "dismissed"),
                "Introduction dismissed",
                lambda _moved: undo.introduction_dismissed(intro.id, names, intro.state),
            )

    def action_outcome(self) -> None:
        from netcoach.core.introductions import OUTCOMES

        intro = self._current_intro()
        if intro is None:
            return
        current = OUTCOMES.index(intro.outcome) if intro.outcome in OUTCOMES else -1
        outcome = OUTCOMES[(current + 1) % len(OUTCOMES)]
        self.write(
            lambda: self.store.ledger.record_outcome(intro.id, outcome), f"Outcome: {outcome}"
        )

    def _goal_step(self, step: int) -> None:
        key = self._cursor_key("#ledger-goals")
        goal = self.goals.get(key or "")
        if self._active_tab() != "tab-goals" or goal is None:
            return
        if goal.computed:
            self.notify("This goal is counted from your data.", markup=False)
            return
        value = max(0, (goal.progress or 0) + step)
        self.write(lambda: self.store.ledger.set_goal_progress(goal.id, value), "")

    def action_edit_goal(self) -> None:
        goal = self.goals.get(self._cursor_key("#ledger-goals") or "")
        if self._active_tab() != "tab-goals" or goal is None:
            return
        from netcoach.screens.goal_form import GoalModal

        self.app.push_screen(GoalModal(self.store, goal), lambda _: self.reload())

    def action_goal_up(self) -> None:
        self._goal_step(1)

    def action_goal_down(self) -> None:
        self._goal_step(-1)

    def action_delete_row(self) -> None:
        """Remove the entry or the want/have under the cursor; ctrl+z puts it back."""
        ledger = self.store.ledger
        tab = self._active_tab()
        if tab == "tab-entries":
            key = self._cursor_key("#ledger-entries")
            if key is not None:
                self.write(
                    lambda: ledger.delete_entry(int(key)),
                    "Entry removed",
                    lambda gone: undo.ledger_entry_deleted(
                        gone.id, f"{entry_summary(gone)} with {gone.contact_name}"
                    ),
                )
        elif tab == "tab-wants":
            key = self._cursor_key("#me-wants")
            if key is not None:
                self.write(
                    lambda: ledger.delete_want_have(int(key)),
                    "Removed",
                    lambda gone: undo.want_have_deleted(gone.id, gone.kind, gone.phrase),
                )

    def action_deleted(self) -> None:
        """Open the deleted entries and wants/haves, to put any of them back."""
        from netcoach.screens.deleted import DeletedItemsModal

        self.app.push_screen(
            DeletedItemsModal(self.store), lambda put_back: self.reload() if put_back else None
        )

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

    @work(thread=True, group="db-write", exit_on_error=False)
    def write(
        self,
        change: Callable[[], Any],
        note: str,
        undo_of: Callable[[Any], UndoAction] | None = None,
    ) -> None:
        """Run one write; ``undo_of`` describes how to undo it from what it returned."""
        try:
            result = change()
        except ValidationError as error:
            self.post_message(self.Refused(error.errors))
            return
        self.post_message(self.Changed(note, result, undo_of(result) if undo_of else None))

    @on(Changed)
    def changed(self, message: Changed) -> None:
        if message.note.startswith("Added"):
            self.query_one("#want-phrase", Input).value = ""
            self.query_one("#want-tag", Input).value = ""
        self.query_one("#want-error", Static).update("")
        if message.undo is not None:
            self.app.push_undo(message.undo, screen=self)  # type: ignore[attr-defined]
        else:
            self.app.clear_undo_note(self)  # type: ignore[attr-defined]
            if message.note:
                self.notify(message.note, markup=False)
        self.reload()

    @on(Refused)
    def refused(self, message: Refused) -> None:
        text = " ".join(message.errors.values())
        if self._active_tab() == "tab-wants":
            self.query_one("#want-error", Static).update(Content(text))
        else:
            self.notify(text, severity="warning", markup=False)
