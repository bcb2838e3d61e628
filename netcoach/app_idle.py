"""Work the app does in the person's pauses: garbage collections, freezing what each
screen built, and importing the other screens' modules ahead of their first visit."""

from __future__ import annotations

import gc
import sys
import time
from importlib import import_module
from typing import TYPE_CHECKING

from textual import events

from netcoach.app_modes import SCREENS

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import AwaitMount

    AppMixin = App[None]
else:
    AppMixin = object

# Seconds after a screen's first visit before its objects are frozen (built and loaded by then).
FREEZE_AFTER = 1.0
# Full garbage collections wait for a pause in the person's input (seconds without a key
# or a click), checked every COLLECT_CHECK seconds; with no pause they run anyway once
# COLLECT_FORCE times the usual number of them have been skipped.
IDLE_BEFORE_COLLECT = 0.15
COLLECT_CHECK = 0.1
COLLECT_FORCE = 4
# Seconds after start-up before the other screens' modules are imported ahead of their
# first visit, one module per pause of IDLE_BEFORE_IMPORT seconds in the person's input.
WARM_AFTER = 1.0
IDLE_BEFORE_IMPORT = 0.5


class WorksWhenIdle(AppMixin):
    """Mixed into the App: memory and imports are dealt with between keys, not during one.

    Call ``start_idle_work()`` once mounted.
    """

    def __init__(self) -> None:
        super().__init__()
        self._frozen_modes: set[str] = {self.DEFAULT_MODE}
        self._gc_threshold = gc.get_threshold()
        self._last_input = 0.0

    def start_idle_work(self) -> None:
        """Settle memory after the first frame, then collect and import in the pauses."""
        self.call_after_refresh(self._settle_memory)
        self._collect_when_idle()
        self.set_timer(WARM_AFTER, self._import_next_screen, name="import-screens")

    def _settle_memory(self) -> None:
        """After the first frame: long-lived objects (modules, styles, the first screen)
        leave the garbage collector's care, so full collections stop pausing typing, and
        collection resumes if the command line paused it for start-up."""
        gc.freeze()
        gc.enable()

    def _collect_when_idle(self) -> None:
        """Run full garbage collections in pauses between keys instead of in the middle of one.

        Textual leaves a few thousand objects in reference cycles on each screen
        switch, so full collections come often and each takes 20-80 ms. Python runs
        one whenever enough objects pile up, often while a keystroke is being
        handled; here they wait for a pause (or for a long stretch of input).
        """
        young, middle, _old = gc.get_threshold()
        self._gc_threshold = gc.get_threshold()
        self._last_input = time.monotonic()
        gc.set_threshold(young, middle, COLLECT_FORCE * 10**6)
        self.set_interval(COLLECT_CHECK, self._collect_if_idle, name="collect-when-idle")

    def _import_next_screen(self) -> None:
        """Import one screen module not yet loaded, when the person is not typing.

        A screen's first visit otherwise starts by importing (and, without cached
        bytecode, compiling) its module and the widgets it uses.
        """
        waiting = [where.split(":")[0] for _mode, _key, _title, where in SCREENS[1:]]
        waiting = [name for name in waiting if name not in sys.modules]
        if not waiting:
            return
        if time.monotonic() - self._last_input >= IDLE_BEFORE_IMPORT:
            import_module(waiting[0])
        self.set_timer(COLLECT_CHECK, self._import_next_screen, name="import-screens")

    def _collect_if_idle(self) -> None:
        pending = gc.get_count()[2]
        _young, _middle, usual = self._gc_threshold
        idle = time.monotonic() - self._last_input >= IDLE_BEFORE_COLLECT
        if (idle and pending >= usual) or pending >= COLLECT_FORCE * usual:
            gc.collect()

    def on_unmount(self) -> None:
        gc.set_threshold(*self._gc_threshold)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def switch_mode(self, mode: str) -> AwaitMount:
        """Switch screens; a screen's first visit also hands its new widgets to ``gc.freeze``.

        Each screen builds hundreds of long-lived objects. Left in the collector's
        care, every full collection walks them all, a pause of 80-150 ms that lands
        on whatever comes next (a keystroke, a screen switch).
        """
        waiting = super().switch_mode(mode)
        if mode not in self._frozen_modes:
            self._frozen_modes.add(mode)
            self.set_timer(FREEZE_AFTER, gc.freeze, name="freeze-new-screen")
        return waiting
