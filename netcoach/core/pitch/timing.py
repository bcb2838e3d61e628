"""The rehearsal timer: a stopwatch over a monotonic clock, its signal colours and words."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from netcoach.core.pitch.limits import DEFAULT_LIMIT_SECONDS
from netcoach.core.pitch.words import format_duration


class Signal(Enum):
    READY = "READY"
    SPEAKING = "SPEAKING"
    HALF = "HALF TIME"
    WRAP_UP = "WRAP UP"
    TIME = "TIME"
    OVER = "OVER"


def signal_for(elapsed: float, limit_seconds: float) -> Signal:
    """Green from half the limit, amber from three quarters, red at the limit, over after."""
    if elapsed <= 0:
        return Signal.READY
    if elapsed >= limit_seconds + 1:
        return Signal.OVER
    if elapsed >= limit_seconds:
        return Signal.TIME
    if elapsed >= limit_seconds * 0.75:
        return Signal.WRAP_UP
    if elapsed >= limit_seconds / 2:
        return Signal.HALF
    return Signal.SPEAKING


def signal_label(elapsed: float, limit_seconds: float) -> str:
    """The words that back the colour, e.g. "WRAP UP" or "OVER +0:07"."""
    signal = signal_for(elapsed, limit_seconds)
    if signal is Signal.OVER:
        return f"OVER +{format_duration(elapsed - limit_seconds)}"
    return signal.value


@dataclass(frozen=True, slots=True)
class TimerState:
    """A stopwatch as data: time banked from earlier runs, and when the current run began."""

    banked: float = 0.0
    running_since: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.banked
        return self.banked + max(0.0, now - self.running_since)

    def start(self, now: float) -> TimerState:
        return self if self.running else TimerState(self.banked, now)

    def pause(self, now: float) -> TimerState:
        return TimerState(self.elapsed(now), None) if self.running else self


class RehearsalTimer:
    """A stopwatch over an injectable monotonic clock; elapsed time never comes from ticks."""

    def __init__(
        self, limit_seconds: int = DEFAULT_LIMIT_SECONDS, clock: Callable[[], float] | None = None
    ) -> None:
        self.limit_seconds = limit_seconds
        self.clock = clock or time.monotonic
        self.state = TimerState()

    @property
    def running(self) -> bool:
        return self.state.running

    def elapsed(self) -> float:
        return self.state.elapsed(self.clock())

    def start(self) -> None:
        self.state = self.state.start(self.clock())

    def pause(self) -> None:
        self.state = self.state.pause(self.clock())

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self.state = TimerState()

    def signal(self) -> Signal:
        return signal_for(self.elapsed(), self.limit_seconds)


def teleprompter_word(elapsed: float, wpm: float, total_words: int) -> int:
    """Which word the speaker should be on after ``elapsed`` seconds at ``wpm``."""
    if total_words <= 0:
        return 0
    return min(total_words, int(elapsed * wpm / 60.0))


def signal_edges(limit_seconds: float) -> tuple[float, ...]:
    """The elapsed times at which the signal changes: half time, wrap up, time, over."""
    return (limit_seconds / 2, limit_seconds * 0.75, float(limit_seconds), limit_seconds + 1.0)


def next_change(elapsed: float, limit_seconds: float, wpm: float, total_words: int) -> float:
    """The elapsed time at which what a rehearsal shows changes next.

    That is the next whole second of the clock, the next signal, or the next word the
    teleprompter dims, whichever comes first; nothing shown changes in between, so the
    screen need not be drawn in between.
    """
    candidates = [math.floor(elapsed) + 1.0]
    candidates += [edge for edge in signal_edges(limit_seconds) if edge > elapsed]
    if total_words > 0 and wpm > 0:
        word = teleprompter_word(elapsed, wpm, total_words)
        if word < total_words:
            candidates += [edge for edge in ((word + 1) * 60.0 / wpm,) if edge > elapsed]
    return min(candidates)
