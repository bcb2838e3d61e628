"""The command palette: every screen and every action, searchable by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

# (name, "module:Class", help) for screens without a global key, pushed from the palette.
PUSHED_SCREENS: tuple[tuple[str, str, str], ...] = (
    ("Advisors", "netcoach.screens.advisors:AdvisorsScreen", "Your informal board of advisors"),
    (
        "Keep-in-touch settings",
        "netcoach.screens.settings:SettingsScreen",
        "Days between touches at each level",
    ),
)


def push_screen(app: App[object], where: str) -> None:
    """Build the screen at ``where`` on the app's Store and push it."""
    from importlib import import_module

    module_name, class_name = where.split(":")
    screen_class = getattr(import_module(module_name), class_name)
    app.push_screen(screen_class(app.store))  # type: ignore[attr-defined]


class NetcoachCommands(Provider):
    """Offers the screens and the actions of the current screen."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from netcoach.app import SCREENS

        app = self.app
        commands: list[tuple[str, Callable[[], object], str]] = [
            (f"go: {title}", partial(app.switch_mode, mode), f"Open the {title} screen ({key})")
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
