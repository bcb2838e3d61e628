"""The rehearsal's clock and teleprompter: the time, its signal, and the script as it is said.

``RehearsalClock`` is the rehearsal screen's base: it keeps the timer and draws what it
reads only when something shown changes (a whole second, a signal, a word said).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Static

from netcoach.core.pitch import (
    WORD_PATTERN,
    PitchDetail,
    RehearsalTimer,
    Signal,
    count_words,
    format_duration,
    next_change,
    signal_for,
    signal_label,
    teleprompter_word,
)

# A redraw is asked for this long after the moment what is shown changes, so that the
# clock has passed it when it is read (a timer may fire a little early).
LOOK_LATE_SECONDS = 0.002
PROMPTER_CHARS = 20_000
SIGNAL_CLASSES = {
    Signal.READY: "-ready",
    Signal.SPEAKING: "-speaking",
    Signal.HALF: "-half",
    Signal.WRAP_UP: "-wrap-up",
    Signal.TIME: "-time",
    Signal.OVER: "-over",
}

MonotonicClock = Callable[[], float]


class RehearsalClock(Screen[None]):
    """The timer of one rehearsal, its digits and signal, and the teleprompter it scrolls."""

    def __init__(self, clock: MonotonicClock | None = None) -> None:
        super().__init__()
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

    def show_script(self, script: str) -> None:
        """Put a script in the teleprompter, nothing of it said yet."""
        self.total_words = count_words(script)
        self.prompter_text = script[:PROMPTER_CHARS]
        self.word_ends = [m.end() for m in WORD_PATTERN.finditer(self.prompter_text)]
        self.prompter_word = -1
        self.query_one("#rehearsal-script", Static).update(Content(self.prompter_text))

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

    def action_toggle(self) -> None:
        if self.refusal:
            self.notify(self.refusal, severity="warning", markup=False)
            return
        self.timer.toggle()
        self.redraw()

    def action_reset(self) -> None:
        self.timer.reset()
        self._stop_ticking()
        self.prompter_word = -1
        self.redraw()
