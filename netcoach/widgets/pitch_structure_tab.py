"""The Pitch studio's Structure tab: the seven parts, what the check found, and the detail.

``StructureTab`` lists the parts as ``PartBox`` tick boxes, each labelled by
``part_label`` with what the check found (``part_state``); under them ``part_detail`` says
what was found of the part in view, why, and what to try. The other tabs, and the tabs
themselves, are in ``netcoach.widgets.pitch_tabs``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Checkbox, Select, Static

from netcoach.core.pitch import (
    PART_KEYS,
    PARTS,
    PARTS_BY_KEY,
    AskFinding,
    PartFinding,
    ScriptAnalysis,
    Span,
    Structure,
)
from netcoach.core.text import plural
from netcoach.widgets.pitch_studio_tab import StudioTab
from netcoach.widgets.status import clip

if TYPE_CHECKING:
    from netcoach.widgets.pitch_tabs import PitchTabs


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
            tabs = self.studio_tabs()
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
        self.show_detail(self.studio_tabs())

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
