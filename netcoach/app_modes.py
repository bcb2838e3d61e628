"""The screens a global key opens: each is a mode of the app, built on its first visit."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from netcoach.widgets.keys import can_drop

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from netcoach.data.repo import Store

    AppMixin = App[None]
else:
    AppMixin = object

# (mode name, key, title, "module:Class") for every screen reachable with a global key.
# Each screen class takes the Store as its only argument and is imported on first use.
SCREENS: tuple[tuple[str, str, str, str], ...] = (
    ("today", "t", "Today", "netcoach.screens.today:TodayScreen"),
    ("contacts", "c", "Contacts", "netcoach.screens.contacts:ContactsScreen"),
    ("meetings", "o", "One-to-ones", "netcoach.screens.meetings:MeetingsScreen"),
    ("pitch", "p", "Pitch", "netcoach.screens.pitch:PitchScreen"),
    ("levels", "l", "Levels", "netcoach.screens.levels:LevelsScreen"),
    ("ledger", "g", "Give & get", "netcoach.screens.give_get:LedgerScreen"),
    ("review", "r", "Review", "netcoach.screens.review:ReviewScreen"),
)


class ScreenModes(AppMixin):
    """Mixed into the App: a mode for each screen in ``SCREENS``, and the key that shows it."""

    store: Store

    def _add_screen_modes(self) -> None:
        """Every screen but the first becomes a mode; the first is built by
        ``get_default_screen`` and its mode added once mounted (``_add_default_mode``)."""
        for mode, _key, _title, where in SCREENS:
            if mode != self.DEFAULT_MODE:
                self.add_mode(mode, self._screen_factory(where))

    def _add_default_mode(self) -> None:
        # Registered once mounted rather than in __init__ so that the first screen is built
        # through get_default_screen, which skips a second full parse of the stylesheets.
        self.add_mode(self.DEFAULT_MODE, self._screen_factory(SCREENS[0][3]))

    def _screen_factory(self, where: str) -> Callable[[], Screen[None]]:
        def build() -> Screen[None]:
            module_name, class_name = where.split(":")
            screen_class = getattr(import_module(module_name), class_name)
            return screen_class(self.store)

        return build

    def get_default_screen(self) -> Screen[None]:
        """Today, built as the first screen (its mode is registered once it exists)."""
        return self._screen_factory(SCREENS[0][3])()

    def action_go(self, mode: str) -> None:
        """Show the screen a global key names: its mode's own screen, not what was left on it.

        Screens opened on top of it (a contact, the advisors, a rehearsal not yet
        started) are closed. A form or dialog is kept, since it may hold typing not
        yet saved, unless it says it has no changes (``has_changes``); it
        stays on top with a note on how to get back.
        """
        self.switch_mode(mode)
        stack = self.screen_stack
        while len(stack) > 1 and can_drop(stack[-1]):
            self.pop_screen()
            stack = self.screen_stack
        if len(stack) > 1:
            title = next(title for name, _key, title, _where in SCREENS if name == mode)
            self.notify(f"Still open: finish it, or press escape to get to {title}.", markup=False)
