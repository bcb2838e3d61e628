"""The Pitch studio's tabs: structure, fillers, rehearsal history and versions.

The first tab's widgets are built with the tabs, and each other tab's the first time
it is shown, so opening the studio builds only the tab in view. The tabs keep the
latest data they were given; only the tab in view shows it as it comes, and another
shows it when it is next in view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Select,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)

from netcoach.core.pitch import (
    PART_KEYS,
    PARTS,
    PARTS_BY_KEY,
    AskFinding,
    PartFinding,
    PitchDetail,
    ScriptAnalysis,
    Span,
    Structure,
    count_words,
    format_duration,
    rehearsal_stats,
)
from netcoach.core.text import plural
from netcoach.widgets.status import clip

Checklist = dict[str, tuple[bool, bool]]
"""For each part: (ticked, and whether the tick is the person's own rather than the check's)."""


class StudioTab(Vertical):
    """What one tab shows; told the studio's latest data with ``show``."""

    ready = False
    """True once every widget of the tab is mounted (shown data before would be lost)."""

    def on_mount(self) -> None:
        # Textual calls each class's own on_mount, a subclass's first: its columns are set;
        # the widgets inside its containers are mounted by the next refresh.
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        self.ready = True
        self.show(self.query_ancestor(PitchTabs))

    def show(self, tabs: PitchTabs) -> None:
        """Show what ``tabs`` holds now."""


# The parts' names in the list of parts: short enough, with what the check found before
# and "(yours)" after, for one line of the tabs in any terminal (the detail under the list
# names the part in full).
SHORT_TITLES = {
    "intro": "Who you are",
    "who_help": "Who you help",
    "good_at": "Really good at",
    "different": "How you differ",
    "example": "An example",
    "close": "The close",
}
# The ask's line says what kind of ask it is (specific, generic or none) before its name.
ASK_TITLE = "The ask"
# What the check found, as the word before each part, and its colour.
STATE_STYLES = {
    "there": "$text-success",
    "weak": "$text-warning",
    "missing": "$text-error",
    "specific": "$text-success",
    "generic": "$text-warning",
    "no ask": "$text-error",
}
# The style of the sentences quoted as a part's evidence.
EVIDENCE_STYLE = "italic"
# How much of one quoted sentence is shown, and how many sentences.
QUOTE_CHARS = 160
QUOTED_SENTENCES = 2


def evidence_of(key: str, structure: Structure) -> tuple[Span, ...]:
    """The sentences behind a part: the ask's own sentence for the ask."""
    if key == "ask" and structure.ask.span is not None:
        return (structure.ask.span,)
    finding = structure.parts.get(key)
    return finding.evidence if finding is not None else ()


def part_state(finding: PartFinding | None, ask: AskFinding | None = None) -> str:
    """The word for what the check found: there, weak or missing; the ask's kind for the ask."""
    if ask is not None:
        return {"specific": "specific", "generic": "generic"}.get(ask.kind, "no ask")
    if finding is None or not finding.present:
        return "missing"
    return "weak" if finding.weak else "there"


# The width of the column of those words.
STATE_WIDTH = max(len(state) for state in STATE_STYLES) + 1


def part_label(title: str, state: str, confirmed: bool) -> Content:
    """One part's line: what the check found, the part, and whether the tick is the person's."""
    return Content.assemble(
        (state.ljust(STATE_WIDTH), STATE_STYLES[state]),
        title,
        (" (yours)", "$text-muted") if confirmed else "",
    )


def quoted(text: str, spans: Sequence[Span]) -> list[Content]:
    """The sentences at ``spans`` of ``text``, quoted, the first few, each clipped."""
    lines = [
        Content.assemble(("“" + clip(text[s.start : s.end], QUOTE_CHARS) + "”", EVIDENCE_STYLE))
        for s in spans[:QUOTED_SENTENCES]
        if s.end <= len(text)
    ]
    if len(spans) > QUOTED_SENTENCES:
        lines.append(Content(f"and {plural(len(spans) - QUOTED_SENTENCES, 'more sentence')}"))
    return lines


def part_detail(
    key: str, analysis: ScriptAnalysis, text: str, ticked: bool, confirmed: bool
) -> Content:
    """What the coach says about one part: what was found and where, why, and what to try."""
    part = PARTS_BY_KEY[key]
    finding = analysis.structure.parts.get(key)
    ask = analysis.structure.ask if key == "ask" else None
    state = part_state(finding, ask)
    lines: list[Content] = [
        Content.assemble(
            (ASK_TITLE if ask is not None else part.title, "bold"),
            " — ",
            (_STATE_SAID[state], STATE_STYLES[state]),
        )
    ]
    reason = finding.reason if finding is not None else ""
    advice = finding.advice if finding is not None else None
    if ask is not None:
        # The ask is said through its own finding: its kind, its sentence, how to narrow it.
        advice = ask.advice or advice
    if reason:
        lines.append(Content(reason))
    if ask is not None and ask.kind == "generic":
        lines.append(Content(f"Narrow it: {advice or part.question}"))
    elif advice:
        lines.append(Content(f"Try: {advice}"))
    elif state in ("missing", "no ask"):
        # Nothing more from the check: the guide's question for the part is the next step.
        lines.append(Content(f"Try answering: {part.question}"))
    lines.extend(quoted(text, evidence_of(key, analysis.structure)))
    if confirmed:
        lines.append(
            Content(
                "You ticked it: your choice is kept, whatever the check finds."
                if ticked
                else "You left it unticked: your choice is kept, whatever the check finds."
            ).stylize("$text-muted")
        )
    return Content("\n").join(lines)


_STATE_SAID = {
    "there": "there",
    "weak": "there, but weak",
    "missing": "missing",
    "specific": "specific ask",
    "generic": "generic ask",
    "no ask": "no ask",
}


class PartBox(Checkbox):
    """One part's tick box; up and down move to the part above and below.

    | Key | Does |
    | --- | --- |
    | up / down | the part above / below |
    | space / enter | tick or untick it (Checkbox's own) |
    | ctrl+g | rework this part in the guide (in place of the whole guide) |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Part above", show=False, id="pitch.part-above"),
        Binding("down", "move(1)", "Part below", show=False, id="pitch.part-below"),
        Binding(
            "ctrl+g",
            "rework",
            "Rework part",
            id="pitch.rework-part",
            tooltip="Open the guide on this part only",
        ),
    ]

    @dataclass
    class ReworkAsked(Message):
        """The person asked to rework this part in the guide."""

        box: PartBox

        @property
        def control(self) -> PartBox:
            return self.box

    def __init__(self, label: Content, value: bool, *, id: str, classes: str) -> None:
        super().__init__(label, value, id=id, classes=classes)
        self.coloured = label
        """The label with its colours, shown while the box is not focused (the focus
        colours the whole line, and the words' own colours would be hard to read on it)."""

    @property
    def key(self) -> str:
        return (self.id or "").removeprefix("part-")

    def show_label(self, label: Content) -> None:
        if label != self.coloured:
            self.coloured = label
            self.label = Content(label.plain) if self.has_focus else label

    def on_focus(self) -> None:
        self.label = Content(self.coloured.plain)

    def on_blur(self) -> None:
        self.label = self.coloured

    def action_rework(self) -> None:
        self.post_message(self.ReworkAsked(self))

    def action_move(self, step: int) -> None:
        boxes = list(self.parent.query_children(PartBox)) if self.parent else [self]
        index = min(max(boxes.index(self) + step, 0), len(boxes) - 1)
        # At once, not after the messages already queued (as focus() does): a held arrow
        # key's next press then goes to the part just moved to, and moves on from there.
        self.screen.set_focus(boxes[index])


class StructureTab(StudioTab):
    """The seven parts, what the check found of each, and what to do about the one in view.

    | Key | Does |
    | --- | --- |
    | up / down | the part above / below (its sentence is selected in the editor) |
    | space / enter | tick or untick the part: the person's choice wins over the check |
    """

    @dataclass
    class Browsed(Message):
        """A part was moved to (its evidence, to select in the editor), or left (``None``)."""

        tab: StructureTab
        key: str | None
        evidence: tuple[Span, ...]

        @property
        def control(self) -> StructureTab:
            return self.tab

    def __init__(self) -> None:
        super().__init__()
        self.selected: str | None = None
        """The part the person last moved to; before that, the first that needs work."""
        self.shown_detail: Content | None = None
        self.browsed: tuple[str, tuple[Span, ...]] | None = None

    def compose(self) -> ComposeResult:
        # Not a focus stop: its checkboxes scroll it into view, and letters typed after tab
        # are text rather than the screen's keys.
        with VerticalScroll(can_focus=False):
            yield Static(
                "What the check finds in your script. ↑↓ to look at a part, space to "
                "tick or untick it (your choice wins), ctrl+g to rework it.",
                classes="pitch-help",
            )
            # Made with what the tabs already know, so showing it first changes nothing.
            tabs = self.query_ancestor(PitchTabs)
            for part in PARTS:
                yield PartBox(
                    self.label_for(tabs, part.key),
                    tabs.checklist.get(part.key, (False, False))[0],
                    id=f"part-{part.key}",
                    classes="pitch-part",
                )
            yield Static("", id="pitch-part-detail")
            yield Select[str](
                [(part.title, part.key) for part in PARTS],
                prompt="Rework one part…",
                id="pitch-rework-part",
            )
            yield Button("Rework it in the guide", id="pitch-rework")

    @staticmethod
    def label_for(tabs: PitchTabs, key: str) -> Content:
        title = ASK_TITLE if key == "ask" else SHORT_TITLES[key]
        analysis = tabs.analysis
        structure = analysis.structure if analysis is not None else None
        finding = structure.parts.get(key) if structure is not None else None
        ask = structure.ask if structure is not None and key == "ask" else None
        _ticked, confirmed = tabs.checklist.get(key, (False, False))
        return part_label(title, part_state(finding, ask), confirmed)

    def show(self, tabs: PitchTabs) -> None:
        with self.prevent(Checkbox.Changed):
            for part in PARTS:
                ticked, _confirmed = tabs.checklist.get(part.key, (False, False))
                box = self.query_one(f"#part-{part.key}", PartBox)
                # A new label lays the screen out again: set only the ones that change.
                box.show_label(self.label_for(tabs, part.key))
                box.value = ticked
        self.show_detail(tabs)

    def show_detail(self, tabs: PitchTabs) -> None:
        analysis = tabs.analysis
        if analysis is None:
            return
        key = self.selected or self.first_to_work_on(analysis)
        ticked, confirmed = tabs.checklist.get(key, (False, False))
        detail = part_detail(key, analysis, tabs.script, ticked, confirmed)
        if detail != self.shown_detail:
            self.shown_detail = detail
            self.query_one("#pitch-part-detail", Static).update(detail)
        focused = self.screen.focused
        if isinstance(focused, PartBox) and focused.key == key:
            self.browse(key, analysis)

    @staticmethod
    def first_to_work_on(analysis: ScriptAnalysis) -> str:
        parts = analysis.structure.parts
        return next(
            (key for key in PART_KEYS if key in parts and part_state(parts[key]) != "there"),
            PART_KEYS[0],
        )

    def browse(self, key: str, analysis: ScriptAnalysis) -> None:
        """Tell the studio the part in view and its sentences, when they change."""
        evidence = evidence_of(key, analysis.structure)
        if self.browsed != (key, evidence):
            self.browsed = (key, evidence)
            self.post_message(self.Browsed(self, key, evidence))

    @on(events.DescendantFocus, "PartBox")
    def _part_focused(self, event: events.DescendantFocus) -> None:
        assert isinstance(event.widget, PartBox)
        self.selected = event.widget.key
        self.show_detail(self.query_ancestor(PitchTabs))

    @on(events.DescendantBlur, "PartBox")
    def _part_blurred(self) -> None:
        # Moving from one part to the next blurs one before focusing the other: the
        # parts are left only if, once focus has moved, no part has it.
        self.call_after_refresh(self._left_if_gone)

    def _left_if_gone(self) -> None:
        focused = self.screen.focused if self.is_attached else None
        if self.browsed is not None and not isinstance(focused, PartBox):
            self.browsed = None
            self.post_message(self.Browsed(self, None, ()))


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
