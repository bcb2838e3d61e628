"""The Pitch studio: several pitches with versions, a live editor, structure, history."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Checkbox, Header, Select, Tabs
from textual.worker import get_current_worker

from netcoach.core.pitch import (
    DEFAULT_LIMIT_SECONDS,
    Pitch,
    PitchDetail,
    ScriptAnalysis,
    is_last_minute,
)
from netcoach.data.repo import Store
from netcoach.screens.pitch_dialogs import PitchConfirmModal, VersionDiffScreen
from netcoach.screens.pitch_saving import PitchSaving
from netcoach.textual_compat import place_tab_underline
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing
from netcoach.widgets.pitch_form import Draft, PitchForm
from netcoach.widgets.pitch_list import PitchList
from netcoach.widgets.pitch_tabs import PartBox, PitchTabs, StructureTab

if TYPE_CHECKING:
    from netcoach.screens.pitch_guide import GuideResult

__all__ = ["PitchConfirmModal", "PitchScreen", "VersionDiffScreen"]

# Below this width the pitch list and the tabs share one column, so the editor keeps at
# least 40 cells.
NARROW_STUDIO = 112


class PitchScreen(Browsing, PitchSaving):
    """Write, version, check and rehearse your pitches.

    Three panes own their parts: the list of pitches (``PitchList``), the pitch being
    written with its live checks (``PitchForm``) and the tabs beside it (``PitchTabs``).
    The screen loads and saves in thread workers and passes what comes back to them.
    """

    TITLE = "netcoach — Pitch"

    CSS_PATH = "../styles/pitch.tcss"

    SAVE_KEY = "ctrl+s"
    # A visit starts in the pitch list (Browsing's selector would also match the option
    # list inside a tab's Select, and so could focus it when the list is not yet ready).
    AUTO_FOCUS: ClassVar[str | None] = "#pitch-list"
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

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.detail: PitchDetail | None = None
        self.pitch_loading: int | None = None
        """The pitch being loaded to be shown (not ``loading``: that is Textual's own,
        which covers the whole screen with a loading indicator while it is true)."""
        self.saving = False
        self.drafts: dict[int, Draft] = {}
        self.opened: dict[int, dict[str, object]] = {}
        """Per pitch, what its fields held when shown from the database (see save_pitch)."""
        self.guide_offered = False
        self.leaving: asyncio.Future[bool] | None = None
        self.left_once = False
        """True once the person has left the studio (a resume after that restyles it)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="pitch-body"):
            yield PitchList(id="pitch-side")
            yield PitchForm(self.store.clock, id="pitch-main")
            yield PitchTabs(id="pitch-tabs")
        yield Footer()

    @property
    def tabs(self) -> PitchTabs:
        return self.query_one(PitchTabs)

    @property
    def pitches(self) -> list[Pitch]:
        return self.query_one(PitchList).pitches

    @property
    def dirty(self) -> bool:
        return self.form.dirty

    def on_resize(self, event: events.Resize) -> None:
        # Too narrow for three panes side by side and an editor of 40 cells: the list
        # and the tabs stack in one column beside the editor (pitch.tcss).
        narrow = event.size.width < NARROW_STUDIO
        self.set_class(narrow, "-narrow")
        self.tabs.set_narrow(narrow)

    def on_mount(self) -> None:
        self._show_editor(False)

    # Keys that act on the pitch on screen: left out of the footer while there is none.
    PITCH_ACTIONS: ClassVar[frozenset[str]] = frozenset({"save", "rehearse", "use_next", "compare"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if allowed is not True:
            return allowed
        return not (action in self.PITCH_ACTIONS and self.detail is None)

    async def on_event(self, event: events.Event) -> None:
        # Textual resumes a mode's new screen twice on its first visit (when the mode's
        # stack is made and when it is switched to), and each resume restyles every
        # widget on the screen: a third of the first visit's CPU. Built moments ago,
        # every widget already has its styles, so a first visit's resumes only
        # repaint; after the person has left, a resume restyles as Textual's does.
        if isinstance(event, events.ScreenResume) and not self.left_once:
            event.refresh_styles = False
        await super().on_event(event)

    def on_screen_suspend(self) -> None:
        self.left_once = True

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
        wanted = self.query_one(PitchList).show(message.pitches, message.select)
        if wanted is None:
            self.detail = None
            self.refresh_bindings()
            self._show_editor(False)
            if not self.guide_offered:
                self.guide_offered = True  # walk a first-time user through it, once
                self.action_guide()
            return
        if message.select is not None or wanted not in (self.pitch_loading, self._shown_id()):
            self.show_pitch_from_disk(wanted)

    @on(PitchList.Chosen)
    def pitch_chosen(self, message: PitchList.Chosen) -> None:
        if message.pitch_id not in (self.pitch_loading, self._shown_id()):
            self.show_pitch_from_disk(message.pitch_id)

    def _shown_id(self) -> int | None:
        return self.detail.pitch.id if self.detail is not None else None

    def show_pitch_from_disk(self, pitch_id: int) -> None:
        """Load the pitch once, however many times it is asked for while it loads.

        A first visit asks twice: Textual resumes a mode's new screen when it is pushed
        and again when the mode is switched to.
        """
        self.pitch_loading = pitch_id
        self.load_pitch(pitch_id)

    @on(Loaded)
    def show_pitch(self, message: Loaded) -> None:
        self.pitch_loading = None
        previous = self.detail
        detail = self.detail = message.detail
        pitch = detail.pitch
        form = self.form
        self._show_editor(True)
        self.refresh_bindings()
        if previous is not None and form.dirty:
            self.drafts[previous.pitch.id] = form.draft()
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
        last_minute = is_last_minute(pitch.event_day, self.store.today())
        form.profile = detail.profile
        counted = form.analysis
        form.show_draft(draft, detail.wpm, pitch.limit_seconds, last_minute)
        self.tabs.show_detail(detail)
        if form.analysis is not None and form.analysis is not counted:
            # A short script is counted at once: the tabs show it in the same frame as
            # the form, not one message later (its Analysed is then already shown).
            self._show_checks(form.analysis, form.preview, form.analysed)

    def _show_editor(self, shown: bool) -> None:
        # The form is hidden rather than left out of the layout: the studio is laid out
        # once with the room it takes, and showing it only paints it. The tabs are left
        # out until shown: laid out while hidden, their underline would slide in under
        # the first tab as they appear, where shown it is put there at once.
        self.form.styles.visibility = "visible" if shown else "hidden"
        tabs = self.tabs
        if shown and not tabs.display:
            tabs.call_after_refresh(place_tab_underline, tabs.query_one(Tabs))
        tabs.display = shown

    # ---- the checks, shown in the tabs -----------------------------------------------------

    @on(PitchForm.Analysed)
    def show_analysis(self, message: PitchForm.Analysed) -> None:
        if message.analysis is not self.tabs.analysis:
            self._show_checks(message.analysis, message.preview, message.script)

    def _show_checks(self, analysis: ScriptAnalysis, preview: str, script: str) -> None:
        self.tabs.show_analysis(analysis, preview, script)
        self.tabs.show_checklist(self.form.checklist())

    @on(StructureTab.Browsed)
    def part_browsed(self, message: StructureTab.Browsed) -> None:
        """The person moved through the parts: the editor shows the part's sentence."""
        if message.key is None:
            self.form.end_evidence()
        else:
            self.form.show_evidence(message.evidence)

    @on(Checkbox.Changed, ".pitch-part")
    def part_corrected(self, event: Checkbox.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("part-")
        form = self.form
        form.confirmed_parts[key] = event.value
        form.dirty = True
        self.tabs.show_checklist(form.checklist())

    # ---- other actions ---------------------------------------------------------------------

    @on(events.DescendantBlur, "#pitch-list")
    def list_blurred(self) -> None:
        # Laying the studio out on its first visit can hide the empty list for a frame,
        # and Textual then takes the focus from it and gives it to nothing: one-letter
        # keys would still work, but nothing on screen would show where they go.
        self.call_after_refresh(self._focus_list_if_lost)

    def _focus_list_if_lost(self) -> None:
        if self.focused is None and self.is_current:
            self.query_one(PitchList).focus_list()

    def action_focus_list(self) -> None:
        """Leave the editor, so the one-letter keys (t, c, p …) work again."""
        self.query_one(PitchList).focus_list()

    def action_refresh(self) -> None:
        self.list_pitches(self.detail.pitch.id if self.detail else None)

    def action_new_pitch(
        self, script: str = "", name: str = "", parts: dict[str, bool] | None = None
    ) -> None:
        self.create_pitch(name or f"Pitch {len(self.pitches) + 1}", script, parts or {})

    @work(thread=True, group="db-write", exit_on_error=False)
    def create_pitch(self, name: str, script: str, parts: dict[str, bool]) -> None:
        pitch = self.store.pitches.create_pitch(name, DEFAULT_LIMIT_SECONDS, script, parts)
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
        if not self.form.script.strip():
            self.notify(
                "An empty script cannot be rehearsed: write the pitch first.", severity="warning"
            )
            return
        from netcoach.screens.rehearsal import open_rehearsal

        if self.form.dirty:
            self.notify(
                "You have unsaved changes: rehearsing the last saved version (ctrl+s saves).",
                severity="warning",
            )
        open_rehearsal(self.app, self.store, self.detail.pitch.id)

    def action_guide(self, part: str | None = None) -> None:
        from netcoach.screens.pitch_guide import PitchGuideScreen

        script = self.form.script if self.detail else None
        pitch_id = self.detail.pitch.id if self.detail else None
        guide = PitchGuideScreen(self.store, script, part, self.form.limit(), pitch_id)
        self.app.push_screen(guide, self._after_guide)

    def _after_guide(self, result: GuideResult | None) -> None:
        """Keep what the guide wrote: its script, and each part answered as confirmed."""
        if result is None:
            return
        if self.detail is None:
            confirmed = {key: True for key, answered in result.parts.items() if answered}
            self.action_new_pitch(result.script, "My pitch", confirmed)
            return
        if not result.changed:
            self.notify("No part was changed in the guide: the script stays as it was.")
            return
        form = self.form
        for key, answered in result.parts.items():
            if answered:
                form.confirmed_parts[key] = True
            else:
                form.confirmed_parts.pop(key, None)  # left blank: confirmed neither way
        form.dirty = True
        form.load_script(result.script)
        self.action_save()

    @on(PartBox.ReworkAsked)
    def rework_this_part(self, message: PartBox.ReworkAsked) -> None:
        self.action_guide(message.box.key)

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
        by_number = {v.number: v for v in self.detail.versions}
        older, newer = self.tabs.compare_choice() or (
            self.detail.versions[1].number,
            self.detail.versions[0].number,
        )
        self.app.push_screen(VersionDiffScreen(by_number[older], by_number[newer]))
