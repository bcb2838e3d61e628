"""The app's settings and theme: netcoach's own theme, the settings checked on start, the
theme kept between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.theme import Theme

from netcoach.config import Config, check_config, drop_unknown_ids, save_config
from netcoach.widgets.keys import binding_ids, is_key_name

if TYPE_CHECKING:
    from textual.app import App

    AppMixin = App[None]
else:
    AppMixin = object

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


class KeepsSettings(AppMixin):
    """Mixed into the App: what the settings file asks for is checked, said and kept."""

    config: Config

    def _check_settings(self) -> None:
        """Leave out of the settings what cannot apply (said on start); ctrl+q always quits.

        The keymap's ids are checked after the first frame (``check_binding_ids``):
        knowing every id imports every screen, about 150 ms that start-up does not wait for.
        """
        check_config(self.config, None, self.available_themes, is_key_name)

    def _apply_keymap(self) -> None:
        """Once mounted: the settings' keymap applies, and what was left out of them is said."""
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
            self.call_after_refresh(self.check_binding_ids)
        else:
            self._settings_checked()

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

    def watch_theme(self, theme: str) -> None:
        if theme != self.config.theme:
            self.config.theme = theme
            self.save_settings()

    @work(thread=True, group="config-write", exit_on_error=False)
    def save_settings(self) -> None:
        save_config(self.config)
