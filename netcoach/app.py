"""The netcoach Textual application: modes, global keys, command palette, theme and errors."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

# Textual draws at most TEXTUAL_FPS frames a second (60 unless set), so a list whose rows
# have arrived waits up to a frame (17 ms) to be drawn; at 120 that wait is at most 8 ms.
# Only frames with something to redraw are drawn, so an idle screen costs nothing more.
# This must be set before Textual is imported; a value in the environment wins.
os.environ.setdefault("TEXTUAL_FPS", "120")

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen, SystemModalScreen
from textual.theme import Theme
from textual.widget import AwaitMount
from textual.worker import Worker

from netcoach.config import Config, check_config, drop_unknown_ids, load_config, save_config
from netcoach.core.undo import UndoAction
from netcoach.data.repo import Store
from netcoach.messages import DataChanged
from netcoach.textual_compat import AreaStylesheets, NoSwitchDelay, use_theme_from_start
from netcoach.undo import UndoEntry, UndoStack
from netcoach.widgets.failures import ReportsFailures
from netcoach.widgets.footer import Footer
from netcoach.widgets.keys import (
    KeyContract,
    binding_ids,
    can_drop,
    can_leave_field,
    is_key_name,
    keys_handed_out,
    leave_field,
)
from netcoach.widgets.undo_note import UndoNote, note_for

if TYPE_CHECKING:
    from textual.command import Provider

    from netcoach.data.undo import LastChangeFile

log = logging.getLogger("netcoach")
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
    ("meetings", "o", "One-to-ones", "netcoach.screens.meetings:MeetingsScreen"),
    ("pitch", "p", "Pitch", "netcoach.screens.pitch:PitchScreen"),
    ("levels", "l", "Levels", "netcoach.screens.levels:LevelsScreen"),
    ("ledger", "g", "Give & get", "netcoach.screens.give_get:LedgerScreen"),
    ("review", "r", "Review", "netcoach.screens.review:ReviewScreen"),
)


def netcoach_commands() -> type[Provider]:
    """The palette's netcoach commands, imported when the palette first opens."""
    from netcoach.commands import NetcoachCommands

    return NetcoachCommands


class NetcoachApp(ReportsFailures, KeyContract, AreaStylesheets, NoSwitchDelay, App[None]):
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
        self.undo_stack = UndoStack()
        self._undo_notes: set[UndoNote] = set()
        self._last_change: LastChangeFile | None = None
        self._last_change_read = False  # whether the last run's change was offered yet
        self._frozen_modes: set[str] = {self.DEFAULT_MODE}
        self._gc_threshold = gc.get_threshold()
        self._last_input = 0.0
        self.register_theme(NETCOACH_THEME)
        self._check_settings()
        # Set before the first paint, where it can be, without running the watchers, which
        # would parse every stylesheet a second time.
        use_theme_from_start(self, self.config.theme)
        for mode, _key, _title, where in SCREENS:
            if mode != self.DEFAULT_MODE:
                self.add_mode(mode, self._screen_factory(where))
        if demo:
            self.sub_title = "demo data"

    def _check_settings(self) -> None:
        """Leave out of the settings what cannot apply (said on start); ctrl+q always quits.

        The keymap's ids are checked after the first frame (``check_binding_ids``):
        knowing every id imports every screen, about 150 ms that start-up does not wait for.
        """
        check_config(self.config, None, self.available_themes, is_key_name)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def check_binding_ids(self) -> None:
        """Leave out keymap entries for ids netcoach does not have, then say what was left out."""
        dropped = drop_unknown_ids(self.config, binding_ids())
        self.call_from_thread(self._settings_checked, dropped)

    def _settings_checked(self, dropped: bool = False) -> None:
        if dropped:
            self.set_keymap(self.config.keymap)
        if self.config.warnings:
            self.notify(
                self.config.warning_line(),
                title="Settings left out",
                severity="warning",
                markup=False,
                timeout=12,
            )

    def _screen_factory(self, where: str) -> Callable[[], Screen[None]]:
        def build() -> Screen[None]:
            module_name, class_name = where.split(":")
            screen_class = getattr(import_module(module_name), class_name)
            return screen_class(self.store)

        return build

    def get_default_screen(self) -> Screen[None]:
        """Today, built as the first screen (its mode is registered once it exists)."""
        return self._screen_factory(SCREENS[0][3])()

    def on_mount(self) -> None:
        # Registered now rather than in __init__ so that the first screen is built through
        # get_default_screen, which skips a second full parse of the stylesheets at start.
        self.add_mode(self.DEFAULT_MODE, self._screen_factory(SCREENS[0][3]))
        # The stylesheets are parsed and the theme applied by now: a first screen switch
        # has nothing to restyle (textual_compat.AreaStylesheets).
        self.styles_settled()
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
            self.call_after_refresh(self.check_binding_ids)
        else:
            self._settings_checked()
        self.call_after_refresh(self._settle_memory)
        self._collect_when_idle()
        self.set_timer(WARM_AFTER, self._import_next_screen, name="import-screens")
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

    def watch_theme(self, theme: str) -> None:
        if theme != self.config.theme:
            self.config.theme = theme
            self.save_settings()

    @work(thread=True, group="config-write", exit_on_error=False)
    def save_settings(self) -> None:
        save_config(self.config)

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

    def action_leave_field(self) -> None:
        leave_field(self.screen)

    # ---- undo -----------------------------------------------------------------------------

    def push_undo(
        self,
        change: UndoAction | str,
        restore: Callable[[], None] | None = None,
        screen: Screen[object] | None = None,
    ) -> None:
        """Remember a change so ctrl+z can put things back, and say so on the screen.

        ``change`` is a described change (kept on disk, so the next run can undo it)
        or, with ``restore``, a description for a change undone by that function in
        this session only. The note goes on ``screen``, or on whichever screen is
        shown once the current dialog has closed.
        """
        if isinstance(change, UndoAction):
            entry = UndoEntry(change.label, action=change)
        else:
            entry = UndoEntry(change, restore=restore)
        self.undo_stack.push(entry)
        self._last_change_read = True  # the last session's change is no longer the last
        self.keep_last_change()
        if screen is not None:
            self._note_change(screen, entry)
        else:
            self.call_after_refresh(lambda: self._note_change(self.screen, entry))

    def clear_undo_note(self, screen: Screen[object] | None = None) -> None:
        """Something else changed on ``screen``: its note of the change before goes."""
        note = note_for(screen or self.screen)
        if note is not None:
            note.clear()

    def _note_change(self, screen: Screen[object], entry: UndoEntry) -> None:
        note = note_for(screen)
        if note is not None and self.undo_stack.top() is entry:
            self._undo_notes.add(note)
            note.show_change(entry.description, entry)
        self._forget_stale_notes(results_too=True)

    def _forget_stale_notes(self, results_too: bool = False) -> None:
        """A note offers ctrl+z only while its change is the one ctrl+z undoes; what an
        undo did is said until the next change."""
        top = self.undo_stack.top()
        for note in list(self._undo_notes):
            if not note.is_attached:
                self._undo_notes.discard(note)
            elif note.entry is not top and (note.entry is not None or results_too):
                note.clear()

    def action_undo(self) -> None:
        if self.read_only is not None:
            self.notify(
                f"Nothing can be undone: the database is read-only ({self.read_only}).",
                markup=False,
            )
            return
        entry = self.undo_stack.pop()
        if entry is None and not self._last_change_read:
            self._last_change_read = True
            self.undo_last_session()
            return
        if entry is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self._forget_stale_notes()
        self.run_undo(entry)

    @work(thread=True, group="db-write", exit_on_error=False)
    def undo_last_session(self) -> None:
        """Undo the last change of the last run, as kept next to the database."""
        kept = self._last_change_file()
        action = kept.load() if kept is not None else None
        if action is None:
            self.call_from_thread(self.notify, "Nothing to undo.", markup=False)
            return
        self._undo_now(UndoEntry(action.label, action=action, from_last_session=True))

    @work(thread=True, group="db-write", exit_on_error=False)
    def run_undo(self, entry: UndoEntry) -> None:
        self._undo_now(entry)

    def _undo_now(self, entry: UndoEntry) -> None:
        """Undo ``entry`` (in a write worker) and keep the change now on top for the next run."""
        from netcoach.data.undo import UndoRefused, apply_undo

        refusal = ""
        try:
            if entry.action is not None:
                apply_undo(self.store, entry.action)
            elif entry.restore is not None:
                entry.restore()
        except UndoRefused as error:
            refusal = str(error)
        except Exception:
            # Nothing was undone: ctrl+z offers the same change again (and the failure is
            # said by ReportsFailures).
            self.post_message(self.UndoFailed(entry))
            raise
        self._save_last_change()
        self.post_message(self.Undone(entry, refusal))

    def _last_change_file(self) -> LastChangeFile | None:
        if self.database_path is None:
            return None
        from netcoach.data.undo import LastChangeFile, last_change_path

        if self._last_change is None:
            self._last_change = LastChangeFile(last_change_path(self.database_path))
        return self._last_change

    @work(thread=True, group="undo-file", exit_on_error=False)
    def keep_last_change(self) -> None:
        self._save_last_change()

    def _save_last_change(self) -> None:
        """Write the change ctrl+z undoes now next to the database (or remove it), for the
        next run; whichever write comes last writes what is on top by then."""
        kept = self._last_change_file()
        if kept is not None:
            kept.save(lambda: getattr(self.undo_stack.top(), "action", None))

    class UndoFailed(Message):
        def __init__(self, entry: UndoEntry) -> None:
            super().__init__()
            self.entry = entry

    @on(UndoFailed)
    def undo_failed(self, message: UndoFailed) -> None:
        if message.entry.from_last_session:
            self._last_change_read = False
        else:
            self.undo_stack.push(message.entry)

    def show_failure(self, worker: Worker[object], reason: str) -> bool:
        """A failed undo is said as such, with the key that tries it again."""
        if worker.name not in {"run_undo", "undo_last_session"}:
            return False
        self.notify(
            f"Not undone: {reason}. Press ctrl+z to try again.",
            severity="error",
            markup=False,
            timeout=10,
        )
        return True

    @dataclass
    class Undone(Message):
        """An undo ran: what it was, and why it was refused ("" when it was done)."""

        entry: UndoEntry
        refusal: str

    @on(Undone)
    def undone(self, message: Undone) -> None:
        """Say what was undone (or why not) where the person is looking, until the next change."""
        entry = message.entry
        where = " (from your last session)" if entry.from_last_session else ""
        text = message.refusal or f"Undone{where}: {entry.description}"
        note = note_for(self.screen)
        if note is None:
            severity = "warning" if message.refusal else "information"
            self.notify(text, severity=severity, markup=False)
        else:
            self._undo_notes.add(note)
            note.show_result(text, refused=bool(message.refusal))
        self._forget_stale_notes()
        screen = self.screen
        if hasattr(screen, "on_data_changed"):
            screen.post_message(DataChanged())
        elif hasattr(screen, "action_refresh"):
            screen.action_refresh()


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
