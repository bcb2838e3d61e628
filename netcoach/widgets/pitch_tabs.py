"""The Pitch studio's tabs: structure, fillers, rehearsal history and versions.

The first tab's widgets are built with the tabs, and each other tab's the first time
it is shown, so opening the studio builds only the tab in view. The tabs keep the
latest data they were given; only the tab in view shows it as it comes, and another
shows it when it is next in view.

Here are ``PitchTabs`` and the Fillers, History and Versions tabs; what every tab is
(``StudioTab``) is in ``netcoach.widgets.pitch_studio_tab``, and the Structure tab with
its parts' labels and detail in ``netcoach.widgets.pitch_structure_tab`` (its names are
importable from here too).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    DataTable,
    Select,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)

from netcoach.core.pitch import (
    PitchDetail,
    ScriptAnalysis,
    count_words,
    format_duration,
    rehearsal_stats,
)
from netcoach.widgets.pitch_structure_tab import PartBox, StructureTab, part_detail, part_label
from netcoach.widgets.pitch_studio_tab import Checklist, StudioTab
from netcoach.widgets.status import clip

# Imported from here by the studio and the tests, as before the Structure tab had a module.
__all__ = [
    "Checklist",
    "FillersTab",
    "HistoryTab",
    "PartBox",
    "PitchTabs",
    "StructureTab",
    "StudioTab",
    "VersionsTab",
    "part_detail",
    "part_label",
]


class FillersTab(StudioTab):
    """Every filler and hedging word, and the script with each one highlighted."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="pitch-filler-list")
            yield Static("", id="pitch-filler-preview")

    def show(self, tabs: PitchTabs) -> None:
        analysis = tabs.analysis
        if analysis is None:
            return
        self.query_one("#pitch-filler-list", Static).update(Content(analysis.filler_summary()))
        preview = tabs.preview
        pieces: list[str | tuple[str, str]] = []
        position = 0
        for hit in analysis.preview_hits:
            pieces.append(preview[position : hit.start])
            pieces.append((preview[hit.start : hit.end], "bold underline reverse $warning"))
            position = hit.end
        pieces.append(preview[position:])
        self.query_one("#pitch-filler-preview", Static).update(Content.assemble(*pieces))


class HistoryTab(StudioTab):
    """The rehearsals of the pitch: their durations as a sparkline, a summary, a table."""

    def compose(self) -> ComposeResult:
        yield Sparkline([], id="pitch-sparkline")
        yield Static("", id="pitch-history-stats")
        yield DataTable(id="pitch-rehearsals", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("When", "Ver", "Took", "vs limit", "Rating", "Note")

    def show(self, tabs: PitchTabs) -> None:
        detail = tabs.detail
        if detail is None:
            return
        rehearsals = detail.rehearsals
        oldest_first = [r.duration_seconds for r in reversed(rehearsals)][-40:]
        self.query_one("#pitch-sparkline", Sparkline).data = oldest_first
        stats = rehearsal_stats(rehearsals, detail.pitch.limit_seconds)
        self.query_one("#pitch-history-stats", Static).update(Content(stats.summary()))
        table = self.query_one("#pitch-rehearsals", DataTable)
        table.clear()
        for rehearsal in rehearsals:
            delta = rehearsal.duration_seconds - rehearsal.limit_seconds
            versus = (
                f"+{format_duration(delta)} over"
                if delta >= 1
                else f"{format_duration(-delta)} left"
            )
            table.add_row(
                Text(rehearsal.rehearsed_at.strftime("%d %b %H:%M")),
                Text(f"v{rehearsal.version_number}"),
                Text(format_duration(rehearsal.duration_seconds)),
                Text(versus, style="bold red" if delta >= 1 else ""),
                Text("★" * rehearsal.rating),
                Text(clip(rehearsal.note, 40)),
                key=str(rehearsal.id),
            )


class VersionsTab(StudioTab):
    """Every saved version, and the two to compare side by side."""

    def compose(self) -> ComposeResult:
        yield DataTable(id="pitch-versions", cursor_type="row", zebra_stripes=True)
        yield Select[int]([], prompt="Older version", id="pitch-compare-a")
        yield Select[int]([], prompt="Newer version", id="pitch-compare-b")
        yield Button("Compare side by side  ctrl+b", id="pitch-compare")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Ver", "Saved", "Words")

    def show(self, tabs: PitchTabs) -> None:
        detail = tabs.detail
        if detail is None:
            return
        table = self.query_one("#pitch-versions", DataTable)
        table.clear()
        for version in detail.versions:
            when = version.created_at.strftime("%d %b %Y %H:%M") if version.created_at else ""
            table.add_row(
                Text(f"v{version.number}"),
                Text(when),
                Text(f"{count_words(version.script):,}"),
                key=str(version.id),
            )
        options = [(f"v{v.number}", v.number) for v in detail.versions]
        older = self.query_one("#pitch-compare-a", Select)
        newer = self.query_one("#pitch-compare-b", Select)
        older.set_options(options)
        newer.set_options(options)
        if len(detail.versions) >= 2:
            older.value = detail.versions[1].number
            newer.value = detail.versions[0].number

    def chosen(self) -> tuple[int, int] | None:
        """The two version numbers chosen to compare, if both are."""
        older = self.query_one("#pitch-compare-a", Select).value
        newer = self.query_one("#pitch-compare-b", Select).value
        if isinstance(older, int) and isinstance(newer, int):
            return older, newer
        return None


class PitchTabs(TabbedContent):
    """The four tabs beside the editor: the first built with them, the others when first shown."""

    TABS: ClassVar[tuple[tuple[str, str, type[StudioTab]], ...]] = (
        ("Structure", "tab-structure", StructureTab),
        ("Fillers", "tab-fillers", FillersTab),
        ("History", "tab-history", HistoryTab),
        ("Versions", "tab-versions", VersionsTab),
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # The first tab, in view on opening, is made with the tabs (in the same layout as
        # the rest of the studio); the others when first shown.
        for index, (title, pane_id, tab) in enumerate(self.TABS):
            self.compose_add_child(TabPane(title, *([tab()] if index == 0 else []), id=pane_id))
        self.detail: PitchDetail | None = None
        self.analysis: ScriptAnalysis | None = None
        self.preview = ""
        self.script = ""
        """The text ``analysis`` was made from (its spans are places in it)."""
        self.checklist: Checklist = {}

    def on_mount(self) -> None:
        self._build(self.active or self.TABS[0][1])

    @on(TabbedContent.TabActivated)
    def _shown(self, event: TabbedContent.TabActivated) -> None:
        if event.tabbed_content is self and event.pane.id:
            self._build(event.pane.id)

    def _build(self, pane_id: str) -> None:
        """Build the tab the first time it is shown; show the latest data in it every time."""
        pane = self.get_pane(pane_id)
        shown = next(iter(pane.query_children(StudioTab)), None)
        if shown is not None:
            if shown.ready:
                shown.show(self)
            return
        tab_type = next(tab for _title, tab_id, tab in self.TABS if tab_id == pane_id)
        pane.mount(tab_type())  # it shows the latest data once mounted

    def _refresh(self, *tab_types: type[StudioTab]) -> None:
        """Show the latest data in the tab in view, if it is one of these types."""
        pane = self.active_pane
        if pane is None:
            return
        for tab in pane.query_children(StudioTab):
            if isinstance(tab, tab_types) and tab.ready:
                tab.show(self)

    def tab(self, tab_type: type[StudioTab]) -> StudioTab | None:
        """The tab of that type, if it has been built."""
        return next((tab for tab in self.query(tab_type)), None)

    def show_detail(self, detail: PitchDetail) -> None:
        self.detail = detail
        self._refresh(HistoryTab, VersionsTab)

    def show_analysis(self, analysis: ScriptAnalysis, preview: str, script: str) -> None:
        self.analysis = analysis
        self.preview = preview
        self.script = script
        self._refresh(FillersTab)

    def show_checklist(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self._refresh(StructureTab)

    def set_narrow(self, narrow: bool) -> None:
        # In one column of 36 cells (pitch.tcss), "Parts" keeps all four labels readable.
        # Relabelling a tab slides its underline again, so the label is set only to change.
        tab = self.get_tab("tab-structure")
        label = "Parts" if narrow else "Structure"
        if tab.label.plain != label:
            tab.label = label

    def compare_choice(self) -> tuple[int, int] | None:
        versions = self.tab(VersionsTab)
        return versions.chosen() if isinstance(versions, VersionsTab) else None
