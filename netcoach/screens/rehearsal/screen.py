"""The rehearsal screen: a big timer with signal colours backed by words, and the script."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Digits, Header, Static

from netcoach.core.pitch import PitchDetail, format_duration
from netcoach.data.repo import Store
from netcoach.screens.rehearsal.clock import MonotonicClock
from netcoach.screens.rehearsal.saving import RehearsalSaving
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing


def open_rehearsal(app: App[object], store: Store, pitch_id: int | None = None) -> None:
    """Open the rehearsal timer on a pitch (the one to use next when ``pitch_id`` is None).

    The app may carry a ``rehearsal_clock`` (a monotonic clock) that tests replace.
    """
    clock = getattr(app, "rehearsal_clock", None)
    app.push_screen(RehearsalScreen(store, pitch_id, clock=clock))


class RehearsalScreen(Browsing, RehearsalSaving):
    """Full-screen rehearsal of one pitch against its time limit."""

    TITLE = "netcoach — Rehearsal"

    CSS_PATH = "../../styles/pitch.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", "Start/pause", id="rehearsal.toggle", priority=True),
        Binding("r", "reset", "Reset", id="rehearsal.reset", priority=True),
        Binding("enter", "finish", "Finish and save", id="rehearsal.finish", priority=True),
        Binding("escape", "leave", "Leave", id="rehearsal.leave", priority=True),
    ]

    class Loaded(Message):
        def __init__(self, detail: PitchDetail | None) -> None:
            super().__init__()
            self.detail = detail

    def __init__(
        self, store: Store, pitch_id: int | None = None, clock: MonotonicClock | None = None
    ) -> None:
        super().__init__(store, clock=clock)
        self.pitch_id = pitch_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="rehearsal-body"):
            yield Static("", id="rehearsal-title")
            with Horizontal(id="rehearsal-clock"):
                yield Digits("0:00", id="rehearsal-time")
                yield Static("READY", id="rehearsal-signal")
            yield Static("", id="rehearsal-reason")
            with VerticalScroll(id="rehearsal-prompter"):
                yield Static("", id="rehearsal-script")
            yield Static(
                "space start/pause · r reset · enter finish and save · escape leave",
                id="rehearsal-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="rehearsal-load", exit_on_error=False)
    def load(self) -> None:
        pitches = self.store.pitches
        pitch_id = self.pitch_id if self.pitch_id is not None else pitches.next_pitch_id()
        self.post_message(self.Loaded(None if pitch_id is None else pitches.get_pitch(pitch_id)))

    @on(Loaded)
    def show_pitch(self, message: Loaded) -> None:
        detail = self.detail = message.detail
        reason = self.query_one("#rehearsal-reason", Static)
        if detail is None:
            self.refusal = "There is no pitch yet. Write one in the Pitch studio (p) first."
        elif detail.current is None or not detail.current.script.strip():
            self.refusal = (
                "This pitch has no script yet, so there is nothing to rehearse. "
                "Write it in the Pitch studio (p) first."
            )
        else:
            self.refusal = ""
        if detail is not None:
            self.timer.limit_seconds = detail.pitch.limit_seconds
            self.query_one("#rehearsal-title", Static).update(
                Content.from_markup(
                    "Rehearsing [b]$name[/b] · version $version · limit $limit · "
                    "teleprompter at $wpm wpm",
                    name=detail.pitch.name[:80],
                    version=str(detail.current.number if detail.current else 0),
                    limit=format_duration(detail.pitch.limit_seconds),
                    wpm=str(round(detail.wpm)),
                )
            )
        self.show_script(detail.current.script if detail and detail.current else "")
        reason.update(Content(self.refusal))
        reason.display = bool(self.refusal)
        self.redraw()
