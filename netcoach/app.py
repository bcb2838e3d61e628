"""The netcoach Textual application: modes, global keys, command palette, theme and errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from netcoach.config import DEFAULT_THEME, Config, load_config, save_config
from netcoach.data.repo import Store

log = logging.getLogger("netcoach")

NETCOACH_THEME = Theme(
    name="netcoach",
    primary="#5FA8A0",
    secondary="#8FB8DE",
    accent="#E0B25B",
    warning="#E0B25B",
    error="#D9695F",
    success="#7BBF6A",
    foreground="#E6E2D8",
    background="#1B1F23",
    surface="#23282E",
    panel="#2C333A",
    dark=True,
)

# (mode name, key, title, "module:Class") for every screen reachable with a global key.
# Each screen class takes the Store as its only argument and is imported on first use.
SCREENS: tuple[tuple[str, str, str, str], ...] = (
    ("today", "t", "Today", "netcoach.screens.today:TodayScreen"),
    ("contacts", "c", "Contacts", "netcoach.screens.contacts:ContactsScreen"),
    ("ledger", "g", "Give & get", "netcoach.screens.ledger:LedgerScreen"),
    ("review", "r", "Review", "netcoach.screens.review:ReviewScreen"),
)


class NetcoachApp(App[None]):
    """A calm coach for the person who grows their business through networking."""

    TITLE = "netcoach"
    DEFAULT_MODE = "today"
    CSS_PATH = "styles/app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"switch_mode('{mode}')", title, id=f"go.{mode}", tooltip=f"Open {title}")
            for mode, key, title, _where in SCREENS
        ),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key on this screen"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Leave netcoach"),
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
        self.register_theme(NETCOACH_THEME)
        try:
            self.theme = self.config.theme
        except Exception:
            self.theme = DEFAULT_THEME
        for mode, _key, _title, where in SCREENS:
            self.add_mode(mode, self._screen_factory(where))
        from netcoach.commands import NetcoachCommands

        self.COMMANDS = App.COMMANDS | {NetcoachCommands}
        if demo:
            self.sub_title = "demo data"

    def _screen_factory(self, where: str) -> Callable[[], Screen[None]]:
        def build() -> Screen[None]:
            from importlib import import_module

            module_name, class_name = where.split(":")
            screen_class = getattr(import_module(module_name), class_name)
            return screen_class(self.store)

        return build

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    def watch_theme(self, theme: str) -> None:
        if theme != self.config.theme:
            self.config.theme = theme
            self.save_settings()

    @work(thread=True, group="config-write", exit_on_error=False)
    def save_settings(self) -> None:
        save_config(self.config)

    def action_help(self) -> None:
        from netcoach.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    @on(Worker.StateChanged)
    def report_worker_error(self, event: Worker.StateChanged) -> None:
        """One place where every failed background task becomes a message, never a crash."""
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        log.error("task %s failed", event.worker.name, exc_info=error)
        self.notify(
            str(error) or type(error).__name__,
            title="Something went wrong",
            severity="error",
            markup=False,
            timeout=8,
        )


def create_app(
    db_path: Path,
    backups_dir: Path | None = None,
    config_path: Path | None = None,
    demo: bool = False,
    clock: Callable[[], datetime] = datetime.now,
) -> NetcoachApp:
    """Open (and if needed migrate) the database at ``db_path`` and build the app on it."""
    from netcoach.data.db import open_database

    db_path = Path(db_path)
    database = open_database(db_path, backups_dir or db_path.parent / "backups")
    return NetcoachApp(
        Store(database, clock=clock),
        config=load_config(config_path),
        demo=demo,
        database_path=db_path,
    )
