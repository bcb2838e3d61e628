"""The Give & get screen: six tabs, each a pane that owns its part, and the keys over them.

The panes (``ledger_panes``, ``exchange_panes``) read, show and change their own rows;
a tab is read the first time it is shown, and after a change anywhere on the screen
it is read again when it is next on view. The screen owns what spans them: the keys
(routed to the tab on view, and shown only where they act), the header, and the forms
it opens (a give or get, a goal, the deleted items).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, TabbedContent, Tabs

from netcoach.data.repo import Store
from netcoach.screens.give_get.exchange_panes import GoalsPane, IntroductionsPane, WantsPane
from netcoach.screens.give_get.ledger_panes import (
    BalancesPane,
    ContactChosen,
    EntriesPane,
    HelpBackPane,
)
from netcoach.screens.give_get.pane import GiveGetPane
from netcoach.textual_compat import StyledWhenBuilt
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.list_pane import ReloadsOnce

TABS = (
    ("tab-entries", "Entries"),
    ("tab-balances", "Balances"),
    ("tab-help-back", "Help back"),
    ("tab-wants", "Wants & haves"),
    ("tab-intros", "Introductions"),
    ("tab-goals", "Goals"),
)


class LedgerScreen(ReloadsOnce, ReportsFailures, Browsing, StyledWhenBuilt, Screen[None]):
    """What you gave and what you received, and the exchanges worth making next."""

    TITLE = "netcoach — Give & get"

    CSS_PATH = "../../styles/give_get.tcss"

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
            for number, (tab, title) in enumerate(TABS, 1)
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

    Loaded = GiveGetPane.Loaded
    """A tab's rows were read (posted by its pane)."""
    Changed = GiveGetPane.Changed
    """A change made on one of the tabs finished (posted by its pane)."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._read_as_built = False
        """Whether the tab on view was read as the screen was built, and not left since."""

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="tab-entries", id="ledger-tabs"):
            yield EntriesPane(self.store)
            yield BalancesPane(self.store)
            yield HelpBackPane(self.store)
            yield WantsPane(self.store)
            yield IntroductionsPane(self.store)
            yield GoalsPane(self.store)
        yield Footer()

    def on_mount(self) -> None:
        # The first tab (Entries) started reading as it was mounted, before the screen.
        self._read_as_built = True

    def on_screen_resume(self) -> None:
        # Textual resumes a new screen (twice) just after it is built and read; only a
        # screen the person left, or covered with a form, is read again.
        if not self._read_as_built:
            self.reload()

    def on_screen_suspend(self) -> None:
        self._read_as_built = False

    def reload_now(self) -> None:
        """Read the tab on view again, and every other tab when it is next shown."""
        for pane in self.query(GiveGetPane):
            pane.reload_when_shown()

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("ledger: New entry", self.action_new_entry, "Record a give or get (n)"),
            ("ledger: Refresh", self.action_refresh, "Reload the ledger"),
            ("ledger: Deleted items", self.action_deleted, "Put back a deleted entry (D)"),
        ]

    # ---- the tabs --------------------------------------------------------------------------

    def _active_tab(self) -> str:
        return self.query_one("#ledger-tabs", TabbedContent).active

    def _on_view(self) -> GiveGetPane:
        """The pane of the tab shown."""
        return self.query_one(f"#{self._active_tab()}", GiveGetPane)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show the introduction and goal keys only on their own tab."""
        if not super().check_action(action, parameters):
            return False
        tab = self.TAB_ACTIONS.get(action)
        if tab is None or not self.is_mounted:
            return True
        return self._active_tab() in tab.split()

    @on(TabbedContent.TabActivated, "#ledger-tabs")
    def tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        # A tab is read the first time it is shown (unless a reading is on its way).
        if isinstance(event.pane, GiveGetPane) and not self._reload_pending:
            event.pane.load_if_stale()

    async def action_show_tab(self, tab: str) -> None:
        self.query_one("#ledger-tabs", TabbedContent).active = tab
        await self._focus_table(self.query_one(f"#{tab}", GiveGetPane))

    async def _focus_table(self, pane: GiveGetPane) -> None:
        """Focus the pane's first table, once its widgets are made (the first time it is shown,
        they are made now)."""
        if await pane.ready():
            tables = pane.query(DataTable)
            if tables:
                table = tables.first()
                table.focus()
                # Hiding the pane that had focus can move focus along the chain, to the tab
                # bar, after this call (a newly built pane is mounted meanwhile), and on the
                # tab bar the next letter key does nothing: give it back once drawn.
                self.call_after_refresh(self._keep_focus_on, table)

    def _keep_focus_on(self, table: DataTable) -> None:
        if table.is_attached and (self.focused is None or isinstance(self.focused, Tabs)):
            table.focus()

    @on(ContactChosen)
    async def show_one_contact(self, message: ContactChosen) -> None:
        """Enter on a person shows only their entries."""
        self.query_one(EntriesPane).show_only(message.contact_id, message.name)
        await self.action_show_tab("tab-entries")

    def action_show_everyone(self) -> None:
        self.query_one(EntriesPane).show_everyone()

    @on(GiveGetPane.Changed)
    def changed(self, message: GiveGetPane.Changed) -> None:
        """A change on one tab (read again by its pane): the others are read when shown."""
        for pane in self.query(GiveGetPane):
            if pane.id != message.made_on:
                pane.data_changed()

    # ---- actions on the tab on view --------------------------------------------------------

    def action_refresh(self) -> None:
        self.reload()

    def action_delete_row(self) -> None:
        """Remove the entry or the want/have under the cursor; ctrl+z puts it back."""
        pane = self._on_view()
        if isinstance(pane, EntriesPane | WantsPane):
            pane.delete_row()

    def _intros(self) -> IntroductionsPane | None:
        pane = self._on_view()
        return pane if isinstance(pane, IntroductionsPane) else None

    def action_track(self) -> None:
        if pane := self._intros():
            pane.track()

    def action_advance(self) -> None:
        if pane := self._intros():
            pane.advance()

    def action_dismiss_intro(self) -> None:
        if pane := self._intros():
            pane.dismiss_intro()

    def action_outcome(self) -> None:
        if pane := self._intros():
            pane.cycle_outcome()

    def _goals(self) -> GoalsPane | None:
        pane = self._on_view()
        return pane if isinstance(pane, GoalsPane) else None

    def action_goal_up(self) -> None:
        if pane := self._goals():
            pane.step(1)

    def action_goal_down(self) -> None:
        if pane := self._goals():
            pane.step(-1)

    # ---- the forms -------------------------------------------------------------------------

    def action_new_goal(self) -> None:
        from netcoach.screens.goal_form import GoalModal

        self.app.push_screen(GoalModal(self.store), lambda _: self.reload())

    def action_edit_goal(self) -> None:
        pane = self._goals()
        goal = pane.goal() if pane else None
        if goal is None:
            return
        from netcoach.screens.goal_form import GoalModal

        self.app.push_screen(GoalModal(self.store, goal), lambda _: self.reload())

    def action_new_entry(self) -> None:
        """Record a give or get: for the person highlighted on Help back, or the one shown."""
        from netcoach.screens.ledger_entry import LedgerEntryModal

        tab = self._active_tab()
        if tab == "tab-goals":
            self.action_new_goal()
            return
        if tab == "tab-help-back":
            contact_id = self.query_one(HelpBackPane).key()
            self.app.push_screen(
                LedgerEntryModal(self.store, contact_id, "given"), lambda _: self.reload()
            )
            return
        only = self.query_one(EntriesPane).only_contact
        contact_id = only[0] if only else None
        self.app.push_screen(LedgerEntryModal(self.store, contact_id), lambda _: self.reload())

    def action_deleted(self) -> None:
        """Open the deleted entries and wants/haves, to put any of them back."""
        from netcoach.screens.deleted import DeletedItemsModal

        self.app.push_screen(
            DeletedItemsModal(self.store), lambda put_back: self.reload() if put_back else None
        )
