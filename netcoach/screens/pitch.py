"""The Pitch studio: several pitches with versions, a live editor, structure, history."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Header,
    Input,
    OptionList,
    Select,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from netcoach.core.merge import Clash, RecordChanged
from netcoach.core.pitch import (
    DEFAULT_LIMIT_SECONDS,
    LAST_MINUTE_REASON,
    PARTS,
    Pitch,
    PitchDetail,
    PitchVersion,
    ScriptAnalysis,
    ScriptStats,
    analyse_script,
    checklist_from,
    count_words,
    diff_words,
    format_duration,
    is_last_minute,
    parse_limit,
    rehearsal_stats,
)
from netcoach.core.when import PLANNED
from netcoach.data.errors import LastMinuteError, PitchError
from netcoach.data.repo import Store
from netcoach.screens.draft_form import ClashModal, ClashView
from netcoach.widgets.date_field import DateField
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.limited import LimitedInput
from netcoach.widgets.pitch_editor import PitchEditor
from netcoach.widgets.status import clip

# Scripts longer than this are counted after a pause in typing, not on every keystroke.
LIVE_COUNT_CHARS = 20_000
DEBOUNCE_SECONDS = 0.3
FILLER_PREVIEW_CHARS = 6_000


@dataclass(frozen=True, slots=True)
class Draft:
    """The fields of one pitch as typed, kept while the person looks at another pitch."""

    name: str
    limit: str
    event: str
    script: str
    parts: dict[str, bool] = field(default_factory=dict)
    unsaved: bool = False


# Below this width the pitch list and the tabs share one column, so the editor keeps at
# least 40 cells.
NARROW_STUDIO = 112


class PitchScreen(ReportsFailures, Browsing, Screen[None]):
    """Write, version, check and rehearse your pitches."""

    TITLE = "netcoach — Pitch"

    CSS_PATH = "../styles/pitch.tcss"
    FORM_NAME = "pitch"

    SAVE_KEY = "ctrl+s"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="pitch.save", tooltip="New version"),
        Binding("ctrl+r", "rehearse", "Rehearse", id="pitch.rehearse"),
        Binding("ctrl+n", "new_pitch", "New pitch", id="pitch.new"),
        Binding("ctrl+g", "guide", "Guide", id="pitch.guide"),
        Binding("ctrl+t", "use_next", "Use next", id="pitch.use-next"),
        Binding("ctrl+b", "compare", "Compare", id="pitch.compare"),
        Binding("escape", "focus_list", "Pitch list", id="pitch.list", show=False),
        Binding("f5", "refresh", "Refresh", id="pitch.refresh", show=False),
    ]

    class Listed(Message):
        def __init__(self, pitches: list[Pitch], select: int | None) -> None:
            super().__init__()
            self.pitches = pitches
            self.select = select

    class Loaded(Message):
        def __init__(self, detail: PitchDetail) -> None:
            super().__init__()
            self.detail = detail

    class Saved(Message):
        def __init__(self, pitch_id: int, version: PitchVersion | None, note: str) -> None:
            super().__init__()
            self.pitch_id = pitch_id
            self.version = version
            self.note = note

    class Analysed(Message):
        def __init__(self, analysis: ScriptAnalysis, preview: str) -> None:
            super().__init__()
            self.analysis = analysis
            self.preview = preview

    class Clashed(Message):
        """Another copy changed parts of the pitch this save changed too; nothing was written."""

        def __init__(self, pitch_id: int, clashes: tuple[Clash, ...], confirmed: bool) -> None:
            super().__init__()
            self.pitch_id = pitch_id
            self.clashes = clashes
            self.confirmed = confirmed

    class Refused(Message):
        def __init__(self, error: str, field: str = "", last_minute: bool = False) -> None:
            super().__init__()
            self.error = error
            self.field = field
            self.last_minute = last_minute

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.pitches: list[Pitch] = []
        self.detail: PitchDetail | None = None
        self.confirmed_parts: dict[str, bool] = {}
        self.stats: ScriptStats | None = None
        self.analysis: ScriptAnalysis | None = None
        self.filler_preview = ""
        self.shown_text: dict[str, str] = {}
        self.shown_parts: dict[str, tuple[bool, bool]] = {}
        self.count_timer: Timer | None = None
        self.saving = False
        self.dirty = False
        self.drafts: dict[int, Draft] = {}
        self.opened: dict[int, dict[str, object]] = {}
        """Per pitch, what its fields held when shown from the database (see save_pitch)."""
        self.guide_offered = False
        self.leaving: asyncio.Future[bool] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="pitch-body"):
            with Vertical(id="pitch-side"):
                yield Static("Pitches", classes="section-title")
                yield OptionList(id="pitch-list", markup=False)
                yield Static("", id="pitch-empty")
            with Vertical(id="pitch-main"):
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
                            self.store.clock,
                            within=PLANNED,
                            with_time=False,
                            required=False,
                            placeholder="Next event day: fri, 12 Dec… (optional)",
                            input_id="pitch-event",
                            id="date-pitch-event",
                        )
                yield PitchEditor(id="pitch-editor", soft_wrap=True)
                yield Static("", id="pitch-stats")
                yield Static("", id="pitch-filler-count")
            with TabbedContent(id="pitch-tabs"):
                # Not a focus stop: its checkboxes scroll it into view, and letters typed after tab
                # are text rather than the screen's keys.
                with TabPane("Structure", id="tab-structure"), VerticalScroll(can_focus=False):
                    yield Static(
                        "Tick the parts your pitch has. “suggested” means the app "
                        "spotted a cue; confirm or correct it.",
                        classes="pitch-help",
                    )
                    for part in PARTS:
                        yield Checkbox(part.title, id=f"part-{part.key}", classes="pitch-part")
                    yield Select[str](
                        [(part.title, part.key) for part in PARTS],
                        prompt="Rework one part…",
                        id="pitch-rework-part",
                    )
                    yield Button("Rework it in the guide", id="pitch-rework")
                with TabPane("Fillers", id="tab-fillers"), VerticalScroll():
                    yield Static("", id="pitch-filler-list")
                    yield Static("", id="pitch-filler-preview")
                with TabPane("History", id="tab-history"):
                    yield Sparkline([], id="pitch-sparkline")
                    yield Static("", id="pitch-history-stats")
                    yield DataTable(id="pitch-rehearsals", cursor_type="row", zebra_stripes=True)
                with TabPane("Versions", id="tab-versions"):
                    yield DataTable(id="pitch-versions", cursor_type="row", zebra_stripes=True)
                    yield Select[int]([], prompt="Older version", id="pitch-compare-a")
                    yield Select[int]([], prompt="Newer version", id="pitch-compare-b")
                    yield Button("Compare side by side  ctrl+b", id="pitch-compare")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        # Too narrow for three panes side by side and an editor of 40 cells: the list
        # and the tabs stack in one column beside the editor (pitch.tcss).
        narrow = event.size.width < NARROW_STUDIO
        self.set_class(narrow, "-narrow")
        # The tabs then share a column of 36 cells (pitch.tcss): "Parts" keeps all four readable.
        tabs = self.query_one("#pitch-tabs", TabbedContent)
        tabs.get_tab("tab-structure").label = "Parts" if narrow else "Structure"

    def on_mount(self) -> None:
        self.query_one("#pitch-rehearsals", DataTable).add_columns(
            "When", "Ver", "Took", "vs limit", "Rating", "Note"
        )
        self.query_one("#pitch-versions", DataTable).add_columns("Ver", "Saved", "Words")
        self.query_one("#pitch-banner").display = False
        self._show_editor(False)

    # Keys that act on the pitch on screen: left out of the footer while there is none.
    PITCH_ACTIONS: ClassVar[frozenset[str]] = frozenset({"save", "rehearse", "use_next", "compare"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if allowed is not True:
            return allowed
        return not (action in self.PITCH_ACTIONS and self.detail is None)

    def on_screen_resume(self) -> None:
        self.list_pitches(self.detail.pitch.id if self.detail else None)

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [
            ("pitch: Save a new version", self.action_save, "Keep this script (ctrl+s)"),
            ("pitch: Rehearse", self.action_rehearse, "Rehearse against the timer (ctrl+r)"),
            ("pitch: New pitch", self.action_new_pitch, "Start another pitch (ctrl+n)"),
            ("pitch: Guide", self.action_guide, "Build the pitch step by step (ctrl+g)"),
            ("pitch: Use next", self.action_use_next, "Mark as the pitch to use next (ctrl+t)"),
            ("pitch: Compare versions", self.action_compare, "Two versions side by side"),
        ]

    # ---- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="pitch-list", exit_on_error=False)
    def list_pitches(self, select: int | None = None) -> None:
        pitches = self.store.pitches.list_pitches()
        if not get_current_worker().is_cancelled:
            self.post_message(self.Listed(pitches, select))

    @work(thread=True, exclusive=True, group="pitch-load", exit_on_error=False)
    def load_pitch(self, pitch_id: int) -> None:
        detail = self.store.pitches.get_pitch(pitch_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(detail))

    @on(Listed)
    def show_list(self, message: Listed) -> None:
        self.pitches = message.pitches
        option_list = self.query_one("#pitch-list", OptionList)
        option_list.clear_options()
        for pitch in message.pitches:
            marker = "▶ " if pitch.is_next else "  "
            option_list.add_option(
                Option(
                    f"{marker}{clip(pitch.name, 22)}\n"
                    f"   {format_duration(pitch.limit_seconds)} · v{pitch.current_version}",
                    id=str(pitch.id),
                )
            )
        empty = self.query_one("#pitch-empty", Static)
        empty.update(
            "No pitch yet.\n\nPress ctrl+g and the guide walks you through your first "
            "pitch, one part at a time. Or ctrl+n for a blank one."
            if not message.pitches
            else "▶ marks the pitch to use next."
        )
        if not message.pitches:
            self.detail = None
            self.refresh_bindings()
            self._show_editor(False)
            if not self.guide_offered:
                self.guide_offered = True  # walk a first-time user through it, once
                self.action_guide()
            return
        wanted = message.select
        if wanted is None or all(p.id != wanted for p in message.pitches):
            wanted = message.pitches[0].id
        index = next(i for i, p in enumerate(message.pitches) if p.id == wanted)
        option_list.highlighted = index
        if self.detail is None or self.detail.pitch.id != wanted or message.select is not None:
            self.load_pitch(wanted)

    @on(OptionList.OptionHighlighted, "#pitch-list")
    def pitch_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None:
            return
        pitch_id = int(event.option.id)
        if self.detail is None or self.detail.pitch.id != pitch_id:
            self.load_pitch(pitch_id)

    @on(Loaded)
    def show_pitch(self, message: Loaded) -> None:
        previous = self.detail
        detail = self.detail = message.detail
        pitch = detail.pitch
        self._show_editor(True)
        self.refresh_bindings()
        if previous is not None and self.dirty:
            self.drafts[previous.pitch.id] = self._draft()
        draft = self.drafts.pop(pitch.id, None)
        current = detail.current
        if draft is None or pitch.id not in self.opened:
            self.opened[pitch.id] = {
                "name": pitch.name,
                "limit_seconds": pitch.limit_seconds,
                "next_event_on": pitch.next_event_on,
                "script": current.script if current else "",
            }
        if draft is None:
            draft = Draft(
                name=pitch.name,
                limit=str(pitch.limit_seconds),
                event=pitch.next_event_on.isoformat() if pitch.next_event_on else "",
                script=current.script if current else "",
                parts=dict(current.parts) if current else {},
            )
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
        self.update_counts()
        self._show_banner()
        self._show_history(detail)
        self._show_versions(detail)

    def _draft(self) -> Draft:
        """What is typed in the fields and the editor now, not yet saved."""
        return Draft(
            name=self.query_one("#pitch-name", Input).value,
            limit=self.query_one("#pitch-limit", Input).value,
            event=self.query_one("#pitch-event", Input).value,
            script=self.query_one("#pitch-editor", TextArea).text,
            parts=dict(self.confirmed_parts),
            unsaved=True,
        )

    @on(Input.Changed, "#pitch-name, #pitch-event")
    def field_changed(self) -> None:
        self.dirty = True

    def _show_editor(self, shown: bool) -> None:
        self.query_one("#pitch-main").display = shown
        self.query_one("#pitch-tabs").display = shown

    def _show_banner(self) -> None:
        banner = self.query_one("#pitch-banner", Static)
        if self.detail is None:
            banner.display = False
            return
        event_day = self.detail.pitch.event_day
        if is_last_minute(event_day, self.store.today()):
            banner.update(
                "EVENT TODAY: this pitch is marked for today's event. Rehearse it; "
                "don't rewrite it now."
            )
            banner.display = True
        else:
            banner.display = False

    def _show_history(self, detail: PitchDetail) -> None:
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

    def _show_versions(self, detail: PitchDetail) -> None:
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

    # ---- live counts -----------------------------------------------------------------------

    @on(TextArea.Changed, "#pitch-editor")
    def script_changed(self) -> None:
        self.dirty = True
        editor = self.query_one("#pitch-editor", TextArea)
        if len(editor.text) <= LIVE_COUNT_CHARS:
            self.update_counts()
            return
        if self.count_timer is not None:
            self.count_timer.stop()
        self.count_timer = self.set_timer(DEBOUNCE_SECONDS, self.update_counts)
        self._update_if_changed("#pitch-stats", "Counting…")

    def _limit(self) -> int:
        limit, _error = parse_limit(self.query_one("#pitch-limit", Input).value)
        if limit is not None:
            return limit
        return self.detail.pitch.limit_seconds if self.detail else DEFAULT_LIMIT_SECONDS

    def update_counts(self) -> None:
        """Words, estimated time against the limit, structure and fillers for the script.

        Short scripts are analysed at once; long ones in a thread so typing never waits.
        """
        self.count_timer = None
        editor = self.query_one("#pitch-editor", TextArea)
        text = editor.text
        wpm = self.detail.wpm if self.detail else 130
        if len(text) <= LIVE_COUNT_CHARS:
            analysis = analyse_script(text, self._limit(), wpm, FILLER_PREVIEW_CHARS)
            self.show_analysis(self.Analysed(analysis, text[:FILLER_PREVIEW_CHARS]))
            return
        self.analyse(text, self._limit(), wpm)

    @work(thread=True, exclusive=True, group="pitch-count", exit_on_error=False)
    def analyse(self, text: str, limit: int, wpm: float) -> None:
        analysis = analyse_script(text, limit, wpm, FILLER_PREVIEW_CHARS)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Analysed(analysis, text[:FILLER_PREVIEW_CHARS]))

    @on(Analysed)
    def show_analysis(self, message: Analysed) -> None:
        analysis = self.analysis = message.analysis
        stats = self.stats = analysis.stats
        self._update_if_changed("#pitch-stats", stats.summary())
        self.query_one("#pitch-stats").set_class(stats.is_over, "-over")
        self._show_checklist()
        summary = analysis.filler_summary()
        self._update_if_changed("#pitch-filler-count", clip(summary, 200))
        self._update_if_changed("#pitch-filler-list", summary)
        self.filler_preview = message.preview
        if self.query_one("#pitch-tabs", TabbedContent).active == "tab-fillers":
            self._show_filler_preview()

    def _update_if_changed(self, selector: str, text: str) -> None:
        """Update a line only when its words change, so typing does not re-lay out the screen."""
        if self.shown_text.get(selector) != text:
            self.shown_text[selector] = text
            self.query_one(selector, Static).update(Content(text))

    @on(TabbedContent.TabActivated, "#pitch-tabs")
    def tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-fillers":
            self._show_filler_preview()

    def _show_filler_preview(self) -> None:
        """The script with every filler highlighted (its beginning, for a very long one)."""
        if self.analysis is None:
            return
        preview = self.filler_preview
        pieces: list[str | tuple[str, str]] = []
        position = 0
        for hit in self.analysis.preview_hits:
            pieces.append(preview[position : hit.start])
            pieces.append((preview[hit.start : hit.end], "bold underline reverse $warning"))
            position = hit.end
        pieces.append(preview[position:])
        self.query_one("#pitch-filler-preview", Static).update(Content.assemble(*pieces))

    def _show_checklist(self) -> None:
        detected = self.analysis.detected if self.analysis else frozenset()
        parts = checklist_from(detected, self.confirmed_parts)
        if parts == self.shown_parts:
            return
        self.shown_parts = parts
        with self.prevent(Checkbox.Changed):
            for part in PARTS:
                ticked, suggested = parts[part.key]
                box = self.query_one(f"#part-{part.key}", Checkbox)
                box.label = Content(f"{part.title} (suggested)" if suggested else part.title)
                box.value = ticked

    @on(Checkbox.Changed, ".pitch-part")
    def part_corrected(self, event: Checkbox.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("part-")
        self.confirmed_parts[key] = event.value
        self.dirty = True
        self._show_checklist()

    # ---- saving ----------------------------------------------------------------------------

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

    def read_fields(self) -> tuple[str, int | None, date | None, dict[str, str]]:
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

    @on(Input.Changed, "#pitch-limit")
    def limit_changed(self) -> None:
        self.dirty = True
        _name, _limit, _day, errors = self.read_fields()
        self.show_errors({k: v for k, v in errors.items() if k == "limit"})
        if "limit" not in errors:
            self.update_counts()

    # ---- quitting with unsaved edits (see netcoach.screens.draft_form.ask_before_quit) ---------

    def has_changes(self) -> bool:
        """Edits to the shown pitch, or to another one, not saved as a version yet."""
        return self.dirty or any(draft.unsaved for draft in self.drafts.values())

    async def save_and_wait(self) -> bool:
        """Save the shown pitch as a new version; True once saved, False if it was not."""
        self.leaving = asyncio.get_running_loop().create_future()
        self.action_save()
        return await self.leaving

    async def discard_for_quit(self) -> None:
        self.dirty = False
        self.drafts.clear()

    def save_settled(self, saved: bool) -> None:
        if self.leaving is not None and not self.leaving.done():
            self.leaving.set_result(saved)

    def action_save(self, confirmed: bool = False) -> None:
        if self.saving:
            return
        if self.detail is None:
            self.save_settled(False)
            return
        name, limit, event_day, errors = self.read_fields()
        self.show_errors(errors)
        if errors:
            self.notify("Please correct the field marked in red.", severity="warning")
            self.save_settled(False)
            return
        self.saving = True
        opened = self.opened.get(self.detail.pitch.id)
        self.save(
            self.detail.pitch.id,
            self.query_one("#pitch-editor", TextArea).text,
            name,
            limit,
            event_day,
            dict(self.confirmed_parts),
            confirmed,
            dict(opened) if opened is not None else None,
        )

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(
        self,
        pitch_id: int,
        script: str,
        name: str,
        limit: int | None,
        event_day: date | None,
        parts: dict[str, bool],
        confirmed: bool,
        opened: dict[str, object] | None = None,
    ) -> None:
        try:
            version = self.store.pitches.save_pitch(
                pitch_id,
                script=script,
                name=name,
                limit_seconds=limit,
                next_event_on=event_day,
                parts=parts,
                confirmed=confirmed,
                opened=opened,
            )
        except RecordChanged as changed:
            self.post_message(self.Clashed(pitch_id, changed.clashes, confirmed))
            return
        except LastMinuteError as error:
            self.post_message(self.Refused(str(error), last_minute=True))
            return
        except PitchError as error:
            self.post_message(self.Refused(str(error), error.field))
            return
        except Exception:
            self.post_message(self.Refused(""))
            raise
        self.post_message(self.Saved(pitch_id, version, f"Saved as version {version.number}"))

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.saving = False
        if message.last_minute:

            def answer(confirmed: bool | None) -> None:
                if confirmed:
                    self.action_save(confirmed=True)
                else:
                    self.notify("Not saved: your rehearsed version stays as it is.")
                    self.save_settled(False)

            self.app.push_screen(PitchConfirmModal(LAST_MINUTE_REASON, "Save anyway"), answer)
            return
        self.save_settled(False)
        if message.field in ("name", "limit", "event"):
            self.show_errors({message.field: message.error})
        elif message.error:
            self.notify(message.error, severity="error", markup=False)

    PITCH_LABELS: ClassVar[dict[str, str]] = {
        "name": "Name",
        "limit_seconds": "Time limit",
        "next_event_on": "For the event on",
        "script": "Script",
    }

    @on(Clashed)
    def clashed(self, message: Clashed) -> None:
        """Another netcoach saved this pitch since it was shown: ask, field by field."""
        self.saving = False
        clashes = message.clashes

        def shown(field: str, value: object) -> str:
            if value is None or value == "":
                return "(blank)"
            if field == "limit_seconds":
                return f"{value} s"
            if isinstance(value, date):
                return value.isoformat()
            return str(value)

        views = [
            ClashView(
                c.field,
                self.PITCH_LABELS[c.field],
                shown(c.field, c.theirs),
                shown(c.field, c.mine),
            )
            for c in clashes
        ]

        def answered(decisions: dict[str, str] | None) -> None:
            if decisions is None or self.detail is None or self.detail.pitch.id != message.pitch_id:
                self.notify(
                    "Not saved: another netcoach changed this pitch. What you typed is still "
                    "here; press ctrl+s to try again.",
                    severity="warning",
                    markup=False,
                )
                self.save_settled(False)
                return
            opened = self.opened.setdefault(message.pitch_id, {})
            for clash in clashes:
                opened[clash.field] = clash.theirs
                if decisions.get(clash.field) == "theirs":
                    self._show_saved_value(clash.field, clash.theirs)
            self.action_save(confirmed=message.confirmed)

        self.app.push_screen(ClashModal(self.FORM_NAME, views), answered)

    def _show_saved_value(self, field: str, value: object) -> None:
        """Put the saved value back in its field (kept in a clash)."""
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

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.saving = False
        self.opened.pop(message.pitch_id, None)  # shown again from what was just saved
        version = message.version
        if version is not None and self.detail and self.detail.pitch.id == message.pitch_id:
            self.dirty = self.query_one("#pitch-editor", TextArea).text != version.script
        self.save_settled(True)
        self.notify(message.note, markup=False)
        self.list_pitches(message.pitch_id)

    # ---- other actions ---------------------------------------------------------------------

    def action_focus_list(self) -> None:
        """Leave the editor, so the one-letter keys (t, c, p …) work again."""
        self.query_one("#pitch-list", OptionList).focus()

    def action_refresh(self) -> None:
        self.list_pitches(self.detail.pitch.id if self.detail else None)

    def action_new_pitch(self, script: str = "", name: str = "") -> None:
        self.create_pitch(name or f"Pitch {len(self.pitches) + 1}", script)

    @work(thread=True, group="db-write", exit_on_error=False)
    def create_pitch(self, name: str, script: str) -> None:
        pitch = self.store.pitches.create_pitch(name, DEFAULT_LIMIT_SECONDS, script)
        self.post_message(self.Saved(pitch.id, None, f"New pitch: {pitch.name}"))

    def action_use_next(self) -> None:
        if self.detail is not None:
            self.mark_next(self.detail.pitch.id)

    @work(thread=True, group="db-write", exit_on_error=False)
    def mark_next(self, pitch_id: int) -> None:
        self.store.pitches.set_next(pitch_id)
        self.post_message(self.Saved(pitch_id, None, "Marked as the pitch to use next"))

    def action_rehearse(self) -> None:
        if self.detail is None:
            self.notify("Write a pitch first (ctrl+g for the guide).", severity="warning")
            return
        if not self.query_one("#pitch-editor", TextArea).text.strip():
            self.notify(
                "An empty script cannot be rehearsed: write the pitch first.", severity="warning"
            )
            return
        from netcoach.screens.rehearsal import open_rehearsal

        if self.dirty:
            self.notify(
                "You have unsaved changes: rehearsing the last saved version (ctrl+s saves).",
                severity="warning",
            )
        open_rehearsal(self.app, self.store, self.detail.pitch.id)

    def action_guide(self, part: str | None = None) -> None:
        from netcoach.screens.pitch_guide import PitchGuideScreen

        script = self.query_one("#pitch-editor", TextArea).text if self.detail else None
        guide = PitchGuideScreen(self.store, script, part, self._limit())
        self.app.push_screen(guide, self._after_guide)

    def _after_guide(self, script: str | None) -> None:
        if script is None:
            return
        if self.detail is None:
            self.action_new_pitch(script, "My pitch")
            return
        self.query_one("#pitch-editor", TextArea).load_text(script)
        self.update_counts()
        self.action_save()

    @on(Button.Pressed, "#pitch-rework")
    def rework_part(self) -> None:
        part = self.query_one("#pitch-rework-part", Select).value
        if not isinstance(part, str):
            self.notify("Choose the part to rework first.", severity="warning")
            return
        self.action_guide(part)

    @on(Button.Pressed, "#pitch-compare")
    def action_compare(self) -> None:
        if self.detail is None or len(self.detail.versions) < 2:
            self.notify("There is only one version so far; save a change to compare.")
            return
        older = self.query_one("#pitch-compare-a", Select).value
        newer = self.query_one("#pitch-compare-b", Select).value
        by_number = {v.number: v for v in self.detail.versions}
        if not isinstance(older, int) or not isinstance(newer, int):
            older, newer = self.detail.versions[1].number, self.detail.versions[0].number
        self.app.push_screen(VersionDiffScreen(by_number[older], by_number[newer]))


class PitchConfirmModal(ModalScreen[bool]):
    """A question with the reason behind it; dismisses with True only when confirmed."""

    CSS_PATH = "../styles/pitch.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Keep as it was", id="confirm.cancel"),
    ]

    def __init__(self, reason: str, yes: str) -> None:
        super().__init__()
        self.reason = reason
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(self.reason), id="confirm-reason")
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep as it was  esc", variant="primary", id="confirm-no")
                yield Button(self.yes, variant="warning", id="confirm-yes")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class VersionDiffScreen(ModalScreen[None]):
    """Two versions side by side: removed words struck out on the left, added ones on the right."""

    CSS_PATH = "../styles/pitch.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="pitch-diff.close"),
    ]

    def __init__(self, older: PitchVersion, newer: PitchVersion) -> None:
        super().__init__()
        self.older = older
        self.newer = newer

    def compose(self) -> ComposeResult:
        left, right = diff_words(self.older.script, self.newer.script)
        styles = {"same": "", "removed": "strike $error", "added": "bold underline $success"}
        with Vertical(id="pitch-diff-box"):
            yield Static(
                "Removed words are struck through on the left; added words are underlined on "
                "the right. escape closes.",
                id="pitch-diff-hint",
            )
            with Horizontal(id="pitch-diff-sides"):
                for version, segments, side in (
                    (self.older, left, "left"),
                    (self.newer, right, "right"),
                ):
                    with VerticalScroll(classes="pitch-diff-side"):
                        yield Static(f"Version {version.number}", classes="section-title")
                        yield Static(
                            Content.assemble(*((s.text, styles[s.kind]) for s in segments)),
                            id=f"pitch-diff-{side}",
                        )
