"""The command palette: every screen and every action, searchable by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets import Input
from textual.worker import Worker

if TYPE_CHECKING:
    from netcoach.app import NetcoachApp

# (name, "module:Class", help) for screens without a global key, pushed from the palette.
PUSHED_SCREENS: tuple[tuple[str, str, str], ...] = (
    ("Advisors", "netcoach.screens.advisors:AdvisorsScreen", "Your informal board of advisors"),
    (
        "Brief",
        "netcoach.screens.brief:BriefScreen",
        "The breakfast brief for the next event: who is expected, what you owe, what to give",
    ),
    (
        "Settings",
        "netcoach.screens.settings:SettingsScreen",
        "About you (name, business, trade, ideal referral) and days between touches",
    ),
)


def push_screen(app: NetcoachApp, where: str) -> None:
    """Build the screen at ``where`` on the app's Store and push it."""
    from importlib import import_module

    module_name, class_name = where.split(":")
    screen_class = getattr(import_module(module_name), class_name)
    app.push_screen(screen_class(app.store))


class NetcoachCommands(Provider):
    """Offers the screens and the actions of the current screen."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from netcoach.app import SCREENS, NetcoachApp

        app = self.app
        assert isinstance(app, NetcoachApp)  # a Provider's app is typed App[object]
        commands: list[tuple[str, Callable[[], object], str]] = [
            (f"go: {title}", partial(app.action_go, mode), f"Open the {title} screen ({key})")
            for mode, key, title, _where in SCREENS
        ]
        commands.append(("help: Keys", app.action_help, "Every key on the current screen (?)"))
        commands.append(
            ("io: Import contacts", app.action_import_contacts, "LinkedIn, Google, vCard")
        )
        commands.append(("io: Export", app.action_export_contacts, "vCard, CSV, JSON or iCalendar"))
        for name, where, help_text in PUSHED_SCREENS:
            commands.append((f"go: {name}", partial(push_screen, app, where), help_text))
        screen = self.screen
        provided = getattr(screen, "palette_commands", None)
        if callable(provided):
            commands.extend(provided())
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class NetcoachPalette(CommandPalette):
    """Textual's command palette, where enter picks from the results of what was typed.

    The palette searches in the background as each key is typed and shows the
    previous results meanwhile; enter pressed before the search ends would pick
    the top result of an older query. Here it waits for the search to finish.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.submit_waiting = False

    def searching(self) -> bool:
        return any(worker.node is self and not worker.is_finished for worker in self.app.workers)

    @on(Input.Submitted)
    def submit_when_searched(self, event: Input.Submitted) -> None:
        if self.searching():
            # Stops Textual's own handler (in the base class) picking a stale result.
            event.stop()
            event.prevent_default()
            self.submit_waiting = True

    @on(Input.Changed)
    def typed(self) -> None:
        self.submit_waiting = False

    @on(Worker.StateChanged)
    async def searched(self) -> None:
        if self.submit_waiting and not self.searching():
            self.submit_waiting = False
            await self.query_one(Input).action_submit()
