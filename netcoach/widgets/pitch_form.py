"""The Pitch studio's editor: a pitch's name, time limit, event day and script, with live checks.

The form owns what is typed and what the rules say about it (words, spoken time against
the limit, parts, fillers); it posts ``PitchForm.Analysed`` so the tabs can show the
rest. Saving, loading and the other pitches are the screen's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea
from textual.widgets.text_area import Selection
from textual.worker import get_current_worker

from netcoach.core.pitch import (
    DEFAULT_LIMIT_SECONDS,
    DEFAULT_WPM,
    Profile,
    ScriptAnalysis,
    Span,
    analyse_script,
    checklist_from,
    parse_limit,
)
from netcoach.core.text import plural
from netcoach.core.when import PLANNED
from netcoach.widgets.date_field import DateField
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.limited import LimitedInput
from netcoach.widgets.pitch_editor import PitchEditor
from netcoach.widgets.status import clip

# Scripts longer than this are counted after a pause in typing, not on every keystroke.
LIVE_COUNT_CHARS = 20_000
DEBOUNCE_SECONDS = 0.3
FILLER_PREVIEW_CHARS = 6_000
# The words said most often that the measures line names.
REPEATS_SHOWN = 3

LAST_MINUTE_BANNER = (
    "EVENT TODAY: this pitch is marked for today's event. Rehearse it; don't rewrite it now."
)


@dataclass(frozen=True, slots=True)
class Draft:
    """The fields of one pitch as typed, kept while the person looks at another pitch."""

    name: str
    limit: str
    event: str
    script: str
    parts: dict[str, bool] = field(default_factory=dict)
    unsaved: bool = False


class PitchForm(ReportsFailures, Vertical):
    """One pitch being written, with its word count, spoken time, structure and fillers."""

    @dataclass
    class Analysed(Message):
        """The script was counted and checked again."""

        form: PitchForm
        analysis: ScriptAnalysis
        preview: str
        script: str
        """The text analysed: the analysis's places are in it."""

        @property
        def control(self) -> PitchForm:
            return self.form

    def __init__(self, clock: Callable[[], datetime], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock
        self.dirty = False
        """Typed since the pitch was shown or saved."""
        self.confirmed_parts: dict[str, bool] = {}
        self.profile: Profile | None = None
        """Who the person is (set by the screen); the checks use it."""
        self.analysis: ScriptAnalysis | None = None
        self.preview = ""
        """The start of the script ``analysis`` highlights its fillers in."""
        self.analysed = ""
        """The script ``analysis`` was made from."""
        self.own_selection: Selection | None = None
        """The person's place in the editor while it shows a part's sentence instead."""
        self.evidence_selection: Selection | None = None
        self.wpm: float = DEFAULT_WPM
        self.saved_limit = DEFAULT_LIMIT_SECONDS
        self.count_timer: Timer | None = None
        self.shown_text: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="pitch-banner")
        with Vertical(classes="pitch-field", id="pitch-field-name"):
            yield LimitedInput(
                placeholder="Name, e.g. Breakfast 60 s", kind="name", id="pitch-name"
            )
            yield Static("", id="pitch-error-name", classes="pitch-error")
        with Horizontal(id="pitch-fields"):
            with Vertical(classes="pitch-field", id="pitch-field-limit"):
                yield LimitedInput(
                    kind="number",
                    placeholder="Limit s",
                    id="pitch-limit",
                    tooltip="Time limit, 15 to 180 s",
                )
                yield Static("", id="pitch-error-limit", classes="pitch-error")
            with Vertical(classes="pitch-field", id="pitch-field-event"):
                yield DateField(
                    self.clock,
                    within=PLANNED,
                    with_time=False,
                    required=False,
                    placeholder="Next event day: fri, 12 Dec… (optional)",
                    input_id="pitch-event",
                    id="date-pitch-event",
                )
        yield PitchEditor(id="pitch-editor", soft_wrap=True)
        yield Static("", id="pitch-stats")
        yield Static("", id="pitch-measures")
        yield Static("", id="pitch-notes")
        yield Static("", id="pitch-filler-count")

    def on_mount(self) -> None:
        self.query_one("#pitch-banner").display = False

    # ---- what is typed ---------------------------------------------------------------------

    @property
    def script(self) -> str:
        return self.query_one("#pitch-editor", TextArea).text

    def load_script(self, script: str) -> None:
        self.query_one("#pitch-editor", TextArea).load_text(script)
        self.update_counts()

    def show_draft(self, draft: Draft, wpm: float, saved_limit: int, last_minute: bool) -> None:
        """Fill the fields from a pitch as saved, or as typed before the person looked away."""
        self.wpm = wpm
        self.saved_limit = saved_limit
        with self.prevent(Input.Changed):
            self.query_one("#pitch-name", Input).value = draft.name
            self.query_one("#pitch-limit", Input).value = draft.limit
            self.query_one("#pitch-event", Input).value = draft.event
        self.query_one("#date-pitch-event", DateField).show_preview()
        self.show_errors({})
        self.confirmed_parts = dict(draft.parts)
        editor = self.query_one("#pitch-editor", TextArea)
        if editor.text != draft.script:
            with self.prevent(TextArea.Changed):
                editor.load_text(draft.script)
        self.dirty = draft.unsaved
        banner = self.query_one("#pitch-banner", Static)
        if last_minute:
            banner.update(LAST_MINUTE_BANNER)
        banner.display = last_minute
        self.update_counts()

    def draft(self) -> Draft:
        """What is typed in the fields and the editor now, not yet saved."""
        return Draft(
            name=self.query_one("#pitch-name", Input).value,
            limit=self.query_one("#pitch-limit", Input).value,
            event=self.query_one("#pitch-event", Input).value,
            script=self.script,
            parts=dict(self.confirmed_parts),
            unsaved=True,
        )

    def read_fields(self) -> tuple[str, int | None, date | None, dict[str, str]]:
        """Name, limit and event day as typed, and what is wrong with each, by field."""
        errors: dict[str, str] = {}
        name = self.query_one("#pitch-name", Input).value
        if not name.strip():
            errors["name"] = "Give the pitch a name."
        limit, limit_error = parse_limit(self.query_one("#pitch-limit", Input).value)
        if limit_error:
            errors["limit"] = limit_error
        event_when, event_error = self.query_one("#date-pitch-event", DateField).result()
        event_day = event_when.moment.date() if event_when is not None else None
        if event_error:
            errors["event"] = event_error
        return name, limit, event_day, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for name in ("name", "limit"):
            label = self.query_one(f"#pitch-error-{name}", Static)
            label.update(Content(errors.get(name, "")))
            label.set_class(name in errors, "-shown")
            self.query_one(f"#pitch-{name}", Input).set_class(name in errors, "-invalid")
        # The event day's problem is said once, in its preview.
        self.query_one("#pitch-event", Input).set_class("event" in errors, "-invalid")
        if "event" in errors:
            self.query_one("#date-pitch-event", DateField).show_problem(errors["event"])

    def show_saved_value(self, field: str, value: object) -> None:
        """Put a saved value back in its field (kept in a clash)."""
        if field == "script":
            self.query_one("#pitch-editor", TextArea).load_text(str(value))
            return
        text = value.isoformat() if isinstance(value, date) else "" if value is None else str(value)
        ids = {
            "name": "#pitch-name",
            "limit_seconds": "#pitch-limit",
            "next_event_on": "#pitch-event",
        }
        with self.prevent(Input.Changed):
            self.query_one(ids[field], Input).value = text

    def limit(self) -> int:
        """The limit typed, or the saved one while what is typed is not a limit."""
        limit, _error = parse_limit(self.query_one("#pitch-limit", Input).value)
        return limit if limit is not None else self.saved_limit

    @on(Input.Changed, "#pitch-name, #pitch-event")
    def _field_changed(self) -> None:
        self.dirty = True

    @on(Input.Changed, "#pitch-limit")
    def _limit_changed(self) -> None:
        self.dirty = True
        _name, _limit, _day, errors = self.read_fields()
        self.show_errors({k: v for k, v in errors.items() if k == "limit"})
        if "limit" not in errors:
            self.update_counts()

    # ---- live counts -----------------------------------------------------------------------

    @on(TextArea.Changed, "#pitch-editor")
    def script_changed(self) -> None:
        self.dirty = True
        if len(self.script) <= LIVE_COUNT_CHARS:
            self.update_counts()
            return
        if self.count_timer is not None:
            self.count_timer.stop()
        self.count_timer = self.set_timer(DEBOUNCE_SECONDS, self.update_counts)
        self._update_if_changed("#pitch-stats", "Counting…")

    def update_counts(self) -> None:
        """Words, estimated time against the limit, structure and fillers for the script.

        Short scripts are analysed at once; long ones in a thread so typing never waits.
        """
        self.count_timer = None
        text = self.script
        if len(text) <= LIVE_COUNT_CHARS:
            analysis = analyse_script(
                text, self.limit(), self.wpm, FILLER_PREVIEW_CHARS, profile=self.profile
            )
            self._counted(self.Counted(analysis, text[:FILLER_PREVIEW_CHARS]))
            return
        self.analyse(text, self.limit(), self.wpm)

    @dataclass
    class Counted(Message):
        """A long script's analysis, back from its thread."""

        analysis: ScriptAnalysis
        preview: str
        script: str | None = None
        """The text analysed; None when it is the editor's now (counted at once)."""

    @work(thread=True, exclusive=True, group="pitch-count", exit_on_error=False)
    def analyse(self, text: str, limit: int, wpm: float) -> None:
        analysis = analyse_script(text, limit, wpm, FILLER_PREVIEW_CHARS, profile=self.profile)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Counted(analysis, text[:FILLER_PREVIEW_CHARS], text))

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        """Show the counts beside the editor, and pass the analysis on (to the tabs)."""
        analysis = self.analysis = message.analysis
        self.preview = message.preview
        self.analysed = self.script if message.script is None else message.script
        stats = analysis.stats
        self._update_if_changed("#pitch-stats", stats.summary())
        self.query_one("#pitch-stats").set_class(stats.is_over, "-over")
        self._update_line("#pitch-measures", measures_line(analysis))
        notes = "\n".join(analysis.notes)
        if self._update_line("#pitch-notes", notes):
            self.query_one("#pitch-notes").tooltip = Content(notes) if notes else None
        self._update_if_changed("#pitch-filler-count", clip(analysis.filler_summary(), 200))
        self.post_message(self.Analysed(self, analysis, message.preview, self.analysed))

    def checklist(self) -> dict[str, tuple[bool, bool]]:
        """For each part: (ticked, whether the tick is the person's); the person's choice wins."""
        detected = self.analysis.detected if self.analysis else frozenset()
        ticks = checklist_from(detected, self.confirmed_parts)
        return {key: (ticked, key in self.confirmed_parts) for key, (ticked, _) in ticks.items()}

    # ---- a part's sentence, shown in the editor ----------------------------------------------

    def show_evidence(self, evidence: tuple[Span, ...]) -> None:
        """Select the first sentence behind a part while the person looks at the part.

        The person's own place is kept, and comes back with ``end_evidence``; a part with
        no sentence shows their place.
        """
        editor = self.query_one("#pitch-editor", TextArea)
        if self.own_selection is None:
            self.own_selection = editor.selection
        span = evidence[0] if evidence else None
        if span is None or editor.text != self.analysed:
            self.evidence_selection = None
            editor.selection = self.own_selection
            return
        document = editor.document
        # The cursor at the sentence's start, so its start is scrolled into view.
        self.evidence_selection = Selection(
            document.get_location_from_index(span.end),
            document.get_location_from_index(span.start),
        )
        editor.selection = self.evidence_selection
        # Its start in the middle of the editor, so the rest of it shows below.
        editor.scroll_cursor_visible(center=True)

    def end_evidence(self) -> None:
        """Give the person their place in the editor back, unless they have moved since."""
        editor = self.query_one("#pitch-editor", TextArea)
        own, self.own_selection = self.own_selection, None
        shown, self.evidence_selection = self.evidence_selection, None
        if own is not None and editor.selection in (shown, own):
            editor.selection = own

    def _update_if_changed(self, selector: str, text: str) -> None:
        """Update a line only when its words change, so typing does not re-lay out the screen."""
        if self.shown_text.get(selector) != text:
            self.shown_text[selector] = text
            self.query_one(selector, Static).update(Content(text))

    def _update_line(self, selector: str, text: str) -> bool:
        """The same for a line left out while it has nothing to say; True if it changed."""
        if self.shown_text.get(selector) == text:
            return False
        self._update_if_changed(selector, text)
        self.query_one(selector).display = bool(text)
        return True


def measures_line(analysis: ScriptAnalysis) -> str:
    """What a peer would notice, in one line: the longest sentence, "you" against "I",
    the words said most often."""
    measures = analysis.measures
    if measures.longest_sentence is None:
        return ""
    pieces = [
        f"Longest sentence {plural(measures.longest_words, 'word')}",
        f"you {measures.you_count} vs I {measures.i_count}",
    ]
    if measures.repeated:
        said = ", ".join(f"{word} x{n}" for word, n in measures.repeated[:REPEATS_SHOWN])
        pieces.append(f"said often: {said}")
    return " · ".join(pieces)
