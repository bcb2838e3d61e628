"""Rehearse: a big timer with signal colours backed by words, and the script as a teleprompter."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Digits, Header, Input, RadioButton, RadioSet, Static
from textual.worker import Worker

from netcoach.core.pitch import (
    WORD_PATTERN,
    PitchDetail,
    Rehearsal,
    RehearsalTimer,
    Signal,
    count_words,
    format_duration,
    next_change,
    signal_for,
    signal_label,
    teleprompter_word,
)
from netcoach.data.repo import Store
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import Browsing

# A redraw is asked for this long after the moment what is shown changes, so that the
# clock has passed it when it is read (a timer may fire a little early).
LOOK_LATE_SECONDS = 0.002
PROMPTER_CHARS = 20_000
MIN_SAVED_SECONDS = 1.0
SIGNAL_CLASSES = {
    Signal.READY: "-ready",
    Signal.SPEAKING: "-speaking",
    Signal.HALF: "-half",
    Signal.WRAP_UP: "-wrap-up",
    Signal.TIME: "-time",
    Signal.OVER: "-over",
}
DEFAULT_RATING = 3
RATINGS = ("1 rough", "2 shaky", "3 fine", "4 good", "5 nailed it")

MonotonicClock = Callable[[], float]


def open_rehearsal(app: App[object], store: Store, pitch_id: int | None = None) -> None:
    """Open the rehearsal timer on a pitch (the one to use next when ``pitch_id`` is None).

    The app may carry a ``rehearsal_clock`` (a monotonic clock) that tests replace.
    """
    clock = getattr(app, "rehearsal_clock", None)
    app.push_screen(RehearsalScreen(store, pitch_id, clock=clock))


class RehearsalScreen(ReportsFailures, Browsing, Screen[None]):
    """Full-screen rehearsal of one pitch against its time limit."""

    TITLE = "netcoach — Rehearsal"

    CSS_PATH = "../styles/pitch.tcss"

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

    class Saved(Message):
        def __init__(self, rehearsal: Rehearsal, leave: bool) -> None:
            super().__init__()
            self.rehearsal = rehearsal
            self.leave = leave

    def __init__(
        self, store: Store, pitch_id: int | None = None, clock: MonotonicClock | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.pitch_id = pitch_id
        self.timer = RehearsalTimer(clock=clock)
        self.detail: PitchDetail | None = None
        self.refusal = "Loading the pitch…"
        self.ticker: Timer | None = None
        self.shown_elapsed = 0.0
        self.shown: tuple[str, str, Signal | None] = ("0:00", "READY", None)
        self.total_words = 0
        self.prompter_word = -1
        self.prompter_text = ""
        self.word_ends: list[int] = []
        self.saving = False
        self.unsaved: tuple[int, str] | None = None
        """The rating and note of the rehearsal being logged, until it is."""
        self.leaving: asyncio.Future[bool] | None = None
        """Set while the rehearsal is saved on the way out of the app."""

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
        script = detail.current.script if detail and detail.current else ""
        self.total_words = count_words(script)
        self.prompter_text = script[:PROMPTER_CHARS]
        self.word_ends = [m.end() for m in WORD_PATTERN.finditer(self.prompter_text)]
        self.prompter_word = -1
        self.query_one("#rehearsal-script", Static).update(Content(self.prompter_text))
        reason.update(Content(self.refusal))
        reason.display = bool(self.refusal)
        self.redraw()

    # ---- the clock -------------------------------------------------------------------------

    def redraw(self) -> None:
        """Show the time read from the monotonic clock, then look again when it next changes.

        Nothing is drawn between two changes: the clock shows whole seconds, so it is
        looked at on the next whole second, the next signal or the next word of the
        teleprompter, whichever comes first. What is shown always comes from the clock,
        never from counting these looks, so a late one cannot make the time drift.
        """
        elapsed = self.timer.elapsed()
        self.shown_elapsed = elapsed
        limit = self.timer.limit_seconds
        signal = signal_for(elapsed, limit)
        text = signal_label(elapsed, limit)
        if signal is Signal.READY and elapsed == 0 and not self.refusal:
            text = "READY · space to start"
        elif not self.timer.running and elapsed > 0:
            text = f"PAUSED · {text}"
        digits = self.query_one("#rehearsal-time", Digits)
        label = self.query_one("#rehearsal-signal", Static)
        shown = (format_duration(elapsed), text, signal)
        if shown != self.shown:
            if shown[0] != digits.value:
                digits.update(shown[0])
            if text != self.shown[1]:
                label.update(Content(text))
            if signal is not self.shown[2]:
                for widget in (digits, label):
                    for name in SIGNAL_CLASSES.values():
                        widget.set_class(name == SIGNAL_CLASSES[signal], name)
            self.shown = shown
        self._scroll_prompter(elapsed)
        self._look_again(elapsed)

    def _look_again(self, elapsed: float) -> None:
        """While the clock runs, redraw once, when what is shown next changes."""
        if self.ticker is not None:
            self.ticker.stop()
            self.ticker = None
        if not self.timer.running:
            return
        wpm = self.detail.wpm if self.detail else 130
        change = next_change(elapsed, self.timer.limit_seconds, wpm, self.total_words)
        self.ticker = self.set_timer(max(0.0, change - elapsed) + LOOK_LATE_SECONDS, self.redraw)

    def _scroll_prompter(self, elapsed: float) -> None:
        wpm = self.detail.wpm if self.detail else 130
        word = teleprompter_word(elapsed, wpm, self.total_words)
        if word == self.prompter_word:
            return
        self.prompter_word = word
        if self.word_ends:
            # What should have been said by now is dimmed; the rest stays bright.
            said = self.word_ends[min(word, len(self.word_ends)) - 1] if word else 0
            self.query_one("#rehearsal-script", Static).update(
                Content(self.prompter_text).stylize("dim", 0, said)
            )
        prompter = self.query_one("#rehearsal-prompter", VerticalScroll)
        if self.total_words and prompter.max_scroll_y:
            prompter.scroll_to(
                y=prompter.max_scroll_y * word / self.total_words, animate=False, immediate=True
            )

    def _stop_ticking(self) -> None:
        if self.ticker is not None:
            self.ticker.stop()
            self.ticker = None

    # ---- actions ---------------------------------------------------------------------------

    def action_toggle(self) -> None:
        if self.refusal:
            self.notify(self.refusal, severity="warning", markup=False)
            return
        self.timer.toggle()
        self.redraw()

    def has_changes(self) -> bool:
        """A rehearsal timed but not yet logged is kept when a global key leaves it."""
        return self.saving or self.timer.elapsed() >= MIN_SAVED_SECONDS

    # ---- quitting with a rehearsal not logged (netcoach.screens.forms.leaving.ask_before_quit) ---

    async def save_and_wait(self) -> bool:
        """Log the rehearsal timed so far; True once it is saved, False if it was not."""
        if self.saving and self.leaving is not None:
            return await self.leaving
        detail = self.detail
        if detail is None or detail.current is None:
            return True
        self.timer.pause()
        self._stop_ticking()
        self.redraw()
        duration = self.timer.elapsed()
        if duration < MIN_SAVED_SECONDS:
            return True
        self.leaving = asyncio.get_running_loop().create_future()
        self.saving = True
        rating, note = self.unsaved = self.unsaved or (DEFAULT_RATING, "")
        self.save(detail.pitch.id, detail.current.id, duration, rating, note, leave=False)
        return await self.leaving

    async def discard_for_quit(self) -> None:
        self.action_reset()

    def _save_settled(self, saved: bool) -> None:
        if self.leaving is not None and not self.leaving.done():
            self.leaving.set_result(saved)

    def action_reset(self) -> None:
        self.timer.reset()
        self._stop_ticking()
        self.prompter_word = -1
        self.redraw()

    def action_finish(self) -> None:
        self._ask_to_save(leave=False)

    def action_leave(self) -> None:
        if not self._ask_to_save(leave=True):
            self._stop_ticking()
            self.dismiss(None)

    def _ask_to_save(self, leave: bool) -> bool:
        """Stop the clock and offer to log the rehearsal; False if there is nothing to log."""
        if self.saving or self.refusal or self.detail is None or self.detail.current is None:
            return False
        self.timer.pause()
        self._stop_ticking()
        self.redraw()
        duration = self.timer.elapsed()
        if duration < MIN_SAVED_SECONDS:
            return False
        detail = self.detail
        version_id = detail.current.id if detail.current else 0

        def chosen(result: tuple[int, str] | None) -> None:
            if result is None:
                if leave:
                    self.dismiss(None)
                return
            self.saving = True
            self.unsaved = result
            rating, note = result
            self.save(detail.pitch.id, version_id, duration, rating, note, leave)

        self.app.push_screen(
            RehearsalSaveModal(
                duration, detail.pitch.limit_seconds, leaving=leave, kept=self.unsaved
            ),
            chosen,
        )
        return True

    def show_failure(self, worker: Worker[object], reason: str) -> bool:
        """A rehearsal that could not be logged stays, with its rating and note, for a retry."""
        if worker.name != "save":
            return False
        self._save_settled(False)
        self.notify(
            f"Rehearsal not saved: {reason}. It is kept: press enter to save it again.",
            severity="error",
            markup=False,
            timeout=10,
        )
        return True

    @work(thread=True, group="db-write", exit_on_error=False)
    def save(
        self, pitch_id: int, version_id: int, duration: float, rating: int, note: str, leave: bool
    ) -> None:
        try:
            rehearsal = self.store.pitches.add_rehearsal(
                pitch_id, version_id, duration, rating, note
            )
        finally:
            self.saving = False
        self.post_message(self.Saved(rehearsal, leave))

    @on(Saved)
    def saved(self, message: Saved) -> None:
        self.unsaved = None
        if self.leaving is not None:  # saved on the way out: the app quits now
            self._save_settled(True)
            return
        self.notify(
            f"Rehearsal saved: {format_duration(message.rehearsal.duration_seconds)} "
            f"of {format_duration(message.rehearsal.limit_seconds)}",
            markup=False,
        )
        if message.leave:
            self.dismiss(None)
        else:
            self.action_reset()


class RatingSet(RadioSet):
    """The five ratings of a rehearsal; while they have focus, keys 1 to 5 pick one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"rate({n})", f"Rate {n}", id=f"rehearsal-save.rate-{n}", show=False)
        for n in range(1, 6)
    ]

    def action_rate(self, rating: int) -> None:
        self.query_one(f"#rating-{rating}", RadioButton).value = True


class RehearsalSaveModal(ModalScreen[tuple[int, str] | None]):
    """How did it go? A rating from 1 to 5 and an optional note; or discard."""

    CSS_PATH = "../styles/pitch.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "discard", "Discard", id="rehearsal-save.discard"),
        Binding("ctrl+s", "save", "Save", id="rehearsal-save.save"),
    ]

    def __init__(
        self,
        duration: float,
        limit_seconds: int,
        leaving: bool = False,
        kept: tuple[int, str] | None = None,
    ) -> None:
        super().__init__()
        self.duration = duration
        self.limit_seconds = limit_seconds
        self.leaving = leaving
        self.kept = kept
        """The rating and note of a save that failed, offered again."""

    def compose(self) -> ComposeResult:
        over = self.duration - self.limit_seconds
        verdict = (
            f"{format_duration(over)} over the limit"
            if over >= 1
            else f"{format_duration(-over)} to spare"
        )
        with Vertical(id="rehearsal-save-box"):
            yield Static(
                f"That took {format_duration(self.duration)} of "
                f"{format_duration(self.limit_seconds)} ({verdict}). How did it go? (keys 1 to 5)",
                id="rehearsal-save-title",
            )
            rating, note = self.kept or (DEFAULT_RATING, "")
            with RatingSet(id="rehearsal-rating"):
                for index, label in enumerate(RATINGS, start=1):
                    yield RadioButton(label, value=index == rating, id=f"rating-{index}")
            yield Input(note, placeholder="A note for next time (optional)", id="rehearsal-note")
            with Horizontal(id="rehearsal-save-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="rehearsal-save")
                yield Button(
                    "Discard and leave  esc" if self.leaving else "Discard  esc",
                    id="rehearsal-discard",
                )

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    @property
    def rating(self) -> int:
        index = self.query_one(RadioSet).pressed_index
        return index + 1 if index >= 0 else DEFAULT_RATING

    @on(Button.Pressed, "#rehearsal-save")
    @on(Input.Submitted, "#rehearsal-note")
    def action_save(self) -> None:
        self.dismiss((self.rating, self.query_one("#rehearsal-note", Input).value))

    @on(Button.Pressed, "#rehearsal-discard")
    def action_discard(self) -> None:
        self.dismiss(None)
