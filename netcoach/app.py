"""NetcoachApp, the Textual application: its global keys, the palette, the header's
read-only notice and the footer under every dialog, and quitting.

What it mixes in lives beside it: the screens and their modes (``app_modes``), the undo
history (``app_undo``), settings and theme (``app_settings``), the work done in the
person's pauses (``app_idle``); ``create_app`` (``app_factory``) builds it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

# Textual draws at most TEXTUAL_FPS frames a second (60 unless set), so a list whose rows
# have arrived waits up to a frame (17 ms) to be drawn; at 120 that wait is at most 8 ms.
# Only frames with something to redraw are drawn, so an idle screen costs nothing more.
# This must be set before Textual is imported; a value in the environment wins.
os.environ.setdefault("TEXTUAL_FPS", "120")

from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen, Screen, SystemModalScreen

from netcoach.app_factory import create_app
from netcoach.app_idle import WorksWhenIdle
from netcoach.app_modes import SCREENS, ScreenModes
from netcoach.app_settings import NETCOACH_THEME, KeepsSettings
from netcoach.app_undo import KeepsUndoHistory
from netcoach.config import Config
from netcoach.data.repo import Store
from netcoach.textual_compat import AreaStylesheets, NoSwitchDelay, use_theme_from_start
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import (
    KeyContract,
    can_leave_field,
    keys_handed_out,
    leave_field,
)

if TYPE_CHECKING:
    from textual.command import Provider

__all__ = ["NETCOACH_THEME", "SCREENS", "NetcoachApp", "create_app", "netcoach_commands"]

log = logging.getLogger("netcoach")


def netcoach_commands() -> type[Provider]:
    """The palette's netcoach commands, imported when the palette first opens."""
    from netcoach.commands import NetcoachCommands

    return NetcoachCommands


class NetcoachApp(
    ScreenModes,
    WorksWhenIdle,
    KeepsUndoHistory,
    KeepsSettings,
    ReportsFailures,
    KeyContract,
    AreaStylesheets,
    NoSwitchDelay,
    App[None],
):
    """A calm coach for the person who grows their business through networking."""

    TITLE = "netcoach"
    DEFAULT_MODE = "today"
    CSS_PATH = "styles/app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        netcoach_commands
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"go('{mode}')", title, id=f"go.{mode}", tooltip=f"Open {title}")
            for mode, key, title, _where in SCREENS
        ),
        Binding(
            "escape",
            "leave_field",
            "Leave the field",
            id="app.leave-field",
            show=False,
            priority=True,
            tooltip="Back to the list",
        ),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key on this screen"),
        Binding("ctrl+z", "undo", "Undo", id="app.undo", tooltip="Undo the last change"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Leave netcoach"),
        # Tab moves the focus before the next key is handed out: without priority, a key
        # typed quickly after tab could reach the field being left (or the one in between).
        Binding("tab", "focus_next", "Next field", id="app.focus-next", show=False, priority=True),
        Binding(
            "shift+tab",
            "focus_previous",
            "Previous field",
            id="app.focus-previous",
            show=False,
            priority=True,
        ),
    ]

    def __init__(
        self,
        store: Store,
        config: Config | None = None,
        demo: bool = False,
        database_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.config = config or Config()
        self.demo = demo
        self.database_path = database_path
        self.read_only: str | None = getattr(store.db, "read_only_reason", None)
        """Why the database may only be read (shown in every header), or None."""
        self.register_theme(NETCOACH_THEME)
        self._check_settings()
        # Set before the first paint, where it can be, without running the watchers, which
        # would parse every stylesheet a second time.
        use_theme_from_start(self, self.config.theme)
        self._add_screen_modes()
        if demo:
            self.sub_title = "demo data"

    def on_mount(self) -> None:
        self._add_default_mode()
        # The stylesheets are parsed and the theme applied by now: a first screen switch
        # has nothing to restyle (textual_compat.AreaStylesheets).
        self.styles_settled()
        self._apply_keymap()
        self.start_idle_work()
        self.screen_change_signal.subscribe(self, self._give_dialog_a_footer)
        if self.read_only is not None:
            self.call_after_refresh(self._say_read_only)

    def _say_read_only(self) -> None:
        self.notify(
            f"This database is read-only ({self.read_only}): you can look at everything, "
            "but nothing can be saved.",
            title="Read-only",
            markup=False,
            timeout=10,
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's line; while the database is read-only it says so on every screen."""
        shown = super().format_title(title, sub_title)
        if self.read_only is None:
            return shown
        notice = Content.from_markup("[$warning]read-only: $reason[/]", reason=self.read_only)
        return Content.assemble(shown, (" — ", "dim"), notice)

    def _give_dialog_a_footer(self, screen: Screen[object]) -> None:
        """Every dialog shows its own keys at the bottom, over the footer of the screen under it.

        The keys under a dialog do not work while it is open, so its own take their place:
        one rule for every dialog, not a footer in each one's compose. Textual's command
        palette keeps its own look.
        """
        if not isinstance(screen, ModalScreen) or isinstance(screen, SystemModalScreen):
            return
        if not screen.query(Footer):
            screen.mount(Footer())

    def action_command_palette(self) -> None:
        """Open the palette that waits for the search typed so far before enter picks."""
        from textual.command import CommandPalette

        from netcoach.commands import NetcoachPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(NetcoachPalette(id="--command-palette"))

    def action_help(self) -> None:
        from netcoach.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_import_contacts(self) -> None:
        """Open the Import screen; in demo mode the bundled sample export is filled in."""
        from netcoach.screens.import_contacts import ImportScreen, sample_export

        path = str(sample_export()) if self.demo else ""
        self.push_screen(ImportScreen(self.store, path=path))

    def action_export_contacts(self) -> None:
        from netcoach.screens.export import ExportScreen

        self.push_screen(ExportScreen(self.store))

    async def action_quit(self) -> None:
        """Quit; a form with unsaved changes on any screen asks first (Save / Discard / Keep)."""
        from netcoach.screens.forms import ask_before_quit

        if any(worker.group == "quit" and worker.is_running for worker in self.workers):
            return
        modes = [mode for mode, _key, _title, _where in SCREENS]

        async def quit_when_typed() -> None:
            await keys_handed_out(self.screen)  # letters typed just before count as changes
            await ask_before_quit(self, modes)

        self.run_worker(quit_when_typed(), group="quit", exit_on_error=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Global keys act only while browsing (widgets/keys.py), never over a dialog."""
        if not super().check_action(action, parameters):
            return False
        if action == "go":
            return not isinstance(self.screen, ModalScreen)
        if action == "leave_field":
            return can_leave_field(self.screen)
        return True

    def action_leave_field(self) -> None:
        leave_field(self.screen)
